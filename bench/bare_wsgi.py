"""The ceiling for a Python layer over pyoxigraph: a WSGI app that does nothing else.

``GET /sparql?query=...`` (or ``/query?``): evaluate with pyoxigraph on the
read-only store named by ``BARE_STORE`` (union default graph, as our server) and
answer SPARQL JSON. No validation, no content negotiation, no log, no limits, no
time-out. Not for use: ``endpoint_bench.py`` runs it under granian like our server,
to show how much of the gap to Oxigraph's own server any Python layer would pay.
"""
from __future__ import annotations

import os
from urllib.parse import parse_qsl

import pyoxigraph as ox

_store: ox.Store | None = None


def app(environ, start_response):
    global _store
    if _store is None:
        _store = ox.Store.read_only(os.environ["BARE_STORE"])
    query = dict(parse_qsl(environ.get("QUERY_STRING", ""))).get("query", "ASK {}")
    body = _store.query(query, use_default_graph_as_union=True).serialize(
        format=ox.QueryResultsFormat.JSON
    )
    start_response("200 OK", [
        ("Content-Type", "application/sparql-results+json"), ("Content-Length", str(len(body))),
    ])
    return [body]
