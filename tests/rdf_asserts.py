"""Graph assertions for tests: compare graphs, not strings."""
from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.compare import graph_diff, to_isomorphic


def rdflib_graph(triples_or_quads) -> rdflib.Graph:
    """An rdflib graph of pyoxigraph triples/quads (graph names dropped)."""
    triples = [q.triple if isinstance(q, ox.Quad) else q for q in triples_or_quads]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def _dump(graph: rdflib.Graph) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)


def assert_isomorphic(expected: rdflib.Graph, actual: rdflib.Graph) -> None:
    """Fail with the sorted triples only in expected / only in actual when graphs differ."""
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
    lines = ["graphs differ", "only in expected:"]
    lines += ["  " + t for t in _dump(only_expected)] or ["  (none)"]
    lines += ["only in actual:"]
    lines += ["  " + t for t in _dump(only_actual)] or ["  (none)"]
    raise AssertionError("\n".join(lines))
