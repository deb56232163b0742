"""``kg eval``: run the extractor over a gold corpus and score it like ``shared/eval/score.py``.

Layout of a gold folder (``eval/dev`` or ``shared/eval``)::

    GOLD_DIR/gold/<id>.jsonl        gold facts (GUIDELINES.md)
    GOLD_DIR/entities.jsonl         gold entities
    GOLD_DIR/corpus/<id>.txt        articles (+ <id>.meta.json); else GOLD_DIR/../corpus
    GOLD_DIR/SPLIT.json             optional: {"tune": [...], "heldout": [...]}
    GOLD_DIR/links/<id>.jsonl       optional: gold entity links (``--links``)

Example::

    layout = EvalLayout.resolve("eval/dev")
    report = evaluate(layout, split="tune")
    print(format_report(report))
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ._rdfio import write_quads
from ._scoring import SCORED_RELATIONS, DocScore, EntityIndex, GoldFacts, ScoredGraph, score_graph
from .calibration import Band, Calibration, format_bands
from .articles import read_text_article
from .errors import InputError
from .extract import extract_articles
from .mapping import extraction_quads

__all__ = ["SPLITS", "EvalLayout", "EvalReport", "Counts", "evaluate", "format_report",
           "score_links"]

SPLITS = ("all", "tune", "heldout")


@dataclass(frozen=True)
class Counts:
    """True/false positives and false negatives, with the scorer's P/R/F1 (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class EvalLayout:
    """Where the parts of a gold corpus are."""

    root: Path
    gold_dir: Path
    corpus_dir: Path
    entities: Path
    split_file: Path | None
    links_dir: Path | None

    @classmethod
    def resolve(cls, root: str | Path, corpus: str | Path | None = None,
                entities: str | Path | None = None) -> EvalLayout:
        """Find the parts under ``root``; raises :class:`InputError` saying what is missing."""
        root = Path(root)
        gold_dir = root / "gold"
        if not gold_dir.is_dir():
            raise InputError(f"{root}: no gold/ folder; expected {gold_dir}/<id>.jsonl files")
        if corpus is not None:
            corpus_dir = Path(corpus)
        else:
            candidates = [root / "corpus", root.parent / "corpus"]
            corpus_dir = next((c for c in candidates if c.is_dir()), candidates[0])
        if not corpus_dir.is_dir():
            raise InputError(f"{corpus_dir}: corpus folder not found; pass --corpus DIR")
        entities_path = Path(entities) if entities is not None else root / "entities.jsonl"
        if not entities_path.is_file():
            raise InputError(f"{entities_path}: entities file not found; pass --entities FILE")
        split_file = root / "SPLIT.json"
        links_dir = root / "links"
        return cls(root, gold_dir, corpus_dir, entities_path,
                   split_file if split_file.is_file() else None,
                   links_dir if links_dir.is_dir() else None)

    def doc_ids(self, split: str = "all") -> list[str]:
        """Ids of the gold documents in ``split`` (``all``, ``tune`` or ``heldout``)."""
        gold_ids = sorted(p.stem for p in self.gold_dir.glob("*.jsonl"))
        if not gold_ids:
            raise InputError(f"{self.gold_dir}: no gold .jsonl files")
        if split == "all":
            return gold_ids
        if split not in SPLITS:
            raise InputError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
        if self.split_file is None:
            raise InputError(f"{self.root}: no SPLIT.json, so only --split all is possible")
        try:
            chosen = json.loads(self.split_file.read_text(encoding="utf-8"))[split]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"{self.split_file}: needs a JSON list under {split!r} ({exc})") from exc
        unknown = sorted(set(chosen) - set(gold_ids))
        if unknown:
            raise InputError(f"{self.split_file}: {split} ids without gold file: {unknown}")
        return sorted(chosen)

    def article_path(self, doc_id: str) -> Path:
        path = self.corpus_dir / f"{doc_id}.txt"
        if not path.is_file():
            raise InputError(f"{path}: article for gold document {doc_id!r} not found")
        return path


@dataclass
class EvalReport:
    split: str
    docs: list[DocScore]
    links: dict[str, dict] | None = None
    calibration: list[Band] | None = None

    @property
    def overall(self) -> Counts:
        return Counts(sum(d.tp for d in self.docs), sum(d.fp for d in self.docs),
                      sum(d.fn for d in self.docs))

    def by_relation(self) -> dict[str, Counts]:
        """Counts per scored relation, summed over documents."""
        def count(facts: Iterable[tuple[str, str, str]], relation: str) -> int:
            return sum(1 for f in facts if f[1] == relation)

        return {rel: Counts(sum(count(d.true_pos, rel) for d in self.docs),
                            sum(count(d.false_pos, rel) for d in self.docs),
                            sum(count(d.false_neg, rel) for d in self.docs))
                for rel in SCORED_RELATIONS}

    def as_dict(self) -> dict:
        out: dict[str, object] = {
            "split": self.split,
            **self.overall.as_dict(),
            "relations": {rel: c.as_dict() for rel, c in self.by_relation().items()},
            "docs": [{"doc": d.doc, "tp": d.tp, "fp": d.fp, "fn": d.fn,
                      "missed": d.missed, "wrong": d.wrong} for d in self.docs],
        }
        if self.links is not None:
            out["links"] = self.links
        if self.calibration is not None:
            out["calibration"] = [{"low": b.low, "high": b.high, "right": b.right,
                                   "neutral": b.neutral, "wrong": b.wrong,
                                   "precision": b.precision} for b in self.calibration]
        return out


