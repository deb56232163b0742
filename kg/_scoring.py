"""Fact scoring rules shared with the project's reference scorer (``shared/eval/score.py``).

The rules, as documented in ``shared/eval/GUIDELINES.md`` and the scorer's docstring:

- a triple is a predicted fact when its predicate's local name (after the last ``/``
  or ``#``) is one of the five scored relations, ignoring case, ``-`` and ``_``, and
  its object is an IRI;
- subjects and objects become gold entities through any Wikidata item they point to
  (or are), and through their labels (rdfs:label, skos:prefLabel, skos:altLabel,
  schema:name) compared with the gold aliases after :func:`normalise`;
- facts are distinct per document; optional gold facts are neither rewarded nor
  penalised; a triple whose subject or object maps to no gold entity is wrong.

Example::

    index = EntityIndex.load("eval/dev/entities.jsonl")
    score = score_document("bakhmut", gold_facts, quads, index)
    score.tp, score.fp, score.fn
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError

#: The relations the gold files annotate (GUIDELINES.md).
SCORED_RELATIONS = ("controls", "withdrewFrom", "suppliesVia", "attacked", "deployedTo")

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
LABEL_PREDICATES = frozenset({
    _RDFS_LABEL, _SKOS + "prefLabel", _SKOS + "altLabel",
    "http://schema.org/name", "https://schema.org/name",
})
_WIKIDATA_ITEM = re.compile(r"https?://www\.wikidata\.org/(?:entity|wiki)/(Q\d+)")

GoldFact = tuple[str, str, str]  # (subject id, relation, object id)


def _squash(name: str) -> str:
    return name.replace("-", "").replace("_", "").casefold()


_RELATION_BY_KEY = {_squash(r): r for r in SCORED_RELATIONS}


def normalise(text: str) -> str:
    """Compare form of a label: no accents, case-folded, no possessive ``'s``,
    punctuation as spaces, no leading article "the", single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = re.sub(r"['’`]s\b", "", bare)
    spaced = re.sub(r"[^\w\s]", " ", bare).strip()
    return " ".join(re.sub(r"^the\s+", "", spaced).split())


def local_name(iri: str) -> str:
    """The part of ``iri`` after its last ``/`` or ``#`` (trailing ones ignored)."""
    trimmed = iri.rstrip("/#")
    cut = max(trimmed.rfind("/"), trimmed.rfind("#"))
    return trimmed[cut + 1:]


def scored_relation(predicate_iri: str) -> str | None:
    """The scored relation a predicate stands for, or None."""
    return _RELATION_BY_KEY.get(_squash(local_name(predicate_iri)))


@dataclass(frozen=True)
class EntityIndex:
    """Gold entities by Wikidata item and by normalised alias."""

    by_qid: dict[str, frozenset[str]]
    by_alias: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: str | Path) -> EntityIndex:
        """Read an ``entities.jsonl`` file (``id``, ``wikidata``, ``aliases`` per line)."""
        by_qid: dict[str, set[str]] = defaultdict(set)
        by_alias: dict[str, set[str]] = defaultdict(set)
        for where, row in _jsonl_rows(Path(path)):
            try:
                ent_id = str(row["id"])
                qids, aliases = row.get("wikidata") or (), row.get("aliases") or ()
            except (KeyError, TypeError, AttributeError):
                raise InputError(f"{where}: an entity needs an 'id'") from None
            for qid in qids:
                by_qid[qid].add(ent_id)
            for alias in (ent_id, *aliases):
                by_alias[normalise(alias)].add(ent_id)
        return cls({k: frozenset(v) for k, v in by_qid.items()},
                   {k: frozenset(v) for k, v in by_alias.items()})


@dataclass(frozen=True)
class GoldFacts:
    required: frozenset[GoldFact]
    optional: frozenset[GoldFact]

    @classmethod
    def load(cls, path: str | Path) -> GoldFacts:
        """Read ``gold/<doc>.jsonl``: ``subject``, ``relation``, ``object``, ``required``."""
        required: set[GoldFact] = set()
        optional: set[GoldFact] = set()
        for where, row in _jsonl_rows(Path(path)):
            try:
                fact = (row["subject"], row["relation"], row["object"])
            except (KeyError, TypeError):
                raise InputError(f"{where}: a gold fact needs subject, relation, object") from None
            (required if row.get("required", True) else optional).add(fact)
        return cls(frozenset(required), frozenset(optional))


