"""Access log, request ids, ``Vary: Accept`` and the ``/health`` route.

One log line per request on the ``kg.web.access`` logger (INFO)::

    GET /sparql 200 3.2ms 412B id=5f0c… q=9a1b2c3d

with method, path, status, duration in ms, response size, request id (also sent
back as ``X-Request-Id``) and a short hash of the query text when there is one.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
import uuid

from flask import Blueprint, Flask, Response, g, jsonify, request

from .state import get_state

access_log = logging.getLogger("kg.web.access")
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
    )


def _start() -> None:
    g.kg_start = time.perf_counter()
    g.kg_request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex[:16]


def _query_hash() -> str:
    text = g.get("kg_sparql")
    return hashlib.sha256(text.encode()).hexdigest()[:8] if text else "-"


def _finish(resp: Response) -> Response:
    resp.vary.add("Accept")
    request_id = g.get("kg_request_id", "-")
    resp.headers["X-Request-Id"] = request_id
    start = g.get("kg_start")
    duration = (time.perf_counter() - start) * 1000 if start else 0.0
    if access_log.isEnabledFor(logging.INFO):
        qhash = _query_hash()
        size = resp.calculate_content_length()
        access_log.info(
            "%s %s %s %.1fms %sB id=%s q=%s",
            request.method,
            request.path,
            resp.status_code,
            duration,
            "-" if size is None else size,
            request_id,
            qhash,
        )
    return resp


def install_observability(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.register_blueprint(bp)
