"""Validate mapped graphs against ``ontology/shapes.ttl`` with pySHACL.

Example::

    conforms, text = validate(extraction_quads(extraction))
    if not conforms:
        raise SystemExit(text)

Quads are validated one named graph at a time (each article graph must conform on its
own); an rdflib ``Dataset`` is handled the same way by pySHACL. The ontology is mixed
in so that ``rdfs:subClassOf`` chains count for ``sh:class``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import pyoxigraph as ox
import rdflib
from pyshacl import validate as _pyshacl_validate

from ._resources import resource_file
from .errors import OntologyError

__all__ = ["ValidationReport", "load_ontology", "load_shapes", "validate"]


class ValidationReport(NamedTuple):
    """Outcome of :func:`validate`; unpacks as ``(conforms, text)``."""

    conforms: bool
    text: str


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """The SHACL shapes graph (parsed once per process)."""
    return _parse("shapes.ttl")


@lru_cache(maxsize=1)
def load_ontology() -> rdflib.Graph:
    """The OWL ontology graph (parsed once per process)."""
    return _parse("kg.ttl")


def _parse(filename: str) -> rdflib.Graph:
    path = resource_file("ontology", filename)
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser-specific types
        raise OntologyError(f"cannot parse {path}: {exc}") from exc


def validate(data: Iterable[ox.Quad] | rdflib.Graph) -> ValidationReport:
    """Check ``data`` (pyoxigraph quads or an rdflib graph/dataset) against the shapes."""
    if isinstance(data, rdflib.Graph):
        return _run(data)
    reports = [
        (name, _run(graph)) for name, graph in sorted(_graphs_from_quads(data).items())
    ]
    failed = [(name, r) for name, r in reports if not r.conforms]
    if not failed:
        return ValidationReport(True, f"Conforms: True ({len(reports)} graph(s) checked)")
    text = "\n".join(f"In graph {name}:\n{r.text}" for name, r in failed)
    return ValidationReport(False, text)


def _graphs_from_quads(quads: Iterable[ox.Quad]) -> dict[str, rdflib.Graph]:
    """Group quads by graph name into rdflib graphs (via N-Triples, which both sides speak)."""
    triples: dict[str, list[ox.Triple]] = defaultdict(list)
    for q in quads:
        name = "(default graph)" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        triples[name].append(q.triple)
    graphs = {}
    for name, group in triples.items():
        data = ox.serialize(group, format=ox.RdfFormat.N_TRIPLES)
        graphs[name] = rdflib.Graph().parse(data=data, format="nt")
    return graphs


def _run(graph: rdflib.Graph) -> ValidationReport:
    conforms, _, text = _pyshacl_validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    return ValidationReport(bool(conforms), str(text))
