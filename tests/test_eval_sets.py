"""The development and blind evaluation sets are well formed.

``eval/check_set.py`` validates every set under ``eval/`` (files, JSON, evidence
found verbatim in the text, entity ids, relations, dates, links, splits, ids unique
across sets, and a perfect graph built from the gold scoring 1.0 through the
shared scorer). A broken gold file would make
every figure computed on it meaningless, so the suite runs them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_evaluation_sets_are_valid():
    env = {**os.environ, "KG_SHARED": os.environ.get("KG_SHARED", str(ROOT / ".." / "shared"))}
    done = subprocess.run([sys.executable, str(ROOT / "eval" / "check_set.py")], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.strip().endswith("OK")


def test_validator_rejects_evidence_missing_from_the_text(tmp_path):
    src = ROOT / "eval" / "tune2"
    doc = sorted(p.stem for p in (src / "corpus").glob("*.txt"))[0]
    for sub in ("corpus", "gold"):
        (tmp_path / sub).mkdir()
    for name in (f"{doc}.txt", f"{doc}.meta.json"):
        shutil.copy(src / "corpus" / name, tmp_path / "corpus" / name)
    gold = [json.loads(line) for line in (src / "gold" / f"{doc}.jsonl").read_text().splitlines()]
    gold[0]["evidence"] = "words that are not in the article"
    (tmp_path / "gold" / f"{doc}.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    shutil.copy(src / "entities.jsonl", tmp_path / "entities.jsonl")
    (tmp_path / "SPLIT.json").write_text(json.dumps({"tune": [doc]}))
    env = {**os.environ, "KG_SHARED": os.environ.get("KG_SHARED", str(ROOT / ".." / "shared"))}
    done = subprocess.run([sys.executable, str(ROOT / "eval" / "check_set.py"), str(tmp_path)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 1
    assert "evidence is not a substring" in done.stdout
