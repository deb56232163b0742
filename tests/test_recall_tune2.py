"""Recall rules found on the tune2 articles (eval/tune2), each checked on our own sentences
about other wars than the article that revealed it.

All cases go through one ``extract_articles`` call; triples are ``(party key, relation,
place label)``.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_articles
from kg.pipeline import build_nlp
from kg.types import Article, Extraction

PUB = date(2016, 3, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    # "insert" is a deployment verb; a passive "by helicopter" names the means, not the party
    ("inserted-by-helicopter", "Iraqi commandos were inserted by helicopter into Tikrit.",
     ("Iraq", "deployedTo", "Tikrit")),
    ("sent-by-air", "French paratroopers were sent by air to Bamako.",
     ("France", "deployedTo", "Bamako")),
    # "the X area" stands for X even when the model tags X as a person
    ("name-before-area", "Afghan troops were sent into the Sangin area.",
     ("Afghanistan", "deployedTo", "Sangin")),
    # a flag over a building stands for the town the building is in
    ("flag-over-building-in-town",
     "Iraqi soldiers raised the national flag over the district centre in Ramadi.",
     ("Iraq", "controls", "Ramadi")),
    # "including" lists the places taken
    ("including-after-object", "Houthi fighters seized several towns, including Amran and Dhamar.",
     ("Houthis", "controls", "Dhamar")),
    ("including-after-quantity", "By 2014 the Islamic State held most of Anbar, including the city of Fallujah.",
     ("Islamic State", "controls", "Fallujah")),
    # "rear bases" are supply bases, said of the places in a relative clause
    ("rear-bases-relative-clause",
     "Ukrainian brigades fought on, backed by Kramatorsk and Sloviansk, which have served as their rear bases for months.",
     ("Ukraine", "suppliesVia", "Sloviansk")),
    # the pronoun subject of a reported clause is the speaker
    ("reported-clause-pronoun", "Iraqi border guards said they had pulled out of Rutba.",
     ("Iraq", "withdrewFrom", "Rutba")),
]

# (id, text, triple that must not be asserted)
NOT_ASSERTED = [
    # "including" after positions or equipment lists no towns taken
    ("including-after-positions",
     "Russian troops abandoned positions they had held for months, including the Antonovsky bridge area.",
     ("Russia", "controls", "Antonovsky")),
    # "are to be sent" is an arrangement, not a deployment
    ("be-to-plan", "British troops are to be sent to Basra next month.",
     ("United Kingdom", "deployedTo", "Basra")),
]


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    cases = {case_id: text for case_id, text, _ in ASSERTED + NOT_ASSERTED}
    assert len(cases) == len(ASSERTED) + len(NOT_ASSERTED), "duplicate case id"
    arts = [Article(id=case_id, text=text, published=PUB) for case_id, text in cases.items()]
    return {ex.article.id: ex for ex in extract_articles(arts, build_nlp(online=False))}


def asserted(ex: Extraction) -> set[tuple[str, str, str]]:
    """Asserted facts as (party, relation, place label)."""
    return {(f.subject, f.relation, ex.entities[f.object].label) for f in ex.facts if f.is_asserted}


def describe(ex: Extraction) -> str:
    return "; ".join(f"{f.subject} {f.relation} {f.object} [{f.modality}]" for f in ex.facts) or "no facts"


@pytest.mark.parametrize(("case_id", "text", "triple"), ASSERTED, ids=[c[0] for c in ASSERTED])
def test_phrasing_gives_fact(extractions, case_id, text, triple):
    ex = extractions[case_id]
    assert triple in asserted(ex), f"{text!r}: want {triple}; got {describe(ex)}"


@pytest.mark.parametrize(("case_id", "text", "triple"), NOT_ASSERTED, ids=[c[0] for c in NOT_ASSERTED])
def test_phrasing_gives_no_fact(extractions, case_id, text, triple):
    ex = extractions[case_id]
    assert triple not in asserted(ex), f"{text!r}: got {describe(ex)}"
