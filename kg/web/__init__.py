"""The SPARQL 1.1 HTTP endpoint (Flask application factory).

Example::

    from kg.web import create_app
    app = create_app({"KG_STORE_PATH": "data/store"})

Routes: ``/sparql`` (protocol + service description), ``/store`` and
``/rdf-graph-store`` (Graph Store Protocol), ``/void``, ``/health``, and the query
page ``/`` of :mod:`kg.web.ui`. Configuration: :mod:`kg.web.config`.
Design of the cancellable execution: :mod:`kg.web.executor`; repeated queries on
a read-only server are answered from :mod:`kg.web.result_cache`; other
``GET /sparql`` queries skip Flask (:mod:`kg.web.direct`).
"""
from __future__ import annotations

from collections.abc import Mapping

from flask import Flask

from . import graph_store, service_description, sparql
from .config import load_config, settings_from
from .direct import DirectQueries
from .errors import register_error_handlers
from .observability import install_observability
from .result_cache import CachedQueries
from .security import install_cors
from .state import EndpointState
from .ui import bp as ui_bp

__all__ = ["create_app"]


def create_app(config: Mapping | None = None) -> Flask:
    """Build the application: defaults, then ``KG_*`` env vars, then ``config``."""
    app = Flask(__name__)
    load_config(app, config)
    settings = settings_from(app.config)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["MAX_FORM_MEMORY_SIZE"] = settings.max_request_bytes
    state = app.extensions["kg"] = EndpointState(settings)
    if settings.direct_queries:
        app.wsgi_app = DirectQueries(app.wsgi_app, state)
    if state.result_cache is not None:
        app.wsgi_app = CachedQueries(app.wsgi_app, state.result_cache)

    install_observability(app)
    install_cors(app)
    register_error_handlers(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(service_description.bp)
    app.register_blueprint(ui_bp)
    return app
