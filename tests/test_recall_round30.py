"""Fixes of the thirtieth round: surrender. The lemma count of the tuning sets' missed
facts showed "surrendered" among the verbs the trigger table lacked.

- "the garrison at X surrendered to Y", "X surrendered to Y", "troops in X capitulated to
  Y": Y takes X. With no captor named ("the garrison surrendered on Sunday") nobody is
  credited, and a refusal is no surrender ("refused to surrender", "declined to withdraw"
  are negated, like "failed to").

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1940, 6, 26)

ASSERTED = [
    ("garrison-at", "The French garrison at Dunkirk surrendered to German troops on Tuesday.",
     ("Germany", "controls", "Dunkirk")),
    ("garrison-of", "The garrison of Narvik surrendered to Norwegian troops.",
     ("Norway", "controls", "Narvik")),
    ("place-surrendered", "Bardia surrendered to British troops on Sunday.",
     ("United Kingdom", "controls", "Bardia")),
    ("capitulated", "Italian troops in Bardia capitulated to British forces.",
     ("United Kingdom", "controls", "Bardia")),
]

NOT_ASSERTED = [
    ("no-captor", "Italian troops at Bardia surrendered on Sunday after British shelling.",
     ("United Kingdom", "controls", "Bardia")),
    ("refused", "The Italian garrison at Bardia refused to surrender to British troops.",
     ("United Kingdom", "controls", "Bardia")),
    ("declined-withdraw", "Italian troops declined to withdraw from Bardia.",
     ("Italy", "withdrewFrom", "Bardia")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
