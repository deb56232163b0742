"""The shared harness of the phrasing tests (``tests/test_recall_*.py``,
``tests/test_party_lexicon_breadth.py``).

Each of those files lists cases ``(id, text, expectation)``: our own sentences about
wars other than the article that revealed a rule. All cases of a file go through one
``extract_articles`` call; facts are compared as ``(party key, relation, place label)``
(labels, because places unknown to the gazetteer get minted keys).
"""
from __future__ import annotations

from datetime import date

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


def describe(ex: Extraction) -> str:
    """All facts with their modality, for a failure message."""
    return "; ".join(f"{f.subject} {f.relation} {f.object} [{f.modality}]" for f in ex.facts) or "no facts"


def ids(cases: list[tuple]) -> list[str]:
    return [case[0] for case in cases]
