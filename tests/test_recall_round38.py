"""Fixes of the thirty-eighth round.

- "captured Kherson, Ukraine", "sent to Gao, Mali": a country or region in apposition to a
  town says where the town lies and gives no fact of its own; a list of countries ("struck
  Lebanon, Syria and Iraq") still gives one fact for each.

Our own sentences.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2022, 11, 12)

ASSERTED = [
    ("town-kept", "Ukrainian troops entered Snihurivka, Ukraine, on Friday.",
     ("Ukraine", "controls", "Snihurivka")),
    ("town-in-region", "Israeli troops withdrew from Tubas, West Bank, on Friday.",
     ("Israel", "withdrewFrom", "Tubas")),
    ("countries-listed", "Israeli jets struck Lebanon, Syria and Iraq on Friday.",
     ("Israel", "attacked", "Syria")),
]

NOT_ASSERTED = [
    ("country-of-town", "Russian troops captured Kherson, Ukraine, on Wednesday.",
     ("Russia", "controls", "Ukraine")),
    ("region-of-town", "Israeli troops withdrew from Tubas, West Bank, on Friday.",
     ("Israel", "withdrewFrom", "West Bank")),
    ("country-of-deployment", "French troops were sent to Gao, Mali, in 2013.",
     ("France", "deployedTo", "Mali")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
