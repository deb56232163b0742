"""Fixes of the thirty-first round, from the tuning sets' missed facts grouped by the
word that joins party and place, and from the first reads of tune32 and tune33.

- Armour, fleets, squadrons, platoons, detachments and gunboats act for their side as
  troops do ("Israeli armour took Latrun").
- Partners named beside a subject act too: "X, together with Y and Z, liberated W",
  "along with", "alongside" (a bare "with" names an instrument: "troops with tanks").
- Gapped object lists: a name that continues a verb's objects after an inserted phrase
  ("seized A on 26 October, then B and C", "took A, and by the end of October B",
  "captured A and, after fierce fighting, B"). Not a name after another verb, and not a
  name inside another noun's phrase ("the gateway to Saigon").
- Bare "troops" or "reinforcements" in a reported clause are the speaker's side ("Armenia's
  defence ministry says reinforcements have been sent to X"); a group's spokesman's "the
  fighters" are the group's ("a spokesman for Ansar Dine said the fighters had pulled out").
  A state's speaker does not make bare "gunmen" or "fighters" its own.
- The target of "strikes on X" is a place even where the NER model reads a person's name.
- "pulled back overnight to X": "to" hung on the verb beside "back" still gives a deployment.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2014, 9, 1)

ASSERTED = [
    ("armour", "On Tuesday Israeli armour took Latrun after a short fight.",
     ("Israel", "controls", "Latrun")),
    ("together-with", "The Ethiopian National Defense Force, together with the Amhara militia and "
     "Fano, has liberated the town of Dessie.", ("Fano", "controls", "Dessie")),
    ("along-with", "Kenyan troops, along with Somali government forces, captured Kismayo on Monday.",
     ("Somalia", "controls", "Kismayo")),
    ("alongside", "The Malian army, alongside Wagner fighters, retook the town of Anefis.",
     ("Wagner Group", "controls", "Anefis")),
    ("gap-then", "In Darfur the RSF seized Nyala on 26 October, then Zalingei and El Geneina.",
     ("Rapid Support Forces", "controls", "El Geneina")),
    ("gap-by-date", "In August Armenian forces took Fuzuli, Jabrayil and Qubadli, and by the end "
     "of October Zangilan.", ("Armenia", "controls", "Zangilan")),
    ("gap-after", "Chinese forces captured Lao Cai, Cao Bang and, after fierce fighting, Lang Son.",
     ("China", "controls", "Lang Son")),
    ("gap-settlement-of", "Azerbaijani troops liberated the city of Jabrayil on 4 October and the settlement "
     "of Hadrut on 9 October.", ("Azerbaijan", "controls", "Hadrut")),
    ("speaker-troops", "Azerbaijani reinforcements moved up to Kalbajar. Armenia's defence ministry "
     "says reinforcements have been sent to Syunik province in the south.",
     ("Armenia", "deployedTo", "Syunik Province")),
    ("spokesman-for-group", "MUJAO fighters still held Gao. A spokesman for Ansar Dine, reached by "
     "satellite phone, said the fighters had pulled out of Konna for tactical reasons.",
     ("Ansar Dine", "withdrewFrom", "Konna")),
    ("strikes-on-person-like-name", "Iraqi jets carried out strikes on Suleiman Bek this morning.",
     ("Iraq", "attacked", "Suleiman Bek")),
    ("back-overnight-to", "Islamic State fighters besieged Amerli for weeks. The jihadists pulled "
     "back overnight to Tikrit.", ("Islamic State", "deployedTo", "Tikrit")),
]

NOT_ASSERTED = [
    ("with-instrument", "Russian troops with Chechen volunteers entered Gori.",
     ("Chechnya", "controls", "Gori")),
    ("gap-other-verb", "Russian forces took Izium on Saturday and Ukrainian troops shelled Kharkiv.",
     ("Russia", "attacked", "Kharkiv")),
    ("gap-inside-noun", "Liberation forces freed Xuan Loc, and with it Long Khanh, the gateway to "
     "Saigon.", ("Viet Cong", "controls", "Saigon")),
    ("state-speaker-gunmen", "The Israeli military said gunmen had fired rockets at Sderot.",
     ("Israel", "attacked", "Sderot")),
    ("state-speaker-fighters", "A French officer said the fighters had pulled out of Konna.",
     ("France", "withdrewFrom", "Konna")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
