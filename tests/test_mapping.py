"""kg.mapping: Extraction -> quads, compared as graphs with a golden TriG file."""
from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdf_asserts import assert_isomorphic, rdflib_graph
from sample_extraction import DOC_ID, fact, make_extraction

from kg.errors import InputError, OntologyError
from kg.mapping import (
    document_graph,
    document_iri,
    entity_iri,
    extraction_quads,
    statement_iri,
    write_quads,
)
from kg.namespaces import ENTITY, GRAPH, KG
from kg.types import RELATIONS, Entity

GOLDEN = Path(__file__).parent / "data" / "sample_expected.trig"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture
def quads() -> list[ox.Quad]:
    return extraction_quads(make_extraction())


def _triples(quads, predicate: str) -> set[tuple[str, str]]:
    return {(q.subject.value, q.object.value) for q in quads if q.predicate.value == predicate}


def test_matches_golden_file(quads):
    expected = rdflib.Dataset()
    expected.parse(GOLDEN, format="trig")
    graph_iri = rdflib.URIRef(document_graph(DOC_ID))
    assert {g.identifier for g in expected.graphs() if len(g)} == {graph_iri}
    assert_isomorphic(expected.graph(graph_iri), rdflib_graph(quads))


def test_every_quad_is_in_the_article_graph(quads):
    assert {q.graph_name for q in quads} == {ox.NamedNode(GRAPH + DOC_ID)}


def test_mapping_is_deterministic():
    assert extraction_quads(make_extraction()) == extraction_quads(make_extraction())


def test_only_asserted_facts_become_direct_triples(quads):
    direct = {
        (s.rsplit("/", 1)[-1], p, o.rsplit("/", 1)[-1])
        for p in RELATIONS
        for s, o in _triples(quads, str(getattr(KG, p)))
    }
    assert direct == {
        ("Ukraine", "controls", "Izium"),
        ("Russia", "controls", "Izium"),
        ("Russia", "withdrewFrom", "Izium"),
        ("Russia", "withdrewFrom", "Balakliia"),
        ("Russia", "suppliesVia", "Kupiansk"),
    }  # the planned deployment to Kherson is a statement only


def test_statement_nodes_never_use_relation_predicates(quads):
    statements = {s for s, o in _triples(quads, RDF_TYPE) if o == str(KG.Statement)}
    relations = {str(getattr(KG, r)) for r in RELATIONS}
    assert len(statements) == 6
    leaks = [q for q in quads if q.subject.value in statements and q.predicate.value in relations]
    assert leaks == []


def test_planned_fact_is_kept_as_statement_with_modality(quads):
    ex = make_extraction()
    planned = next(f for f in ex.facts if f.modality == "planned")
    st = statement_iri(DOC_ID, planned)
    assert (st, str(KG.Planned)) in _triples(quads, str(KG.modality))


def test_evidence_is_the_text_between_offsets(quads):
    ex = make_extraction()
    for f in ex.facts:
        st = statement_iri(DOC_ID, f)
        evidence = {o for s, o in _triples(quads, str(KG.evidence)) if s == st}
        assert evidence == {ex.article.text[f.evidence_start:f.evidence_end]}


def test_captured_also_writes_controls():
    ex = make_extraction()
    ex.facts = [fact("Ukraine", "captured", "Izium", "Ukrainian troops entered Izium")]
    quads = extraction_quads(ex)
    pair = (entity_iri("Ukraine"), entity_iri("Izium"))
    assert pair in _triples(quads, str(KG.captured))
    assert pair in _triples(quads, str(KG.controls))


def test_state_roles_add_types():
    ex = make_extraction()
    ex.entities["Ukraine"].kind = "Country"  # a country acting as a side ...
    ex.entities["Russia"].parent = None
    ex.facts.append(fact("Ukraine", "attacked", "Russia", "Ukrainian troops entered Izium"))
    types = _triples(extraction_quads(ex), RDF_TYPE)
    assert (entity_iri("Ukraine"), str(KG.Party)) in types  # ... is also a party
    assert (entity_iri("Russia"), str(KG.Place)) in types  # a party used as a place is a state
    assert (entity_iri("Russia"), str(KG.Country)) in types


