"""Operations the query child (:mod:`kg.query_worker`) runs on its pyoxigraph store.

Every operation takes a JSON request (plus an optional binary body) and returns a
JSON reply header and a body. Errors are replies, not exceptions: ``{"ok": false,
"error": <code>, "message": ...}`` with codes ``syntax``, ``not_acceptable``,
``too_large``, ``not_found``, ``unsupported_media_type``, ``io`` and ``internal``.
"""
from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable

import pyoxigraph as ox

log = logging.getLogger("kg.query_worker")

Reply = tuple[dict, bytes]


class _TooLarge(Exception):
    pass


class _PastDeadline(Exception):
    pass


class LimitedBuffer:
    """A binary sink that refuses to grow past ``limit`` bytes, or to take more
    output after ``deadline`` (``time.monotonic()``), if one is given."""

    def __init__(self, limit: int, deadline: float | None = None):
        self.limit = limit
        self.deadline = deadline
        self.data = bytearray()

    def write(self, chunk: bytes) -> int:
        if len(self.data) + len(chunk) > self.limit:
            raise _TooLarge()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _PastDeadline()
        self.data += chunk
        return len(chunk)

    def flush(self) -> None:
        pass


def _fail(code: str, message: str, **extra) -> Reply:
    return {"ok": False, "error": code, "message": message, **extra}, b""


