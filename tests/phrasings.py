"""The shared harness of the phrasing tests (``tests/test_recall_*.py``,
``tests/test_party_lexicon_breadth.py``).

Each of those files lists cases ``(id, text, expectation)``: our own sentences about
wars other than the article that revealed a rule. All cases of a file go through one
``extract_articles`` call; facts are compared as ``(party key, relation, place label)``
(labels, because places unknown to the gazetteer get minted keys). Modules with
lists ``ASSERTED`` and ``NOT_ASSERTED`` get their fixture and tests from
:func:`recall_tests`; the party-lexicon modules, whose negative cases name a party that
must act in no fact, get theirs from :func:`party_tests`.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_articles
from kg.types import Article, Extraction


def extract_cases(nlp, cases: list[tuple], published: date) -> dict[str, Extraction]:
    """Extraction of every case text, by case id."""
    texts = {case[0]: case[1] for case in cases}
    assert len(texts) == len(cases), "duplicate case id"
    arts = [Article(id=case_id, text=text, published=published) for case_id, text in texts.items()]
    return {ex.article.id: ex for ex in extract_articles(arts, nlp)}


def asserted(ex: Extraction) -> set[tuple[str, str, str]]:
    """Asserted facts as (party, relation, place label)."""
    return {(f.subject, f.relation, ex.entities[f.object].label) for f in ex.facts if f.is_asserted}


def facts_of(nlp, text: str, published: date, asserted_only: bool = True) -> set[tuple[str, str, str]]:
    """The facts of one text as (party, relation, place label): the asserted ones, or all."""
    (ex,) = extract_cases(nlp, [("one", text)], published).values()
    if asserted_only:
        return asserted(ex)
    return {(f.subject, f.relation, ex.entities[f.object].label) for f in ex.facts}


def describe(ex: Extraction) -> str:
    """All facts with their modality, for a failure message."""
    return "; ".join(f"{f.subject} {f.relation} {f.object} [{f.modality}]" for f in ex.facts) or "no facts"


def ids(cases: list[tuple]) -> list[str]:
    return [case[0] for case in cases]


def recall_tests(asserted_cases: list[tuple], not_asserted_cases: list[tuple], published: date):
    """The module fixture ``extractions`` and two tests: each triple of ``asserted_cases``
    is asserted for its text, none of ``not_asserted_cases`` is. Assign the three to
    module names (the test names are the ones pytest reports)."""

    @pytest.fixture(scope="module")
    def extractions(nlp) -> dict[str, Extraction]:
        return extract_cases(nlp, asserted_cases + not_asserted_cases, published)

    @pytest.mark.parametrize(("case_id", "text", "triple"), asserted_cases, ids=ids(asserted_cases))
    def gives_fact(extractions, case_id, text, triple):
        ex = extractions[case_id]
        assert triple in asserted(ex), f"{text!r}: want {triple}; got {describe(ex)}"

    @pytest.mark.parametrize(("case_id", "text", "triple"), not_asserted_cases, ids=ids(not_asserted_cases))
    def gives_no_fact(extractions, case_id, text, triple):
        ex = extractions[case_id]
        assert triple not in asserted(ex), f"{text!r}: got {describe(ex)}"

    return extractions, gives_fact, gives_no_fact


def party_tests(asserted_cases: list[tuple], no_party_cases: list[tuple], published: date):
    """The module fixture ``extractions`` and two tests: each triple of ``asserted_cases``
    is asserted for its text; the party of each ``(id, text, party)`` of
    ``no_party_cases`` is the subject of no asserted fact. Assign the three to module names."""

    @pytest.fixture(scope="module")
    def extractions(nlp) -> dict[str, Extraction]:
        return extract_cases(nlp, asserted_cases + no_party_cases, published)

    @pytest.mark.parametrize(("case_id", "text", "triple"), asserted_cases, ids=ids(asserted_cases))
    def gives_fact(extractions, case_id, text, triple):
        ex = extractions[case_id]
        assert triple in asserted(ex), f"{text!r}: want {triple}; got {describe(ex)}"

    @pytest.mark.parametrize(("case_id", "text", "party"), no_party_cases, ids=ids(no_party_cases))
    def gives_no_party(extractions, case_id, text, party):
        got = asserted(extractions[case_id])
        assert not any(s == party for s, _, _ in got), f"{text!r}: got {sorted(got)}"

    return extractions, gives_fact, gives_no_party
