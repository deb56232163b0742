"""Fixes of the twenty-third round. Mechanisms other articles share:

- "X is under the protection of Y" is Y's hold on X (only "under the protection of").
- "leaves X in the militia's hands": the place left in those hands is the object of
  "leave", not its subject.

Our own sentences.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2004, 8, 27)

ASSERTED = [
    ("under-protection", "The port of Aden is now under the protection of the Yemeni armed forces.",
     ("Yemen", "controls", "Aden")),
    ("leaves-in-hands", "The truce leaves Sadr City in the hands of the Mahdi Army.",
     ("Mahdi Army", "controls", "Sadr City")),
]

NOT_ASSERTED = [
    ("sought-protection", "Iraqi troops sought protection in Najaf.", ("Iraq", "controls", "Najaf")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
