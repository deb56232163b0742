"""Service description, VoID, /health and the access log on live servers (E24, E26, E27)."""

from __future__ import annotations

import re
import time
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.web import conneg
from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
KG = "https://w3id.org/newskg/ontology#"


@pytest.fixture(scope="module")
def readonly(tmp_path_factory):
    root = tmp_path_factory.mktemp("sd-ro")
    generate_sample_store(root / "store", documents=3, entities=10)
    with LiveServer(root / "store", log_path=root / "server.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    root = tmp_path_factory.mktemp("sd-rw")
    with LiveServer(root / "store", write_token="sd-test-token", log_path=root / "server.log") as srv:
        yield srv


def description(server: LiveServer, accept: str = "text/turtle") -> Graph:
    resp = server.request("GET", "/sparql", headers={"Accept": accept})
    assert resp.status == 200, resp.body
    fmt = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[
        resp.media_type
    ]
    return Graph().parse(data=resp.body, format=fmt)


@pytest.mark.parametrize("accept", ["text/turtle", "application/rdf+xml", "application/ld+json"])
def test_description_is_rdf_with_absolute_endpoint(readonly, accept):  # SD1, SD2
    graph = description(readonly, accept)
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    assert graph.value(services[0], SD.endpoint) == URIRef(f"{readonly.url}/sparql")


def test_description_advertises_exactly_what_is_true(readonly, writable):  # SD4, E24
    ro, rw = description(readonly), description(writable)
    assert set(ro.objects(None, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(rw.objects(None, SD.supportedLanguage)) == {SD.SPARQL11Query, SD.SPARQL11Update}
    assert SD.UnionDefaultGraph in set(ro.objects(None, SD.feature))
    assert SD.BasicFederatedQuery not in set(ro.objects(None, SD.feature))
    advertised = {str(f) for f in ro.objects(None, SD.resultFormat)}
    assert advertised == {f.sd_iri for f in (*conneg.RESULTS, *conneg.GRAPH)}


@pytest.mark.parametrize("fmt", conneg.RESULTS, ids=lambda f: f.key)
def test_every_advertised_results_format_is_served(readonly, fmt):
    resp = readonly.request(
        "GET", "/sparql?query=" + quote("SELECT * { ?s ?p ?o } LIMIT 1"), headers={"Accept": fmt.media_type}
    )
    assert resp.status == 200 and resp.media_type == fmt.media_type


@pytest.mark.parametrize("fmt", conneg.GRAPH, ids=lambda f: f.key)
def test_every_advertised_graph_format_is_served(readonly, fmt):
    resp = readonly.request(
        "GET",
        "/sparql?query=" + quote("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"),
        headers={"Accept": fmt.media_type},
    )
    assert resp.status == 200 and resp.media_type == fmt.media_type


def test_void_statistics(readonly):
    resp = readonly.request("GET", "/void")
    assert resp.status == 200 and resp.media_type == "text/turtle"
    graph = Graph().parse(data=resp.body, format="turtle")
    ds = URIRef(f"{readonly.url}/void#dataset")
    assert (ds, RDF.type, VOID.Dataset) in graph
    assert graph.value(ds, VOID.sparqlEndpoint) == URIRef(f"{readonly.url}/sparql")
    count = readonly.request(
        "GET", "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    )
    total = int(count.json()["results"]["bindings"][0]["n"]["value"])
    assert graph.value(ds, VOID.triples) == Literal(total)
    assert graph.value(ds, VOID.documents) == Literal(3)
    articles = [
        p
        for p in graph.objects(ds, VOID.classPartition)
        if graph.value(p, VOID["class"]) == URIRef(KG + "Article")
    ]
    assert len(articles) == 1 and graph.value(articles[0], VOID.entities) == Literal(3)


def test_browser_asking_for_the_description_is_sent_to_the_query_page(readonly):  # E25
    resp = readonly.request("GET", "/sparql", headers={"Accept": "text/html"})
    assert resp.status == 303 and resp.headers["location"].endswith("/")
    page = readonly.request("GET", "/", headers={"Accept": "text/html"})
    assert page.status == 200 and page.media_type == "text/html"


def test_health(readonly):
    resp = readonly.request("GET", "/health")
    assert resp.status == 200
    body = resp.json()
    assert body["ok"] is True and body["writable"] is False


def test_access_log_has_one_line_per_request(readonly):
    ids = [f"test{time.time_ns()}a", f"test{time.time_ns()}b"]
    ok = readonly.request("GET", f"/sparql?query={quote('ASK {}')}", headers={"X-Request-Id": ids[0]})
    missing = readonly.request("GET", "/nope", headers={"X-Request-Id": ids[1]})
    assert (ok.status, missing.status) == (200, 404)
    assert ok.headers["x-request-id"] == ids[0]
    first = readonly.log_lines(f"id={ids[0]} ")
    second = readonly.log_lines(f"id={ids[1]} ")
    assert len(first) == len(second) == 1
    assert re.search(r"GET /sparql 200 \d+\.\dms \d+B id=\w+ q=[0-9a-f]{8}$", first[0])
    assert re.search(r"GET /nope 404 \d+\.\dms \d+B id=\w+ q=-$", second[0])


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_access_log_lines_are_written_before_the_server_exits(tmp_path, server):
    """The log is written in batches; stopping right after requests loses none."""
    generate_sample_store(tmp_path / "store", documents=2, entities=5)
    ids = [f"exit{time.time_ns()}n{i}" for i in range(5)]
    with LiveServer(tmp_path / "store", server=server, log_path=tmp_path / "server.log") as srv:
        for request_id in ids:
            srv.request("GET", f"/sparql?query={quote('ASK {}')}", headers={"X-Request-Id": request_id})
    text = (tmp_path / "server.log").read_text()
    assert [request_id in text for request_id in ids] == [True] * 5
