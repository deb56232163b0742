"""Pure functions from an :class:`~kg.types.Extraction` to RDF quads (pyoxigraph terms).

One article gives one named graph (:func:`document_graph`) holding the document node,
the extraction activity, a description of every entity, one statement node per fact,
and a direct triple ``party relation place`` per *asserted* fact::

    quads = extraction_quads(extraction)
    store.replace_graph(document_graph(extraction.article.id), quads)
    write_quads(quads, "out/article.trig")

IRIs are deterministic, so mapping the same extraction twice gives the same quads.
Invalid extractions raise :class:`~kg.errors.OntologyError` naming the culprit.
"""
from __future__ import annotations

import hashlib
import math
from datetime import date, datetime

import pyoxigraph as ox

from . import _terms as t
from ._checks import check_extraction
from ._rdfio import write_quads
from .namespaces import WIKIDATA
from .types import Entity, Extraction, Fact

__all__ = [
    "document_graph",
    "document_iri",
    "entity_iri",
    "extraction_quads",
    "statement_iri",
    "write_quads",
]


def document_graph(doc_id: str) -> str:
    """IRI of the named graph that holds everything mapped from article ``doc_id``."""
    return t.graph_node(doc_id).value


def document_iri(doc_id: str) -> str:
    """IRI of the document node of article ``doc_id``."""
    return t.document_node(doc_id).value


def entity_iri(key: str) -> str:
    """IRI of the canonical entity ``key``: ``"Kharkiv Oblast"`` gives ``.../id/Kharkiv_Oblast``."""
    return t.entity_node(key).value


def statement_iri(doc_id: str, fact: Fact) -> str:
    """Deterministic IRI of the statement node for ``fact`` in article ``doc_id``."""
    return document_iri(doc_id) + "/statement/" + _fact_hash(fact)


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All quads for one article, every one in the article's named graph."""
    check_extraction(ex)
    art = ex.article
    graph = t.graph_node(art.id)
    doc = t.document_node(art.id)
    activity = ox.NamedNode(doc.value + "/extraction")
    version = ox.Literal(ex.extractor_version)
    out: list[ox.Quad] = []

    def add(s, p, o) -> None:
        out.append(ox.Quad(s, p, o, graph))

    _document(add, doc, activity, version, ex)
    facts = _unique_facts(ex.facts)
    parties = {f.subject for f in facts} | {e.party for e in ex.entities.values() if e.party}
    places = {f.object for f in facts} | {e.parent for e in ex.entities.values() if e.parent}
    for key in sorted(ex.entities):
        _entity(add, ex.entities[key], key in parties, key in places)
    for fact in facts:
        _statement(add, fact, doc, activity, version, art.text, art.id)
    return out


def _document(add, doc, activity, version, ex: Extraction) -> None:
    art = ex.article
    add(doc, t.RDF_TYPE, t.C_DOCUMENT)
    add(doc, t.DC_IDENTIFIER, ox.Literal(art.id))
    if art.title:
        add(doc, t.DC_TITLE, ox.Literal(art.title))
    if art.published is not None:
        add(doc, t.DC_ISSUED, _date(art.published))
    if art.url:
        add(doc, t.SCHEMA_URL, ox.NamedNode(art.url))  # checked by check_extraction
    if art.source:
        add(doc, t.DC_SOURCE, ox.Literal(art.source))
    digest = hashlib.sha256(art.text.encode("utf-8")).hexdigest()
    add(doc, t.P_CONTENT_HASH, ox.Literal("sha256:" + digest))
    add(activity, t.RDF_TYPE, t.C_EXTRACTION)
    add(activity, t.PROV_USED, doc)
    add(activity, t.P_EXTRACTOR_VERSION, version)