def _graph_term(iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if iri is None else ox.NamedNode(iri)


class Operations:
    """Dispatch table of the child. ``store`` is a :class:`pyoxigraph.Store`."""

    def __init__(self, store: ox.Store, max_result_bytes: int):
        self.store = store
        self.max_bytes = max_result_bytes
        self._ops: dict[str, Callable[[dict, bytes], Reply]] = {
            "ping": lambda req, body: ({"ok": True}, b""),
            "query": self.query,
            "update": self.update,
            "gsp_get": self.gsp_get,
            "gsp_write": self.gsp_write,
            "gsp_delete": self.gsp_delete,
            "stats": self.stats,
        }

    def dispatch(self, request: dict, body: bytes, deadline: float | None = None) -> Reply:
        """Run one operation. With a ``deadline``, only queries are accepted, and
        their output stops at it (a ``timeout`` reply): see :mod:`kg.web.inline`."""
        op = self._ops.get(request.get("op", ""))
        if op is None or (deadline is not None and request.get("op") != "query"):
            return _fail("internal", f"unknown operation {request.get('op')!r}")
        try:
            return op(request, body) if deadline is None else self.query(request, body, deadline)
        except _PastDeadline:
            return _fail("timeout", "the query did not finish before its deadline")
        except SyntaxError as exc:
            return _fail("syntax", str(exc))
        except _TooLarge:
            return _fail(
                "too_large",
                f"the result is larger than the server limit of {self.max_bytes} bytes;"
                " add a LIMIT or select fewer variables",
            )
        except OSError as exc:
            return _fail("io", str(exc))
        except Exception as exc:  # a bug: report it, keep the child alive
            log.error("query child failed on %s: %s", request.get("op"), traceback.format_exc())
            return _fail("internal", f"{type(exc).__name__}")

    # -- SPARQL --------------------------------------------------------------
    def _dataset_kwargs(self, dataset: dict) -> dict:
        mode = dataset.get("mode", "union")
        if mode == "union":
            return {"use_default_graph_as_union": True}
        if mode == "explicit":
            kwargs: dict = {"default_graph": [ox.NamedNode(g) for g in dataset["default"]]}
            if dataset.get("named"):
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in dataset["named"]]
            return kwargs
        return {}  # "query": the query's own FROM / FROM NAMED

    def query(self, req: dict, body: bytes, deadline: float | None = None) -> Reply:
        result = self.store.query(
            req["sparql"], base_iri=req.get("base_iri"), **self._dataset_kwargs(req["dataset"])
        )
        if isinstance(result, ox.QueryTriples):
            kind, media = "graph", req.get("graph_format")
            fmt = ox.RdfFormat.from_media_type(media) if media else None
        else:
            kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
            media = req.get("results_format")
            fmt = ox.QueryResultsFormat.from_media_type(media) if media else None
        if fmt is None:
            return _fail("not_acceptable", "no acceptable format", kind=kind)
        sink = LimitedBuffer(self.max_bytes, deadline)
        result.serialize(sink, format=fmt)
        return {"ok": True, "kind": kind, "media_type": media}, bytes(sink.data)

    def update(self, req: dict, body: bytes) -> Reply:
        self.store.update(req["sparql"], base_iri=req.get("base_iri"))
        return {"ok": True}, b""

    # -- Graph Store Protocol ------------------------------------------------
    def _exists(self, graph: str | None) -> bool:
        return graph is None or self.store.contains_named_graph(ox.NamedNode(graph))

    def gsp_get(self, req: dict, body: bytes) -> Reply:
        graph = req.get("graph")
        if not self._exists(graph):
            return _fail("not_found", f"there is no graph <{graph}> in the store")
        where = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        triples = self.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {where}")
        sink = LimitedBuffer(self.max_bytes)
        triples.serialize(sink, format=ox.RdfFormat.from_media_type(req["format"]))
        return {"ok": True, "media_type": req["format"]}, bytes(sink.data)

    def gsp_write(self, req: dict, body: bytes) -> Reply:
        """PUT (replace) or POST (merge) RDF parts into one graph, in one transaction."""
        graph = req.get("graph")
        target = _graph_term(graph)
        existed = self._exists(graph)
        operations = []
        if req["mode"] == "put":
            operations.append("CLEAR SILENT DEFAULT" if graph is None else f"DROP SILENT GRAPH {target}")
        if graph is not None:
            operations.append(f"CREATE SILENT GRAPH {target}")
        offset = 0
        for part in req["parts"]:
            data = body[offset : offset + part["length"]]
            offset += part["length"]
            fmt = ox.RdfFormat.from_media_type(part["media_type"])
            if fmt is None:
                return _fail("unsupported_media_type", f"cannot read {part['media_type']}")
            lines = [
                f"{q.subject} {q.predicate} {q.object} ."
                for q in ox.parse(data, format=fmt, base_iri=req.get("base_iri"))
            ]
            if lines:
                inner = "\n".join(lines)
                wrapped = inner if graph is None else f"GRAPH {target} {{\n{inner}\n}}"
                operations.append(f"INSERT DATA {{\n{wrapped}\n}}")
        if operations:
            self.store.update(" ;\n".join(operations))
        return {"ok": True, "created": not existed}, b""

    def gsp_delete(self, req: dict, body: bytes) -> Reply:
        graph = req.get("graph")
        if graph is None:
            self.store.update("CLEAR SILENT DEFAULT")
            return {"ok": True}, b""
        if not self._exists(graph):
            return _fail("not_found", f"there is no graph <{graph}> in the store")
        self.store.update(f"DROP GRAPH {ox.NamedNode(graph)}")
        return {"ok": True}, b""

    # -- statistics (VoID) ---------------------------------------------------
    def _count(self, sparql: str) -> int:
        for sol in self.store.query(sparql, use_default_graph_as_union=True):
            return int(sol["n"].value)
        return 0

    def _pairs(self, sparql: str, key: str) -> list[list]:
        return [
            [sol[key].value, int(sol["n"].value)]
            for sol in self.store.query(sparql, use_default_graph_as_union=True)
            if isinstance(sol[key], ox.NamedNode)
        ]

    def stats(self, req: dict, body: bytes) -> Reply:
        limit = int(req.get("partition_limit", 100))
        stats = {
            "triples": len(self.store),
            "graphs": sum(1 for _ in self.store.named_graphs()),
            "subjects": self._count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"),
            "objects": self._count("SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"),
            "properties": self._count("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"),
            "classes": self._count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"),
            "class_partitions": self._pairs(
                "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c "
                f"ORDER BY DESC(?n) LIMIT {limit}",
                "c",
            ),
            "property_partitions": self._pairs(
                "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p "
                f"ORDER BY DESC(?n) LIMIT {limit}",
                "p",
            ),
        }
        return {"ok": True, "stats": stats}, b""
