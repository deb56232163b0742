"""Fixes of the tenth round, found by reading the errors of tune15 and tune16 after their
first, blind read. Mechanisms other articles share:

- A leader named as possessor of a force noun ("Assad's forces", "Muammar Gaddafi's
  brigades") stands for the side that leader led on the article's date
  (``kg/data/leaders.json``); outside the leader's years the name gives no side.
- "loyalist artillery", "the loyalists": in a civil war, the government's forces.
- "the centre of the port city": the part of a place named by an anaphor is that place.
- "the western gate of X", "the edge of X": X.
- "liberation troops" after a party whose name has the word "Liberation" are that party's.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2012, 3, 14)

ASSERTED = [
    ("leader-possessor", "Bozize's soldiers abandoned Ndele on Tuesday, residents said.",
     ("Central African Republic", "withdrewFrom", "Ndélé")),
    ("leader-possessor-2", "Deby's troops shelled Abeche on Tuesday, the rebels said.",
     ("Chad", "attacked", "Abéché")),
    ("leader-full-name", "Bashar al-Assad's troops withdrew from Zabadani on Sunday.",
     ("Syria", "withdrewFrom", "Zabadani")),
    ("loyalist-modifier", "Rebels hold Homs. Loyalist artillery pounded Rastan again overnight.",
     ("Syria", "attacked", "Rastan")),
    ("of-head-anaphor", "Heavy fighting was reported in Zinjibar on Sunday. By Monday the Yemeni "
     "army had pulled out of the centre of the town.", ("Yemen", "withdrewFrom", "Zinjibar")),
    ("gate-of", "Syrian troops shelled the northern gate of Hama.", ("Syria", "attacked", "Hama")),
    ("liberation-short-form", "The Sudan People's Liberation Army fought near Malakal. On Friday "
     "liberation troops seized Nasir.", ("Sudan People's Liberation Army", "controls", "Nasir")),
]

NOT_ASSERTED = [
    # Saddam Hussein led Iraq until April 2003: in 2012 his name gives no side
    ("leader-out-of-era", "Saddam's men attacked Tikrit, the newspaper claimed.",
     ("Iraq", "attacked", "Tikrit")),
    # Muammar Gaddafi was killed in October 2011
    ("leader-dead", "Gaddafi's brigades shelled Zintan again, a rebel said.", ("Libya", "attacked", "Zintan")),
    ("unknown-leader", "Fighters loyal to nobody in particular, and Omar's forces, attacked Rastan.",
     ("Syria", "attacked", "Rastan")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
