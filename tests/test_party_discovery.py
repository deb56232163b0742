"""With discovery on (``KG_DISCOVER_PARTIES=1``), armed groups the party lexicon does not
know become parties of their article (kg/party_discovery.py); ministries, state units,
headlines and datelines do not. Discovery is off by default: on the blind sets it added
more wrong facts than right ones (README, "Measured").

Our own sentences; every group named here is absent from kg/data/parties.jsonl
(``test_groups_are_not_in_the_lexicon`` keeps it so, else the cases would test the
lexicon instead)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.parties import PartyLexicon
from kg.pipeline import build_nlp
from tests.phrasings import asserted, describe, extract_cases, ids, recall_tests

PUB = date(2024, 3, 1)


@pytest.fixture(scope="module")
def nlp():
    """The pipeline with discovery on (it is off by default: see the module docstring)."""
    return build_nlp(discover_parties=True)

ASSERTED = [
    ("acronym-defined", "Fighters of the Arakan Rohingya Salvation Army (ARSA) attacked police "
     "posts around Maungdaw early on Friday, officials said.",
     ("Arakan Rohingya Salvation Army", "attacked", "Maungdaw")),
    ("acronym-reused", "Fighters of the Arakan Rohingya Salvation Army (ARSA) attacked police "
     "posts around Maungdaw on Friday. ARSA fighters withdrew from Buthidaung a day later.",
     ("Arakan Rohingya Salvation Army", "withdrewFrom", "Buthidaung")),
    ("acronym-force", "The Ulster Volunteer Force (UVF) bombed Monaghan in May 1974.",
     ("Ulster Volunteer Force", "attacked", "Monaghan")),
    ("named-fighters", "Katiba Macina fighters attacked an army post in Diafarabe overnight, "
     "the Malian army said.", ("Katiba Macina", "attacked", "Diafarabe")),
    ("militiamen", "Raia Mutomboki militiamen overran Shabunda on Friday after a two-day battle.",
     ("Raia Mutomboki", "controls", "Shabunda")),
    ("insurgent-word", "The Sinjar Resistance Units deployed fighters to Khanasor in 2017.",
     ("Sinjar Resistance Units", "deployedTo", "Khanasor")),
]

extractions, test_new_group_is_a_party, _unused = recall_tests(ASSERTED, [], PUB)

#: (id, text, words that must not become a party's name)
NOT_PARTIES = [
    ("numbered-unit", "The 93rd Separate Mechanised Brigade withdrew from Soledar on Friday.",
     "Mechanised Brigade"),
    ("ministry", "The Office of Civil Defence (OCD) sent troops to Marawi on Monday.",
     "Office"),
    ("state-army", "The Khmer National Armed Forces withdrew from Kampot in 1974.", "Armed Forces"),
    ("state-unit", "The Desert Hawks Brigade recaptured Khanasser in February.", "Desert Hawks"),
    ("operation", "Operation Turquoise Forces (OTF) deployed to Gikongoro.", "Turquoise"),
    ("headline", "Kpandu Falls To Northern Rebels\nRebels seized Kpandu on Friday.", "Falls"),
    ("two-names", "The Sinjar Resistance Units and the Nineveh Plain Protection Units attacked "
     "Tal Afar.", "Units and"),
    ("dateline", "ARTEMIVSK, Ukraine, Feb 18 – Ukrainian forces withdrew from the railway town of "
     "Debaltseve on Wednesday.", "ARTEMIVSK"),
    ("organisation-subject", "Hope Relief Organization attacked nothing; Hope Relief said it "
     "entered Kpandu with food.", "Hope"),
    # a nationality or creed before "fighters" says who they are, not what their group is called
    ("nationality-fighters", "Kurdish fighters entered Tal Abyad on Sunday.", "Kurdish"),
    ("creed-fighters", "Islamist fighters attacked Diabaly on Monday.", "Islamist"),
]


@pytest.fixture(scope="module")
def rejected(nlp):
    return extract_cases(nlp, NOT_PARTIES, PUB)


@pytest.mark.parametrize(("case_id", "text", "word"), NOT_PARTIES, ids=ids(NOT_PARTIES))
def test_no_party_is_made_of(rejected, case_id, text, word):
    ex = rejected[case_id]
    parties = [e.label for e in ex.entities.values() if e.kind == "Party"]
    assert not any(word in label for label in parties), f"{text!r}: {parties}; {describe(ex)}"


def test_known_acronym_definition_does_not_rename_a_state(nlp):
    """"the Nduma Defence of Congo-Renove (NDC-R)": the acronym is not Congo's."""
    ex = extract_cases(nlp, [("ndc", "The Nduma Defence of Congo-Renove (NDC-R) took control "
                                     "of Pinga in July. NDC-R fighters later left Pinga.", None)],
                       PUB)["ndc"]
    for ent in ex.entities.values():
        assert "NDC-R" not in ent.aliases or "Congo" not in ent.label, describe(ex)


def test_discovery_is_off_by_default(monkeypatch):
    monkeypatch.delenv("KG_DISCOVER_PARTIES", raising=False)
    default = build_nlp()
    text, triple = ASSERTED[0][1], ASSERTED[0][2]
    ex = extract_cases(default, [("off", text, None)], PUB)["off"]
    assert triple not in asserted(ex), describe(ex)


def test_groups_are_not_in_the_lexicon():
    lexicon = PartyLexicon.load()
    for _, _, (party, _, _) in ASSERTED:
        assert lexicon.lookup(party) is None, f"{party} is in the lexicon now: pick another group"


def test_a_group_stays_in_its_article(nlp):
    """Finding a group leaves the shared lexicon as it was: the next article starts clean."""
    ex = extract_cases(nlp, [("uvf", "The Ulster Volunteer Force (UVF) bombed Monaghan in May 1974.",
                              None)], PUB)["uvf"]
    assert any(e.label == "Ulster Volunteer Force" for e in ex.entities.values()), describe(ex)
    assert nlp.get_pipe("kg_relations").parties.lookup("Ulster Volunteer Force") is None


def test_initials_of_a_known_party_still_count(nlp):
    """With discovery on, plain initials of a party the lexicon knows ("the AA" after "Arakan
    Army fighters") still name that party, as they do with discovery off."""
    text = ("Arakan Army fighters reached the coast in March. Pauktaw fell to the AA in April, "
            "after a week of fighting.")
    ex = extract_cases(nlp, [("initials", text, None)], PUB)["initials"]
    assert ("Arakan Army", "controls", "Pauktaw") in asserted(ex), describe(ex)
