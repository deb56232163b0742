"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query, update, description).

* ``GET``/``POST`` with a query: evaluated by Oxigraph in a query child; the result
  is serialized by pyoxigraph in the negotiated format (``format=`` overrides
  ``Accept``). The default graph is the union of all named graphs (one per article)
  unless the request (``default-graph-uri``/``named-graph-uri``) or the query
  (``FROM``/``FROM NAMED``) names the dataset.
* ``POST`` with an update: needs write access (:mod:`kg.web.security`); answers 204.
  ``using-graph-uri``/``using-named-graph-uri`` become ``USING`` clauses; combined
  with ``USING``/``WITH`` in the text they are a 400. Updates see the store's own
  default graph, as in Oxigraph.
* ``GET`` with no query: the service description (:mod:`kg.web.service_description`).

Relative IRIs resolve against the endpoint URL.
"""
from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, Response, current_app, g, request

from . import conneg
from .errors import NotAcceptable, ProtocolError
from .params import ProtocolRequest, read_protocol_request
from .result_cache import mark_cacheable
from .security import check_remote_access, require_write_access
from .service_description import description_response
from .sparql_lexer import add_using_clauses, has_update_dataset_clause, query_facts, remote_iris
from .state import EndpointState, get_state

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    state = get_state()
    preq = read_protocol_request(request, state.settings.query_timeout_s)
    g.kg_sparql = preq.text  # for the access log
    if preq.operation == "description":
        return description_response(preq.format)
    if preq.operation == "update":
        return _update(state, preq)
    return _query(state, preq)


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


def _with_worker(resp: Response, header: dict) -> Response:
    if current_app.config.get("KG_DEBUG_HEADERS") and "pid" in header:
        resp.headers["X-Query-Worker"] = str(header["pid"])
    return resp


def _query(state: EndpointState, preq: ProtocolRequest) -> Response:
    results_fmt, graph_fmt = choose_formats(preq.format, request.headers.get("Accept"))
    if results_fmt is None and graph_fmt is None:
        raise NotAcceptable(
            "none of the requested media types can be served",
            conneg.offered(conneg.RESULTS) + conneg.offered(conneg.GRAPH),
        )
    base = request.base_url
    targets, has_from = query_facts(preq.text, base)
    remote = check_remote_access(targets, state.settings)
    header, payload = state.run(
        {
            "op": "query",
            "sparql": preq.text,
            "base_iri": base,
            "dataset": _dataset(preq, has_from),
            "results_format": results_fmt.media_type if results_fmt else None,
            "graph_format": graph_fmt.media_type if graph_fmt else None,
            "remote": remote,
        },
        timeout=preq.timeout,
    )
    if not header.get("ok"):  # not_acceptable: the query form is known now
        is_graph = header.get("kind") == "graph"
        table = conneg.GRAPH if is_graph else conneg.RESULTS
        form = "CONSTRUCT/DESCRIBE" if is_graph else "SELECT/ASK"
        raise NotAcceptable(f"a {form} result cannot be sent in the requested format", conneg.offered(table))
    fmt = graph_fmt if header["kind"] == "graph" else results_fmt
    resp = Response(payload, status=200, content_type=fmt.content_type)
    mark_cacheable(request.environ, preq.text)
    return _with_worker(resp, header)


def _update(state: EndpointState, preq: ProtocolRequest) -> Response:
    require_write_access(request, state.settings)
    text = preq.text
    if preq.using_graphs or preq.using_named_graphs:
        if has_update_dataset_clause(text):
            raise ProtocolError(
                "using-graph-uri/using-named-graph-uri cannot be combined with USING or"
                " WITH in the update; remove one of them"
            )
        text = add_using_clauses(text, preq.using_graphs, preq.using_named_graphs)
    base = request.base_url
    remote = check_remote_access(remote_iris(text, base), state.settings)
    header, _ = state.run(
        {"op": "update", "sparql": text, "base_iri": base, "remote": remote},
        timeout=preq.timeout,
    )
    state.data_changed()
    return _with_worker(Response(status=204), header)
