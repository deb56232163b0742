"""Parties beyond the wars of the tune split: states of every continent, historical states,
non-state armed groups and multinational forces, found through the public pipeline.

Every sentence is our own. Triples are ``(party key, relation, place label)``. Negative
cases check that a demonym used as a place adjective, a lower-case word that spells an
acronym, or a first name that is also a country does not become an actor.
"""
from __future__ import annotations

from datetime import date

import pytest

from phrasings import party_tests

PUB = date(2010, 3, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    ("sri-lanka-demonym", "Sri Lankan troops captured Kilinochchi from the LTTE in January 2009.",
     ("Sri Lanka", "controls", "Kilinochchi")),
    ("ltte-fighters-noun", "The Tamil Tigers withdrew from Elephant Pass.",
     ("Liberation Tigers of Tamil Eelam", "withdrewFrom", "Elephant Pass")),
    ("farc-acronym", "FARC rebels attacked Toribio.", ("FARC", "attacked", "Toribio")),
    ("unita-acronym", "UNITA forces shelled Kuito.", ("UNITA", "attacked", "Kuito")),
    ("ruf-acronym", "RUF rebels captured Koidu.", ("Revolutionary United Front", "controls", "Koidu")),
    ("soviet-demonym", "Soviet troops captured Berlin in May 1945.", ("Soviet Union", "controls", "Berlin")),
    ("red-army-force-name", "The Red Army withdrew from Kabul.", ("Soviet Union", "withdrewFrom", "Kabul")),
    ("jna-is-yugoslavia", "The JNA shelled Vukovar for three months.", ("Yugoslavia", "attacked", "Vukovar")),
    ("khmer-rouge", "Khmer Rouge guerrillas seized Phnom Penh.", ("Khmer Rouge", "controls", "Phnom Penh")),
    ("kenya-force-acronym", "KDF soldiers took control of Kismayo.", ("Kenya", "controls", "Kismayo")),
    ("uganda-demonym", "Ugandan troops deployed to Mogadishu.", ("Uganda", "deployedTo", "Mogadishu")),
    ("lra-name", "The Lord's Resistance Army attacked Gulu.", ("Lord's Resistance Army", "attacked", "Gulu")),
    ("spla-io-not-spla", "SPLA-IO fighters seized Malakal.", ("SPLM-IO", "controls", "Malakal")),
    ("polisario", "Polisario fighters attacked Smara.", ("Polisario Front", "attacked", "Smara")),
    ("nato-coalition", "NATO warplanes bombed Belgrade.", ("NATO", "attacked", "Belgrade")),
    ("saudi-led-is-coalition", "The Saudi-led coalition struck Sanaa.", ("Saudi-led coalition", "attacked", "Sanaa")),
    ("us-led-is-coalition", "The US-led coalition struck Mosul.", ("US-led coalition", "attacked", "Mosul")),
    ("indonesia-demonym", "Indonesian troops invaded Dili.", ("Indonesia", "attacked", "Dili")),
    ("kla", "The KLA withdrew from Podujevo.", ("Kosovo Liberation Army", "withdrewFrom", "Podujevo")),
    ("rhodesia-historical", "Rhodesian forces attacked Chimoio.", ("Rhodesia", "attacked", "Chimoio")),
    ("sandinistas", "The Sandinistas took Managua.", ("Sandinista National Liberation Front", "controls", "Managua")),
    # the Islamic State's provinces are parties of their own (see test_recall_round14)
    ("iswap-own-party", "ISWAP fighters overran Baga.", ("Islamic State West Africa Province", "controls", "Baga")),
    ("aqap", "Al-Qaeda in the Arabian Peninsula seized Mukalla.",
     ("al-Qaeda in the Arabian Peninsula", "controls", "Mukalla")),
    ("rpf", "The RPF captured Kigali in July 1994.", ("Rwandan Patriotic Front", "controls", "Kigali")),
    ("arakan-army", "Arakan Army fighters captured Paletwa.", ("Arakan Army", "controls", "Paletwa")),
    ("amisom-mission", "AMISOM troops deployed to Mogadishu.", ("AMISOM", "deployedTo", "Mogadishu")),
    ("un-peacekeepers", "UN peacekeepers withdrew from Srebrenica.", ("UN peacekeepers", "withdrewFrom", "Srebrenica")),
    ("dutch-is-netherlands", "Dutch troops withdrew from Srebrenica.", ("Netherlands", "withdrewFrom", "Srebrenica")),
    ("wehrmacht-is-nazi-germany", "The Wehrmacht captured Kyiv in 1941.", ("Nazi Germany", "controls", "Kyiv")),
    ("cuba-demonym", "Cuban troops deployed to Luanda.", ("Cuba", "deployedTo", "Luanda")),
    ("tajik-adjective", "Tajik forces shelled Batken.", ("Tajikistan", "attacked", "Batken")),
    ("pakistani-taliban-is-ttp", "Pakistani Taliban fighters seized Mingora.",
     ("Tehrik-i-Taliban Pakistan", "controls", "Mingora")),
    ("zaire-is-drc", "Zairean troops withdrew from Bukavu.",
     ("Democratic Republic of the Congo", "withdrewFrom", "Bukavu")),
]

