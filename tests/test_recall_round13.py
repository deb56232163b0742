"""Fixes of the thirteenth round, from more of the tune21 to tune24 errors. Mechanisms
other articles share:

- A past-tense clause introduced by a time conjunction states what happened, whatever the
  clause above it plans: "used the line to supply troops after they captured X".
- Russia's groupings of forces ("the Vostok Group", "Zapad Group of Forces") and Ukraine's
  operational-strategic groups ("Khortytsia group") are units of their states.
- "assault groups", "sabotage groups" are armed forces (not any group); "glide bombs",
  "shells" stand for the side firing them.
- A place name the parser hangs on the verb as an adverb ("attacking Verbove, to the
  east") is the verb's object, whatever label the NER model gives it.
- "retook A in late July and B on 16 August": B, which the parser coordinates with the
  date, is a second object.

Our own sentences; no article of the tuning sets is quoted.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2023, 9, 4)

ASSERTED = [
    ("past-clause-under-purpose", "Russian forces used the railway to supply their troops in the south "
     "after they captured Volnovakha in March 2022.", ("Russia", "controls", "Volnovakha")),
    ("grouping-of-forces", "On Thursday the defence ministry said Vuhledar had been liberated by the "
     "Vostok Group.", ("Russia", "controls", "Vuhledar")),
    ("assault-groups", "Ukrainian assault groups are now attacking Verbove, to the east.",
     ("Ukraine", "attacked", "Verbove")),
    ("munitions", "Meanwhile Russian artillery and glide bombs keep pounding Orikhiv, the town from "
     "which the offensive began.", ("Russia", "attacked", "Orikhiv")),
    ("object-on-date", "Further east, Ukrainian marines retook Staromaiorske in late July and Urozhaine "
     "on 16 August.", ("Ukraine", "controls", "Urozhaine")),
]

NOT_ASSERTED = [
    ("purpose-still-planned", "Russian forces moved troops south to capture Volnovakha.",
     ("Russia", "controls", "Volnovakha")),
    ("aid-group-no-force", "Ukrainian aid groups are now supplying Verbove.", ("Ukraine", "suppliesVia", "Verbove")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
