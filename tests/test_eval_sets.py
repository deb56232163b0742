"""The development and blind evaluation sets are well formed.

Each set has a validator next to it (files, JSON, evidence found verbatim in the
text, entity ids, relations, dates, links, split, and a perfect graph built from
the gold scoring 1.0 through the shared scorer). A broken gold file would make
every figure computed on it meaningless, so the suite runs them.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script", ["eval/dev/check_dev.py", "eval/tune2/check_tune2.py", "eval/fresh/check_fresh.py"])
def test_evaluation_set_is_valid(script):
    env = {**os.environ, "KG_SHARED": os.environ.get("KG_SHARED", str(ROOT / ".." / "shared"))}
    done = subprocess.run([sys.executable, str(ROOT / script)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.strip().endswith("OK")
