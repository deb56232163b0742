"""Articles in, named graphs out: extraction + mapping + the store, one article at a time.

Each article's quads are built completely (and checked) before its named graph is
replaced in one transaction, so re-ingesting an article replaces its graph and a
failing article never leaves half a graph behind::

    with KGStore.open("data/store") as store:
        report = ingest(store, iter_articles(paths, on_error=errors.append))
    report.articles, report.facts, report.failed

:func:`build_graph` does the same without a store and writes one RDF file.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from spacy.language import Language

from ._rdfio import rdf_format, write_quads
from ._resources import resource_file
from ._terms import C_STATEMENT, RDF_TYPE
from .articles import iter_articles
from .errors import InputError, KGError, OntologyError
from .extract import extract_articles
from .mapping import document_graph, extraction_quads
from .store import KGStore
from .types import Article, Extraction

__all__ = ["ONTOLOGY_GRAPH", "IngestReport", "build_graph", "ingest", "ingest_extractions",
           "ingest_paths", "ontology_quads", "store_ontology"]

#: Named graph that holds the ontology (labels and comments of classes and relations).
ONTOLOGY_GRAPH = "https://w3id.org/newskg/ontology"

ErrorHandler = Callable[[KGError], None]


@dataclass
class IngestReport:
    """Counts of one ingest or extract run; ``errors`` holds one line per failure."""

    articles: int = 0
    facts: int = 0
    quads: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def fail(self, exc: KGError, on_error: ErrorHandler | None) -> None:
        """Count one failed input or article, keep its message and pass it on."""
        self.failed += 1
        self.errors.append(exc.message)
        if on_error is not None:
            on_error(exc)

    def summary(self) -> str:
        """One line such as ``2 articles, 31 facts, 690 quads, 1 failed in 1.4 s``."""
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"{_plural(self.articles, 'article')}, {_plural(self.facts, 'fact')}, "
                f"{_plural(self.quads, 'quad')}{failed} in {self.seconds:.1f} s")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def statement_count(quads: Iterable[ox.Quad]) -> int:
    """Number of statement nodes (one per distinct extracted fact) among ``quads``."""
    return sum(1 for q in quads if q.predicate == RDF_TYPE and q.object == C_STATEMENT)


@lru_cache(maxsize=1)
def ontology_quads() -> tuple[ox.Quad, ...]:
    """The ontology (``ontology/kg.ttl``) as quads in :data:`ONTOLOGY_GRAPH`."""
    path = resource_file("ontology", "kg.ttl")
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (SyntaxError, OSError) as exc:
        raise OntologyError(f"cannot parse {path}: {exc}") from exc
    return tuple(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)


def _ground(quads: Iterable[ox.Quad]) -> set[ox.Triple]:
    return {q.triple for q in quads
            if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}


def store_ontology(store: KGStore) -> int:
    """Put the ontology in its own named graph, unless the store already has it.

    Blank nodes (OWL lists) get fresh ids on every write, so an unchanged ontology is
    left alone rather than rewritten; returns the number of quads written (0 if none).
    """
    wanted = ontology_quads()
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    stored = list(store.oxigraph.quads_for_pattern(None, None, None, graph))
    if len(stored) == len(wanted) and _ground(stored) == _ground(wanted):
        return 0
    return store.replace_graph(ONTOLOGY_GRAPH, wanted)


def _checked_quads(ex: Extraction, validate_shapes: bool) -> list[ox.Quad]:
    quads = extraction_quads(ex)  # raises OntologyError on a bad extraction
    if validate_shapes:
        from .shacl import validate

        report = validate(quads)
        if not report.conforms:
            first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "")
            raise OntologyError(
                f"article {ex.article.id!r}: the mapped graph breaks the SHACL shapes ({first})"
            )
    return quads


def ingest_extractions(
    store: KGStore,
    extractions: Iterable[Extraction],
    on_error: ErrorHandler | None = None,
    validate_shapes: bool = False,
) -> IngestReport:
    """Replace each extraction's named graph; a bad one is reported and skipped."""
    report = IngestReport()
    started = time.perf_counter()
    store_ontology(store)
    for ex in extractions:
        try:
            quads = _checked_quads(ex, validate_shapes)
        except OntologyError as exc:
            report.fail(exc, on_error)
            continue
        report.quads += store.replace_graph(document_graph(ex.article.id), quads)
        report.facts += statement_count(quads)
        report.articles += 1
    report.seconds = time.perf_counter() - started
    return report


def ingest(
    store: KGStore,
    articles: Iterable[Article],
    nlp: Language | None = None,
    on_error: ErrorHandler | None = None,
    *,
    batch_size: int = 16,
    online: bool = False,
    validate_shapes: bool = False,
) -> IngestReport:
    """Extract ``articles`` (batched through ``nlp.pipe``) and store one graph per article.

    Re-ingesting an article (same id) replaces its graph. Articles that cannot be
    mapped are passed to ``on_error`` and counted in ``failed``; the others are stored.
    """
    started = time.perf_counter()
    extractions = extract_articles(articles, nlp, batch_size=batch_size, online=online)
    report = ingest_extractions(store, extractions, on_error, validate_shapes)
    report.seconds = time.perf_counter() - started
    return report


def ingest_paths(
    store: KGStore,
    paths: Iterable[str | PathLike],
    nlp: Language | None = None,
    on_error: ErrorHandler | None = None,
    *,
    batch_size: int = 16,
    online: bool = False,
    validate_shapes: bool = False,
) -> IngestReport:
    """:func:`ingest` the articles in files, folders and JSONL files; unreadable inputs
    go to ``on_error`` and count as failed, the others are stored."""
    input_errors: list[str] = []

    def input_failed(exc: InputError) -> None:
        input_errors.append(exc.message)
        if on_error is not None:
            on_error(exc)

    articles = iter_articles([Path(p) for p in paths], on_error=input_failed)
    report = ingest(store, articles, nlp, on_error, batch_size=batch_size, online=online,
                    validate_shapes=validate_shapes)
    report.failed += len(input_errors)
    report.errors = input_errors + report.errors
    return report


def _mapped(extractions: Iterable[Extraction], report: IngestReport,
            on_error: ErrorHandler | None) -> Iterator[ox.Quad]:
    for ex in extractions:
        try:
            quads = extraction_quads(ex)
        except OntologyError as exc:
            report.fail(exc, on_error)
            continue
        report.articles += 1
        report.facts += statement_count(quads)
        report.quads += len(quads)
        yield from quads


def build_graph(
    paths: Iterable[str | PathLike],
    out: str | PathLike | IO[bytes],
    nlp: Language | None = None,
    on_error: ErrorHandler | None = None,
    *,
    fmt: str | None = None,
    online: bool = False,
) -> IngestReport:
    """Extract the articles under ``paths`` and write all their named graphs to ``out``.

    The format comes from ``fmt`` or the extension of ``out`` (.nq, .trig, .ttl, .nt,
    .jsonld); an unknown one raises :class:`InputError` before any work is done.
    Unreadable inputs go to ``on_error`` and count as failed. Nothing is written when
    no article could be extracted.
    """
    rdf_format(out, fmt)
    started = time.perf_counter()
    report = IngestReport()
    articles = iter_articles([Path(p) for p in paths],
                             on_error=lambda exc: report.fail(exc, on_error))
    extractions = extract_articles(articles, nlp, online=online)
    quads = list(_mapped(extractions, report, on_error))
    if report.articles == 0:
        raise InputError("no article could be extracted; nothing written")
    write_quads(quads, out, fmt)
    report.seconds = time.perf_counter() - started
    return report
