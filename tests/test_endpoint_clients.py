"""Real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore) against a live server."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

KG = "https://w3id.org/newskg/ontology#"
ARTICLES = f"SELECT ?d WHERE {{ ?d a <{KG}Article> }} ORDER BY ?d"
EXPECTED = [f"https://w3id.org/newskg/doc/doc-{i}" for i in sorted(range(4), key=str)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("clients")
    generate_sample_store(root / "store", documents=4)
    with LiveServer(root / "store", log_path=root / "server.log") as srv:
        yield srv


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(server, method):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setMethod(method)
    client.setQuery(ARTICLES)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == EXPECTED


def test_sparqlwrapper_select_xml_and_csv(server):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(ARTICLES)
    client.setReturnFormat(XML)
    xml_values = [n.firstChild.data for n in client.queryAndConvert().getElementsByTagName("uri")]
    assert xml_values == EXPECTED
    client.setReturnFormat(CSV)
    lines = client.queryAndConvert().decode().split()
    assert lines == ["d", *EXPECTED]


def test_sparqlwrapper_ask_and_construct(server):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(f"ASK {{ ?d a <{KG}Article> }}")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(f"CONSTRUCT {{ ?d a <{KG}Article> }} WHERE {{ ?d a <{KG}Article> }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert sorted(str(s) for s in graph.subjects()) == EXPECTED


def test_rdflib_sparqlstore(server):
    graph = Graph(store=SPARQLStore(query_endpoint=f"{server.url}/sparql"))
    rows = list(graph.query(ARTICLES))
    assert [str(r.d) for r in rows] == EXPECTED
    assert (URIRef(EXPECTED[0]), None, None) in graph
    assert bool(graph.query(f"ASK {{ ?d a <{KG}Article> }}")) is True
