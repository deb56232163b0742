"""Who said it: datelines are not speakers; an appositive name is, with its title."""
from __future__ import annotations

from datetime import date

from kg.extract import extract_articles
from kg.types import Article

TEXT = ("KYIV, May 21 – The head of Russia's Wagner mercenary group, Yevgeny Prigozhin, "
        "said on Saturday that his fighters had taken full control of Bakhmut.")


def test_dateline_is_not_the_speaker_and_the_title_becomes_the_role(nlp):
    (ex,) = extract_articles([Article(id="t", text=TEXT, published=date(2023, 5, 21))], nlp)
    (fact,) = [f for f in ex.facts if f.object == "Bakhmut"]
    assert fact.subject == "Wagner Group"
    speaker = ex.entities[fact.attributed_to]
    assert speaker.label == "Yevgeny Prigozhin"
    assert speaker.kind == "Person"
    assert speaker.role == "head of Russia's Wagner mercenary group"
