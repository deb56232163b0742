"""The fast paths of ``GET /sparql`` give the same answers as the classic one.

Two live servers on one store: the default (``kg.web.direct`` answers GET queries
without Flask, one-pattern queries run in the web process via ``kg.web.inline``)
and the classic one (every request through Flask, every query in a query child).
Each request below must get the same status, media type, body and headers from
both. Then the limits of the in-process path: its deadline and size limit hold.
"""
from __future__ import annotations

from urllib.parse import quote

import pytest

from kg.web.query_shape import is_single_pattern_scan
from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

ARTICLE = "https://w3id.org/newskg/ontology#Article"
SETTINGS = {"KG_RESULT_CACHE_BYTES": 0, "KG_MAX_RESULT_BYTES": 4_000_000, "KG_CORS_ORIGINS": "https://ui.example"}
CLASSIC = {**SETTINGS, "KG_DIRECT_QUERIES": False, "KG_INLINE_QUERIES": False}


def q(text: str, extra: str = "") -> str:
    return "/sparql?query=" + quote(text) + extra


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    root = tmp_path_factory.mktemp("inline")
    assert generate_sample_store(root / "store", documents=1000) > 30_000
    fast = LiveServer(root / "store", settings=SETTINGS, log_path=root / "fast.log")
    classic = LiveServer(root / "store", settings=CLASSIC, log_path=root / "classic.log")
    with fast, classic:
        yield fast, classic


SAME = [
    (q(f"SELECT ?s WHERE {{ ?s a <{ARTICLE}> }} LIMIT 7"), {"Accept": "application/sparql-results+json"}),
    (q(f"SELECT * {{ GRAPH ?g {{ ?s a <{ARTICLE}> }} }} LIMIT 5"), {"Accept": "text/csv"}),
    (q(f"ASK {{ ?s a <{ARTICLE}> }}"), {"Accept": "application/sparql-results+xml"}),
    (q("SELECT * { ?s ?p ?o } LIMIT 3", "&format=tsv"), {}),
    (q("SELECT * { ?s ?p ?o } LIMIT 2"), {"Origin": "https://ui.example"}),
    (q("SELECT * { ?s ?p ?o } LIMIT 2"), {"Origin": "https://evil.example"}),
    (q("SELECT * { ?s ?p ?o }"), {}),  # 8 MB: over the 4 MB limit, 413
    (q("SELECT * { ?s ?p ?o } LIMIT 2"), {"Accept": "image/png"}),  # 406
    (q('SELECT * { ?s ?p "x"^^undeclared:t }'), {}),  # accepted shape, syntax error: 400
    (q("SELECT * { ?s ?p ?o } LIMIT 2", "&format=nope"), {}),
    ("/sparql?query=", {}),  # empty query
    ("/sparql?query=%FF", {}),  # not UTF-8
    (q("SELECT * { ?s ?p ?o . ?o ?q ?r } LIMIT 2"), {}),  # two patterns: a child on both
    (q("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2"), {"Accept": "application/n-triples"}),
    (q("SELECT * { ?s ?p ?o } LIMIT 2", "&default-graph-uri=not%20an%20iri"), {}),
]


@pytest.mark.parametrize(("path", "headers"), SAME)
def test_fast_and_classic_paths_answer_alike(servers, path, headers):
    fast, classic = (s.request("GET", path, headers=headers) for s in servers)
    assert fast.status == classic.status
    assert fast.headers.get("content-type") == classic.headers.get("content-type")
    assert fast.body == classic.body
    for name in ("vary", "access-control-allow-origin", "access-control-expose-headers"):
        assert fast.headers.get(name) == classic.headers.get(name), name
    assert fast.headers["x-request-id"] and classic.headers["x-request-id"]


def test_in_process_query_stops_at_its_deadline(servers):
    fast, _ = servers
    path = q("SELECT * { ?s ?p ?o } LIMIT 15000")  # about 3 MB of JSON, tens of ms
    assert fast.request("GET", path).status == 200
    late = fast.request("GET", path + "&timeout=0.002")
    assert late.status == 503
    assert "did not finish within 0.002 s" in late.json()["error"]
    assert fast.request("GET", q(f"ASK {{ ?s a <{ARTICLE}> }}")).json()["boolean"] is True


def test_in_process_query_respects_the_size_limit(servers):
    fast, _ = servers
    resp = fast.request("GET", q("SELECT * { GRAPH ?g { ?s ?p ?o } }"))
    assert resp.status == 413 and "larger than the server limit" in resp.json()["error"]


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?p ?o WHERE { GRAPH ?g { <http://x/d> ?p ?o } }",
        "select * { ?s a <http://x/C> . } limit 5",
        'PREFIX r: <http://r/> ASK { ?s r:label "x"@en }',
        'SELECT * { ?s ?p "1"^^<http://www.w3.org/2001/XMLSchema#integer> }',
        "BASE <http://b/> SELECT*{?s?p?o}",
    ],
)
def test_one_pattern_scans_are_recognised(text):
    assert is_single_pattern_scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?s { ?s ?p ?s }",  # repeated variable: quads read and dropped
        "SELECT * { GRAPH ?s { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o FILTER(?o = 1) }",
        "SELECT * { ?s ?p ?o } ORDER BY ?s",
        "SELECT DISTINCT ?p { ?s ?p ?o }",
        "SELECT * { ?s ?p ?o . ?o ?q ?r }",
        "SELECT * { ?s <http://p>/<http://q> ?o }",
        "SELECT * { ?s ?p ?o } LIMIT 5 OFFSET 100000",
        "SELECT * FROM <http://g> { ?s ?p ?o }",
        "SELECT * { _:b ?p ?o }",
        "SELECT * { ?s ?p ?o # }\n . ?o ?q ?r }",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        "SELECT * { OPTIONAL { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
        "DESCRIBE <http://x/d>",
    ],
)
def test_other_queries_go_to_a_query_child(text):
    assert not is_single_pattern_scan(text)
