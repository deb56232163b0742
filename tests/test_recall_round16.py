"""Fixes of the sixteenth round. Mechanisms other articles share:

- "launched an offensive to recapture X", "began the battle to liberate X": the capture is
  only the aim (planned), but the offensive against X happened: an attack on X. A plan to
  launch one ("plans to launch an offensive to take X") is still no attack.

Our own sentences.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2016, 3, 27)

ASSERTED = [
    ("launched-to-liberate", "On 17 April Iraqi forces launched the great battle to liberate Al-Faw.",
     ("Iraq", "attacked", "Al-Faw")),
    ("began-offensive-to", "The Syrian army began an offensive to recapture Palmyra on Sunday.",
     ("Syria", "attacked", "Palmyra")),
    ("launched-operation-advcl", "Government troops launched an operation on Tuesday to retake Marawi "
     "from the militants.", ("Philippines", "attacked", "Marawi")),
]

NOT_ASSERTED = [
    ("aim-not-taken", "The Syrian army began an offensive to recapture Palmyra on Sunday.",
     ("Syria", "controls", "Palmyra")),
    ("plan-to-launch", "The Syrian army plans to launch an offensive to recapture Palmyra.",
     ("Syria", "attacked", "Palmyra")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
