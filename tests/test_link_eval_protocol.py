"""The headline linking measure (kg.link_protocol): scoring rules and the dev-set figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import EvalLayout, format_links, score_links
from kg.gazetteer import Gazetteer, GazEntry
from kg.link_protocol import LinkCase, cases_in_scope, names_party, score_qid_links

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"
HELD = frozenset({"Q159", "Q212"})
RUSSIA = frozenset({"Q159"})


def case(surface: str, entity: str | None, gold: frozenset[str], pred: str | None,
         key: str | None = None, names: tuple[str, ...] = (), nil: bool = False) -> LinkCase:
    return LinkCase(surface, entity, gold, pred, key, frozenset(names), nil)


# (case, (correct, wrong, unjudged, held, found))
CASES = {
    "right QID": (case("Russia", "Russia", RUSSIA, "Q159", "Russia"), (1, 0, 0, 1, 1)),
    "wrong QID": (case("Russia", "Russia", RUSSIA, "Q212", "Ukraine"), (0, 1, 0, 1, 0)),
    "held QID left NIL": (case("Russia", "Russia", RUSSIA, None), (0, 0, 0, 1, 0)),
    "gold NIL linked": (case("Zzyx", None, frozenset(), "Q159", "Russia", nil=True),
                        (0, 1, 0, 0, 0)),
    "gold NIL left NIL": (case("Zzyx", None, frozenset(), None, nil=True), (0, 0, 0, 0, 0)),
    "gold QID not in gazetteer: no recall": (case("Egypt", None, frozenset({"Q79"}), None),
                                             (0, 0, 0, 0, 0)),
    "gold QID not in gazetteer, linked wrong": (
        case("Egypt", None, frozenset({"Q79"}), "Q159", "Russia"), (0, 1, 0, 0, 0)),
    "no gold QID, linked entry is the entity": (
        case("Kabul", "Kabul", frozenset(), "Q5838", "Kabul"), (1, 0, 0, 0, 0)),
    "no gold QID, linked entry names the entity": (
        case("Kherson region", "Kherson Oblast", frozenset(), "Q163271", "KO",
             ("kherson oblast",)), (1, 0, 0, 0, 0)),
    "no gold QID, linked another entry": (
        case("Kherson", "Kherson", frozenset(), "Q163271", "Kherson Oblast",
             ("kherson oblast", "kherson region")), (0, 1, 0, 0, 0)),
    "not annotated, linked": (case("Cairo", None, frozenset(), "Q85", "Cairo"), (0, 0, 1, 0, 0)),
    "not annotated, NIL": (case("Cairo", None, frozenset(), None), (0, 0, 0, 0, 0)),
}


@pytest.mark.parametrize("item,expected", CASES.values(), ids=CASES.keys())
def test_qid_scoring_rules(item, expected):
    s = score_qid_links([item], HELD)
    assert (s.correct, s.wrong, s.unjudged, s.held, s.found) == expected


def test_precision_recall_and_worst_case():
    cases = [case("Russia", "Russia", RUSSIA, "Q159", "Russia"),
             case("Ukraine", "Ukraine", frozenset({"Q212"}), "Q159", "Russia"),
             case("Cairo", None, frozenset(), "Q85", "Cairo"),
             case("Kyiv", "Ukraine", frozenset({"Q212"}), None)]
    s = score_qid_links(cases, HELD)
    assert (s.precision, s.held, s.found) == (0.5, 3, 1)
    assert s.worst_precision == s.recall == pytest.approx(1 / 3)
    assert any(e.startswith("wrong link") and "'Ukraine'" in e for e in s.errors)
    assert any(e.startswith("missed") and "'Kyiv'" in e for e in s.errors)


def test_empty_input_scores_one_not_a_division_error():
    s = score_qid_links([], HELD)
    assert (s.precision, s.recall, s.worst_precision) == (1.0, 1.0, 1.0)


GAZ = Gazetteer([GazEntry("Russia", "Q159", "Russia", ("Russia", "Russian Federation"), "country",
                          demonyms=("Russian",)),
                 GazEntry("Moscow", "Q649", "Moscow", ("Moscow",), "settlement")])


@pytest.mark.parametrize("surface,literal", [
    ("Russia", True), ("RUSSIA", True), ("Russian Federation", True),
    ("Moscow", False), ("Kremlin", False), ("Russian forces", False), ("Russian", False),
])
def test_party_names_versus_metonyms_and_demonyms(surface, literal):
    assert names_party(surface, "Russia", RUSSIA, GAZ) is literal


def test_metonyms_leave_the_scope_but_places_stay():
    cases = [case("Moscow", "Russia", RUSSIA, "Q649", "Moscow"),
             case("Russian forces", "Russia", RUSSIA, None),
             case("Russia", "Russia", RUSSIA, "Q159", "Russia"),
             case("Moscow", "Moscow", frozenset(), "Q649", "Moscow")]
    kept, left_out = cases_in_scope(cases, {"Russia": "Party", "Moscow": "Settlement"}, GAZ)
    assert left_out == 2 and [c.entity for c in kept] == ["Russia", "Moscow"]


def test_dev_set_headline_meets_the_floor():
    """Acceptance bar (issue 4): precision >= 0.98 and recall >= 0.90 on eval/dev.

    Measured when written: P 0.986 (73/74 judged), R 0.964 (53/55). The floors below
    are the bar itself; the report lists each miss if it falls below.
    """
    layout = EvalLayout.resolve(DEV)
    links = score_links(layout, layout.doc_ids("all"))
    head = links["headline"]
    report = "\n".join(format_links(links))
    assert head["held"] >= 50, report
    assert head["precision"] >= 0.98, report
    assert head["recall"] >= 0.90, report