def evaluate(layout: EvalLayout, split: str = "all", nlp: Language | None = None, *,
             online: bool = False, graphs_out: str | Path | None = None,
             links: bool = False) -> EvalReport:
    """Extract every document of ``split`` and score it; optionally write each graph
    to ``graphs_out/<id>.nq`` and score entity linking too."""
    ids = layout.doc_ids(split)
    index = EntityIndex.load(layout.entities)
    gold = {doc: GoldFacts.load(layout.gold_dir / f"{doc}.jsonl") for doc in ids}
    articles = [read_text_article(layout.article_path(doc)) for doc in ids]
    out_dir = Path(graphs_out) if graphs_out is not None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    scores = []
    calibration = Calibration()
    for doc, ex in zip(ids, extract_articles(articles, nlp, online=online), strict=True):
        quads = extraction_quads(ex)
        if out_dir is not None:
            write_quads(quads, out_dir / f"{doc}.nq")
        graph = ScoredGraph.read(quads, index)       # read once for both
        scores.append(score_graph(doc, gold[doc], graph))
        calibration.add_graph(gold[doc], graph)
    link_scores = score_links(layout, ids) if links else None
    return EvalReport(split, scores, link_scores, calibration.bands())


def score_links(layout: EvalLayout, ids: list[str]) -> dict[str, dict]:
    """Linking scores over the gold link files of ``ids``: the ``headline`` measure of
    :mod:`kg.link_protocol` (QIDs, literal mentions, recall over QIDs the gazetteer
    holds), then detail rows by gazetteer key and by QID for every mention and for
    place mentions only (party mentions skipped)."""
    from .link_eval import evaluate_links, evaluate_qid_links, load_entities, load_entity_types

    if layout.links_dir is None:
        raise InputError(f"{layout.root}: no links/ folder, so --links cannot be scored")
    files = [layout.links_dir / f"{doc}.jsonl" for doc in ids]
    files = [f for f in files if f.is_file()]
    if not files:
        raise InputError(f"{layout.links_dir}: no link files for the chosen documents")
    qids, types = load_entities(layout.entities), load_entity_types(layout.entities)
    out: dict[str, dict] = {
        "headline": evaluate_qid_links(files, entities=qids, entity_types=types).as_dict()}
    for name, skip in (("all", ()), ("places", ("Party",))):
        scores = evaluate_links(files, entities=qids, entity_types=types, skip_types=skip)
        out[name] = {kind: s.as_dict() for kind, s in scores.items()}
    return out


def format_links(links: dict[str, dict]) -> list[str]:
    """The linking part of the report: the headline, its errors, then the detail table."""
    lines = ["", "entity linking (gold links/):"]
    head = links.get("headline")
    if head is not None:
        lines += [f"headline: {head['protocol']}",
                  f"  precision {head['precision']:.3f}  ({head['correct']} correct of "
                  f"{head['correct'] + head['wrong']} judged links; {head['unjudged']} links on "
                  f"not-annotated mentions unjudged, worst case {head['worst_precision']:.3f})",
                  f"  recall    {head['recall']:.3f}  ({head['found']} of {head['held']} "
                  f"mentions whose gold QID the gazetteer holds; {head['out_of_scope']} party "
                  f"metonyms/demonyms left out)"]
        lines += [f"  {error}" for error in head["errors"]]
    lines += ["", "detail:",
              f"{'mentions':<10}{'by':<5}{'tp':>5}{'fp':>5}{'fn':>5}{'NIL ok':>8}"
              f"{'P':>8}{'R':>8}{'F1':>8}"]
    for subset, kinds in links.items():
        if subset == "headline":
            continue
        for kind, s in kinds.items():
            lines.append(f"{subset:<10}{kind:<5}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
                         f"{s['nil_correct']:>8}{s['precision']:>8.3f}{s['recall']:>8.3f}"
                         f"{s['f1']:>8.3f}")
    return lines


def format_report(report: EvalReport) -> str:
    """Plain-text tables: per relation and overall, then per document with its errors."""
    lines = [f"{len(report.docs)} document(s), split {report.split}", "",
             f"{'relation':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    rows = [*report.by_relation().items(), ("overall", report.overall)]
    for name, c in rows:
        lines.append(f"{name:<14}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
                     f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    if report.calibration is not None:
        lines += ["", "asserted triples by statement confidence (precision = right / (right + wrong)):"]
        lines += format_bands(report.calibration)
    lines += ["", "per document:"]
    for d in report.docs:
        lines.append(f"{d.doc}: tp={d.tp} fp={d.fp} fn={d.fn}")
        lines += [f"  missed: {m}" for m in d.missed]
        lines += [f"  wrong:  {w}" for w in d.wrong]
    if report.links is not None:
        lines += format_links(report.links)
    return "\n".join(lines)
