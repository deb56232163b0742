"""ontology/kg.ttl and shapes.ttl: well-formed, documented, aligned, in step with kg.types."""
from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, Namespace

from kg.namespaces import ONTOLOGY
from kg.shacl import validate
from kg.types import ENTITY_KINDS, MODALITIES, RELATIONS

ROOT = Path(__file__).resolve().parents[1] / "ontology"
KG = Namespace(ONTOLOGY)
PROV = Namespace("http://www.w3.org/ns/prov#")
SH = Namespace("http://www.w3.org/ns/shacl#")
CERTAIN_WIKIDATA_ITEMS = {"Q5", "Q6256", "Q43229"}  # human, country, organization


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "kg.ttl", format="turtle")


def kg_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if str(s).startswith(ONTOLOGY)}


def test_every_term_has_one_english_label_and_comment(onto):
    for term in kg_terms(onto):
        for prop in (RDFS.label, RDFS.comment):
            values = list(onto.objects(term, prop))
            assert len(values) == 1 and values[0].language == "en", f"{term} {prop}"


@pytest.mark.parametrize("relation", RELATIONS)
def test_relations_go_from_party_to_place(onto, relation):
    term = KG[relation]
    assert (term, RDF.type, OWL.ObjectProperty) in onto
    assert (term, RDFS.domain, KG.Party) in onto
    assert (term, RDFS.range, KG.Place) in onto


def test_entity_kinds_and_modalities_exist(onto):
    for kind in ENTITY_KINDS:
        assert (KG[kind], RDF.type, OWL.Class) in onto
    individuals = set(onto.subjects(RDF.type, KG.Modality))
    assert individuals == {KG[m.capitalize()] for m in MODALITIES}


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KG.Country, KG.Place), (KG.Region, KG.Place), (KG.Settlement, KG.Place),
        (KG.NewsAgency, KG.Organisation), (KG.Statement, PROV.Entity),
        (KG.Document, PROV.Entity), (KG.Extraction, PROV.Activity), (KG.Statement, RDF.Statement),
    ],
)
def test_class_hierarchy(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


def test_provenance_alignment(onto):
    assert (KG.attributedTo, RDFS.subPropertyOf, PROV.wasAttributedTo) in onto
    assert (KG.controls, OWL.inverseOf, KG.controlledBy) in onto


def test_only_certain_wikidata_items_are_used(onto):
    pattern = re.compile(r"wikidata\.org/entity/(Q\d+)$")
    used = {m.group(1) for o in onto.objects() if (m := pattern.search(str(o)))}
    assert used <= CERTAIN_WIKIDATA_ITEMS


def test_shapes_are_valid_shacl():
    shapes = rdflib.Graph().parse(ROOT / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(shapes, meta_shacl=True, shacl_graph=shapes)
    assert conforms, text
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_readme_example_conforms():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```trig\n(.*?)```", readme, re.DOTALL)
    assert len(blocks) == 1
    ds = rdflib.Dataset()
    ds.parse(data=blocks[0], format="trig")
    conforms, text = validate(ds)
    assert conforms, text
    assert len(ds) > 20
