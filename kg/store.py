"""The embedded Oxigraph store: open, replace a document's graph atomically, query.

Queries always go through Oxigraph's own SPARQL engine (``pyoxigraph.Store.query``),
never through rdflib's Python evaluator.

Example::

    with KGStore.open("data/store") as store:
        store.replace_graph("https://w3id.org/newskg/graph/doc-1", quads)
        for row in store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 3"):
            ...
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import QuerySyntaxError, StoreError, UpdateNotAllowed


def _nt_term(term) -> str:
    """N-Triples form of a pyoxigraph term (valid inside SPARQL INSERT DATA)."""
    return str(term)


class KGStore:
    """A thin wrapper over :class:`pyoxigraph.Store` with explicit behaviour."""

    def __init__(self, store: ox.Store, path: Path | None, read_only: bool):
        self._store = store
        self.path = path
        self.read_only = read_only

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, read_only: bool = False) -> KGStore:
        """Open (creating if needed) an on-disk store; ``path=None`` gives an in-memory one."""
        try:
            if path is None:
                return cls(ox.Store(), None, read_only=False)
            p = Path(path)
            if read_only:
                if not p.exists():
                    raise StoreError(f"no store at {p}: run `kg ingest ... --store {p}` first")
                return cls(ox.Store.read_only(str(p)), p, read_only=True)
            p.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(p)), p, read_only=False)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()
        self._store = None  # RocksDB closes when the object is collected

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for serializers and bulk operations)."""
        return self._store

    # -- writing -------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise UpdateNotAllowed("the store is open read-only")

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Replace the content of named graph ``graph`` by ``quads`` in one transaction.

        Every quad is put in ``graph`` whatever graph it names. Either the old content
        stays whole or the new content is there whole: a failure never leaves half a
        document. Returns the number of quads written.
        """
        self._check_writable()
        g = ox.NamedNode(graph)
        lines = []
        for q in quads:
            lines.append(f"{_nt_term(q.subject)} {_nt_term(q.predicate)} {_nt_term(q.object)} .")
        body = "\n".join(lines)
        update = f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except SyntaxError as exc:  # would be a bug in our own serialisation
            raise StoreError(f"could not write graph {graph}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"could not write graph {graph}: {exc}") from exc
        return len(lines)

    def drop_graph(self, graph: str) -> None:
        self._check_writable()
        self._store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update (transactional in Oxigraph)."""
        self._check_writable()
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL update syntax error: {exc}") from exc

    # -- reading -------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        union_default_graph: bool = True,
        default_graph: list | None = None,
        named_graphs: list | None = None,
        base_iri: str | None = None,
    ):
        """Evaluate a SPARQL query with Oxigraph's engine.

        By default the default graph is the union of all named graphs (one per
        document). Passing ``default_graph``/``named_graphs`` (lists of IRIs as str or
        pyoxigraph terms) sets the dataset explicitly, as the SPARQL protocol's
        ``default-graph-uri``/``named-graph-uri`` parameters do.
        """
        kwargs: dict = {"base_iri": base_iri}
        if default_graph is not None:
            kwargs["default_graph"] = [_graph_term(g) for g in default_graph]
        elif union_default_graph:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [_graph_term(g) for g in named_graphs]
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, output, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Serialise the whole dataset (all graphs) with pyoxigraph's serializer."""
        self._store.dump(output, format=fmt)


def _graph_term(g):
    if isinstance(g, (ox.NamedNode, ox.BlankNode, ox.DefaultGraph)):
        return g
    return ox.NamedNode(str(g))
