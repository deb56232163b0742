"""Party words whose side depends on the article's date (kg/data/party_eras.json)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.party_eras import party_on
from phrasings import asserted, extract_cases


@pytest.mark.parametrize(("word", "day", "want"), [
    ("Hanoi", date(1968, 2, 1), "North Vietnam"),
    ("Hanoi", date(1979, 3, 6), "Vietnam"),
    ("Moscow", date(1944, 6, 1), "Soviet Union"),
    ("Moscow", date(2014, 3, 1), "Russia"),           # outside every period: the lexicon's party
    ("Sanaa", date(2009, 8, 1), "Yemen"),
    ("Sanaa", date(2015, 3, 26), "Houthis"),
    ("Kabul", date(1998, 1, 1), "Taliban"),
    ("Kabul", date(2010, 1, 1), "Afghanistan"),
    ("Aden", date(1979, 3, 6), "South Yemen"),
    ("Aden", date(2019, 8, 10), "Yemen"),
    ("Phnom Penh", date(1973, 6, 1), "Khmer Republic"),
    ("Phnom Penh", date(1977, 6, 1), "Khmer Rouge"),
    ("Phnom Penh", date(1990, 6, 1), "Cambodia"),
    ("Tripoli", date(2019, 4, 10), "Government of National Accord"),
    ("Tripoli", date(2009, 4, 10), "Libya"),
    # Berlin in 1942 stays Germany: the evaluation sets name the state, not the regime
    ("Berlin", date(1942, 6, 1), "Germany"),
    ("Madrid", date(1937, 3, 1), "Second Spanish Republic"),
    ("Madrid", date(1960, 3, 1), "Francoist Spain"),
    ("Madrid", date(2004, 3, 1), "Spain"),
])
def test_party_on(word, day, want):
    lexicon_party = {"Hanoi": "North Vietnam", "Moscow": "Russia", "Sanaa": "Houthis",
                     "Kabul": "Afghanistan", "Aden": "Yemen", "Phnom Penh": "Cambodia",
                     "Tripoli": "Libya", "Berlin": "Germany", "Madrid": "Spain"}[word]
    assert party_on(word, lexicon_party, day) == want


def test_no_date_keeps_the_lexicon_party():
    assert party_on("Hanoi", "North Vietnam", None) == "North Vietnam"


@pytest.mark.parametrize(("published", "want"), [
    (date(1979, 2, 20), ("Vietnam", "deployedTo", "Lang Son")),
    (date(1968, 2, 20), ("North Vietnam", "deployedTo", "Lang Son")),
])
def test_extraction_uses_the_publication_date(nlp, published, want):
    text = "Hanoi rushed regular divisions to Lang Son."
    ex = extract_cases(nlp, [("hanoi", text, want)], published)["hanoi"]
    assert want in asserted(ex)
