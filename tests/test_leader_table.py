"""The leader table (kg/data/leaders.json) is data: every period names a party the lexicon
knows, its dates parse and run forward, and one leader's periods do not overlap. The new
leaders of session 8 give their side on the article's date. Our own sentences."""
from __future__ import annotations

import json
from datetime import date

from kg.parties import PartyLexicon
from kg.party_eras import LEADERS
from phrasings import recall_tests

TABLE = {k: v for k, v in json.loads(LEADERS.read_text(encoding="utf-8")).items()
         if not k.startswith("_")}


def test_every_period_names_a_known_party_and_runs_forward():
    parties = PartyLexicon.load().parties
    for name, periods in TABLE.items():
        assert name == name.lower(), name
        spans = []
        for p in periods:
            assert p["party"] in parties, (name, p["party"])
            start = date.fromisoformat(p.get("from", "0001-01-01"))
            end = date.fromisoformat(p.get("until", "9999-12-31"))
            assert start <= end, (name, p)
            spans.append((start, end))
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), (name, spans)


ASSERTED = [
    ("italian-commander", "In January 1936 Graziani's columns entered Neghelli after a long march.",
     ("Kingdom of Italy", "controls", "Neghelli")),
    ("republican-commander", "In March 1937 Líster's troops retook Trijueque from the Italians.",
     ("Second Spanish Republic", "controls", "Trijueque")),
    ("guerrilla-commander", "Guevara's column captured Placetas on 23 December 1958.",
     ("26th of July Movement", "controls", "Placetas")),
]

NOT_ASSERTED = [
    # outside the years of his command the name gives no side
    ("out-of-period", "In 1980 Guevara's column captured Placetas.",
     ("26th of July Movement", "controls", "Placetas")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, date(2020, 1, 1))
