"""The shortcuts that make extraction cheaper give what the long way gives.

- ``RelationFinder`` visits only the tokens some pattern may fire on: the same tokens a
  test of every token's form and lemma picks;
- ``DocFacts`` cuts span texts from ``doc.text`` and looks sentences up instead of
  building Spans;
- the quotation scan only looks at quote marks;
- the time rules test a word boundary before the first character.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import _mentions as M
from kg import _timex_patterns as TP
from kg.attribution import quote_spans
from kg.docfacts import DocFacts
from kg.relations import RelationFinder
from kg.types import Article


@pytest.fixture(scope="module")
def sample_doc(nlp, sample_article_path: Path):
    with nlp.select_pipes(disable=["kg_relations"]):
        return nlp(sample_article_path.read_text(encoding="utf-8"))


def _fires_on(finder: RelationFinder, tok) -> bool:
    lemma = finder.forms.get(tok.lower_, tok.lemma_.lower())
    return (lemma in finder.verbs or lemma in finder.nouns or lemma in finder.leave_verbs
            or lemma in finder.extra_lemmas or tok.lower_ in finder.control_preps
            or tok.lower_ in finder.held or tok.lower_ in finder.hub_heads or tok.lower_ == "hands")


def test_trigger_positions_are_the_tokens_a_pattern_may_fire_on(sample_doc):
    finder = RelationFinder(sample_doc, lambda *a, **k: None, lambda *a, **k: None)
    expected = [t.i for t in sample_doc if _fires_on(finder, t)]
    assert expected                                  # the sample reports captures
    assert finder._trigger_positions() == expected
    again = RelationFinder(sample_doc, lambda *a, **k: None, lambda *a, **k: None)
    assert again._trigger_positions() == expected    # judged from the remembered verdicts


def test_docfacts_cuts_span_texts_and_finds_sentences(nlp, sample_doc):
    rel = nlp.get_pipe("kg_relations")
    facts = DocFacts(sample_doc, Article(id="x", text=sample_doc.text), rel.parties, rel.matcher,
                     rel.linker, rel.gazetteer)
    n = len(sample_doc)
    for start, end in [(0, 0), (0, 1), (3, 9), (n - 5, n), (10, 10), (n - 1, n)]:
        assert M._cut(sample_doc, facts.text, start, end) == sample_doc[start:end].text
    for tok in list(sample_doc)[:: max(1, n // 40)]:
        sent = facts._sent_at[facts.sent_bounds[tok.i][0]]
        assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end)
    assert facts._pos == [t.pos for t in sample_doc]


@pytest.mark.parametrize(("text", "spans"), [
    ("He said “we left” and “we came back”.", [(8, 17), (22, 36)]),
    ('A "straight" and "another" one.', [(2, 12), (17, 26)]),
    ("“Unclosed quote\n\nnext paragraph", [(0, 15)]),
    ('Open "to the end', [(5, 16)]),
    ("No quotes at all.", []),
    ("Stray ” closing mark.", []),
])
def test_quote_spans(text, spans):
    assert quote_spans(text) == spans


def _without_boundary_test(rule: re.Pattern[str]) -> re.Pattern[str]:
    """The rule behind its bare first-character lookahead (no word boundary test)."""
    return re.compile(rule.pattern.replace(r"(?=\b(?:", "(?=(?:", 1), rule.flags)


@pytest.mark.parametrize("name", [n for n, rule in TP.RULES if rule.pattern.startswith(r"(?=\b")])
def test_time_rules_match_as_without_the_boundary_test(name, sample_article_path: Path):
    rule = dict(TP.RULES)[name]
    text = sample_article_path.read_text(encoding="utf-8") + (
        " early March 2022, mid-2017, late Friday night, last Monday, two days later, "
        "3 weeks ago, the end of March, xMarch 5, 12019, a2 days later.")
    plain = _without_boundary_test(rule)
    assert plain.pattern != rule.pattern
    found = [(m.span(), m.groupdict()) for m in rule.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert found                                     # each rule matches something here
