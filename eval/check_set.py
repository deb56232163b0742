#!/usr/bin/env python3
"""Validate evaluation sets: files, JSON, evidence spans, entity ids, relations, dates,
links (where a set has links/), splits, and ids unique across sets.

Also feeds a "perfect" graph built from each gold file through the shared scorer
(../shared/eval/score.py) to prove the scorer reads the gold and entities.

Usage:
    .venv/bin/python eval/check_set.py              # every set: eval/*/ with a corpus/
    .venv/bin/python eval/check_set.py eval/fresh   # one set; exit status 1 on any error
Environment: KG_SHARED (default: <repo>/../shared).
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

EVAL = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("KG_SHARED", EVAL.parent / ".." / "shared"))
SPLITS = {"tune", "heldout"}
RELATIONS = ("controls", "withdrewFrom", "suppliesVia", "attacked", "deployedTo")
TYPES = {"Party", "Settlement", "Region", "Country"}
GOLD_KEYS = {"subject", "relation", "object", "required", "evidence"}
QID = re.compile(r"^Q[1-9]\d*$")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: bad JSON ({exc})")
    return rows


def is_iso(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def check_entities(root: Path, errors: list[str], norm) -> dict[str, dict]:
    ents: dict[str, dict] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for e in read_jsonl(root / "entities.jsonl", errors):
        if set(e) != {"id", "type", "wikidata", "aliases"} or e["id"] in ents or e["type"] not in TYPES:
            errors.append(f"entity {e.get('id')!r}: bad keys, duplicate id or bad type")
        errors.extend(f"entity {e['id']!r}: bad QID {q}" for q in e["wikidata"] if not QID.match(q))
        ents[e["id"]] = e
        for alias in [e["id"], *e["aliases"]]:
            owners[norm(alias)].add(e["id"])
    errors.extend(f"alias {a!r} shared by {sorted(o)}" for a, o in owners.items() if len(o) > 1)
    return ents


def check_gold(root: Path, doc: str, text: str, ents: dict, errors: list[str]) -> list[dict]:
    gold = read_jsonl(root / "gold" / f"{doc}.jsonl", errors)
    seen = set()
    for g in gold:
        where = f"{doc}: {g.get('subject')} {g.get('relation')} {g.get('object')}"
        if not GOLD_KEYS <= set(g) <= GOLD_KEYS | {"since", "until"}:
            errors.append(f"{where}: keys {sorted(g)}")
            continue
        if g["relation"] not in RELATIONS or not isinstance(g["required"], bool):
            errors.append(f"{where}: bad relation or required flag")
        if g["subject"] not in ents or g["object"] not in ents:
            errors.append(f"{where}: subject or object not in entities.jsonl")
        elif ents[g["subject"]]["type"] != "Party":
            errors.append(f"{where}: subject is not a Party")
        if g["evidence"] not in text:
            errors.append(f"{where}: evidence is not a substring of the article: {g['evidence']!r}")
        errors.extend(f"{where}: {k} not ISO" for k in ("since", "until") if k in g and not is_iso(g[k]))
        if "since" in g and "until" in g and g["since"] > g["until"]:
            errors.append(f"{where}: since after until")
        key = (g["subject"], g["relation"], g["object"])
        if key in seen:
            errors.append(f"{where}: duplicate fact")
        seen.add(key)
    return gold


def check_links(root: Path, doc: str, text: str, ents: dict, gold: list[dict], errors: list[str]) -> None:
    links = read_jsonl(root / "links" / f"{doc}.jsonl", errors)
    counts = Counter(link["mention"] for link in links)
    errors.extend(f"{doc}: link mention {m!r} listed {n} times" for m, n in counts.items() if n > 1)
    linked = set()
    for link in links:
        mention, ent, qid = link.get("mention"), link.get("entity"), link.get("qid")
        if not {"mention", "entity", "qid"} <= set(link) <= {"mention", "entity", "qid", "left", "right"}:
            errors.append(f"{doc}: link {mention!r}: keys {sorted(link)}")
        in_context = (re.escape(link.get("left", "")) + r"\s*(?<!\w)" + re.escape(mention)
                      + r"(?!\w)\s*" + re.escape(link.get("right", "")))
        if not re.search(in_context, text):
            errors.append(f"{doc}: link mention {mention!r} is not a word in the article (with its context)")
        if qid is not None and not QID.match(qid):
            errors.append(f"{doc}: link {mention!r}: bad qid {qid}")
        if ent is None:
            continue
        if ent not in ents:
            errors.append(f"{doc}: link {mention!r}: unknown entity {ent!r}")
            continue
        linked.add(ent)
        if qid != (ents[ent]["wikidata"] or [None])[0]:
            errors.append(f"{doc}: link {mention!r}: qid {qid} differs from the entity's")
    for ent in {g["subject"] for g in gold} | {g["object"] for g in gold}:
        if ent not in linked:
            errors.append(f"{doc}: gold entity {ent!r} has no link line")


def check_meta(root: Path, doc: str, text: str, errors: list[str]) -> None:
    meta = json.loads((root / "corpus" / f"{doc}.meta.json").read_text(encoding="utf-8"))
    missing = {"id", "title", "published", "source", "style", "note"} - set(meta)
    if missing or meta["id"] != doc or not is_iso(meta["published"]):
        errors.append(f"{doc}: meta missing {sorted(missing)} or wrong id/published")
    if not 150 <= len(text.split()) <= 400:
        errors.append(f"{doc}: {len(text.split())} words")


def check_scorer(root: Path, score, doc: str, gold: list[dict], ents: dict, errors: list[str]) -> None:
    """A graph holding exactly the required facts, labelled by entity id, must score P=R=1."""
    ttl = ["@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"]
    iri = {e: f"<http://example.org/e/{i}>" for i, e in enumerate(sorted(ents))}
    for g in (g for g in gold if g["required"]):
        ttl.append(f"{iri[g['subject']]} <http://example.org/r/{g['relation']}> {iri[g['object']]} .\n")
        for e in (g["subject"], g["object"]):
            ttl.append(f"{iri[e]} rdfs:label {json.dumps(e, ensure_ascii=False)} .\n")
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "perfect.ttl"
        graph.write_text("".join(ttl), encoding="utf-8")
        by_qid, by_alias = score.load_entities(root / "entities.jsonl")
        result = score.score_doc(root / "gold" / f"{doc}.jsonl", graph, by_qid, by_alias)
    if result["fp"] or result["fn"]:
        errors.append(f"{doc}: scorer round trip gave {result}")


def check_split(root: Path, docs: list[str], errors: list[str]) -> None:
    """Every document in exactly one split; split names from :data:`SPLITS`."""
    split = json.loads((root / "SPLIT.json").read_text(encoding="utf-8"))
    if not split or not set(split) <= SPLITS:
        errors.append(f"SPLIT.json: splits must be some of {sorted(SPLITS)}, not {sorted(split)}")
    listed = [doc for ids in split.values() for doc in ids]
    if sorted(listed) != docs:
        errors.append("SPLIT.json must list every document exactly once")


def check_set(root: Path, score, errors: list[str]) -> list[str]:
    """Check one set; returns its document ids."""
    ents = check_entities(root, errors, score.norm)
    docs = sorted(p.stem for p in (root / "corpus").glob("*.txt"))
    has_links = (root / "links").is_dir()
    per_relation: Counter = Counter()
    used: set[str] = set()
    for doc in docs:
        text = (root / "corpus" / f"{doc}.txt").read_text(encoding="utf-8")
        check_meta(root, doc, text, errors)
        gold = check_gold(root, doc, text, ents, errors)
        if has_links:
            check_links(root, doc, text, ents, gold, errors)
        check_scorer(root, score, doc, gold, ents, errors)
        used |= {g["subject"] for g in gold} | {g["object"] for g in gold}
        per_relation.update((g["relation"], g["required"]) for g in gold)
    errors.extend(f"{root.name}: entity {e!r} is used by no gold fact" for e in sorted(set(ents) - used))
    check_split(root, docs, errors)
    print(f"{root.name}: {len(docs)} articles, {len(ents)} entities" + ("" if has_links else ", no links"))
    for rel in RELATIONS:
        print(f"  {rel:13} required={per_relation[(rel, True)]:3} optional={per_relation[(rel, False)]:3}")
    return docs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    roots = [Path(a) for a in args] or sorted(p.parent for p in EVAL.glob("*/corpus"))
    errors: list[str] = []
    score = load_scorer()
    owner: dict[str, str] = {}
    for root in roots:
        for doc in check_set(root, score, errors):
            if doc in owner:
                errors.append(f"{doc}: in both {owner[doc]} and {root.name}")
            owner[doc] = root.name
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
