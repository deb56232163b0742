"""Fixes of the seventh round, found by reading the errors of two new sets (tune5, tune6)
after their first, blind read. Each is a mechanism that other articles share:

- State-force words take the side an earlier phrase gave them: after "the Ethiopian
  federal army", "federal artillery" and "the army" are Ethiopia's, not the state the
  article mentions most. "security forces" are state forces.
- A bare force noun coordinated with a named one is on its side ("government troops and
  militias"), not the rebel group named last.
- "the rebels" before any group is named stand for the first rebel group the article names.
- "X, the capital of <party>" says the party holds X, unless X is in the party's own
  state ("Kyiv, the capital of Ukraine" is no news).
- "took up positions at X" is a deployment; "recovered X" and "the recovery of X" are
  captures; "the evacuation of X by Y" is a withdrawal.
- "the Zalambessa front", "the Kargil sector", "the Port Sudan harbour" name the place.
- "Front commanders" after "the Polisario Front": a capitalised short form of a name.
- Bare "troops" or "units" with no earlier "X troops" are the forces of the state the
  article is about (an official release: "troops captured X"); "the PKK terrorists" and
  "Azerbaijani batteries" are forces.
- "rebel units", "guerrilla columns": an opposition word before a force noun makes it the
  rebels' side.
- "the Abeche air base near Biltine, which served as ...": the parser hangs the clause on Y; it is
  about the place phrase before "near"/"in"/"at".
- The small model calls unfamiliar names ending in -i nationalities ("captured
  Vellankulam and Mankulam"); in a place slot a singular proper noun is a place.
- "warned against a takeover of X" and "prevented the capture of X" assert nothing; nor do
  "reports that X ... are baseless" and "rejected statements claiming that X".

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2019, 6, 4)

ASSERTED = [
    ("state-word-learned", "The Ethiopian federal army attacked Badme in May. Eritrean officials said "
     "Eritrea would resist, and Eritrean radio said federal artillery shelled Barentu on Sunday.",
     ("Ethiopia", "attacked", "Barentu")),
    ("the-army-learned", "The Soviet army crossed into Czechoslovakia in August 1968. Czechoslovak "
     "officials in Czechoslovakia said the army took Bratislava the next day.",
     ("Soviet Union", "controls", "Bratislava")),
    ("security-forces", "The Philippine government said security forces had retaken Zamboanga "
     "after three weeks of fighting.", ("Philippines", "controls", "Zamboanga")),
    ("coordinated-bare", "Rebels of the SPLM-IO attacked Bor in December. Government troops and "
     "militias held Malakal in South Sudan throughout.", ("South Sudan", "controls", "Malakal")),
    ("rebels-named-after", "Rebels captured Bangui on Sunday, a spokesman for the Seleka coalition "
     "said.", ("Seleka", "controls", "Bangui")),
    ("capital-of-breakaway", "Luhansk, the capital of the self-proclaimed Luhansk People's Republic, "
     "was quiet on Monday.", ("Luhansk People's Republic", "controls", "Luhansk")),
    ("took-up-positions", "Kenyan troops took up positions around Kismayo on Friday.",
     ("Kenya", "deployedTo", "Kismayo")),
    ("recovered", "Azerbaijani forces recovered Jabrayil in October 2020.",
     ("Azerbaijan", "controls", "Jabrayil")),
    ("evacuation-noun", "The evacuation of Dunkirk by British troops ended on 4 June 1940.",
     ("United Kingdom", "withdrewFrom", "Dunkirk")),
    ("front-head", "Ethiopian troops withdrew from the Zalambessa front in June 2000.",
     ("Ethiopia", "withdrewFrom", "Zalambessa")),
    ("sector-head", "Pakistani troops shelled the Kargil sector in May 1999.",
     ("Pakistan", "attacked", "Kargil")),
    ("bare-troops-host-state", "Colombo, 2 January 2009 - The Ministry of Defence announced that "
     "troops captured Kilinochchi this morning, ending a long siege of Sri Lanka's rebel capital.",
     ("Sri Lanka", "controls", "Kilinochchi")),
    ("norp-slip-list-head", "Sri Lankan troops captured Vellankulam and Mankulam on Tuesday.",
     ("Sri Lanka", "controls", "Vellankulam")),
    ("norp-slip-single", "Sri Lankan troops captured Tunukkai on Tuesday.",
     ("Sri Lanka", "controls", "Tunukkai")),
    ("terrorists", "Turkish officials said the PKK terrorists withdrew from Sinjar.",
     ("Kurdistan Workers' Party", "withdrewFrom", "Sinjar")),
    ("opposition-modifier", "Tuareg fighters of the MNLA seized Kidal in 2012. Rebel units then "
     "shelled Aguelhok.", ("National Movement for the Liberation of Azawad", "attacked", "Aguelhok")),
    ("relative-on-place-phrase", "The Chadian army staged the offensive from the Abeche air base "
     "near Biltine, which served as its main logistics base.", ("Chad", "suppliesVia", "Abéché")),
    ("claim-rejected-afterwards", "Ethiopian troops captured Humera, officials said, rejecting "
     "claims of heavy losses.", ("Ethiopia", "controls", "Humera")),
    ("short-name", "Polisario Front fighters attacked Smara in 1979, where Moroccan troops held out. "
     "Front commanders said their units then shelled Tifariti.", ("Polisario Front", "attacked", "Tifariti")),
]

NOT_ASSERTED = [
    ("coordinated-bare-not-rebels", "Rebels of the SPLM-IO attacked Bor in December. Government "
     "troops and militias held Malakal in South Sudan throughout.", ("SPLM-IO", "controls", "Malakal")),
    # another state's forces are in the story: bare "troops" could be either side's
    ("bare-troops-two-states", "Kenyan jets struck Kismayo in Somalia on Monday. Somali officials in "
     "Somalia said troops captured Afmadow the next day.", ("Somalia", "controls", "Afmadow")),
    ("relative-not-on-nearest-name", "The Chadian army staged the offensive from the Abeche air base "
     "near Biltine, which served as its main logistics base.", ("Chad", "suppliesVia", "Biltine")),
    ("own-capital", "Russian missiles hit Kyiv, the capital of Ukraine, on Monday.",
     ("Ukraine", "controls", "Kyiv")),
    ("warned-against", "Pakistan warned against an Indian takeover of Skardu.",
     ("India", "controls", "Skardu")),
    ("prevented", "Turkish troops prevented the capture of Idlib by Syrian forces in 2020.",
     ("Syria", "controls", "Idlib")),
    ("claims-called-baseless", "Reports that Russian troops had captured Avdiivka are totally "
     "baseless, the ministry said.", ("Russia", "controls", "Avdiivka")),
    ("rejected-statements-claiming", "The ministry rejected statements broadcast from Asmara claiming "
     "that Eritrean troops still held Badme.", ("Eritrea", "controls", "Badme")),
    ("headline-list", "Iraqi troops shelled Tikrit on Monday.\n\nMost read\n- Iraqi troops capture "
     "Sinjar\n- Oil prices fall\n\nThe offensive continues.", ("Iraq", "controls", "Sinjar")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
