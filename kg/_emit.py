"""Turning accepted candidates into the entities and dates of an :class:`~kg.types.Extraction`:
the party and source entities, the parent chain of a place, and the fact's date."""
from __future__ import annotations

import re

from .relations import Candidate
from .timex import temporal_role
from .types import Entity, Extraction, Fact

_PLACE_TYPES = {"country": "Country", "region": "Region", "settlement": "Settlement"}
_SOURCE_KIND = {"person": "Person", "organisation": "Organisation", "news_agency": "NewsAgency",
                "armed_group": "Party", "country": "Party"}


def add_parents(gazetteer, key: str | None, ex: Extraction) -> None:
    """The enclosing regions and country of a place, so every parent link resolves."""
    while key and key not in ex.entities and gazetteer is not None:
        e = gazetteer.get(key)
        if e is None or e.type not in _PLACE_TYPES:
            return
        ex.add_entity(Entity(key=e.key, label=e.label, kind=_PLACE_TYPES[e.type],
                             aliases=set(), qid=e.qid, parent=e.parent, lat=e.lat, lon=e.lon))
        key = e.parent


def add_time(times: list, fact: Fact, cand: Candidate) -> None:
    """The date nearest the trigger, as since/until/at by its role (full dates only)."""
    sent = cand.trigger.sent
    in_sent = [t for t in times if sent.start_char <= t.start < sent.end_char and t.value
               and t.granularity == "day"]          # "in April" gives no date
    if not in_sent:
        return
    anchor = cand.trigger.idx
    best = min(in_sent, key=lambda t: abs(t.start - anchor))
    role = temporal_role(best)
    if role == "since" or (role == "at" and cand.relation == "controls" and cand.event):
        fact.since = best.value
    elif role == "until":
        fact.until = best.value
    else:
        fact.at = best.value


def party_entity(gazetteer, lexicon, parties, cand: Candidate, ex: Extraction) -> None:
    """The acting party's entity, with its names and the phrases that named it here."""
    key = cand.party
    entry = gazetteer.get(key) if gazetteer is not None else None
    aliases = {key, *lexicon.names_of(key)}
    for t in cand.tokens:
        hit = parties.by_token.get(t.i)
        if hit is not None and hit[1] == key and hit[2] != "demonyms":
            aliases.add(hit[0].text)
    ex.add_entity(Entity(key=key, label=entry.label if entry else key, kind="Party",
                         aliases=aliases, qid=entry.qid if entry else None))


def source_entity(gazetteer, src, ex: Extraction) -> str:
    """The entity of whoever a fact is attributed to; returns its key."""
    if src.kind == "Party":
        entry = gazetteer.get(src.name) if gazetteer is not None else None
        ex.add_entity(Entity(key=src.name, label=entry.label if entry else src.name, kind="Party",
                             qid=entry.qid if entry else None))
        return src.name
    kind = src.kind
    qid = None
    if gazetteer is not None:
        found = gazetteer.candidates(src.name)
        if len(found) == 1 and found[0].type in _SOURCE_KIND:
            kind = _SOURCE_KIND[found[0].type] if kind != "Person" else kind
            qid = found[0].qid
            if found[0].type in ("person", "organisation", "news_agency"):
                ex.add_entity(Entity(key=found[0].key, label=found[0].label, kind=kind,
                                     aliases={src.name}, qid=qid, role=src.role))
                return found[0].key
    name = re.sub(r"^(?:a|an|the)\s+", "", src.name, flags=re.I)
    key = ("person/" if kind == "Person" else "org/") + _slug(name)
    ex.add_entity(Entity(key=key, label=name, kind=kind, role=src.role, party=src.party))
    return key


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "_", text.strip()).strip("_")
