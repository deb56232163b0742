"""Fixes of the twenty-fifth round, from tune19. Mechanisms other articles share:

- "the airfield at Maleme", "the base near X": a place-head noun with no name of its own
  stands for the place after "at", "near" or "outside", also where the parser hangs that
  phrase on the verb ("captured the airfield at Maleme").
- "dozens of Russian tanks", "hundreds of fighters": the body after "of" acts.

Our own sentences about other battles.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1942, 6, 21)

ASSERTED = [
    ("airfield-at-hands", "The airfield at Gazala is in German hands.", ("Germany", "controls", "Gazala")),
    ("airfield-at-verb", "German troops captured the airfield at Gazala.", ("Germany", "controls", "Gazala")),
    ("dozens-of", "Dozens of German tanks attacked Tobruk.", ("Germany", "attacked", "Tobruk")),
]

NOT_ASSERTED = [
    ("airfield-no-place", "German troops captured the airfield on Tuesday.", ("Germany", "controls", "Tuesday")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
