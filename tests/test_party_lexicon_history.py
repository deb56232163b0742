"""Parties of the wars of 1900-2025: historical states and regimes, movements of
decolonisation and the Cold War, militias, UN and regional missions, and named units that
news gives without their state, found through the public pipeline.

Every sentence is our own. Triples are ``(party key, relation, place label)``. Negative
cases check that the new phrases do not misfire: a demonym used for civilians, an acronym
that is also an ordinary word, a person's name inside a place name.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.parties import DATA
from phrasings import party_tests

PUB = date(2000, 6, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    # -- Europe, the world wars and after
    ("imperial-german-army", "The Imperial German Army captured Liège in August 1914.",
     ("German Empire", "controls", "Liège")),
    ("austro-hungarian-demonym", "Austro-Hungarian troops shelled Belgrade in 1914.",
     ("Austria-Hungary", "attacked", "Belgrade")),
    ("ottoman-forces", "Ottoman forces withdrew from Jerusalem in December 1917.",
     ("Ottoman Empire", "withdrewFrom", "Jerusalem")),
    ("anzac-corps", "Anzac troops landed at Gallipoli.",
     ("Australian and New Zealand Army Corps", "deployedTo", "Gallipoli")),
    ("luftwaffe-is-nazi-germany", "The Luftwaffe bombed Coventry in November 1940.",
     ("Nazi Germany", "attacked", "Coventry")),
    ("rommel-person-unit", "Rommel's Afrika Korps captured Tobruk in June 1942.",
     ("Nazi Germany", "controls", "Tobruk")),
    ("axis-coalition", "Axis forces captured Tobruk in 1942.", ("Axis powers", "controls", "Tobruk")),
    ("italian-tenth-army", "Italian Tenth Army troops withdrew from Sidi Barrani.",
     ("Kingdom of Italy", "withdrewFrom", "Sidi Barrani")),
    ("vichy-french", "Vichy French forces withdrew from Damascus in 1941.",
     ("Vichy France", "withdrewFrom", "Damascus")),
    ("free-french", "Free French Forces entered Paris in August 1944.", ("Free France", "controls", "Paris")),
    ("ustase-is-ndh", "The Ustaše attacked Glina.", ("Independent State of Croatia", "attacked", "Glina")),
    ("chetniks", "The Chetniks captured Foča.", ("Chetniks", "controls", "Foča")),
    ("elas", "ELAS fighters captured Athens.", ("Greek People's Liberation Army", "controls", "Athens")),
    ("warsaw-pact", "Warsaw Pact troops occupied Prague in August 1968.", ("Warsaw Pact", "controls", "Prague")),
    ("eoka", "EOKA gunmen attacked Famagusta.", ("EOKA", "attacked", "Famagusta")),
    ("transnistria", "Transnistrian forces captured Bender in June 1992.", ("Transnistria", "controls", "Bender")),
    ("abkhazia", "Abkhaz forces captured Sukhumi in September 1993.",
     ("Republic of Abkhazia", "controls", "Sukhumi")),
    ("arkans-tigers", "Arkan's Tigers captured Bijeljina in April 1992.",
     ("Serb Volunteer Guard", "controls", "Bijeljina")),
    ("hvo-extended", "HVO troops shelled Mostar in 1993.", ("Croatian Defence Council", "attacked", "Mostar")),
    ("rosgvardia", "Rosgvardia troops deployed to Kherson in March 2022.", ("Russia", "deployedTo", "Kherson")),
    ("hur-is-ukraine", "The HUR attacked Chornomorske.", ("Ukraine", "attacked", "Chornomorske")),
    ("russian-volunteer-corps-not-russia", "Russian Volunteer Corps fighters attacked Belgorod.",
     ("Russian Volunteer Corps", "attacked", "Belgorod")),
    # -- Middle East and North Africa
    ("haganah-is-israel", "The Haganah captured Haifa in April 1948.", ("Israel", "controls", "Haifa")),
    ("irgun", "Irgun fighters attacked Jaffa in April 1948.", ("Irgun", "attacked", "Jaffa")),
    ("arab-legion", "The Arab Legion captured the Old City of Jerusalem.", ("Jordan", "controls", "Jerusalem")),
    ("unef", "UNEF withdrew from Sharm el-Sheikh in May 1967.", ("UNEF", "withdrewFrom", "Sharm el-Sheikh")),
    ("phalangists", "Phalangist militiamen attacked Karantina in 1976.", ("Kataeb Party", "attacked", "Karantina")),
    ("republican-guard-of-saddam", "Saddam Hussein's Republican Guard captured Kuwait City in August 1990.",
     ("Iraq", "controls", "Kuwait City")),
    ("basij-is-iran", "Basij militia attacked Khorramshahr in 1982.", ("Iran", "attacked", "Khorramshahr")),
    ("kdp-peshmerga", "KDP peshmerga captured Erbil in August 1996.",
     ("Kurdistan Democratic Party", "controls", "Erbil")),
    ("badr", "The Badr Organization deployed fighters to Amerli.", ("Badr Organization", "deployedTo", "Amerli")),
    ("radwan-is-hezbollah", "The Radwan Force withdrew from Bint Jbeil.", ("Hezbollah", "withdrewFrom", "Bint Jbeil")),
    ("qassam-is-hamas", "The Izz al-Din al-Qassam Brigades attacked Sderot.", ("Hamas", "attacked", "Sderot")),
    ("giants-brigades", "The Giants Brigades captured Mocha in 2017.", ("Giants Brigades", "controls", "Mocha")),
    ("gaddafi-loyalists", "Gaddafi loyalists shelled Misrata.", ("Libya", "attacked", "Misrata")),
    ("fln", "FLN guerrillas attacked Philippeville in August 1955.", ("FLN", "attacked", "Philippeville")),
    ("gia", "GIA militants attacked Bentalha in 1997.", ("Armed Islamic Group", "attacked", "Bentalha")),
    # -- Africa
    ("katanga-gendarmerie", "The Katangese Gendarmerie withdrew from Elisabethville.",
     ("State of Katanga", "withdrewFrom", "Lubumbashi")),      # the gazetteer's name for the town
    ("onuc", "ONUC troops deployed to Elisabethville in 1961.", ("ONUC", "deployedTo", "Lubumbashi")),
    ("biafra", "Biafran troops captured Benin City in August 1967.", ("Biafra", "controls", "Benin City")),
    ("mau-mau", "Mau Mau fighters attacked Lari in March 1953.", ("Mau Mau", "attacked", "Lari")),
    ("paigc", "PAIGC guerrillas attacked Guileje in 1973.", ("PAIGC", "attacked", "Guileje")),
    ("selous-scouts-is-rhodesia", "The Selous Scouts attacked Nyadzonya in 1976.",
     ("Rhodesia", "attacked", "Nyadzonya")),
    ("koevoet-is-south-africa", "Koevoet units attacked Oshakati.", ("South Africa", "attacked", "Oshakati")),
    ("derg-is-ethiopia", "The Derg deployed troops to Asmara in 1978.", ("Ethiopia", "deployedTo", "Asmara")),
    ("unla", "The Uganda National Liberation Army captured Kampala in April 1979.",
     ("Uganda National Liberation Army", "controls", "Kampala")),
    ("ecomil-own-mission", "ECOMIL troops deployed to Monrovia in August 2003.",
     ("ECOMIL", "deployedTo", "Monrovia")),
    ("samim", "SAMIM troops deployed to Mocímboa da Praia.", ("SAMIM", "deployedTo", "Mocímboa da Praia")),
    ("eacrf", "The East African Community Regional Force deployed to Goma.", ("EACRF", "deployedTo", "Goma")),
    ("wazalendo", "Wazalendo fighters attacked Sake.", ("Wazalendo", "attacked", "Sake")),
    # -- Asia and the Pacific
    ("kwantung-army", "The Kwantung Army seized Mukden in 1931.", ("Japan", "controls", "Mukden")),
    ("national-revolutionary-army", "The National Revolutionary Army captured Nanjing in 1927.",
     ("Republic of China (1912–1949)", "controls", "Nanjing")),
    ("peoples-volunteers", "The Chinese People's Volunteer Army attacked Seoul in January 1951.",
     ("China", "attacked", "Seoul")),
    ("kpa-acronym", "The KPA shelled Yeonpyeong in November 2010.", ("North Korea", "attacked", "Yeonpyeong")),
    ("khmer-republic", "Lon Nol's army withdrew from Kampong Cham.",
     ("Khmer Republic", "withdrewFrom", "Kampong Cham")),
    ("ipkf-is-india", "The IPKF captured Jaffna in October 1987.", ("India", "controls", "Jaffna")),
    ("mukti-bahini-and-india", "Indian troops and the Mukti Bahini captured Jessore in December 1971.",
     ("Bangladesh", "controls", "Jessore")),
    ("naxalites", "Naxalite rebels attacked Dantewada in 2010.",
     ("Communist Party of India (Maoist)", "attacked", "Dantewada")),
    ("huk-guerrillas", "Huk guerrillas attacked Camp Makabulos.", ("Hukbalahap", "attacked", "Camp Makabulos")),
    ("kopassus", "Kopassus troops deployed to Dili in 1975.", ("Indonesia", "deployedTo", "Dili")),
    ("interfet", "INTERFET troops deployed to Dili in September 1999.", ("INTERFET", "deployedTo", "Dili")),
    ("jvp", "JVP insurgents attacked Kegalle in 1971.", ("Janatha Vimukthi Peramuna", "attacked", "Kegalle")),
    ("kndf", "KNDF fighters captured Loikaw in November 2023.",
     ("Karenni Nationalities Defense Force", "controls", "Loikaw")),
    ("nug-is-pdf", "Forces of the National Unity Government captured Kawlin.",
     ("People's Defence Force", "controls", "Kawlin")),
    ("pyu-saw-htee-is-myanmar", "Pyu Saw Htee militia attacked Sagaing.", ("Myanmar", "attacked", "Sagaing")),
    # -- the Americas
    ("villistas", "Pancho Villa's forces attacked Columbus in March 1916.",
     ("Division of the North", "attacked", "Columbus")),
    ("cristeros", "Cristero forces captured Tepatitlán.", ("Cristeros", "controls", "Tepatitlán")),
    ("tupamaros", "The Tupamaros seized Pando in 1969.", ("Tupamaros", "controls", "Pando")),
    ("nicaraguan-resistance-is-contras", "The Nicaraguan Resistance attacked Quilalí.",
     ("Contras", "attacked", "Quilalí")),
    ("cjng", "CJNG gunmen attacked Aguililla.", ("Jalisco New Generation Cartel", "attacked", "Aguililla")),
    ("viv-ansanm", "Viv Ansanm gangs attacked Mirebalais in March 2025.", ("Viv Ansanm", "attacked", "Mirebalais")),
    ("minustah", "MINUSTAH troops deployed to Cité Soleil.", ("MINUSTAH", "deployedTo", "Cité Soleil")),
]

# (id, text, party key that must not be the subject of any asserted fact)
NO_PARTY = [
    ("demonym-for-refugees", "Abkhaz refugees fled Sukhumi.", "Republic of Abkhazia"),
    ("demonym-for-children", "Biafran children fled Aba.", "Biafra"),
    ("era-adjective", "Rebels shelled the Ottoman-era fortress of Akko.", "Ottoman Empire"),
    ("lower-case-axis", "Along the axis, rebels attacked Gulu.", "Axis powers"),
    ("lower-case-fact", "In fact, rebels shelled Gulu.", "Front for Change and Concord in Chad"),
    ("kia-means-killed", "Two soldiers were KIA near Gulu.", "Kachin Independence Army"),
    ("person-inside-place-name", "Israeli troops raided Nasser Hospital in Khan Younis.", "Egypt"),
    ("modern-nationalists", "Chinese nationalists attacked the Japanese consulate in Chengdu.",
     "Republic of China (1912–1949)"),
    ("ukrainian-state-media", "Ukrainian state media said Russian forces shelled Kharkiv.",
     "Ukrainian People's Republic"),
]


extractions, test_historical_party_gives_fact, test_new_phrases_do_not_misfire = party_tests(
    ASSERTED, NO_PARTY, PUB)


@pytest.mark.parametrize(("phrase", "key", "kind"), [
    ("Wehrmacht", "Nazi Germany", "forces"),
    ("Imperial Russian Army", "Russian Empire", "forces"),
    ("Kuomintang", "Republic of China (1912–1949)", "names"),
    ("Eighth Route Army", "China", "forces"),
    ("Army of the Republic of Vietnam", "South Vietnam", "forces"),
    ("Republic of Vietnam Air Force", "South Vietnam", "forces"),
    ("Free French", "Free France", "demonyms"),
    ("Palmach", "Israel", "forces"),
    ("Special Republican Guard", "Iraq", "forces"),
    ("Frente de Libertação de Moçambique", "FRELIMO", "names"),
    ("Armée de Libération Nationale", "FLN", "names"),
    ("Ejército Zapatista de Liberación Nacional", "Zapatista Army of National Liberation", "names"),
    ("United Nations Emergency Force", "UNEF", "names"),
    ("UNAVEM III", "UNAVEM", "names"),
    ("Operation Allied Force", "NATO", "forces"),
    ("Delta Force", "United States", "forces"),
    ("Special Air Service", "United Kingdom", "forces"),
    ("French Foreign Legion", "France", "forces"),
    ("Home Army", "Poland", "forces"),
    ("Greek Cypriot National Guard", "Cyprus", "forces"),
    ("Turkish Cypriots", "Turkish Republic of Northern Cyprus", "demonyms"),
    ("Hashd al-Shaabi", "Iraq", "forces"),
    ("Tatmadaw troops", "Myanmar", "forces"),
    ("JEM", "Justice and Equality Movement", "names"),
])
def test_lexicon_lookup(lexicon, phrase, key, kind):
    assert lexicon.lookup(phrase) == (key, kind)


@pytest.mark.parametrize("phrase", [
    "Irish", "Albanian", "Cypriot",                      # a nationality is not a side
    "OAS", "FACT", "MODEL", "GNU", "KIA", "AA", "AIS", "MIT", "RDF", "VJ",   # acronyms of other things
    "Nasser", "Chinese Nationalists", "Ukrainian State", "the Axis", "Partisans",
])
def test_ambiguous_phrases_are_left_out(lexicon, phrase):
    assert lexicon.lookup(phrase) is None


@pytest.mark.parametrize("key", [
    "UNTSO", "UNEF", "ONUC", "UNAVEM", "UNTAG", "MINURSO", "UNTAC", "UNMIL", "MINUSTAH", "UNISFA",
    "United Nations Command", "MISCA", "SAMIM", "EACRF", "ECOMIL", "INTERFET", "Warsaw Pact",
    "Axis powers", "Multinational Force and Observers", "CIS peacekeeping force",
])
def test_missions_and_alliances_are_never_the_rebels(lexicon, key):
    party = lexicon.parties[key]
    assert party.kind == "group" and party.rebel is False


def test_rows_are_valid_and_carry_no_wikidata_ids():
    keys: list[str] = []
    for n, line in enumerate(Path(DATA).read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        assert row["kind"] in ("state", "group"), n
        assert not any(k.lower() in ("qid", "wikidata") for k in row), n
        keys.append(row["key"])
    assert len(keys) == len(set(keys)), "one line per party"


def test_historical_state_rows_keep_the_gazetteer_names(lexicon):
    """A hand-written row replaces the gazetteer's: its names and demonyms must stay."""
    assert lexicon.lookup("Rhodesians") == ("Rhodesia", "demonyms")
    assert lexicon.lookup("Zimbabwe Rhodesia") == ("Rhodesia", "names")
    assert lexicon.lookup("Czechoslovaks") == ("Czechoslovakia", "demonyms")
    assert lexicon.lookup("Byelorussia") == ("Belarus", "names")
