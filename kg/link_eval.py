"""Linking precision/recall against gold links, with NIL handled correctly.

Gold format (JSONL, one mention per line; files usually per document under
``eval/dev/links/<doc-id>.jsonl``)::

    {"mention": "Kherson", "type": "GPE", "left": "sending troops to the region of",
     "right": ".", "key": "Kherson Oblast", "qid": "Q163271"}

- ``key``: gazetteer key, or an explicit null when the mention names nothing (NIL);
  ``"nil": true`` says the same;
- ``entity``: instead of ``key``, an id in an entities file (``eval/entities.jsonl``
  format), whose ``wikidata`` list gives the acceptable QIDs; a null ``entity``
  without ``key``/``nil`` means "not annotated", not NIL;
- ``qid``: the Wikidata item, a list of acceptable items, or null (unknown unless NIL);
- ``doc`` (optional): mentions sharing a ``doc`` are linked together with article
  context; it defaults to the file name.

Scoring (:func:`score_links`) per gold mention: gold NIL linked to anything -> FP;
gold item left NIL -> FN; wrong item -> FP and FN; right item -> TP; NIL left NIL
-> correct NIL. QID scoring skips mentions whose entity has no known QID (key set,
qid null): their right answer in Wikidata is unknown, not NIL.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.gazetteer import Gazetteer, norm
from kg.link_protocol import (
    LinkCase,
    QidLinkScores,
    cases_in_scope,
    held_qids,
    score_qid_links,
)
from kg.linking import Linker, Mention, link_document

Gold = str | None | Iterable[str]


@dataclass(frozen=True)
class LinkScores:
    tp: int
    fp: int
    fn: int
    nil_correct: int
    total: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "nil_correct": self.nil_correct,
                "total": self.total, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _accepted(gold: Gold) -> frozenset[str]:
    if gold is None:
        return frozenset()
    if isinstance(gold, str):
        return frozenset({gold}) if gold else frozenset()
    return frozenset(gold)


def score_links(pred: Mapping[str, str | None], gold: Mapping[str, Gold]) -> LinkScores:
    """Score predicted links against gold, per mention id. Ids missing from gold are ignored."""
    tp = fp = fn = nil_ok = 0
    for mention_id, gold_value in gold.items():
        accepted, guess = _accepted(gold_value), pred.get(mention_id)
        if guess and guess in accepted:
            tp += 1
        elif guess and accepted:
            fp, fn = fp + 1, fn + 1
        elif guess:
            fp += 1
        elif accepted:
            fn += 1
        else:
            nil_ok += 1
    return LinkScores(tp, fp, fn, nil_ok, len(gold))


@dataclass(frozen=True)
class GoldMention:
    id: str
    doc: str
    mention: Mention
    key: str | None
    qids: frozenset[str] | None  # None: unknown (not scored by QID); empty: NIL
    nil: bool = False            # annotated as naming nothing in the gazetteer


def load_entities(path: str | Path) -> dict[str, frozenset[str]]:
    """Entity id -> acceptable QIDs, from an ``entities.jsonl`` file."""
    return {d["id"]: frozenset(d.get("wikidata") or ()) for d in _entity_rows(path)}


def load_entity_types(path: str | Path) -> dict[str, str]:
    """Entity id -> type ("Party", "Settlement", ...), from an ``entities.jsonl`` file."""
    return {d["id"]: str(d.get("type")) for d in _entity_rows(path)}


def _entity_rows(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_gold(paths: Iterable[str | Path], entities: Mapping[str, frozenset[str]] | None = None,
              entity_types: Mapping[str, str] | None = None,
              skip_types: Iterable[str] = ()) -> list[GoldMention]:
    """Gold mentions from JSONL files (format in the module docstring).

    Mentions whose entity has a type in ``skip_types`` (per ``entity_types``) are
    left out: e.g. ``("Party",)`` drops metonymy ("Moscow" for Russia), which is
    the extractor's business, not the place linker's.
    """
    entity_types = entity_types or {}
    skip_types = frozenset(skip_types)
    mentions: list[GoldMention] = []
    for path in paths:
        path = Path(path)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                surface = data["mention"]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: a gold line needs JSON with 'mention'") from exc
            nil = data.get("nil") is True or ("key" in data and data["key"] is None)
            key = data.get("key", data.get("entity"))
            if skip_types and entity_types.get(str(key)) in skip_types:
                continue
            if data.get("qid") is not None:
                qids = _accepted(data["qid"])
            elif key is not None and entities is not None and entities.get(key):
                qids = entities[key]
            else:
                qids = frozenset() if nil else None
            mention = Mention(surface, data.get("type"), data.get("left", ""), data.get("right", ""))
            mentions.append(GoldMention(data.get("id", f"{path.stem}:{number}"),
                                        data.get("doc", path.stem), mention,
                                        None if nil else key, qids, nil))
    return mentions


def run_linker(linker: Linker, gold: list[GoldMention]) -> dict[str, tuple[str | None, str | None]]:
    """Mention id -> (predicted key, predicted QID), linking each document in context."""
    by_doc: dict[str, list[GoldMention]] = {}
    for item in gold:
        by_doc.setdefault(item.doc, []).append(item)
    out: dict[str, tuple[str | None, str | None]] = {}
    for items in by_doc.values():
        results = link_document(linker, [item.mention for item in items])
        for item, result in zip(items, results):
            out[item.id] = (result.entry.key if result.entry else None, result.qid)
    return out


def evaluate_links(paths: Iterable[str | Path], linker: Linker | None = None,
                   entities: Mapping[str, frozenset[str]] | None = None,
                   entity_types: Mapping[str, str] | None = None,
                   skip_types: Iterable[str] = ()) -> dict[str, LinkScores]:
    """Scores by gazetteer key and by QID for gold link files (``kg eval`` calls this)."""
    gold = load_gold(paths, entities, entity_types, skip_types)
    pred = run_linker(linker or Linker(Gazetteer.load()), gold)
    by_key = score_links({i: p[0] for i, p in pred.items()},
                         {g.id: g.key for g in gold if g.key is not None or g.nil})
    by_qid = score_links({i: p[1] for i, p in pred.items()},
                         {g.id: g.qids for g in gold if g.qids is not None})
    return {"key": by_key, "qid": by_qid}


def evaluate_qid_links(paths: Iterable[str | Path], linker: Linker | None = None,
                       entities: Mapping[str, frozenset[str]] | None = None,
                       entity_types: Mapping[str, str] | None = None) -> QidLinkScores:
    """The headline measure of :mod:`kg.link_protocol` over gold link files."""
    linker = linker or Linker(Gazetteer.load())
    gazetteer = linker.gazetteer
    gold = load_gold(paths, entities)
    pred = run_linker(linker, gold)
    cases = []
    for item in gold:
        key, qid = pred[item.id]
        entry = gazetteer.get(key) if key else None
        names = (frozenset(norm(n) for n in (entry.key, entry.label, *entry.aliases))
                 if entry else frozenset())
        cases.append(LinkCase(item.mention.surface, item.key, item.qids or frozenset(), qid,
                              key, names, item.nil, item.doc))
    kept, left_out = cases_in_scope(cases, entity_types or {}, gazetteer)
    return score_qid_links(kept, held_qids(gazetteer), left_out)
