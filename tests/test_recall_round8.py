"""Fixes of the eighth round, found by reading the errors of tune7 and tune8 after their
first, blind read. Mechanisms other articles share:

- A subject "they" or "it" continues the subject of the sentence before ("The rebel
  coalition seized A, brushing past the peacekeepers. In December they overran B"), and
  "it" never stands for a plural ("the defenders").
- "the rebel coalition", "the rebel alliance": an opposition word makes the body the
  rebels' (not "a second rebel group, X", which names its own).
- "the town" prefers the story's own town (named in the headline and again since) over
  a town named in passing in the sentence before.
- A heading line ("Background") is no place for "the city" to point back to.
- "survived repeated offensives against X": the subject is the target, not the attacker.
- "the provincial capital of X" is X; "X airport" stands for X as "X air base" does.
- Planes and MiGs are forces; "a Honduran raid on X" is an attack.
- "Salvadoran army columns" are El Salvador's even in a story about Honduras.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2012, 9, 14)

ASSERTED = [
    ("they-continues-subject", "Tuareg rebels advanced on Gao in March. A recap: the rebel alliance "
     "seized Anefis, brushing past the Malian soldiers posted there. In April they overran Aguelhok.",
     ("National Movement for the Liberation of Azawad", "controls", "Aguelhok")),
    ("it-not-plural", "The Ethiopian 3rd Division advanced on Badme in 1999. After beating the "
     "Eritrean defenders at Tsorona, it occupied Barentu.", ("Ethiopia", "controls", "Barentu")),
    ("rebel-alliance", "Polisario Front fighters attacked Smara in 1979. The rebel alliance later "
     "shelled Tifariti.", ("Polisario Front", "attacked", "Tifariti")),
    ("story-town", "Kenyan force consolidates its hold on Kismayo\n\nThe first Kenyan units reached "
     "Kismayo on Friday. Since then a headquarters has been set up in Kismayo. Supplies are routed "
     "through Mombasa, where a base receives cargo before it is flown on to Kismayo. Kenyan jets "
     "operating from Wajir in Kenya provide air support.\n\nSituation in the south\n\nThe town has "
     "been under the control of Kenyan troops since Friday.", ("Kenya", "controls", "Kismayo")),
    ("provincial-capital-of", "Bolivian troops took the provincial capital of Villamontes.",
     ("Bolivia", "controls", "Villamontes")),
    ("airport-head", "Salvadoran aircraft bombed Toncontin airport on Monday.",
     ("El Salvador", "attacked", "Toncontin")),
    ("planes", "Peruvian planes bombed Tiwinza on Tuesday.", ("Peru", "attacked", "Tiwinza")),
    ("raid-noun", "Officials said a Honduran raid on the port of Amapala caused no damage.",
     ("Honduras", "attacked", "Amapala")),
    ("demonym-army-columns", "Salvadoran army columns pushed into Honduras, where Honduran towns "
     "emptied. A second column, which crossed the frontier at El Poy, was advancing south.",
     ("El Salvador", "deployedTo", "El Poy")),
]

NOT_ASSERTED = [
    ("they-not-last-named", "Tuareg rebels advanced on Gao in March. A recap: the rebel alliance "
     "seized Anefis, brushing past the Malian soldiers posted there. In April they overran Aguelhok.",
     ("Mali", "controls", "Aguelhok")),
    ("a-second-rebel-group", "LURD rebels shelled Monrovia in July. In the south, a second rebel "
     "group, the Movement for Democracy in Liberia, still holds Buchanan.", ("LURD", "controls", "Buchanan")),
    ("survived-offensives", "The Polisario has held Tifariti since 1991 and has survived repeated "
     "offensives against the town.", ("Polisario Front", "attacked", "Tifariti")),
    ("heading-not-a-place", "Battle of Chaco\n\nBolivian troops held Nanawa.\n\nBackground\n\nAfter the "
     "Paraguayans took Boqueron, the Bolivian garrison fell back from the city.",
     ("Bolivia", "withdrewFrom", "Background")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
