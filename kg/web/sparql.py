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

from flask import Blueprint, Response, current_app, g, request

from .errors import ProtocolError
from .params import ProtocolRequest, read_protocol_request
from .query_exec import execute_query
from .result_cache import mark_cacheable
from .security import check_remote_access, require_write_access
from .service_description import description_response
from .sparql_lexer import add_using_clauses, has_update_dataset_clause, remote_iris
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


def _with_worker(resp: Response, header: dict) -> Response:
    if current_app.config.get("KG_DEBUG_HEADERS") and header.get("pid") is not None:
        resp.headers["X-Query-Worker"] = str(header["pid"])
    return resp


def _query(state: EndpointState, preq: ProtocolRequest) -> Response:
    answer = execute_query(state, preq, request.headers.get("Accept"), request.base_url)
    resp = Response(answer.body, status=200, content_type=answer.content_type)
    mark_cacheable(request.environ, preq.text)
    return _with_worker(resp, {"pid": answer.worker_pid})


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
