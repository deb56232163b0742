"""Fixes of the seventeenth round, from the tune25 to tune28 errors. Mechanisms other
articles share:

- "When troops crossed into X, the military called it ...": a past clause of time keeps
  its assertion even under a verb of planning ("call" as in "call for").
- "destroyed positions in X" is an attack on X.
- "villages such as A, B and C", "towns including A and B": each named member.
- A hyphen written without spaces between proper nouns ("Aita al-Shaab") is part of the
  name.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2006, 7, 30)

ASSERTED = [
    ("when-clause-under-call", "When Israeli troops crossed into Lebanon on 12 July, the army called the "
     "operation limited.", ("Israel", "deployedTo", "Lebanon")),
    ("destroyed-positions-in", "Israeli aircraft destroyed Hezbollah positions in Bint Jbeil.",
     ("Israel", "attacked", "Bint Jbeil")),
    ("such-as-members", "Israeli artillery shelled villages such as Khiam, Marjayoun and Aita al-Shaab.",
     ("Israel", "attacked", "Marjayoun")),
    ("including-members", "Israeli artillery shelled towns including Khiam and Marjayoun.",
     ("Israel", "attacked", "Khiam")),
]

NOT_ASSERTED = [
    ("call-for-still-planned", "The rebels called for an offensive to capture Khiam.",
     ("Hezbollah", "controls", "Khiam")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
