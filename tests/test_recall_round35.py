"""Fixes of the thirty-fifth round, from the tuning sets' missed deployments and supplies.

- "the Libyan presence in the north", "the federal grouping": forces of their side.
- "fell back to X", "fell back on X" are deployments to X, as "withdrew to X" is (not
  "fell back towards X", a direction).
- "troops were posted along the river front in X" is a deployment.

Tried on the tuning sets and left out: "advanced to/into/in X" (countries and directions
more often than deployments), "pushed into X", "fought their way into X".

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1987, 9, 11)

ASSERTED = [
    ("presence", "The Libyan presence in the north was supplied from the air base at Ouadi Doum.",
     ("Libya", "suppliesVia", "Ouadi Doum")),
    ("fell-back-to", "The Houthis fell back to Mawza on Monday.", ("Houthis", "deployedTo", "Mawza")),
    ("fell-back-overnight-to", "The Houthis fell back overnight to Mawza.",
     ("Houthis", "deployedTo", "Mawza")),
    ("posted-along", "American troopers were posted along the river front in El Paso.",
     ("United States", "deployedTo", "El Paso")),
]

NOT_ASSERTED = [
    ("fell-back-towards", "The Ottoman troops fell back towards Baghdad.",
     ("Ottoman Empire", "deployedTo", "Baghdad")),
    ("pushed-into", "Salvadoran army columns pushed deeper into Honduras on Wednesday.",
     ("El Salvador", "deployedTo", "Honduras")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
