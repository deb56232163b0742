"""Running one SPARQL query request, without Flask: shared by the ``/sparql`` view
and the direct path of :mod:`kg.web.direct`.

:func:`execute_query` negotiates the result format, checks ``SERVICE`` targets
against the allow-list, picks the dataset (the union of the article graphs unless
the request or the query names one) and runs the query in a query child
(:mod:`kg.web.executor`). It raises :class:`kg.errors.KGError` subclasses for
every refusal, which both callers turn into the same JSON error body.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import conneg
from .errors import NotAcceptable, ProtocolError
from .params import ProtocolRequest
from .query_shape import is_single_pattern_scan
from .security import check_remote_access
from .sparql_lexer import query_facts
from .state import EndpointState


@dataclass(frozen=True)
class QueryAnswer:
    content_type: str
    body: bytes
    worker_pid: int | None


@lru_cache(maxsize=512)  # clients repeat the same few Accept headers
def choose_formats(
    format_param: str | None, accept: str | None
) -> tuple[conneg.Format | None, conneg.Format | None]:
    """(results format, graph format) for a query whose form is not known yet."""
    if format_param is not None:
        if "/" in format_param:  # a media type given as format=
            accept = format_param
        else:
            keys = conneg.FORMAT_PARAM.get(format_param.strip().lower())
            if keys is None:
                known = ", ".join(sorted(conneg.FORMAT_PARAM))
                raise ProtocolError(f"format={format_param!r} is unknown; use one of: {known}")
            return conneg.by_key(conneg.RESULTS, keys[0]), conneg.by_key(conneg.GRAPH, keys[1])
    return conneg.negotiate(accept, conneg.RESULTS), conneg.negotiate(accept, conneg.GRAPH)


def _dataset(preq: ProtocolRequest, has_from: bool) -> dict:
    if preq.default_graphs or preq.named_graphs:
        return {
            "mode": "explicit",
            "default": list(preq.default_graphs),
            "named": list(preq.named_graphs),
        }
    return {"mode": "query" if has_from else "union"}


def execute_query(
    state: EndpointState, preq: ProtocolRequest, accept: str | None, base_iri: str
) -> QueryAnswer:
    """Evaluate a query request; ``base_iri`` is the endpoint URL (relative IRIs)."""
    results_fmt, graph_fmt = choose_formats(preq.format, accept)
    if results_fmt is None and graph_fmt is None:
        raise NotAcceptable(
            "none of the requested media types can be served",
            conneg.offered(conneg.RESULTS) + conneg.offered(conneg.GRAPH),
        )
    targets, has_from = query_facts(preq.text, base_iri)
    remote = check_remote_access(targets, state.settings)
    header, payload = state.run(
        {
            "op": "query",
            "sparql": preq.text,
            "base_iri": base_iri,
            "dataset": _dataset(preq, has_from),
            "results_format": results_fmt.media_type if results_fmt else None,
            "graph_format": graph_fmt.media_type if graph_fmt else None,
            "remote": remote,
            "inline": state.inline is not None and is_single_pattern_scan(preq.text),
        },
        timeout=preq.timeout,
    )
    if not header.get("ok"):  # not_acceptable: the query form is known now
        is_graph = header.get("kind") == "graph"
        table = conneg.GRAPH if is_graph else conneg.RESULTS
        form = "CONSTRUCT/DESCRIBE" if is_graph else "SELECT/ASK"
        raise NotAcceptable(f"a {form} result cannot be sent in the requested format", conneg.offered(table))
    fmt = graph_fmt if header["kind"] == "graph" else results_fmt
    return QueryAnswer(fmt.content_type, payload, header.get("pid"))