@dataclass
class DocScore:
    """Outcome for one document; ``wrong`` and ``missed`` are ``"s relation o"`` lines."""

    doc: str
    true_pos: set[GoldFact] = field(default_factory=set)
    false_pos: set[tuple[str, str, str]] = field(default_factory=set)
    false_neg: set[GoldFact] = field(default_factory=set)

    @property
    def tp(self) -> int:
        return len(self.true_pos)

    @property
    def fp(self) -> int:
        return len(self.false_pos)

    @property
    def fn(self) -> int:
        return len(self.false_neg)

    @property
    def missed(self) -> list[str]:
        return sorted(" ".join(f) for f in self.false_neg)

    @property
    def wrong(self) -> list[str]:
        return sorted(" ".join(f) for f in self.false_pos)


def _node_key(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode)) else str(term)


def _entities_of(node, outgoing: dict, index: EntityIndex) -> set[str]:
    """Gold entity ids that ``node`` stands for."""
    found: set[str] = set()
    if isinstance(node, ox.NamedNode):
        own = _WIKIDATA_ITEM.fullmatch(node.value)
        if own:
            found |= index.by_qid.get(own.group(1), frozenset())
    for predicate, obj in outgoing.get(node, ()):
        if isinstance(obj, ox.NamedNode):
            item = _WIKIDATA_ITEM.fullmatch(obj.value)
            if item:
                found |= index.by_qid.get(item.group(1), frozenset())
        elif isinstance(obj, ox.Literal) and predicate.value in LABEL_PREDICATES:
            found |= index.by_alias.get(normalise(obj.value), frozenset())
    return found


@dataclass
class ScoredGraph:
    """One document's graph as the scorer reads it: the outgoing edges of every node, and
    each scored-relation triple with its readings as gold facts (empty: unmapped)."""

    outgoing: dict
    readings: list[tuple[ox.Triple, str, set[GoldFact]]]

    @classmethod
    def read(cls, quads: Iterable[ox.Quad], index: EntityIndex) -> ScoredGraph:
        triples = {q.triple for q in quads}
        outgoing: dict = defaultdict(set)
        for t in triples:
            outgoing[t.subject].add((t.predicate, t.object))
        readings = []
        for t in triples:
            relation = scored_relation(t.predicate.value)
            if relation is None or not isinstance(t.object, ox.NamedNode):
                continue
            subjects = _entities_of(t.subject, outgoing, index)
            objects = _entities_of(t.object, outgoing, index)
            readings.append((t, relation, {(s, relation, o) for s in subjects for o in objects}))
        return cls(outgoing, readings)


def score_document(doc: str, gold: GoldFacts, quads: Iterable[ox.Quad],
                   index: EntityIndex) -> DocScore:
    """Score the graph of one document (all its quads, any graph) against its gold facts."""
    return score_graph(doc, gold, ScoredGraph.read(quads, index))


def score_graph(doc: str, gold: GoldFacts, graph: ScoredGraph) -> DocScore:
    """:func:`score_document` on a graph already read."""
    annotated = gold.required | gold.optional
    predicted: set[GoldFact] = set()
    unmapped: set[tuple[str, str, str]] = set()
    for t, relation, readings in graph.readings:
        if not readings:
            unmapped.add((_node_key(t.subject), relation, t.object.value))
        elif readings & annotated:
            predicted |= readings & annotated
        else:
            predicted.add(min(readings))  # one wrong fact per triple, chosen stably
    return DocScore(
        doc,
        true_pos=predicted & gold.required,
        false_pos=(predicted - annotated) | unmapped,
        false_neg=set(gold.required - predicted),
    )


def _jsonl_rows(path: Path) -> Iterable[tuple[str, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: each line must be a JSON object")
        yield f"{path}:{number}", row
