"""kg.syntax.is_passive / subjects on parses the small model really produces."""
from __future__ import annotations

import pytest

from kg import syntax as S


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


def test_been_hung_on_a_heading_word_is_not_passive(parse):
    # the model makes "been" an adjectival clause of "Fifth"; the clause has its own subject
    doc = parse("Fifth: The city had been under the control of the rebels since April.")
    been = next(t for t in doc if t.text == "been")
    assert been.dep_ == "acl"          # the parse this test is about
    assert not S.is_passive(been)
    assert [t.text for t in S.subjects(been)] == ["city"]


def test_reduced_passive_relative_is_still_passive(parse):
    doc = parse("The town captured by the rebels lies on the river.")
    captured = next(t for t in doc if t.text == "captured")
    assert S.is_passive(captured)