# (id, text, party key that must not be the subject of any asserted fact)
NO_PARTY = [
    ("demonym-as-place-adjective", "Rebels shelled the Kenyan port of Mombasa.", "Kenya"),
    ("demonym-in-town-phrase", "Rebels attacked the Ugandan town of Gulu.", "Uganda"),
    ("lower-case-plan-is-no-swapo", "Under the plan, Ugandan troops deployed to Gulu.", "SWAPO"),
    ("first-name-is-no-state", "Chad Smith, a reporter, visited Kidal.", "Chad"),
    ("civilians-are-no-army", "Swedish aid workers arrived in Gulu.", "Sweden"),
    ("nationals-fleeing", "Thousands of Greeks fled Smyrna.", "Greece"),
]


extractions, test_new_party_gives_fact, test_no_party_where_no_actor = party_tests(
    ASSERTED, NO_PARTY, PUB)


@pytest.mark.parametrize(("phrase", "key", "kind"), [
    ("Kenya Defence Forces", "Kenya", "forces"),
    ("Tatmadaw", "Myanmar", "forces"),
    ("Red Army", "Soviet Union", "forces"),
    ("Sri Lankans", "Sri Lanka", "demonyms"),
    ("Burma", "Myanmar", "names"),
    ("Ivory Coast", "Côte d'Ivoire", "names"),
    ("Emirati", "United Arab Emirates", "demonyms"),
    ("Jabhat al-Nusra", "al-Nusra Front", "names"),
    ("Arab coalition", "Saudi-led coalition", "names"),
    ("UNIFIL", "UNIFIL", "names"),
])
def test_lexicon_lookup(lexicon, phrase, key, kind):
    assert lexicon.lookup(phrase) == (key, kind)


def test_every_un_member_sample_is_a_state(lexicon):
    for key in ("Sri Lanka", "Angola", "Sierra Leone", "Indonesia", "Cambodia", "Peru", "Nicaragua",
                "Papua New Guinea", "Tuvalu", "Vatican City", "United Arab Emirates", "Kosovo", "Taiwan"):
        assert lexicon.parties[key].kind == "state", key


@pytest.mark.parametrize("word", ["Irish", "Cypriot", "Albanian", "Turkmen", "Korean"])
def test_ambiguous_demonyms_are_left_out(lexicon, word):
    assert lexicon.lookup(word) is None


def test_coalitions_are_not_member_states(lexicon):
    assert lexicon.lookup("Saudi-led coalition")[0] == "Saudi-led coalition"
    assert lexicon.lookup("US-led coalition")[0] == "US-led coalition"
    assert lexicon.lookup("Saudi Arabia")[0] == "Saudi Arabia"
