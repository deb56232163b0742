"""Fixes of the sixth round: mechanisms, not phrasings.

- Long lists: the parser chains "Kolwezi, Likasi, Kambove and Musoshi" (each member hangs
  on the one before), so "the towns of A, B, C and D" stands for all four, not two.
- A name in a list of places is a place even when the small NER model calls it a person
  with a title or a full name ("Bulbul, Sheikh Hadid and Maabatli").
- "the group", "the militia", "the movement" with nothing naming them stand for the armed
  group named in the last few sentences.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2021, 3, 9)

ASSERTED = [
    ("towns-of-long-list-third", "By Friday the towns of Kolwezi, Likasi, Kambove and Musoshi had "
     "been retaken by Congolese troops.", ("Democratic Republic of the Congo", "controls", "Kambove")),
    ("towns-of-long-list-last", "By Friday the towns of Kolwezi, Likasi, Kambove and Musoshi had "
     "been retaken by Congolese troops.", ("Democratic Republic of the Congo", "controls", "Musoshi")),
    ("villages-of-list-attack", "Nigerian jets bombed the villages of Gwoza, Bama, Dikwa and Marte.",
     ("Nigeria", "attacked", "Marte")),
    ("listed-titled-name", "Egyptian troops captured Arish, Rafah, Sheikh Zuweid and Bir Lahfan.",
     ("Egypt", "controls", "Sheikh Zuweid")),
    ("the-group", "Boko Haram fighters withdrew from Maiduguri in 2009. The group still controls "
     "the town of Gwoza.", ("Boko Haram", "controls", "Gwoza")),
    ("the-militia", "Hezbollah fighters crossed into Syria in 2013. The militia later captured "
     "Qusayr.", ("Hezbollah", "controls", "Qusayr")),
    ("the-movement-no-name-head", "Al-Shabaab fighters attacked Baidoa in June. The movement seized "
     "the port of Kismayo two days later.", ("al-Shabaab", "controls", "Kismayo")),
]

NOT_ASSERTED = [
    # the group was named too long before: "the group" is no longer a safe reference
    ("the-group-too-far", "Boko Haram fighters withdrew from Maiduguri in 2009. Aid agencies "
     "returned. Schools reopened. Markets filled again. Elections were held. The group then "
     "captured Gwoza.", ("Boko Haram", "controls", "Gwoza")),
    # a list of people, not of places: a full personal name stays a person
    ("listed-persons", "Egyptian troops captured Ahmed Hassan and Omar Said near the border.",
     ("Egypt", "controls", "Omar Said")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
