"""Named queries: every queries/*.rq loads, parses and runs on a real KGStore."""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery
from sample_extraction import make_extraction

from kg.errors import InputError, KGError, QueryNotFound, QuerySyntaxError
from kg.mapping import document_graph, extraction_quads
from kg.queries import NamedQuery, find_variables, get_query, load_queries, parse_query_file
from kg.store import KGStore
from kg.types import Extraction

QUERY_DIR = Path(__file__).resolve().parents[1] / "queries"
QUERY_NAMES = sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
EXPECTED_QUERIES = {
    "who-controls-what", "withdrawals", "supply-hubs", "about-place", "wikidata-federated",
    "timeline", "conflicting-control", "corroboration",
}


def fill(store: KGStore, *extractions: Extraction) -> KGStore:
    for ex in extractions:
        store.replace_graph(document_graph(ex.article.id), extraction_quads(ex))
    return store


@pytest.fixture(params=["memory", "disk"])
def store(request, tmp_path) -> Iterator[KGStore]:
    """The sample extraction in a real Oxigraph store, in memory and on disk."""
    path = tmp_path / "store" if request.param == "disk" else None
    with KGStore.open(path) as kg_store:
        yield fill(kg_store, make_extraction())


def rows(store: KGStore, sparql: str) -> list[dict[str, str | None]]:
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in result]


def local(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else iri


def test_expected_queries_are_shipped():
    assert EXPECTED_QUERIES <= set(QUERY_NAMES)
    assert set(load_queries()) == set(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_header_and_syntax(name):
    query = get_query(name)
    assert query.title and len(query.description) > 40
    prepareQuery(query.sparql)  # an independent parser agrees it is SPARQL 1.1


@pytest.mark.parametrize("name", [n for n in QUERY_NAMES if n != "wikidata-federated"])
def test_query_runs_on_the_store(store, name):
    query = get_query(name)
    sparql = query.bind({p: "Izium" for p in query.parameters})
    assert rows(store, sparql), f"{name} returned no rows on the sample"


def test_who_controls_what(store):
    got = {(local(r["party"]), local(r["place"]), r["since"], r["accordingTo"])
           for r in rows(store, get_query("who-controls-what").sparql)}
    assert got == {
        ("Russia", "Izium", "2022-04-01", "Example Wire"),
        ("Ukraine", "Izium", None, "Ministry of Defence of Ukraine"),
    }


def test_withdrawals_carry_evidence_and_offsets(store):
    ex = make_extraction()
    found = rows(store, get_query("withdrawals").sparql)
    assert {local(r["place"]) for r in found} == {"Izium", "Balakliia"}
    for r in found:
        start, end = int(r["charStart"]), int(r["charEnd"])
        assert ex.article.text[start:end] == r["evidence"]
        assert r["document"].endswith(ex.article.id) and r["modality"] == "asserted"


def test_supply_hubs(store):
    (hub,) = rows(store, get_query("supply-hubs").sparql)
    assert (hub["partyLabel"], hub["placeLabel"], hub["documents"]) == ("Russia", "Kupiansk", "1")


@pytest.mark.parametrize(
    ("place", "objects"),
    [
        ("IZYUM", {"Izium"}),  # an alias, any case
        ("kharkiv oblast", {"Izium", "Balakliia", "Kupiansk"}),  # places inside it count
        ("Kherson region", {"Kherson Oblast"}),  # only a planned statement: still reported
        ('Iz"ium', set()),  # quotes are escaped, not injected
    ],
)
def test_about_place(store, place, objects):
    found = rows(store, get_query("about-place").bind({"place": place}))
    assert {r["objectLabel"] for r in found} == objects


def test_timeline_is_ordered(store):
    found = rows(store, get_query("timeline").sparql)
    dates = [r["date"] for r in found]
    assert dates == sorted(dates) and len(dates) == 3
    assert {r["dateKind"] for r in found} == {"since", "until", "event"}


def test_conflicting_control(store):
    found = rows(store, get_query("conflicting-control").sparql)
    assert [(r["placeLabel"], r["partyLabel"], r["claimants"]) for r in found] == [
        ("Izium", "Russia", "2"),  # since 1 April ...
        ("Izium", "Ukraine", "2"),  # ... then retaken on 10 September
    ]


def _second_report(confidence: float) -> Extraction:
    ex = make_extraction()
    article = dataclasses.replace(ex.article, id="sample-second-report")
    ex = dataclasses.replace(ex, article=article)
    ex.facts = [dataclasses.replace(f, confidence=confidence) for f in ex.facts[2:3]]
    return ex


def test_corroboration_combines_confidence_across_documents():
    with KGStore.open() as kg_store:
        fill(kg_store, make_extraction(), _second_report(0.5), _second_report(0.5))
        found = rows(kg_store, get_query("corroboration").sparql)
    by_fact = {(r["subjectLabel"], r["relation"], r["objectLabel"]): r for r in found}
    corroborated = by_fact[("Russia", "withdrewFrom", "Izium")]
    assert corroborated["documents"] == "2"  # one graph per document, re-ingest replaces
    assert Decimal(corroborated["combinedConfidence"]) == Decimal("0.95")  # 1-(1-0.9)(1-0.5)
    single = by_fact[("Russia", "withdrewFrom", "Balakliia")]
    assert (single["documents"], Decimal(single["combinedConfidence"])) == ("1", Decimal("0.85"))


class _FakeWikidata(BaseHTTPRequestHandler):
    """A SPARQL protocol endpoint on 127.0.0.1 answering from a tiny pyoxigraph store."""

    data = ox.Store()
    received: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def _answer(self, sparql: str) -> None:
        self.received.append(sparql)
        body = self.data.query(sparql).serialize(format=ox.QueryResultsFormat.JSON)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(parse_qs(urlparse(self.path).query)["query"][0])

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        is_form = "sparql-query" not in self.headers.get("Content-Type", "")
        self._answer(parse_qs(body)["query"][0] if is_form else body)


WIKIDATA_FIXTURE = b"""
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
wd:Q170666 wdt:P17 wd:Q212 ; wdt:P1082 2500000, 2600000 ;
    wdt:P625 "Point(36.5 49.5)"^^geo:wktLiteral .
"""


@pytest.fixture
def fake_wikidata() -> Iterator[str]:
    _FakeWikidata.data = ox.Store()
    _FakeWikidata.data.load(WIKIDATA_FIXTURE, format=ox.RdfFormat.TURTLE)
    _FakeWikidata.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeWikidata)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_wikidata_federated_against_a_local_endpoint(store, fake_wikidata):
    query = get_query("wikidata-federated")
    assert f"SERVICE <{WIKIDATA_SPARQL}>" in query.sparql
    found = rows(store, query.sparql.replace(WIKIDATA_SPARQL, fake_wikidata))
    by_place = {r["placeLabel"]: r for r in found}
    assert set(by_place) == {"Kharkiv Oblast", "Kherson Oblast", "Ukraine"}
    assert by_place["Kharkiv Oblast"]["coordinates"] == "Point(36.5 49.5)"
    assert by_place["Kharkiv Oblast"]["population"] == "2600000"
    assert by_place["Kherson Oblast"]["population"] is None  # not known remotely: kept, empty
    assert len(_FakeWikidata.received) == 1


# -- parameters, headers and lookup -------------------------------------------------


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT ?a $b WHERE { ?a ?p ?b }", ["a", "b", "p"]),
        ('SELECT * WHERE { ?s ?p "?notavar" }', ["s", "p"]),
        ("SELECT * WHERE { ?s ?p '''multi\n?line''' }", ["s", "p"]),
        ("SELECT * WHERE { ?s ?p ?o } # ?comment", ["s", "p", "o"]),
        ("SELECT * WHERE { ?s <http://e.org/?x=1> ?o }", ["s", "o"]),
        ('SELECT * WHERE { ?s ?p "say \\"?q\\"" }', ["s", "p"]),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o<?limit) }", ["s", "p", "o", "limit"]),
        ("SELECT * WHERE { ?né ?p ?o }", ["né", "p", "o"]),
        ("", []),
    ],
)
def test_find_variables(sparql, expected):
    assert find_variables(sparql) == expected


