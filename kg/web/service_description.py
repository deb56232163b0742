"""SPARQL 1.1 Service Description (``GET /sparql``) and VoID statistics (``GET /void``).

Both are RDF, built as pyoxigraph triples and serialized by pyoxigraph in the
negotiated syntax (Turtle by default). The description advertises only what is
true of this server: the result formats :mod:`kg.web.conneg` can negotiate,
``sd:UnionDefaultGraph`` (the default graph is the union of the named graphs),
``sd:SPARQL11Update`` only when writes are enabled, ``sd:BasicFederatedQuery`` only
when some SERVICE host is allow-listed. ``sd:endpoint`` is the absolute URL of the
endpoint as requested.

A browser (``Accept: text/html`` preferred, no RDF acceptable) asking for the
description is redirected to the query page when the UI blueprint is installed.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, request, url_for
from werkzeug.routing import BuildError

from . import conneg
from .errors import NotAcceptable, ProtocolError
from .state import get_state

bp = Blueprint("description", __name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
SEE_ALSO = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
PREFIXES = {
    "sd": SD,
    "void": VOID,
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "formats": conneg.FORMATS_NS,
}
TITLE = "News conflict knowledge graph"


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def _void(name: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + name)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def description_triples(endpoint: str, void_url: str) -> list[ox.Triple]:
    settings = get_state().settings
    svc = ox.NamedNode(endpoint + "#service")
    dataset = ox.NamedNode(endpoint + "#dataset")
    default_graph = ox.BlankNode()
    t = [
        ox.Triple(svc, RDF_TYPE, _sd("Service")),
        ox.Triple(svc, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(svc, DCT_TITLE, ox.Literal(TITLE)),
        ox.Triple(svc, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(svc, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(svc, _sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(svc, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _sd("Graph")),
        ox.Triple(dataset, SEE_ALSO, ox.NamedNode(void_url)),
    ]
    if settings.writable:
        t.append(ox.Triple(svc, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if settings.service_allowlist:
        t.append(ox.Triple(svc, _sd("feature"), _sd("BasicFederatedQuery")))
    for fmt in (*conneg.RESULTS, *conneg.GRAPH):
        t.append(ox.Triple(svc, _sd("resultFormat"), ox.NamedNode(fmt.sd_iri)))
    return t


def void_triples(dataset_iri: str, endpoint: str, stats: dict) -> list[ox.Triple]:
    ds = ox.NamedNode(dataset_iri)
    t = [
        ox.Triple(ds, RDF_TYPE, _void("Dataset")),
        ox.Triple(ds, DCT_TITLE, ox.Literal(TITLE)),
        ox.Triple(ds, _void("sparqlEndpoint"), ox.NamedNode(endpoint)),
        ox.Triple(ds, _void("triples"), _int(stats["triples"])),
        ox.Triple(ds, _void("distinctSubjects"), _int(stats["subjects"])),
        ox.Triple(ds, _void("distinctObjects"), _int(stats["objects"])),
        ox.Triple(ds, _void("properties"), _int(stats["properties"])),
        ox.Triple(ds, _void("classes"), _int(stats["classes"])),
        ox.Triple(ds, _void("documents"), _int(stats["graphs"])),
    ]
    for cls, n in stats["class_partitions"]:
        part = ox.BlankNode()
        t += [
            ox.Triple(ds, _void("classPartition"), part),
            ox.Triple(part, _void("class"), ox.NamedNode(cls)),
            ox.Triple(part, _void("entities"), _int(n)),
        ]
    for prop, n in stats["property_partitions"]:
        part = ox.BlankNode()
        t += [
            ox.Triple(ds, _void("propertyPartition"), part),
            ox.Triple(part, _void("property"), ox.NamedNode(prop)),
            ox.Triple(part, _void("triples"), _int(n)),
        ]
    return t


def _graph_format(format_param: str | None) -> conneg.Format | None:
    if format_param is None:
        return conneg.negotiate(request.headers.get("Accept"), conneg.GRAPH)
    keys = conneg.FORMAT_PARAM.get(format_param.strip().lower())
    if keys is None:
        raise ProtocolError(f"format={format_param!r} is unknown; use one of: {', '.join(sorted(conneg.FORMAT_PARAM))}")
    return conneg.by_key(conneg.GRAPH, keys[1])


def _rdf_response(triples: list[ox.Triple], fmt: conneg.Format) -> Response:
    data = ox.serialize(
        triples, format=ox.RdfFormat.from_media_type(fmt.media_type), prefixes=PREFIXES
    )
    return Response(data, content_type=fmt.content_type)


def _ui_url() -> str:
    try:
        return url_for("ui.query_page")
    except BuildError:
        return "/"


def description_response(format_param: str | None) -> Response:
    fmt = _graph_format(format_param)
    if fmt is None:
        accept = request.headers.get("Accept")
        if conneg.accepts_html(accept) and "ui" in current_app.blueprints:
            return redirect(_ui_url(), code=303)
        raise NotAcceptable("the service description is RDF", conneg.offered(conneg.GRAPH))
    endpoint = request.base_url
    return _rdf_response(description_triples(endpoint, url_for("description.void", _external=True)), fmt)


@bp.route("/void", methods=["GET"])
def void() -> Response:
    """VoID description of the whole dataset, with statistics."""
    fmt = _graph_format(request.args.get("format"))
    if fmt is None:
        raise NotAcceptable("the VoID description is RDF", conneg.offered(conneg.GRAPH))
    stats = get_state().stats()
    endpoint = url_for("sparql.endpoint", _external=True)
    return _rdf_response(void_triples(request.base_url + "#dataset", endpoint, stats), fmt)
