"""The access log and request ids, shared by Flask and the result cache.

One log line per request on the ``kg.web.access`` logger (INFO)::

    GET /sparql 200 3.2ms 412B id=5f0c… q=9a1b2c3d

with method, path, status, duration in ms, response size, request id (also sent
back as ``X-Request-Id``) and a short hash of the query text when there is one.
"""
from __future__ import annotations

import hashlib
import logging
import time
import uuid

access_log = logging.getLogger("kg.web.access")


def new_request_id(given: str | None) -> str:
    """The client's ``X-Request-Id`` (at most 64 characters) or a fresh one."""
    return (given or "")[:64] or uuid.uuid4().hex[:16]


def query_hash(text: str | None) -> str:
    """A short hash of the query text for the log; ``-`` when there is none."""
    return hashlib.sha256(text.encode()).hexdigest()[:8] if text else "-"


def log_access(
    method: str, path: str, status: int | str, started: float, size: int | None,
    request_id: str, qhash: str,
) -> None:
    """Write the access-log line of one request (``started``: ``time.perf_counter()``)."""
    if access_log.isEnabledFor(logging.INFO):
        access_log.info(
            "%s %s %s %.1fms %sB id=%s q=%s",
            method, path, status, (time.perf_counter() - started) * 1000,
            "-" if size is None else size, request_id, qhash,
        )
