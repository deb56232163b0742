"""Ellipsis: "had taken full control" with no object points back to the place just named."""
from __future__ import annotations

from datetime import date

from kg.extract import extract_articles
from kg.types import Article


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    (ex,) = extract_articles([Article(id="t", text=text, published=date(2022, 7, 3))], nlp)
    return {(f.subject, f.relation, f.object) for f in ex.facts if f.is_asserted}


def test_control_without_object_takes_the_place_just_named(nlp):
    text = ("Ukrainian troops defended Lysychansk for weeks. On Sunday Russia's defence "
            "ministry said that it had taken full control.")
    assert ("Russia", "controls", "Lysychansk") in facts(nlp, text)


def test_control_without_any_place_before_gives_nothing(nlp):
    assert facts(nlp, "Russia's defence ministry said that it had taken full control.") == set()
