"""The query page for people (``/``) and the catalogue of named queries (``/queries``).

Register on the app made by :func:`kg.web.create_app`::

    from .ui import bp
    app.register_blueprint(bp)

Config read: ``KG_QUERY_DIR`` (folder of ``*.rq`` named queries; when unset,
:func:`kg.queries.load_queries` finds the project's ``queries/``). The page's own JS and
CSS are served from ``/ui-static/``; nothing is loaded from another host.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, current_app, jsonify, render_template, request

from ..errors import KGError
from ..namespaces import PREFIXES
from ..queries import NamedQuery, get_query, load_queries

bp = Blueprint(
    "ui",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/ui-static",
)

log = logging.getLogger("kg.web.ui")

#: Paths of the SPARQL endpoint and the VoID description (served by the API blueprint).
SPARQL_PATH = "/sparql"
VOID_PATH = "/void"

#: Download links offered under a result: (label, value of the endpoint's ``format=``).
TABULAR_DOWNLOADS = (("CSV", "csv"), ("JSON", "json"))
GRAPH_DOWNLOADS = (("Turtle", "ttl"), ("N-Triples", "nt"))

DEFAULT_QUERY = """\
PREFIX kg: <https://w3id.org/newskg/ontology#>

# Ten statements with the sentence they come from
SELECT ?statement ?sentence WHERE {
  ?statement a kg:Statement ;
             kg:sentence ?sentence .
}
LIMIT 10
"""


def _named_queries() -> dict[str, NamedQuery]:
    """The named queries, read from disk on each request so edits show up at once."""
    return load_queries(current_app.config.get("KG_QUERY_DIR") or None)


def parameter_dict(name: str) -> dict[str, str]:
    """One query parameter as the page needs it: its name and how to read a typed value.

    ``kind`` ``auto`` means: ``<...>`` is an IRI, anything else a plain string literal,
    as :meth:`kg.queries.NamedQuery.bind` binds strings.
    """
    return {"name": name, "label": f"?{name}", "kind": "auto"}


def query_dict(query: NamedQuery) -> dict[str, Any]:
    """A named query as plain JSON data."""
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "sparql": query.sparql,
        "parameters": [parameter_dict(p) for p in query.parameters],
    }


@bp.get("/")
def query_page():
    """The SPARQL query page."""
    root = request.script_root
    try:
        queries = sorted(_named_queries().values(), key=lambda q: q.title.lower())
        queries_error = None
    except KGError as exc:  # a broken query file must not take the editor down with it
        log.warning("named queries unavailable: %s", exc.message)
        queries, queries_error = [], exc.message
    page_config = {
        "endpoint": root + SPARQL_PATH,
        "prefixes": dict(PREFIXES),
        "queries": [query_dict(q) for q in queries],
        "queriesError": queries_error,
        "downloads": {"tabular": TABULAR_DOWNLOADS, "graph": GRAPH_DOWNLOADS},
    }
    return render_template(
        "query_page.html",
        page_config=page_config,
        endpoint=root + SPARQL_PATH,
        void_url=root + VOID_PATH,
        default_query=DEFAULT_QUERY,
    )


@bp.get("/queries")
def list_queries():
    """All named queries (name, title, description, parameters, SPARQL text)."""
    queries = sorted(_named_queries().values(), key=lambda q: q.name)
    return jsonify({"queries": [query_dict(q) for q in queries]})


@bp.get("/queries/<name>")
def show_query(name: str):
    """One named query; an unknown name raises QueryNotFound (404, JSON error body)."""
    return jsonify(query_dict(get_query(name, current_app.config.get("KG_QUERY_DIR") or None)))
