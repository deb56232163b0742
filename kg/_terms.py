"""pyoxigraph terms used by :mod:`kg.mapping`, built once so the hot path only builds data terms.

Also holds the small, deterministic IRI-minting helpers (entity keys, document ids).
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

import pyoxigraph as ox

from .namespaces import DCTERMS, DOCUMENT, ENTITY, GEO, GRAPH, KG, PROV, SCHEMA
from .types import ENTITY_KINDS, MODALITIES, RELATIONS

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
OWL_NS = "http://www.w3.org/2002/07/owl#"


def _kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(getattr(KG, name)))  # getattr fails on a typo (KG._fail)


RDF_TYPE = ox.NamedNode(RDF_NS + "type")
RDF_STATEMENT = ox.NamedNode(RDF_NS + "Statement")
RDF_SUBJECT = ox.NamedNode(RDF_NS + "subject")
RDF_PREDICATE = ox.NamedNode(RDF_NS + "predicate")
RDF_OBJECT = ox.NamedNode(RDF_NS + "object")
RDFS_LABEL = ox.NamedNode(RDFS_NS + "label")
SKOS_ALT_LABEL = ox.NamedNode(SKOS_NS + "altLabel")
OWL_SAME_AS = ox.NamedNode(OWL_NS + "sameAs")
XSD_DATE = ox.NamedNode(XSD_NS + "date")
XSD_DECIMAL = ox.NamedNode(XSD_NS + "decimal")

PROV_DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")
PROV_GENERATED_BY = ox.NamedNode(PROV + "wasGeneratedBy")
PROV_USED = ox.NamedNode(PROV + "used")
DC_TITLE = ox.NamedNode(DCTERMS + "title")
DC_ISSUED = ox.NamedNode(DCTERMS + "issued")
DC_SOURCE = ox.NamedNode(DCTERMS + "source")
DC_IDENTIFIER = ox.NamedNode(DCTERMS + "identifier")
SCHEMA_URL = ox.NamedNode(SCHEMA + "url")
GEO_HAS_GEOMETRY = ox.NamedNode(GEO + "hasGeometry")
GEO_AS_WKT = ox.NamedNode(GEO + "asWKT")
GEO_GEOMETRY = ox.NamedNode(GEO + "Geometry")
GEO_WKT_LITERAL = ox.NamedNode(GEO + "wktLiteral")

C_PARTY = _kg("Party")
C_PLACE = _kg("Place")
C_DOCUMENT = _kg("Document")
C_STATEMENT = _kg("Statement")
C_EXTRACTION = _kg("Extraction")

P_MODALITY = _kg("modality")
P_ATTRIBUTED_TO = _kg("attributedTo")
P_CHANNEL = _kg("channel")
P_SENTENCE = _kg("sentence")
P_EVIDENCE = _kg("evidence")
P_CHAR_START = _kg("charStart")
P_CHAR_END = _kg("charEnd")
P_SENTENCE_START = _kg("sentenceStart")
P_SENTENCE_END = _kg("sentenceEnd")
P_TRIGGER = _kg("trigger")
P_CONFIDENCE = _kg("confidence")
P_EXTRACTOR_VERSION = _kg("extractorVersion")
P_SINCE = _kg("since")
P_UNTIL = _kg("until")
P_EVENT_DATE = _kg("eventDate")
P_PART_OF = _kg("partOf")
P_PARTY_OF = _kg("partyOf")
P_ROLE = _kg("role")
P_CONTENT_HASH = _kg("contentHash")

#: Relation local name -> its predicate IRI.
RELATION_NODES: dict[str, ox.NamedNode] = {name: _kg(name) for name in RELATIONS}

#: Relations whose asserted triple also entails a super-property triple (rdfs:subPropertyOf).
SUPER_RELATIONS: dict[str, tuple[ox.NamedNode, ...]] = {"captured": (RELATION_NODES["controls"],)}

#: Modality name (kg.types.MODALITIES) -> its kg:Modality individual.
MODALITY_NODES: dict[str, ox.NamedNode] = {m: _kg(m.capitalize()) for m in MODALITIES}

_PLACE_KINDS = ("Country", "Region", "Settlement", "Place")
#: Entity kind -> the rdf:type nodes written for it (the class and its superclasses).
KIND_TYPES: dict[str, tuple[ox.NamedNode, ...]] = {
    kind: tuple(
        dict.fromkeys(
            [_kg(kind)]
            + ([C_PLACE] if kind in _PLACE_KINDS else [])
            + ([_kg("Organisation")] if kind == "NewsAgency" else [])
        )
    )
    for kind in ENTITY_KINDS
}

#: Kinds allowed as the subject (a party; a country is a state party) and object of a relation.
SUBJECT_KINDS = frozenset({"Party", "Country"})
OBJECT_KINDS = frozenset(_PLACE_KINDS)


def key_slug(key: str) -> str:
    """Percent-encode an entity key for use as an IRI path segment, injectively.

    Spaces become ``_`` (readable IRIs) and a literal ``_`` is escaped as ``%5F``,
    so two different keys never share an IRI: ``"Kharkiv Oblast"`` -> ``Kharkiv_Oblast``.
    """
    return quote(key, safe="").replace("_", "%5F").replace("%20", "_")


@lru_cache(maxsize=65536)
def entity_node(key: str) -> ox.NamedNode:
    """NamedNode of the entity with ``key`` (cached: keys repeat across articles)."""
    return ox.NamedNode(ENTITY + key_slug(key))


def doc_slug(doc_id: str) -> str:
    """Percent-encode a document id for use as an IRI path segment."""
    return quote(doc_id, safe="-._~")


def document_node(doc_id: str) -> ox.NamedNode:
    return ox.NamedNode(DOCUMENT + doc_slug(doc_id))


def graph_node(doc_id: str) -> ox.NamedNode:
    return ox.NamedNode(GRAPH + doc_slug(doc_id))
