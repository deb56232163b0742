"""Dates of a text that tells of years long before its publication.

An encyclopedia entry written in 2021 about 1993 places an undated "in June" in 1993 (the
preceding date of the text), and the words whose side changed with history ("Armenian
forces" in the Karabakh war of 1988-1994) take the side of the story's years.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg.docfacts import story_day
from kg.timex import find_times


def _values(text: str, published: date) -> dict[str, date | None]:
    return {t.text: t.value for t in find_times(text, published)}


def test_undated_month_follows_an_older_year():
    got = _values("In mid-1993 the front moved east. In June the town fell.", date(2021, 5, 10))
    assert got["June"] == date(1993, 6, 1)


def test_undated_day_follows_an_older_year():
    got = _values("The siege began on 5 March 1992. On 14 April the garrison surrendered.",
                  date(2019, 1, 1))
    assert got["14 April"] == date(1992, 4, 14)


def test_news_keeps_the_publication_year():
    got = _values("Fighting resumed on 2 March. On 5 March the town fell.", date(2024, 3, 10))
    assert got["5 March"] == date(2024, 3, 5)


@pytest.mark.parametrize(("text", "published", "want"), [
    ("The town fell on 23 July 1993 after the front collapsed in June 1993.", date(2021, 5, 10),
     date(1993, 7, 23)),
    ("The town fell on 2 March.", date(2024, 3, 10), date(2024, 3, 10)),
    ("No dates here.", date(2024, 3, 10), date(2024, 3, 10)),
])
def test_story_day(text, published, want):
    assert story_day(find_times(text, published), published) == want


@pytest.fixture(scope="module")
def facts(nlp):
    from kg.extract import extract_articles
    from kg.types import Article
    text = "In April 1993 Armenian forces took Kalbajar after a week of fighting."
    arts = [Article(id=f"a{y}", text=text, published=date(y, 1, 10)) for y in (1993, 2021)]
    return {ex.article.id: {(f.subject, f.relation) for f in ex.facts if f.is_asserted}
            for ex in extract_articles(arts, nlp)}


@pytest.mark.parametrize("doc", ["a1993", "a2021"])
def test_era_word_takes_the_story_years(facts, doc):
    assert ("Artsakh", "controls") in facts[doc]
