"""Fixes of the nineteenth round, from tune30 and tune31. Mechanisms other articles share:

- A numbered hill, height or route is a place named with its number ("Hill 471",
  "Hill 881 South"), even where the NER model calls it a person; a bare "Hill" is none.

Our own sentences about other battles.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1951, 5, 20)

ASSERTED = [
    ("numbered-hill", "On 18 May, Chinese troops seized Hill 1037, east of the river.",
     ("China", "controls", "Hill 1037")),
    ("numbered-hill-compass", "Chinese troops seized Hill 355 North after a night assault.",
     ("China", "controls", "Hill 355 North")),
]

NOT_ASSERTED = [
    ("bare-hill-no-place", "On 18 May, Chinese troops seized Hill 1037, east of the river.",
     ("China", "controls", "Hill")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
