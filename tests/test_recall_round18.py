"""Fixes of the eighteenth round. Mechanisms other articles share:

- "bombed residential areas of A and B" names its places even where a phrase of place
  ("In a cowardly act of revenge") opens the sentence.
- "combatants" are armed forces.

Our own sentences.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1987, 1, 10)

ASSERTED = [
    ("areas-of-after-fronted-in", "In a cowardly act of revenge, the aircraft of the Iraqi regime bombed "
     "residential areas of Ahvaz and Dezful this afternoon.", ("Iraq", "attacked", "Ahvaz")),
    ("combatants", "Iranian combatants entered Mehran at dawn.", ("Iran", "controls", "Mehran")),
]

NOT_ASSERTED = [
    ("act-not-place", "In a cowardly act of revenge, the aircraft of the Iraqi regime bombed residential "
     "areas of Ahvaz this afternoon.", ("Iraq", "attacked", "act")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
