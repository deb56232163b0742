"""Per-application state kept in ``app.extensions["kg"]``: settings and query pool.

The store is not opened in the web process at all: each query child opens it once
(see :mod:`kg.web.executor`). Views reach the state with :func:`get_state`.
"""
from __future__ import annotations

import re
import threading
import time

from flask import current_app

from ..errors import QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreError
from .config import Settings
from .errors import NotFound, UnsupportedMediaType, UpstreamError
from .executor import Executor, WorkerSpec, timeout_message
from .inline import InlineQueries
from .result_cache import ResultCache


class EndpointState:
    """Settings, the pool of query children, the result cache (read-only servers)
    and a small VoID statistics cache."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.executor = Executor(
            WorkerSpec(settings.store_path, settings.writable, settings.max_result_bytes),
            size=settings.query_workers,
        )
        self.inline = (
            InlineQueries(settings.store_path, settings.max_result_bytes)
            if settings.inline_queries and not settings.writable
            else None
        )
        self.result_cache = (
            ResultCache(settings.result_cache_bytes) if settings.result_cache_bytes else None
        )
        self._stats: tuple[float, dict] | None = None
        self._stats_lock = threading.Lock()

    def run(self, request: dict, body: bytes = b"", timeout: float | None = None) -> tuple[dict, bytes]:
        """Run one child operation; turn the child's error replies into KG errors.

        ``not_acceptable`` replies are returned to the caller, which knows the
        offered formats.
        """
        timeout = timeout or self.settings.query_timeout_s
        if request.get("inline") and self.inline is not None:
            header, payload = self.inline.run(request, timeout)
        else:
            header, payload = self.executor.run(request, body, timeout)
        if header.get("ok") or header.get("error") == "not_acceptable":
            return header, payload
        code, message = header.get("error"), header.get("message", "")
        if code == "syntax":
            raise _syntax_error(request.get("op", ""), message)
        if code == "timeout":
            raise QueryTimeout(timeout_message(request.get("op", ""), timeout))
        if code == "too_large":
            raise ResultTooLarge(message)
        if code == "not_found":
            raise NotFound(message)
        if code == "unsupported_media_type":
            raise UnsupportedMediaType(message)
        if code == "io" and request.get("remote"):
            raise UpstreamError(f"a SERVICE or LOAD request failed: {message}")
        if code == "io":
            raise StoreError(f"store error: {message}")
        raise StoreError(f"the query worker failed ({message}); the server log has the details")

    def stats(self) -> dict:
        """VoID statistics, reused for ``KG_VOID_CACHE_S`` seconds."""
        with self._stats_lock:
            cached = self._stats
        if cached and time.monotonic() - cached[0] < self.settings.void_cache_s:
            return cached[1]
        header, _ = self.run({"op": "stats"})
        with self._stats_lock:
            self._stats = (time.monotonic(), header["stats"])
        return header["stats"]

    def data_changed(self) -> None:
        with self._stats_lock:
            self._stats = None
        if self.result_cache is not None:  # not expected: writes turn the cache off
            self.result_cache.clear()

    def close(self) -> None:
        self.executor.close()


def _syntax_error(op: str, message: str) -> QuerySyntaxError:
    """A 400 with a short message; ``details`` carries the line and column if known."""
    what = {"gsp_write": "cannot parse the RDF payload", "update": "SPARQL update syntax error"}
    short = message if len(message) <= 240 else message[:240] + "…"
    exc = QuerySyntaxError(f"{what.get(op, 'SPARQL query syntax error')}: {short}")
    m = re.search(r"at (\d+):(\d+)", message)
    if m:
        exc.details = {"line": int(m.group(1)), "column": int(m.group(2))}
    return exc


def get_state() -> EndpointState:
    return current_app.extensions["kg"]
