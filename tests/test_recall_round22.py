"""Fixes of the twenty-second round. Mechanisms other articles share:

- A strike on things "near X" is an attack on X, as one on things "in X" or "around X"
  ("attacked positions near A and B", "destroyed depots near X").
- "the last corner of X" is X.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2015, 1, 20)

ASSERTED = [
    ("positions-near", "DPR gunmen attacked Ukrainian positions near Pisky and Avdiivka.",
     ("Donetsk People's Republic", "attacked", "Pisky")),
    ("depots-near", "Russian missiles destroyed fuel depots near Kremenchuk overnight.",
     ("Russia", "attacked", "Kremenchuk")),
    ("corner-of", "Ukrainian troops still hold the last corner of Pisky.", ("Ukraine", "controls", "Pisky")),
]

NOT_ASSERTED = [
    ("forces-near-not-place", "Ukrainian artillery shelled Russian troops near the river.",
     ("Ukraine", "attacked", "river")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
