#!/usr/bin/env python3
"""Validate the blind evaluation set in eval/fresh with the checks of eval/dev/check_dev.py.

Reuses check_dev's functions unchanged (files, JSON, word counts, evidence spans, entity
ids, relations, dates, duplicate aliases, links, and the perfect-graph round trip through
../shared/eval/score.py), pointed at this folder. The split rule differs: every document
is held out, and no id may also be a dev document.

Usage:
    .venv/bin/python eval/fresh/check_fresh.py          # exit status 1 on any error
Environment: KG_SHARED (default: <repo>/../shared).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

FRESH = Path(__file__).resolve().parent
DEV = FRESH.parent / "dev"


def load_check_dev():
    """Import eval/dev/check_dev.py as a module and point its folder at eval/fresh."""
    spec = importlib.util.spec_from_file_location("check_dev", DEV / "check_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.DEV = FRESH
    return module


def check_split(docs: list[str], errors: list[str]) -> None:
    split = json.loads((FRESH / "SPLIT.json").read_text(encoding="utf-8"))
    if set(split) != {"heldout"} or sorted(split["heldout"]) != docs:
        errors.append("SPLIT.json must hold exactly one split, 'heldout', listing every document")
    dev_split = json.loads((DEV / "SPLIT.json").read_text(encoding="utf-8"))
    dev_ids = {doc for ids in dev_split.values() for doc in ids}
    errors.extend(f"{doc}: id is also a dev document" for doc in sorted(set(docs) & dev_ids))


def main() -> int:
    cd = load_check_dev()
    errors: list[str] = []
    score = cd.load_scorer()
    ents = cd.check_entities(errors, score.norm)
    docs = sorted(p.stem for p in (FRESH / "corpus").glob("*.txt"))
    per_relation: Counter = Counter()
    used: set[str] = set()
    for doc in docs:
        text = (FRESH / "corpus" / f"{doc}.txt").read_text(encoding="utf-8")
        cd.check_meta(doc, text, errors)
        gold = cd.check_gold(doc, text, ents, errors)
        cd.check_links(doc, text, ents, gold, errors)
        cd.check_scorer(score, doc, gold, ents, errors)
        used |= {g["subject"] for g in gold} | {g["object"] for g in gold}
        per_relation.update((g["relation"], g["required"]) for g in gold)
        print(f"  {doc:42} words={len(text.split()):3} required={sum(g['required'] for g in gold):2} "
              f"optional={sum(not g['required'] for g in gold):2}")
    errors.extend(f"entity {e!r} is used by no gold fact" for e in sorted(set(ents) - used))
    check_split(docs, errors)
    print(f"{len(docs)} articles, {len(ents)} entities")
    for rel in cd.RELATIONS:
        print(f"  {rel:13} required={per_relation[(rel, True)]:3} optional={per_relation[(rel, False)]:3}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
