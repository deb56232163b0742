"""Fixes of the fifteenth round, from misses whose evidence had no trigger word we knew
(tune17 to tune28). Mechanisms other articles share:

- "troops were guarding X" is a deployment; "liquidating" is an attack; "ringed by" is an
  encirclement; "dug in on X" a deployment; "the clearing of X" a takeover.
- "in German and Italian hands": each owner holds the place; "returned to government
  hands" is a takeover like "fell into".
- "in the hands of President Najibullah": a leader owner stands for the side he led then.
- "is in our hands" in an official communiqué: the issuing state's.
- A month is no part of a place name ("By 1 June Crete was ...").

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1989, 5, 20)

ASSERTED = [
    ("guarding", "Zimbabwean troops have been guarding Tete since March.", ("Zimbabwe", "deployedTo", "Tete")),
    ("liquidating", "Soviet units are liquidating bandit nests in Herat.",
     ("Soviet Union", "attacked", "Herat")),
    ("ringed-by", "Kandahar is now ringed by Soviet tanks.", ("Soviet Union", "encircled", "Kandahar")),
    ("two-owners", "By 1 June Herat was in Soviet and Afghan hands.", ("Afghanistan", "controls", "Herat")),
    ("month-not-name", "By 1 June Herat was in Soviet and Afghan hands.", ("Soviet Union", "controls", "Herat")),
    ("returned-to-hands", "The town of Khost returned to government hands in 1988, the army said.",
     ("Afghanistan", "controls", "Khost")),
    ("leader-owner", "Fighting continued around Jalalabad. Western diplomats say the city is still in "
     "the hands of President Najibullah.", ("Afghanistan", "controls", "Jalalabad")),
    ("communique-our-hands", "AFGHANISTAN: MINISTRY OF DEFENCE COMMUNIQUE\n\nThe town of Jalalabad is in "
     "our hands.", ("Afghanistan", "controls", "Jalalabad")),
]

NOT_ASSERTED = [
    ("our-hands-no-voice", "Weekly digest\n\nThe town of Jalalabad is in our hands.",
     ("Afghanistan", "controls", "Jalalabad")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