def _entity(add, ent: Entity, is_party: bool, is_place: bool) -> None:
    node = t.entity_node(ent.key)
    types = list(t.KIND_TYPES[ent.kind])
    if is_party and ent.kind == "Country":
        types.append(t.C_PARTY)  # a state acting as a side is both
    if is_place and ent.kind == "Party":
        types += [t.KIND_TYPES["Country"][0], t.C_PLACE]  # a party used as a place is a state
    for cls in types:
        add(node, t.RDF_TYPE, cls)
    add(node, t.RDFS_LABEL, ox.Literal(ent.label))
    for alias in sorted(ent.aliases - {ent.label}):
        add(node, t.SKOS_ALT_LABEL, ox.Literal(alias))
    if ent.qid:
        add(node, t.OWL_SAME_AS, ox.NamedNode(WIKIDATA + ent.qid.rsplit("/", 1)[-1]))
    if ent.parent:
        add(node, t.P_PART_OF, t.entity_node(ent.parent))
    if ent.party:
        add(node, t.P_PARTY_OF, t.entity_node(ent.party))
    if ent.role:
        add(node, t.P_ROLE, ox.Literal(ent.role))
    if ent.lat is not None and ent.lon is not None:
        geometry = ox.NamedNode(node.value + "/geometry")
        add(node, t.GEO_HAS_GEOMETRY, geometry)
        add(geometry, t.RDF_TYPE, t.GEO_GEOMETRY)
        wkt = f"POINT({_number(ent.lon, 6)} {_number(ent.lat, 6)})"
        add(geometry, t.GEO_AS_WKT, ox.Literal(wkt, datatype=t.GEO_WKT_LITERAL))


def _statement(add, f: Fact, doc, activity, version, text: str, doc_id: str) -> None:
    subj, obj = t.entity_node(f.subject), t.entity_node(f.object)
    relation = t.RELATION_NODES[f.relation]
    if f.is_asserted:
        add(subj, relation, obj)
        for implied in t.SUPER_RELATIONS.get(f.relation, ()):
            add(subj, implied, obj)
    st = ox.NamedNode(statement_iri(doc_id, f))
    add(st, t.RDF_TYPE, t.C_STATEMENT)
    add(st, t.RDF_TYPE, t.RDF_STATEMENT)
    add(st, t.RDF_SUBJECT, subj)
    add(st, t.RDF_PREDICATE, relation)
    add(st, t.RDF_OBJECT, obj)
    add(st, t.PROV_DERIVED_FROM, doc)
    add(st, t.PROV_GENERATED_BY, activity)
    add(st, t.P_MODALITY, t.MODALITY_NODES[f.modality])
    add(st, t.P_CONFIDENCE, ox.Literal(_number(f.confidence, 4), datatype=t.XSD_DECIMAL))
    add(st, t.P_EXTRACTOR_VERSION, version)
    add(st, t.P_SENTENCE, ox.Literal(f.sentence))
    add(st, t.P_EVIDENCE, ox.Literal(text[f.evidence_start:f.evidence_end]))
    add(st, t.P_CHAR_START, ox.Literal(f.evidence_start))
    add(st, t.P_CHAR_END, ox.Literal(f.evidence_end))
    add(st, t.P_SENTENCE_START, ox.Literal(f.sentence_start))
    add(st, t.P_SENTENCE_END, ox.Literal(f.sentence_end))
    if f.trigger:
        add(st, t.P_TRIGGER, ox.Literal(f.trigger))
    if f.attributed_to:
        add(st, t.P_ATTRIBUTED_TO, t.entity_node(f.attributed_to))
    if f.channel:
        add(st, t.P_CHANNEL, ox.Literal(f.channel))
    for prop, value in ((t.P_SINCE, f.since), (t.P_UNTIL, f.until), (t.P_EVENT_DATE, f.at)):
        if value is not None:
            add(st, prop, _date(value))


def _fact_key(f: Fact) -> tuple:
    return (f.relation, f.subject, f.object, f.evidence_start, f.evidence_end, f.modality)


def _fact_hash(f: Fact) -> str:
    raw = "\x1f".join(str(part) for part in _fact_key(f))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _unique_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per statement IRI: the most confident, the first on ties, in input order."""
    best: dict[tuple, Fact] = {}
    for f in facts:
        key = _fact_key(f)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return list(best.values())


def _date(value: date) -> ox.Literal:
    if isinstance(value, datetime):
        value = value.date()
    return ox.Literal(value.isoformat(), datatype=t.XSD_DATE)


def _number(value: float, digits: int) -> str:
    """Plain decimal notation (no exponent), trailing zeros dropped: 0.5000 -> '0.5'."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
