"""How far a statement's confidence can be trusted, measured on gold documents.

Each asserted triple of a scored relation is judged as the scorer judges it (right: a
required gold fact; neutral: an optional one only; wrong: anything else) and filed under
the confidence of its best asserted statement in that document. The table says, per
confidence band, how many facts were right among those judged (neutral ones left out),
which is what a user filtering on ``kg:confidence`` gets.

Example::

    table = Calibration()
    table.add_document(gold_facts, quads, index)
    for band in table.bands(): print(band.low, band.high, band.precision)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import _terms as t
from ._scoring import EntityIndex, GoldFacts, ScoredGraph

#: lower bounds of the bands, highest first
BAND_EDGES = (0.85, 0.75, 0.6, 0.0)


@dataclass
class Band:
    low: float
    high: float
    right: int = 0
    neutral: int = 0
    wrong: int = 0

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


@dataclass
class Calibration:
    """Counts of right, neutral and wrong facts per confidence band, over documents."""

    outcomes: list[tuple[float, str]] = field(default_factory=list)

    def add_document(self, gold: GoldFacts, quads: Iterable[ox.Quad], index: EntityIndex) -> None:
        self.add_graph(gold, ScoredGraph.read(quads, index))

    def add_graph(self, gold: GoldFacts, graph: ScoredGraph) -> None:
        """:meth:`add_document` on a graph already read (as :func:`score_graph` reads it)."""
        confidence = _asserted_confidence(graph.outgoing)
        annotated = gold.required | gold.optional
        for tr, _, readings in graph.readings:
            conf = confidence.get((tr.subject, tr.predicate, tr.object))
            if conf is None:
                continue              # a direct triple no asserted statement backs (none expected)
            outcome = "right" if readings & gold.required else (
                "neutral" if readings & annotated else "wrong")
            self.outcomes.append((conf, outcome))

    def bands(self) -> list[Band]:
        highs = (1.0, *BAND_EDGES[:-1])
        bands = [Band(low, high) for low, high in zip(BAND_EDGES, highs)]
        for conf, outcome in self.outcomes:
            band = next(b for b in bands if conf >= b.low)
            setattr(band, outcome, getattr(band, outcome) + 1)
        return bands


def _asserted_confidence(outgoing: dict) -> dict[tuple, float]:
    """(subject, predicate, object) -> highest confidence of an asserted statement about it."""
    best: dict[tuple, float] = {}
    for node, props in outgoing.items():
        if (t.RDF_TYPE, t.C_STATEMENT) not in props:
            continue
        values = defaultdict(list)
        for p, o in props:
            values[p].append(o)
        if t.MODALITY_NODES["asserted"] not in values.get(t.P_MODALITY, ()):
            continue
        try:
            key = (values[t.RDF_SUBJECT][0], values[t.RDF_PREDICATE][0], values[t.RDF_OBJECT][0])
            conf = float(values[t.P_CONFIDENCE][0].value)
        except (IndexError, ValueError):
            continue
        best[key] = max(conf, best.get(key, 0.0))
    return best


def format_bands(bands: list[Band]) -> list[str]:
    lines = ["confidence    triples  right  neutral  wrong  precision"]
    for b in bands:
        share = f"{b.precision:.3f}" if b.precision is not None else "  -  "
        lines.append(f"[{b.low:.2f}, {b.high:.2f}{']' if b.high == 1.0 else ')'}  "
                     f"{b.right + b.neutral + b.wrong:5d}  {b.right:5d}  {b.neutral:7d}  "
                     f"{b.wrong:5d}  {share:>9}")
    return lines
