"""kg.namespaces.KG mirrors ontology/*.ttl term for term."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF

from kg.namespaces import KG, ONTOLOGY

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"


def defined_terms() -> set[str]:
    """Local names of kg: IRIs that some ontology file gives an rdf:type."""
    graph = rdflib.Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return {
        str(s)[len(ONTOLOGY):]
        for s in graph.subjects(RDF.type, None)
        if str(s).startswith(ONTOLOGY)
    }


def test_kg_annotations_equal_ontology_terms():
    declared = set(KG.__annotations__) - {"_NS", "_fail"}
    terms = defined_terms()
    assert declared - terms == set(), "in KG but not in ontology/*.ttl"
    assert terms - declared == set(), "in ontology/*.ttl but not in KG"


def test_unknown_terms_fail():
    with pytest.raises(AttributeError):
        KG.withdrewfrom  # noqa: B018  (a typo must not mint an IRI)


def test_terms_are_ontology_iris():
    assert str(KG.controls) == ONTOLOGY + "controls"
    assert KG.Statement in KG
