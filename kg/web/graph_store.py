"""SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (alias ``/rdf-graph-store``).

* Indirect identification: ``?graph=<IRI>`` (percent-decoded exactly once) or
  ``?default``; direct identification: ``/store/<path>`` names the graph whose IRI is
  that request URL.
* ``GET``/``HEAD``: the graph in Turtle (default), N-Triples, RDF/XML or JSON-LD;
  404 if the named graph does not exist.
* ``PUT`` replaces, ``POST`` merges (201 when the graph is new, else 204);
  ``POST /store`` without a target creates a graph with a fresh IRI, returned in
  ``Location`` (201). Bodies are Turtle, N-Triples, RDF/XML, JSON-LD or N3, or
  ``multipart/form-data`` whose parts are. ``DELETE`` drops the graph (204, 404 if
  absent). Writes need write access (:mod:`kg.web.security`) and run as one
  transaction in the query child.
"""
from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, request
from werkzeug.http import parse_options_header

from . import conneg
from .errors import NotAcceptable, ProtocolError, UnsupportedMediaType
from .params import parse_pairs
from .security import require_write_access
from .state import get_state

bp = Blueprint("graph_store", __name__)

INPUT_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "text/n3",
)
_SERVICE = object()  # marker: the request names no graph
_METHODS = ["GET", "PUT", "POST", "DELETE"]


def graph_store(subpath: str | None = None) -> Response:
    target = _target(direct=subpath is not None)
    if request.method in ("GET", "HEAD"):
        return _get(target)
    state = get_state()
    require_write_access(request, state.settings)
    if request.method == "DELETE":
        if target is _SERVICE:
            raise ProtocolError("DELETE needs ?graph=<IRI> or ?default")
        header, _ = state.run({"op": "gsp_delete", "graph": target})
        state.data_changed()
        return Response(status=204)
    return _write(target, "put" if request.method == "PUT" else "post")


for _prefix in ("store", "rdf-graph-store"):
    _name = _prefix.replace("-", "_")
    bp.add_url_rule(f"/{_prefix}", _name, graph_store, methods=_METHODS)
    bp.add_url_rule(f"/{_prefix}/<path:subpath>", f"{_name}_direct", graph_store, methods=_METHODS)


def _target(direct: bool):
    pairs = parse_pairs(request.query_string, "URL query string")
    graphs = [v for k, v in pairs if k == "graph"]
    default = any(k == "default" for k, _ in pairs)
    if direct:
        if graphs or default:
            raise ProtocolError("a graph URL under /store/ takes no ?graph= or ?default")
        return request.base_url
    if graphs and default:
        raise ProtocolError("give either ?graph=<IRI> or ?default, not both")
    if len(graphs) > 1:
        raise ProtocolError("give ?graph= once")
    if default:
        return None
    if not graphs:
        return _SERVICE
    try:
        ox.NamedNode(graphs[0])
    except ValueError as exc:
        raise ProtocolError(f"graph={graphs[0]!r} is not an absolute IRI ({exc})") from None
    return graphs[0]


def _get(target) -> Response:
    if target is _SERVICE:
        raise ProtocolError("GET needs ?graph=<IRI> or ?default")
    fmt = conneg.negotiate(request.headers.get("Accept"), conneg.TRIPLES)
    if fmt is None:
        raise NotAcceptable("a graph cannot be sent in the requested format", conneg.offered(conneg.TRIPLES))
    _, payload = get_state().run({"op": "gsp_get", "graph": target, "format": fmt.media_type})
    return Response(payload, content_type=fmt.content_type)


def _input_type(content_type: str | None, filename: str | None = None) -> str:
    ctype, options = parse_options_header(content_type or "")
    if not ctype and filename:
        fmt = ox.RdfFormat.from_extension(filename.rsplit(".", 1)[-1])
        ctype = fmt.media_type if fmt else ""
    if ctype not in INPUT_TYPES:
        raise UnsupportedMediaType(
            f"cannot store a graph sent as {ctype or '(no Content-Type)'}; use one of: {', '.join(INPUT_TYPES)}"
        )
    charset = options.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(f"charset={charset} is not supported; send UTF-8")
    return ctype


def _parts() -> tuple[list[dict], bytes]:
    ctype, _ = parse_options_header(request.headers.get("Content-Type", ""))
    if ctype == "multipart/form-data":
        files = list(request.files.values())
        if not files:
            raise ProtocolError("the multipart body has no file parts")
        datas = [f.read() for f in files]
        parts = [
            {"media_type": _input_type(f.content_type, f.filename), "length": len(d)}
            for f, d in zip(files, datas, strict=True)
        ]
        return parts, b"".join(datas)
    media_type = _input_type(request.headers.get("Content-Type"))
    data = request.get_data(cache=False)
    return [{"media_type": media_type, "length": len(data)}], data


def _write(target, mode: str) -> Response:
    state = get_state()
    location = None
    if target is _SERVICE:
        if mode == "put":
            raise ProtocolError("PUT needs ?graph=<IRI> or ?default")
        target = location = f"{request.base_url.rstrip('/')}/{uuid.uuid4().hex}"
    parts, body = _parts()
    header, _ = state.run(
        {
            "op": "gsp_write",
            "graph": target,
            "mode": mode,
            "parts": parts,
            "base_iri": target or request.base_url,
        },
        body,
    )
    state.data_changed()
    resp = Response(status=201 if header.get("created") else 204)
    if location:
        resp.headers["Location"] = location
    return resp
