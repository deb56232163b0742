"""Fixes of the ninth round, found by reading the errors of tune9 and tune10 after their
first, blind read. Mechanisms other articles share:

- A dateline with the country after the city ("KABUL, Afghanistan, Sept 27 -") or an
  agency after it ("Homs, SANA -") names no party.
- "accused X of shelling Y": X did the shelling, not the accuser.
- "demand that X withdraw": a wish, not a withdrawal.
- A trigger word inside a party's name ("the Front for the Liberation of Mozambique")
  is no event.
- "the army" is a state's army, never an armed group whose name ends in "Army".
- A lower-case title before a name ("former president Najibullah") makes it a person.
- "abandoned its headquarters in X": X is a place of the story, an antecedent for "the
  city" (a ministry *in* a city that speaks is not).
- "Al-Faw": an Arabic article before a single name is no personal full name, whatever the
  NER model says.
- "in charge of X" (also "leaving them in charge of X", where "them" is the subject of the
  clause before); "the aggressors" are the attackers; "the
  bands of X" are X's; "them" is a pronoun like "they", and a subject "they" continues a
  plural or a body of fighters, never "the army" (that is "it").
- "Coalition aircraft": the coalition the article names.
- "Pastora's forces" are the side the article tied Pastora to ("columns of X, led by
  Pastora"); a commander the article tied to no side gives no party.
- "Al Shabaab", "al Qaeda": a party name with the Arabic article joined by a hyphen matches
  when a text writes a space instead.
- "the Courts" after "the Islamic Courts Union" (a plural word of an earlier-named
  party's name; not generic words such as "the Forces").
- "the Turkish-held town, Afrin": the held place is the name in apposition.
- A place name is one run of words ending at its head, even when a misparse hangs a whole
  clause under it.
- "Our forces" outside any quote in a communiqué are the forces of the state its first
  lines name ("ETHIOPIA: MINISTRY OF DEFENCE STATEMENT"); with no state there, nobody's.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2016, 5, 10)

ASSERTED = [
    ("headquarters-is-story-place", "RSF fighters overran Abu Haraz on Friday. By Monday the Sudanese "
     "army had abandoned its headquarters in Wad Madani, and the army said its troops pulled out of "
     "the city.", ("Sudan", "withdrewFrom", "Wad Madani")),
    ("accused-of", "The rebels accused Malian troops of shelling Kidal.", ("Mali", "attacked", "Kidal")),
    ("army-is-states", "The Sudan Liberation Army fought near Nyala in Sudan. Later the army rushed "
     "reinforcements to Sennar.", ("Sudan", "deployedTo", "Sennar")),
    ("arabic-article-name", "Iraqi forces liberated Al-Faw on Sunday.", ("Iraq", "controls", "Al-Faw")),
    ("in-charge-of", "M23 rebels are now in charge of Bunagana, residents said.",
     ("M23", "controls", "Bunagana")),
    ("leaving-them-in-charge", "In May the fighters of the Polisario Front overran the garrison, "
     "leaving them in charge of Tifariti.", ("Polisario Front", "controls", "Tifariti")),
    ("aggressors", "Iraqi troops shelled Khorramshahr. The aggressors retreated from Khorramshahr in May.",
     ("Iraq", "withdrewFrom", "Khorramshahr")),
    ("communique-our-forces", "ETHIOPIA: MINISTRY OF DEFENCE STATEMENT\n\nOur forces liberated Adwa on "
     "Sunday after heavy fighting.", ("Ethiopia", "controls", "Adwa")),
    ("coalition-modifier", "The Saudi-led coalition said on Sunday that Coalition aircraft struck "
     "Zinjibar.", ("Saudi-led coalition", "attacked", "Zinjibar")),
    ("name-is-one-run-fact", "The ministry wants to tell the Ethiopian people and the international "
     "community that the Ethiopian Defence Forces have completely liberated Badme and its surroundings "
     "from the invaders.", ("Ethiopia", "controls", "Badme")),
    ("leader-tied-in-text", "Rebel columns of the Sandinista National Liberation Front, led by Eden "
     "Pastora, seized Rivas in June. Pastora's forces then shelled Penas Blancas.",
     ("Sandinista National Liberation Front", "attacked", "Penas Blancas")),
    ("held-appositive-name", "Russian jets bombed the rebel-held provincial capital, Idlib, on "
     "Tuesday, and Syrian troops shelled the Turkish-held town, Afrin.", ("Turkey", "controls", "Afrin")),
    ("plural-name-word", "Fighters of the Islamic Courts Union seized Baidoa in July 2006. In "
     "December the Courts withdrew from Kismayo.", ("Islamic Courts Union", "withdrewFrom", "Kismayo")),
    ("article-with-space", "Al Qaeda in the Arabian Peninsula fighters shelled Lawdar on Monday.",
     ("al-Qaeda in the Arabian Peninsula", "attacked", "Lawdar")),
    ("bands-of", "Rhodesian troops and the bands of RENAMO attacked Chimoio.",
     ("RENAMO", "attacked", "Chimoio")),
]

NOT_ASSERTED = [
    ("dateline-country", "KABUL, Afghanistan, Sept 27 - The Taliban swept into Kabul before dawn.",
     ("Afghanistan", "controls", "Kabul")),
    ("dateline-agency", "Homs, SANA - Army units entered Palmyra on Sunday.", ("Syria", "controls", "Homs")),
    ("accuser-did-nothing", "The rebels of the MNLA accused Malian troops of shelling Kidal.",
     ("National Movement for the Liberation of Azawad", "attacked", "Kidal")),
    ("demand-that", "A draft resolution would demand that Uganda withdraw from Gulu.",
     ("Uganda", "withdrewFrom", "Gulu")),
    ("trigger-inside-name", "The Front for the Liberation of Mozambique said it held Beira.",
     ("FRELIMO", "controls", "Mozambique")),
    ("army-not-group", "The Sudan Liberation Army fought near Nyala in Sudan. Later the army rushed "
     "reinforcements to Sennar.", ("Sudan Liberation Movement", "deployedTo", "Sennar")),
    ("they-not-the-army", "Rebels entered Hama on Thursday. The army said that it had redeployed its "
     "units outside the city. Late Saturday they reached Homs.", ("Syria", "deployedTo", "Homs")),
    ("our-forces-no-voice", "Weekly digest of the war\n\nOur forces liberated Adwa on Sunday after "
     "heavy fighting.", ("Ethiopia", "controls", "Adwa")),
    # the parser hangs the whole clause under the place name: no place is named
    # "Ethiopian Defence Forces have completely liberated Badme"
    ("name-is-one-run", "The ministry wants to tell the Ethiopian people and the international community "
     "that the Ethiopian Defence Forces have completely liberated Badme and its surroundings from the "
     "invaders.", ("Ethiopia", "controls", "Ethiopian Defence Forces have completely liberated Badme")),
    ("leader-not-tied", "Rebels seized Rivas in June. Pastora's forces then shelled Penas Blancas.",
     ("Sandinista National Liberation Front", "attacked", "Penas Blancas")),
    ("lower-case-title", "Taliban fighters seized former president Najibullah from the compound.",
     ("Taliban", "controls", "Najibullah")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
