"""Fixes of the twenty-fourth round. Mechanisms other articles share:

- "Novoazovsk, a town held by the separatists": the participle describes the named place
  the appositive stands beside.
- A numbered district or sector is a place named with its number ("District 2"); a lone
  generic word ("District", "Hill", "Sea") is no place name.

Our own sentences.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2014, 9, 1)

ASSERTED = [
    ("appositive-held-by", "Wounded soldiers were taken to Ilovaisk, a town held by DPR separatists.",
     ("Donetsk People's Republic", "controls", "Ilovaisk")),
    ("numbered-district", "Libyan rebels seized District 2, the last quarter held by loyalists.",
     ("National Transitional Council", "controls", "District 2")),
]

NOT_ASSERTED = [
    ("generic-word-no-place", "Libyan rebels seized the District on Sunday.",
     ("National Transitional Council", "controls", "District")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
