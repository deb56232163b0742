"""Content negotiation, format=, HEAD and Vary on a live read-only server (E01-E10)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from rdflib import Graph

from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

SELECT = "/sparql?query=" + quote(
    "SELECT ?d WHERE { ?d a <https://w3id.org/newskg/ontology#Article> } ORDER BY ?d LIMIT 3"
)
ASK = "/sparql?query=" + quote("ASK { ?s ?p ?o }")
CONSTRUCT = "/sparql?query=" + quote(
    "CONSTRUCT { ?d a <https://w3id.org/newskg/ontology#Article> } WHERE { ?d a <https://w3id.org/newskg/ontology#Article> }"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("conneg")
    generate_sample_store(root / "store", documents=5)
    with LiveServer(root / "store", log_path=root / "server.log") as srv:
        yield srv


@pytest.mark.parametrize(
    ("path", "accept", "expected"),
    [
        (SELECT, None, "application/sparql-results+json"),
        (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
        (SELECT, "text/csv", "text/csv"),
        (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
        (SELECT, "application/sparql-results+json;q=0.5, text/csv;q=0.9", "text/csv"),  # E02
        (SELECT, "text/*", "text/csv"),  # E03
        (SELECT, "application/json", "application/sparql-results+json"),  # E04
        (SELECT, "*/*", "application/sparql-results+json"),
        (ASK, "text/csv", "text/csv"),  # E07: documented CSV boolean
        (CONSTRUCT, None, "text/turtle"),  # E05
        (CONSTRUCT, "application/json", "application/ld+json"),  # E04
        (CONSTRUCT, "application/n-triples", "application/n-triples"),
        (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
        (CONSTRUCT, "application/n-quads", "application/n-quads"),
        (CONSTRUCT, "application/trig", "application/trig"),
        (CONSTRUCT, "text/turtle;q=0.2, application/n-triples;q=0.8", "application/n-triples"),
    ],
)
def test_accept_picks_the_preferred_served_type(server, path, accept, expected):
    resp = server.request("GET", path, headers={"Accept": accept} if accept else {})
    assert resp.status == 200, resp.body
    assert resp.media_type == expected
    assert "accept" in resp.headers["vary"].lower()  # E08


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        (SELECT, "text/html"),
        (SELECT, "text/turtle"),
        (CONSTRUCT, "application/sparql-results+json"),
        (SELECT, "application/sparql-results+json;q=0"),
    ],
)
def test_unservable_accept_is_406_listing_offered_types(server, path, accept):  # E01, E06
    resp = server.request("GET", path, headers={"Accept": accept})
    assert resp.status == 406
    body = resp.json()
    assert body["ok"] is False and body["status"] == 406
    assert "text/csv" in body["error"] or "text/turtle" in body["error"]


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        (SELECT, "json", "application/sparql-results+json"),
        (SELECT, "xml", "application/sparql-results+xml"),
        (SELECT, "csv", "text/csv"),
        (SELECT, "tsv", "text/tab-separated-values"),
        (CONSTRUCT, "ttl", "text/turtle"),
        (CONSTRUCT, "nt", "application/n-triples"),
        (CONSTRUCT, "rdfxml", "application/rdf+xml"),
        (CONSTRUCT, "jsonld", "application/ld+json"),
        (CONSTRUCT, "nq", "application/n-quads"),
        (CONSTRUCT, "trig", "application/trig"),
    ],
)
def test_format_parameter_overrides_accept(server, path, fmt, expected):  # E10
    resp = server.request("GET", f"{path}&format={fmt}", headers={"Accept": "text/html"})
    assert resp.status == 200, resp.body
    assert resp.media_type == expected


def test_unknown_format_is_400(server):
    resp = server.request("GET", f"{SELECT}&format=yaml")
    assert resp.status == 400
    assert "format" in resp.json()["error"]


def test_select_results_are_complete_and_correct(server):
    rows = json.loads(server.request("GET", SELECT).body)["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == [f"https://w3id.org/newskg/doc/doc-{i}" for i in range(3)]


def test_construct_turtle_parses_to_the_right_graph(server):
    resp = server.request("GET", CONSTRUCT)
    assert len(Graph().parse(data=resp.body, format="turtle")) == 5


@pytest.mark.parametrize("path", [SELECT, CONSTRUCT, "/sparql", "/void"])
def test_head_is_get_without_body(server, path):  # E09
    get, head = server.request("GET", path), server.request("HEAD", path)
    assert head.status == get.status == 200
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.body == b""
