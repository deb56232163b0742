"""Fixes of the eleventh round, found by reading the errors of tune17 to tune20 after their
first, blind read. Mechanisms other articles share:

- A leader named after "of", "under" or "loyal to" ("units loyal to X", "the army of X"),
  and "X's men", stand for the side X led on the article's date.
- Old words for rebels ("insurrectos", "revolutionaries", "partisans") are opposition
  nouns: the rebel group the article names.
- The longest party name wins an overlap: "the Islamic State of Iraq and Syria" is one
  name, and "Syria" inside it is no second party.
- "congratulated X on the liberation of Y": X took Y (not the one who congratulates).
- "the village of X, Y district": the appositive names where X lies, not what X is.
- "has been cleared and is under the control of X": the copula shares the passive
  verb's subject.
- A name after "the settlement of", "the village of" is a place of the story even where
  the NER model missed it.
- A sentence-initial gerund is no part of the place name after it ("Losing Geneina is a
  blow"); a live blog's heading after its time stamp ("11:30 Background") is no place.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1995, 6, 1)

ASSERTED = [
    ("loyal-to-leader", "Units loyal to Mobutu abandoned Kisangani on Sunday.",
     ("Democratic Republic of the Congo", "withdrewFrom", "Kisangani")),
    ("leader-men", "Savimbi's men shelled Kuito.", ("UNITA", "attacked", "Kuito")),
    ("old-rebel-word", "Shining Path guerrillas entered Ayacucho. Later the revolutionaries seized "
     "Huanta.", ("Shining Path", "controls", "Huanta")),
    ("congratulated-on", "The president congratulated the Croatian army on the liberation of Knin.",
     ("Croatia", "controls", "Knin")),
    ("district-appositive", "Russian troops blockaded the village of Samashki, Achkhoi-Martan district. "
     "The village has been cleared and is under the control of federal forces.",
     ("Russia", "controls", "Samashki")),
    ("passive-then-copula", "Bihac has been shelled for weeks and is under the control of the Bosnian army.",
     ("Bosnia and Herzegovina", "controls", "Bihac")),
    ("gerund-not-name", "Live: fighting in Darfur\n\n13:10 Analysis\nLosing Geneina, the biggest town "
     "in the west, is a heavy blow for the army.\n\n11:30 Background\nRSF fighters have encircled the "
     "garrison since June, pounding it with drones.", ("Rapid Support Forces", "attacked", "El Geneina")),
]

NOT_ASSERTED = [
    ("name-not-split", "Raqqa, held by the Islamic State of Iraq and Syria, was besieged.",
     ("Syria", "controls", "Raqqa")),
    ("name-not-split-2", "Raqqa, held by the Islamic State of Iraq and Syria, was besieged.",
     ("Iraq", "controls", "Raqqa")),
    ("congratulator-not-agent", "The president congratulated the Croatian army on the liberation of Knin.",
     ("Croatia", "controls", "Croatia")),
    ("timestamp-heading", "Live: fighting in Darfur\n\n11:30 Background\nRSF fighters have encircled "
     "the garrison since June, pounding it with drones.", ("Rapid Support Forces", "attacked", "Background")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
