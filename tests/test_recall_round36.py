"""Fixes of the thirty-sixth round, from the tuning sets' missed captures told in the
passive and in reported speech.

- "X has been freed from the invaders", "X was cleared of the enemy": a passive with no
  agent that names who lost the place; the taker is the loser's foe (the party other than
  the loser and its allies that the article names most).
- "Ukrainian officials said their troops had entered X": "their" is the officials', whose
  side only their modifier names.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2022, 4, 2)

FREED = ("Russian troops shelled Irpin for weeks while Ukrainian troops held the bridge. "
         "Irpin has been freed from the Russian invaders.")

ASSERTED = [
    ("freed-from-loser", FREED, ("Ukraine", "controls", "Irpin")),
    ("officials-their-troops", "Ukrainian officials said their troops had entered Lyman.",
     ("Ukraine", "controls", "Lyman")),
]

NOT_ASSERTED = [
    ("loser-not-taker", FREED, ("Russia", "controls", "Irpin")),
    ("freed-no-foe-named", "Irpin has been freed from the Russian invaders.",
     ("Russia", "controls", "Irpin")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
