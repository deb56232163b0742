#!/usr/bin/env python3
"""Validate eval/tune2 with the checks of eval/dev/check_dev.py (imported, not modified).

Runs the entity, meta, gold and scorer round-trip checks on this folder. There are no
link files here, so the link checks are skipped. SPLIT.json must list every id under "tune".

Usage:
    .venv/bin/python eval/tune2/check_tune2.py      # exit status 1 on any error
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_check_dev():
    """Import eval/dev/check_dev.py as a module and point it at this folder."""
    path = HERE.parent / "dev" / "check_dev.py"
    spec = importlib.util.spec_from_file_location("check_dev", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.DEV = HERE
    return module


def main() -> int:
    cd = load_check_dev()
    errors: list[str] = []
    score = cd.load_scorer()
    ents = cd.check_entities(errors, score.norm)
    docs = sorted(p.stem for p in (HERE / "corpus").glob("*.txt"))
    used: set[str] = set()
    for doc in docs:
        text = (HERE / "corpus" / f"{doc}.txt").read_text(encoding="utf-8")
        cd.check_meta(doc, text, errors)
        gold = cd.check_gold(doc, text, ents, errors)
        cd.check_scorer(score, doc, gold, ents, errors)
        used |= {g["subject"] for g in gold} | {g["object"] for g in gold}
    errors.extend(f"entity {e!r} is used by no gold fact" for e in sorted(set(ents) - used))
    split = json.loads((HERE / "SPLIT.json").read_text(encoding="utf-8"))
    if set(split) != {"tune"} or sorted(split["tune"]) != docs:
        errors.append("SPLIT.json must list every document under 'tune' and nothing else")
    print(f"{len(docs)} articles, {len(ents)} entities")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
