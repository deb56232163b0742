"""Fixes of the fifth round, each a rule that existed but did not fire.

- "Houthi-controlled Hodeidah": the party is the modifier of the participle (a demonym
  or a name, which the parser hangs on the participle as ``npadvmod``), and the place is
  named without "Houthi-controlled".
- "remained under the control of Houthi fighters": after "under", the "of" phrase of
  "control" names the holder, not the place.
- "entered Mekelle, Adigrat and Shire": a name in a list of place names is a place even
  when the small NER model calls it a nationality.
- "reoccupied": the small model's lemma is "reoccupie"; a re- form (or such a slip) of a
  verb whose place is its object takes that verb's frames.
- "Serbian and Bosnian Serb forces": every member of a coordinated modifier names a party,
  the first one too (the phrase's own party may be a later member).
- "parts of Aleppo", "the island of Yijiangshan": the name after "of" is the place.
- "crossed the border and captured Jarablus": the parser makes the second verb an
  adjective of the name; it is a verb whose subject is the first verb's.
- "the city fell on 16 December": with no "to X", the side on the offensive took it, as in
  an agentless passive ("fell silent", "fell by half", "fell back" are no falls);
  "fell into Taliban hands" as "in Taliban hands".
- "the town was declared liberated": the declaring verb in the passive leaves the side on
  the offensive as the liberator (the tagger may call "liberated" an adjective here).
- "the invaders" / "the occupiers" are the side of the latest capture, attack or
  deployment / of the latest control, as "the attackers" and "the garrison" already were.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from kg import _trigger_words as TW
from phrasings import recall_tests

PUB = date(2023, 5, 2)

ASSERTED = [
    ("held-demonym", "Explosions were heard overnight in Russian-held Melitopol, residents said.",
     ("Russia", "controls", "Melitopol")),
    ("held-name", "Saudi jets struck the outskirts of Houthi-controlled Hodeidah on Monday.",
     ("Houthis", "controls", "Hodeidah")),
    ("occupied-demonym", "Shelling resumed near Israeli-occupied Quneitra in 1973.",
     ("Israel", "controls", "Quneitra")),
    ("under-control-of", "Sirte had been under the control of Islamic State since 2015, "
     "officials said.", ("Islamic State", "controls", "Sirte")),
    ("under-control-of-anaphor", "Fighting broke out near Hodeidah in 2017. The port city "
     "remained under the control of Houthi fighters until 2018.", ("Houthis", "controls", "Hodeidah")),
    ("listed-norp", "The Ethiopian army entered Mekelle, Adigrat and Shire on Saturday.",
     ("Ethiopia", "controls", "Adigrat")),
    ("invaders", "Tanzanian troops captured Kampala in April 1979. Two years later the invaders "
     "withdrew from Kampala.", ("Tanzania", "withdrewFrom", "Kampala")),
    ("occupiers", "Vietnamese troops captured Phnom Penh in January 1979. Months later the "
     "occupiers shelled Battambang.", ("Vietnam", "attacked", "Battambang")),
    ("re-form-lemmatizer", "Malian soldiers have since reoccupied Gao, a military spokesman said.",
     ("Mali", "controls", "Gao")),
    ("re-form", "Ethiopian troops reoccupied Humera in November.", ("Ethiopia", "controls", "Humera")),
    ("coordinated-first-member", "Serbian and Bosnian Serb forces shelled Gorazde in April 1994.",
     ("Serbia", "attacked", "Gorazde")),
    ("parts-of-known", "Russian jets struck Idlib province and parts of Aleppo in response.",
     ("Russia", "attacked", "Aleppo")),
    ("island-of", "Chinese troops stormed the island of Yijiangshan in January 1955.",
     ("China", "attacked", "Yijiangshan")),
    ("fell-without-to", "Indian troops encircled Dhaka in December 1971. The city fell on "
     "16 December.", ("India", "controls", "Dhaka")),
    ("declared-liberated-passive", "Nigerian troops besieged Gwoza in March 2015. A week later "
     "the town was declared liberated.", ("Nigeria", "controls", "Gwoza")),
    ("into-hands", "Jalalabad fell into Taliban hands in August 2021.", ("Taliban", "controls", "Jalalabad")),
    ("second-verb-misparsed", "A convoy of Turkish tanks and armoured vehicles crossed the border "
     "and captured Jarablus.", ("Turkey", "controls", "Jarablus")),
]

NOT_ASSERTED_RE = [
    # "remove" is no "move": only verbs whose place is their object lend a re- form their frames
    ("re-form-move", "Russian forces removed their guns from Kherson overnight.",
     ("Russia", "deployedTo", "Kherson")),
]

NOT_ASSERTED = [
    # the place keeps its own name: no fact about a "Russian-held Melitopol"
    ("held-name-label", "Explosions were heard overnight in Russian-held Melitopol, residents said.",
     ("Russia", "controls", "Russian-held Melitopol")),
    # a nationality in a list of parties is no place
    ("listed-nationality", "Ethiopian, Eritrean and Amhara forces entered Humera in November.",
     ("Ethiopia", "controls", "Eritrean")),
    # "fell silent" is no fall of a town
    ("fell-silent", "Russian forces shelled Kharkiv overnight. The city fell silent after midnight.",
     ("Russia", "controls", "Kharkiv")),
    # "captured weapons": an adjective, and no place
    ("captured-adjective", "The rebels destroyed two bridges near Pibor and captured weapons.",
     ("Pibor", "controls", "weapons")),
]

extractions, test_round5_gives_fact, test_round5_gives_no_fact = recall_tests(
    ASSERTED, NOT_ASSERTED + NOT_ASSERTED_RE, PUB)


def test_re_forms_and_lemmatizer_slips_map_to_place_verbs():
    verbs = {"occupy": [{"frame": "obj"}], "move": [{"frame": "prep"}], "enter": [{"frame": "obj"}]}
    assert TW.place_verb("reoccupie", verbs) == "occupy"     # the model's lemma of "reoccupied"
    assert TW.place_verb("re-enter", verbs) == "enter"
    assert TW.place_verb("remove", verbs) is None
    assert TW.place_verb("reach", verbs) is None
