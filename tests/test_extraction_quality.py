"""Extraction quality against gold facts, scored by the shared ``score.py``.

Every article (the shared sample, the dev corpus and our own smoke articles in
``tests/articles/``) goes through one ``extract_articles`` call; each graph is written
as N-Quads, as ``kg extract`` writes it, and scored by running ``score.py`` in a
subprocess.

- The shared sample must meet the project's acceptance bar: F1 >= 0.90, precision >= 0.85.
- The dev corpus splits and the smoke articles are held to REGRESSION FLOORS, set a little
  below what the extractor measures today (see FLOORS). They are not the acceptance bar
  of issue 3 (held-out F1 >= 0.75 with precision >= 0.85), which the extractor does not
  reach yet; raise the floors whenever the extractor improves.

Every graph must also conform to the SHACL shapes. Set ``KG_SHARED`` when the shared
folder is not at ``<repo>/../shared``.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.articles import read_text_article
from kg.extract import extract_articles
from kg.mapping import extraction_quads, write_quads
from kg.pipeline import build_nlp
from kg.shacl import validate

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO / ".." / "shared"))
SCORER = SHARED / "eval" / "score.py"
SAMPLE_ID = "kharkiv-counteroffensive-2022-09-10"
DEV = REPO / "eval" / "dev"
SMOKE = Path(__file__).resolve().parent / "articles"
_LAST_LINE = re.compile(r"precision=([\d.]+) recall=([\d.]+) f1=([\d.]+)")


@dataclass(frozen=True)
class Corpus:
    """Where one set of articles, its gold facts and its entities live."""

    corpus: Path
    gold: Path
    entities: Path


SAMPLE = Corpus(SHARED / "corpus", SHARED / "eval" / "gold", SHARED / "eval" / "entities.jsonl")
DEV_SET = Corpus(DEV / "corpus", DEV / "gold", DEV / "entities.jsonl")
SMOKE_SET = Corpus(SMOKE, SMOKE, SMOKE / "entities.jsonl")


def doc_ids(corpus: Corpus) -> list[str]:
    return sorted(p.stem for p in corpus.corpus.glob("*.txt"))


def all_docs() -> list[tuple[Corpus, str]]:
    return ([(SAMPLE, SAMPLE_ID)] + [(DEV_SET, d) for d in doc_ids(DEV_SET)]
            + [(SMOKE_SET, d) for d in doc_ids(SMOKE_SET)])


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> dict[str, Path]:
    """Extract every article in one pass and write one N-Quads file per article."""
    sample_txt = SHARED / "corpus" / f"{SAMPLE_ID}.txt"
    assert sample_txt.exists(), f"shared sample not found at {sample_txt}; set KG_SHARED"
    out = tmp_path_factory.mktemp("graphs")
    articles = [read_text_article(c.corpus / f"{d}.txt") for c, d in all_docs()]
    paths = {}
    for ex in extract_articles(articles, build_nlp(online=False)):
        path = out / f"{ex.article.id}.nq"
        write_quads(extraction_quads(ex), path)
        paths[ex.article.id] = path
    return paths


def score(corpus: Corpus, ids: list[str], graphs: dict[str, Path]) -> tuple[float, float, float, str]:
    """Run ``score.py`` on all ``ids`` at once; (precision, recall, f1, full report)."""
    assert ids, "no documents to score"
    pairs = [str(p) for d in ids for p in (corpus.gold / f"{d}.jsonl", graphs[d])]
    proc = subprocess.run([sys.executable, str(SCORER), *pairs, "--entities", str(corpus.entities)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    match = _LAST_LINE.fullmatch(lines[-1].strip()) if lines else None
    assert match, f"unexpected score.py output: {proc.stdout!r}"
    p, r, f1 = (float(x) for x in match.groups())
    return p, r, f1, proc.stdout


def split(name: str) -> list[str]:
    return json.loads((DEV / "SPLIT.json").read_text(encoding="utf-8"))[name]


def test_sample_meets_acceptance_bar(graphs):
    p, r, f1, report = score(SAMPLE, [SAMPLE_ID], graphs)
    assert f1 >= 0.90 and p >= 0.85, report


#: (F1, precision) floors; measured at the end of session 4: held-out 0.69 / 0.83,
#: tune 0.84 / 0.97 (raised from 0.45 / 0.68 and 0.64 / 0.85). In session 7 four blind
#: articles made the held-out part a full third of the set; it measured 0.62 / 0.80.
FLOORS = {"heldout": (0.58, 0.75), "tune": (0.79, 0.93), "smoke": (0.60, 0.68)}


@pytest.mark.parametrize("part", ["heldout", "tune"])
def test_dev_split_stays_above_regression_floor(graphs, part):
    p, r, f1, report = score(DEV_SET, split(part), graphs)
    # held-out misses stay hidden: rules must not be tuned on them (eval/dev/README.md)
    shown = report.strip().splitlines()[-1] if part == "heldout" else report
    min_f1, min_p = FLOORS[part]
    assert f1 >= min_f1 and p >= min_p, shown


def test_smoke_articles_stay_above_regression_floor(graphs):
    ids = doc_ids(SMOKE_SET)
    assert len(ids) >= 3
    p, r, f1, report = score(SMOKE_SET, ids, graphs)
    min_f1, min_p = FLOORS["smoke"]
    assert f1 >= min_f1 and p >= min_p, report


def gold_places(corpus: Corpus, ids: list[str]) -> set[str]:
    return {json.loads(line)["object"] for d in ids
            for line in (corpus.gold / f"{d}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()}


def test_smoke_articles_are_other_events_than_dev_corpus():
    smoke, dev = doc_ids(SMOKE_SET), doc_ids(DEV_SET)
    dev_titles = {json.loads(p.read_text(encoding="utf-8"))["title"]
                  for p in DEV_SET.corpus.glob("*.meta.json")}
    for doc in smoke:
        meta = json.loads((SMOKE / f"{doc}.meta.json").read_text(encoding="utf-8"))
        assert set(meta) >= {"id", "title", "published"} and meta["id"] == doc
        assert doc not in dev and meta["title"] not in dev_titles
        assert 120 <= len((SMOKE / f"{doc}.txt").read_text(encoding="utf-8").split()) <= 250
    shared = gold_places(SMOKE_SET, smoke) & gold_places(DEV_SET, dev)
    assert not shared, f"places in both the smoke articles and the dev corpus: {shared}"


@pytest.mark.parametrize("doc", [d for _, d in all_docs()])
def test_graph_conforms_to_shapes(graphs, doc):
    quads = list(ox.parse(path=str(graphs[doc]), format=ox.RdfFormat.N_QUADS))
    assert quads, f"{doc}: empty graph"
    conforms, text = validate(quads)
    assert conforms, text
