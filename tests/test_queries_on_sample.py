"""Every named query runs against the store built from the shared sample article."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.queries import get_query
from kg.store import KGStore

QUERY_DIR = Path(__file__).resolve().parents[1] / "queries"
LOCAL = sorted(p.stem for p in QUERY_DIR.glob("*.rq") if "SERVICE" not in p.read_text(encoding="utf-8"))
PARAMS = {"about-place": {"place": "Izyum"}}      # a spelling the article does not use


def select(store_path: Path, name: str) -> list[dict[str, str]]:
    query = get_query(name)
    sparql = query.bind(PARAMS.get(name)) if query.parameters else query.sparql
    with KGStore.open(store_path, read_only=True) as store:
        result = store.query(sparql)
        names = [v.value for v in result.variables]
        return [{n: r[n].value for n in names if r[n] is not None} for r in result]


@pytest.mark.parametrize("name", LOCAL)
def test_named_query_answers_on_the_sample(sample_store, name):
    assert select(sample_store, name), f"{name} returned no rows on the sample article"


def labels(rows: list[dict[str, str]]) -> set[str]:
    return {v for row in rows for v in row.values()}


def test_who_controls_what_names_both_sides_of_izium(sample_store):
    values = labels(select(sample_store, "who-controls-what"))
    assert {"Russia", "Ukraine", "Izium", "Kupiansk"} <= values


def test_withdrawals_cover_the_coordinated_places(sample_store):
    values = labels(select(sample_store, "withdrawals"))
    assert {"Izium", "Balakliia"} <= values


def test_about_place_finds_izium_by_another_spelling(sample_store):
    rows = select(sample_store, "about-place")
    assert any("Izium" in row.values() for row in rows)
