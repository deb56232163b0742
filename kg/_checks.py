"""Checks that an :class:`~kg.types.Extraction` can be mapped to a graph satisfying the shapes.

Each problem raises :class:`~kg.errors.OntologyError` with a message naming the
document, the fact or entity, and what to fix.
"""
from __future__ import annotations

import math
import re

import pyoxigraph as ox

from ._terms import OBJECT_KINDS, SUBJECT_KINDS
from .errors import OntologyError
from .types import ENTITY_KINDS, MODALITIES, RELATIONS, Entity, Extraction, Fact

_QID = re.compile(r"^(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[0-9]+)$")
_PLACE_OR_PARTY = OBJECT_KINDS | {"Party"}


def check_extraction(ex: Extraction) -> None:
    """Raise :class:`OntologyError` on the first problem found in ``ex``."""
    doc = ex.article.id
    if not doc or not doc.strip():
        raise OntologyError("the article has an empty id: give every article a non-empty id")
    if ex.article.url:
        try:
            ox.NamedNode(ex.article.url)
        except ValueError:
            raise OntologyError(
                f"article {doc!r}: url {ex.article.url!r} is not an absolute IRI; fix or drop it"
            ) from None
    for key, ent in ex.entities.items():
        _check_entity(doc, key, ent, ex.entities)
    for i, fact in enumerate(ex.facts):
        _check_fact(doc, i, fact, ex)


def _check_entity(doc: str, key: str, ent: Entity, entities: dict[str, Entity]) -> None:
    where = f"article {doc!r}, entity {key!r}"
    if not key or key != ent.key:
        raise OntologyError(f"{where}: the dict key must equal Entity.key ({ent.key!r})")
    if ent.kind not in ENTITY_KINDS:
        raise OntologyError(f"{where}: unknown kind {ent.kind!r}; use one of {ENTITY_KINDS}")
    if not ent.label or not ent.label.strip():
        raise OntologyError(f"{where}: empty label")
    if ent.qid is not None and not _QID.match(ent.qid):
        raise OntologyError(f"{where}: qid {ent.qid!r} is not a Wikidata item id like 'Q212'")
    if (ent.lat is None) != (ent.lon is None):
        raise OntologyError(f"{where}: give both lat and lon, or neither")
    if ent.lat is not None and ent.lon is not None:
        if not (math.isfinite(ent.lat) and -90 <= ent.lat <= 90):
            raise OntologyError(f"{where}: latitude {ent.lat} is outside [-90, 90]")
        if not (math.isfinite(ent.lon) and -180 <= ent.lon <= 180):
            raise OntologyError(f"{where}: longitude {ent.lon} is outside [-180, 180]")
    for attr, kinds in (("parent", _PLACE_OR_PARTY), ("party", SUBJECT_KINDS)):
        ref = getattr(ent, attr)
        if ref is None:
            continue
        if ref not in entities:
            raise OntologyError(f"{where}: {attr} {ref!r} is not among the extraction's entities")
        if entities[ref].kind not in kinds:
            raise OntologyError(
                f"{where}: {attr} {ref!r} is a {entities[ref].kind};"
                f" expected one of {sorted(kinds)}"
            )
    if ent.parent is not None and ent.kind not in OBJECT_KINDS:
        raise OntologyError(f"{where}: only places can have a parent, not a {ent.kind}")


def _check_fact(doc: str, i: int, f: Fact, ex: Extraction) -> None:
    where = f"article {doc!r}, fact #{i} ({f.subject} {f.relation} {f.object})"
    if f.relation not in RELATIONS:
        raise OntologyError(f"{where}: unknown relation; use one of {RELATIONS}")
    if f.modality not in MODALITIES:
        raise OntologyError(f"{where}: unknown modality {f.modality!r}; use one of {MODALITIES}")
    for role, key in (("subject", f.subject), ("object", f.object), ("speaker", f.attributed_to)):
        if key is not None and key not in ex.entities:
            raise OntologyError(f"{where}: {role} {key!r} is not among the extraction's entities")
    subject_kind, object_kind = ex.entities[f.subject].kind, ex.entities[f.object].kind
    if subject_kind not in SUBJECT_KINDS:
        raise OntologyError(
            f"{where}: the subject is a {subject_kind}; it must be a Party or Country"
        )
    if object_kind not in _PLACE_OR_PARTY:
        raise OntologyError(f"{where}: the object is a {object_kind}; it must be a place")
    if not (isinstance(f.confidence, (int, float)) and 0 <= f.confidence <= 1):
        raise OntologyError(f"{where}: confidence {f.confidence!r} is outside [0, 1]")
    size = len(ex.article.text)
    for name, start, end in (
        ("evidence", f.evidence_start, f.evidence_end),
        ("sentence", f.sentence_start, f.sentence_end),
    ):
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
            raise OntologyError(
                f"{where}: {name} offsets {start}..{end} do not fit the text (length {size})"
            )
    if f.since is not None and f.until is not None and f.since > f.until:
        raise OntologyError(f"{where}: since {f.since} is after until {f.until}")
