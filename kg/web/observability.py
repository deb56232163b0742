"""Access log (:mod:`kg.web.access_log`), request ids, ``Vary: Accept`` and ``/health``."""
from __future__ import annotations

import logging
import os
import time

from flask import Blueprint, Flask, Response, g, jsonify, request

from .access_log import access_log, log_access, new_request_id, query_hash
from .state import get_state

bp = Blueprint("health", __name__)


@bp.route("/health", methods=["GET"])
def health() -> Response:
    state = get_state()
    return jsonify(
        ok=True,
        status=200,
        pid=os.getpid(),
        writable=state.settings.writable,
        query_workers=state.executor.pids(),
        result_cache=state.result_cache.stats() if state.result_cache else None,
    )


def _start() -> None:
    g.kg_start = time.perf_counter()
    g.kg_request_id = new_request_id(request.headers.get("X-Request-Id"))


def _finish(resp: Response) -> Response:
    resp.vary.add("Accept")
    request_id = g.get("kg_request_id", "-")
    resp.headers["X-Request-Id"] = request_id
    if access_log.isEnabledFor(logging.INFO):
        log_access(
            request.method, request.path, resp.status_code, g.get("kg_start") or time.perf_counter(),
            resp.calculate_content_length(), request_id, query_hash(g.get("kg_sparql")),
        )
    return resp


def install_observability(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.register_blueprint(bp)
