"""Fixes of the thirty-seventh round.

- A list after a verb whose object is always a place ("overran A and B", "shelled A and
  B"): every member fills the place slot, also a two-word name the NER model calls a
  person ("Stung Treng", "Ras Kubar"), as the first member does.
- Not a person named after a verb that takes people as well as places ("captured Saddam
  Hussein"): such verbs stay out of the place-verb list.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1979, 2, 1)

ASSERTED = [
    ("listed-second-name", "Vietnamese divisions overran Kratie and Stung Treng in the first week.",
     ("Vietnam", "controls", "Stung Treng")),
    ("listed-first-name", "Vietnamese divisions overran Kratie and Stung Treng in the first week.",
     ("Vietnam", "controls", "Kratie")),
]

NOT_ASSERTED = [
    ("captured-person", "Vietnamese troops captured Ieng Sary near Pailin on Sunday.",
     ("Vietnam", "controls", "Ieng Sary")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
