"""Fixes of the twentieth round, from tune31. Mechanisms other articles share:

- "the area known as X", "a village called X": X.
- "reinforced the 27th Brigade in X": reinforcing a unit where it is posted is a
  deployment to that place.

Our own sentences about other places.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2008, 3, 5)

ASSERTED = [
    ("known-as", "Ecuadorian aircraft bombed a camp in the area known as Lago Agrio on Sunday.",
     ("Ecuador", "attacked", "Nueva Loja")),   # the gazetteer knows Lago Agrio by its official name
    ("reinforced-unit-in", "The Ecuadorian army has reinforced the 19th Brigade in Sucumbios with "
     "additional units.", ("Ecuador", "deployedTo", "Sucumbios")),
]

NOT_ASSERTED = [
    ("attack-on-forces-stays", "Ecuadorian aircraft bombed FARC fighters in Sucumbios.",
     ("Ecuador", "deployedTo", "Sucumbios")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
