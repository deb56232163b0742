"""Fixes of the nineteenth round, from tune30 and tune31. Mechanisms other articles share:

- A numbered hill, height or route is a place named with its number ("Hill 471",
  "Hill 881 South"), even where the NER model calls it a person; a bare "Hill" is none.
- A relative clause states its own fact: "Lang Vei, which X overran, has not been
  reoccupied" asserts that X overran Lang Vei; the negation belongs to the main clause.

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
    ("relative-clause-own-fact", "The camp at Lang Vei, which North Vietnamese troops overran on 7 February, "
     "has not been reoccupied.", ("North Vietnam", "controls", "Lang Vei")),
]

NOT_ASSERTED = [
    ("bare-hill-no-place", "On 18 May, Chinese troops seized Hill 1037, east of the river.",
     ("China", "controls", "Hill")),
    ("matrix-still-negated", "The camp at Lang Vei, which North Vietnamese troops overran on 7 February, "
     "has not been reoccupied by US troops.", ("United States", "controls", "Lang Vei")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)

