"""kg.shacl: mapped graphs conform to ontology/shapes.ttl; broken graphs do not."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdf_asserts import rdflib_graph
from sample_extraction import DOC_ID, make_extraction

from kg import shacl
from kg.errors import OntologyError
from kg.mapping import document_graph, extraction_quads
from kg.shacl import validate

KG = "https://w3id.org/newskg/ontology#"
PREFIXES = f"""
PREFIX kg: <{KG}>
PREFIX kgr: <https://w3id.org/newskg/id/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture
def graph() -> rdflib.Graph:
    return rdflib_graph(extraction_quads(make_extraction()))


def test_mapped_sample_conforms():
    conforms, text = validate(extraction_quads(make_extraction()))
    assert conforms, text
    assert "1 graph(s)" in text


def test_validate_accepts_rdflib_graphs_and_datasets(graph):
    assert validate(graph).conforms
    ds = rdflib.Dataset()
    target = ds.graph(rdflib.URIRef(document_graph(DOC_ID)))
    for triple in graph:
        target.add(triple)
    assert validate(ds).conforms


@pytest.mark.parametrize(
    ("update", "component"),
    [
        ("DELETE { ?s rdfs:label ?l } WHERE { BIND(kgr:Izium AS ?s) ?s rdfs:label ?l }",
         "MinCountConstraintComponent"),
        ('INSERT DATA { kgr:Izium rdfs:label "Izyum" }', "MaxCountConstraintComponent"),
        ("INSERT DATA { kgr:Izium owl:sameAs <https://www.wikidata.org/wiki/Q42> }",
         "PatternConstraintComponent"),
        ("INSERT DATA { kgr:Izium kg:controls kgr:Kupiansk }", "ClassConstraintComponent"),
        ("INSERT DATA { kgr:Russia kg:attacked kgr:Igor_Konashenkov }", "ClassConstraintComponent"),
        ('DELETE { ?st kg:confidence ?c } INSERT { ?st kg:confidence 1.5 } '
         "WHERE { ?st kg:confidence ?c }", "MaxInclusiveConstraintComponent"),
        ('DELETE { ?st kg:charStart ?c } INSERT { ?st kg:charStart 999 } '
         "WHERE { ?st kg:charStart ?c }", "LessThanOrEqualsConstraintComponent"),
        ('DELETE { ?st kg:sentenceStart ?c } INSERT { ?st kg:sentenceStart -1 } '
         "WHERE { ?st kg:sentenceStart ?c }", "MinInclusiveConstraintComponent"),
        ('DELETE { ?st kg:since ?c } INSERT { ?st kg:since "2023-01-01"^^xsd:date } '
         "WHERE { ?st kg:since ?c }", "LessThanOrEqualsConstraintComponent"),
        ('DELETE { ?st kg:since ?c } INSERT { ?st kg:since "April 1" } '
         "WHERE { ?st kg:since ?c }", "DatatypeConstraintComponent"),
        ("DELETE { ?st kg:modality ?m } INSERT { ?st kg:modality kg:Rumoured } "
         "WHERE { ?st kg:modality ?m }", "InConstraintComponent"),
        ("DELETE { ?st prov:wasDerivedFrom ?d } WHERE { ?st prov:wasDerivedFrom ?d }",
         "MinCountConstraintComponent"),
        ("DELETE { ?st rdf:predicate ?p } INSERT { ?st rdf:predicate rdfs:seeAlso } "
         "WHERE { ?st rdf:predicate ?p }", "InConstraintComponent"),
        ("INSERT { ?st rdf:object kgr:Kupiansk } WHERE { ?st a kg:Statement }",
         "MaxCountConstraintComponent"),
    ],
)
def test_broken_graphs_are_reported(graph, update, component):
    graph.update(PREFIXES + update)
    conforms, text = validate(graph)
    assert not conforms
    assert component in text


def test_quads_report_names_the_failing_graph():
    quads = extraction_quads(make_extraction())
    other = ox.NamedNode("https://example.org/graph/other")
    bad = ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode(KG + "controls"),
                  ox.NamedNode("https://example.org/y"), other)
    conforms, text = validate([*quads, bad])
    assert not conforms
    assert "In graph <https://example.org/graph/other>" in text
    assert document_graph(DOC_ID) not in text


def test_missing_shapes_give_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    shacl.load_shapes.cache_clear()
    try:
        with pytest.raises(OntologyError, match="KG_ONTOLOGY_DIR"):
            validate(extraction_quads(make_extraction()))
    finally:
        shacl.load_shapes.cache_clear()
        shacl.load_ontology.cache_clear()