def test_duplicate_facts_keep_the_most_confident():
    ex = make_extraction()
    ex.facts.append(dataclasses.replace(ex.facts[0], confidence=0.95))
    quads = extraction_quads(ex)
    st = statement_iri(DOC_ID, ex.facts[0])
    assert {o for s, o in _triples(quads, str(KG.confidence)) if s == st} == {"0.95"}


@pytest.mark.parametrize(
    ("key", "suffix"),
    [
        ("Izium", "Izium"),
        ("Kharkiv Oblast", "Kharkiv_Oblast"),
        ("Kharkiv_Oblast", "Kharkiv%5FOblast"),
        ("Київ", "%D0%9A%D0%B8%D1%97%D0%B2"),
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
    ],
)
def test_entity_iri_is_a_safe_single_segment(key, suffix):
    assert entity_iri(key) == ENTITY + suffix
    ox.NamedNode(entity_iri(key))  # valid IRI


def test_document_iris():
    assert document_graph("doc 1") == GRAPH + "doc%201"
    iri = statement_iri("d", make_extraction().facts[0])
    assert iri.startswith(document_iri("d") + "/statement/")


def _break(attr: str, value):
    def apply(ex):
        if attr.startswith("fact."):
            setattr(ex.facts[0], attr[5:], value)
        else:
            setattr(ex.entities["Izium"], attr, value)
    return apply


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_break("fact.relation", "liberated"), "unknown relation"),
        (_break("fact.modality", "rumoured"), "unknown modality"),
        (_break("fact.subject", "Nowhere"), "not among the extraction's entities"),
        (_break("fact.subject", "Igor Konashenkov"), "must be a Party or Country"),
        (_break("fact.object", "Ministry of Defence of Ukraine"), "must be a place"),
        (_break("fact.attributed_to", "Ghost"), "speaker 'Ghost'"),
        (_break("fact.confidence", 1.2), "outside [0, 1]"),
        (_break("fact.evidence_end", 10_000), "do not fit the text"),
        (_break("fact.sentence_start", -1), "do not fit the text"),
        (_break("fact.until", date(2000, 1, 1)), "is after until"),
        (_break("qid", "170666"), "not a Wikidata item id"),
        (_break("lat", None), "both lat and lon"),
        (_break("parent", "Atlantis"), "not among the extraction's entities"),
        (_break("kind", "Village"), "unknown kind"),
        (lambda ex: ex.entities.update(X=Entity("Y", "Y", "Place")), "must equal Entity.key"),
    ],
)
def test_invalid_extractions_raise_clear_errors(mutate, message):
    ex = make_extraction()
    ex.facts[0].since = date(2022, 9, 1)
    mutate(ex)
    with pytest.raises(OntologyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        extraction_quads(ex)


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".nq", "nquads"), (".trig", "trig"), (".jsonld", "json-ld")]
)
def test_write_quads_keeps_the_named_graph(tmp_path, quads, suffix, fmt):
    path = tmp_path / f"out{suffix}"
    write_quads(quads, path)
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    graph = ds.graph(rdflib.URIRef(document_graph(DOC_ID)))
    assert_isomorphic(rdflib_graph(quads), graph)


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_write_quads_flattens_triple_formats(tmp_path, quads, suffix):
    path = tmp_path / f"out{suffix}"
    write_quads(quads, str(path))
    parsed = list(ox.parse(path=str(path)))
    assert {q.graph_name for q in parsed} == {ox.DefaultGraph()}
    assert_isomorphic(rdflib_graph(quads), rdflib_graph(parsed))


def test_write_quads_to_a_binary_file_needs_a_format(quads):
    buffer = io.BytesIO()
    write_quads(quads, buffer, "nq")
    assert len(buffer.getvalue().splitlines()) == len(set(quads))
    with pytest.raises(InputError, match="needs fmt"):
        write_quads(quads, io.BytesIO())


def test_write_quads_rejects_unknown_extensions(tmp_path, quads):
    with pytest.raises(InputError, match=r"unknown RDF format '\.rdfz'"):
        write_quads(quads, tmp_path / "out.rdfz")
