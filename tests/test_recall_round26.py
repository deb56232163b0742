"""Fixes of the twenty-sixth round, found by sorting the missed tuning facts by what the
sentence held (both entities named but no relation, or no side found at all).
Mechanisms other articles share:

- "Syrian air strikes hit Idlib", "a Saudi raid struck Saada": strikes and raids that
  are the subject of the sentence stand for the side that carried them out, as
  "Saudi jets" already did ("the strikes on Idlib" stays an attack event).
- Object control: "forced the garrison to withdraw", "ordered its brigades to leave X":
  the one made to act is the object of "forced"/"ordered", not its subject.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2016, 2, 9)

ASSERTED = [
    ("strikes-subject", "Syrian air strikes hit Saraqib and Maarat al-Numan overnight.",
     ("Syria", "attacked", "Saraqib")),
    ("strike-singular", "A Saudi strike struck a market in Saada on Monday.",
     ("Saudi Arabia", "attacked", "Saada")),
    ("attacks-targeted", "Turkish attacks targeted Afrin on Monday, Kurdish officials said.",
     ("Turkey", "attacked", "Afrin")),
    ("forced-object", "Syrian troops forced Turkish soldiers to withdraw from Afrin.",
     ("Turkey", "withdrewFrom", "Afrin")),
    ("compelled-object", "The siege compelled Syrian troops to abandon Palmyra.",
     ("Syria", "withdrewFrom", "Palmyra")),
    # no "to": the one keeping the troops supplied is the supplier
    ("kept-supplied", "Turkey keeps its troops in Afrin supplied through Kilis.",
     ("Turkey", "suppliesVia", "Kilis")),
]

NOT_ASSERTED = [
    # the side that forced the retreat did not retreat
    ("forced-not-subject", "Syrian troops forced Turkish soldiers to withdraw from Afrin.",
     ("Syria", "withdrewFrom", "Afrin")),
    # a strike with no side named gives no attacker
    ("bare-strikes", "Air strikes hit Saraqib overnight.", ("Syria", "attacked", "Saraqib")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
