"""A story is set in the state a place belonged to on the story's day
(kg/data/host_states.json): "government troops" at Afabet in 1988 are Ethiopia's, at
Barentu in 2000 Eritrea's. Our own sentences."""
from __future__ import annotations

import json
from datetime import date

from kg.parties import PartyLexicon
from kg.party_eras import HOST_STATES, state_then
from phrasings import recall_tests


def test_table_names_known_states_and_runs_forward():
    parties = PartyLexicon.load().parties
    table = {k: v for k, v in json.loads(HOST_STATES.read_text(encoding="utf-8")).items()
             if not k.startswith("_")}
    for country, periods in table.items():
        assert parties[country].kind == "state", country
        for p in periods:
            assert parties[p["party"]].kind == "state", p
            assert date.fromisoformat(p["from"]) <= date.fromisoformat(p["until"]), (country, p)


def test_state_then():
    assert state_then("Eritrea", date(1988, 3, 19)) == "Ethiopia"
    assert state_then("Eritrea", date(2000, 5, 20)) == "Eritrea"
    assert state_then("Croatia", date(1990, 1, 1)) == "Yugoslavia"
    assert state_then("Croatia", None) == "Croatia"
    assert state_then("Libya", date(1911, 10, 5)) == "Ottoman Empire"
    assert state_then("Libya", date(1931, 9, 16)) == "Kingdom of Italy"
    assert state_then("Libya", date(2011, 8, 20)) == "Libya"
    assert state_then(None, date(1990, 1, 1)) is None


ASSERTED = [
    ("eritrea-1988", "In March 1988 government troops withdrew from Afabet, Eritrea.",
     ("Ethiopia", "withdrewFrom", "Afabet")),
    ("bangladesh-1971", "In 1971 the army shelled Dhaka, Bangladesh, in March.",
     ("Pakistan", "attacked", "Dhaka")),
    ("ottoman-iraq", "In April 1916 government troops shelled Kut, Iraq.",
     ("Ottoman Empire", "attacked", "Kut")),
    ("french-algeria", "In 1957 the army withdrew from Tebessa, Algeria.",
     ("France", "withdrewFrom", "Tébessa")),
    ("irish-free-state", "In 1922 government troops captured Cork, Ireland.",
     ("Ireland", "controls", "Cork")),
    ("eritrea-2000", "In May 2000 government troops withdrew from Barentu, Eritrea.",
     ("Eritrea", "withdrewFrom", "Barentu")),
]

NOT_ASSERTED = [
    ("eritrea-1988-not-eritrea", "In March 1988 government troops withdrew from Afabet, Eritrea.",
     ("Eritrea", "withdrewFrom", "Afabet")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, date(2022, 1, 1))