def _query(sparql: str, parameters: tuple[str, ...] = ("place",)) -> NamedQuery:
    return NamedQuery("q", "Q", "A query.", sparql, parameters)


def test_bind_puts_values_in_the_outer_where():
    sparql = '# WHERE { in a comment\nSELECT ?x WHERE { FILTER(?x = "WHERE {") }'
    bound = _query(sparql, ("x",)).bind({"x": "Izium"})
    assert bound.endswith('WHERE {\n  VALUES (?x) { ("Izium") } FILTER(?x = "WHERE {") }')


def test_bind_checks_parameters():
    query = _query("SELECT * WHERE { ?s ?p ?place }")
    with pytest.raises(InputError, match="needs a value for: place"):
        query.bind({})
    with pytest.raises(InputError, match="unknown"):
        query.bind({"place": "x", "other": "y"})


def test_bind_needs_an_explicit_where():
    with pytest.raises(QuerySyntaxError, match="explicit WHERE"):
        _query("SELECT * { ?s ?p ?place }").bind({"place": "x"})


def test_header_fields_and_continuations(tmp_path):
    path = tmp_path / "my-query.rq"
    path.write_text(
        "# title: Mine\n# description: First line\n#   and second line.\n"
        "# parameters: ?place, ?party\nSELECT * WHERE { ?party ?p ?place }\n",
        encoding="utf-8",
    )
    query = parse_query_file(path)
    assert (query.name, query.title) == ("my-query", "Mine")
    assert query.description == "First line and second line."
    assert query.parameters == ("place", "party")


@pytest.mark.parametrize(
    ("filename", "text", "message"),
    [
        ("q.rq", "# title: T\nSELECT * WHERE {}", "missing '# description"),
        ("q.rq", "# description: D\nSELECT * WHERE {}", "missing '# title"),
        ("q.rq", "# title: T\n# description: D\n# parameters: ?gone\nSELECT * WHERE {}",
         "?gone is declared but not used"),
        ("Bad Name.rq", "# title: T\n# description: D\nASK {}", "lowercase words"),
    ],
)
def test_bad_query_files_are_rejected(tmp_path, filename, text, message):
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KGError, match=message.replace("?", r"\?")):
        parse_query_file(path)


def test_unknown_query_lists_the_available_ones():
    with pytest.raises(QueryNotFound, match="available: about-place"):
        get_query("no-such-query")


def test_query_dir_can_be_overridden(tmp_path, monkeypatch):
    query = "# title: T\n# description: D\nASK {}\n"
    (tmp_path / "only-one.rq").write_text(query, encoding="utf-8")
    monkeypatch.setenv("KG_QUERY_DIR", str(tmp_path))
    assert list(load_queries()) == ["only-one"]
