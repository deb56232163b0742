"""A cache of complete ``/sparql`` query responses, served before Flask runs.

Why it is correct: the cache is only switched on for a read-only server, and the
store must not change while the server runs (see :mod:`kg.web.executor`: run
``kg ingest`` with the server stopped). So the same request always gets the same
answer, and a response that a query child produced within the limits can be sent
again. It is never on with writes enabled.

What is cached: ``GET /sparql?query=...`` responses with status 200 that the view
marked as query results (:func:`mark_cacheable`); never an error, a redirect, the
service description, a ``HEAD`` or a ``POST``. The key is the raw request as far as
it can change the answer: the URL query string, ``Accept``, ``Origin`` (CORS
headers) and the host, scheme and mount point (relative IRIs resolve against the
endpoint URL). Equivalent requests written differently are separate entries.

The bound is on bytes (body + headers), least recently used first out; one entry
may take at most an eighth of it. Each server process has its own cache.

Every ``/sparql`` response says what happened in a ``Cache-Status`` header
(RFC 9211): ``kg; hit``, ``kg; fwd=miss; stored``, ``kg; fwd=miss`` (not stored), or
``kg; fwd=bypass`` (a request that is never cached). On a hit the request gets its own
``X-Request-Id`` and access-log line, as any other request.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .access_log import log_access, new_request_id, query_hash

CACHEABLE = "kg.result_cache.query"  # environ key set by the view: the query text
PATH = "/sparql"
_PER_REQUEST = frozenset(("x-request-id", "x-query-worker", "cache-status"))
_ENTRY_OVERHEAD = 256  # bytes counted per entry for the key, the tuples, the dict slot
_KEY_FIELDS = (
    "QUERY_STRING", "HTTP_ACCEPT", "HTTP_ORIGIN", "HTTP_HOST",
    "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "wsgi.url_scheme",
)

Headers = list[tuple[str, str]]


def mark_cacheable(environ: dict, query: str) -> None:
    """Called by the view for a successful query result: it may be cached."""
    environ[CACHEABLE] = query


@dataclass(frozen=True)
class Entry:
    status: str
    headers: Headers
    body: bytes
    query_hash: str
    size: int


class ResultCache:
    """A thread-safe LRU map ``key -> Entry`` bounded by ``max_bytes``."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 8
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: tuple, status: str, headers: Headers, body: bytes, query: str) -> bool:
        """Store a response; False if it is too large to be worth a slot."""
        size = len(body) + sum(len(k) + len(v) for k, v in headers) + _ENTRY_OVERHEAD
        size += sum(len(part) for part in key if isinstance(part, str))
        if size > self.max_entry_bytes:
            return False
        entry = Entry(status, headers, body, query_hash(query), size)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self._entries[key] = entry
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self.bytes -= evicted.size
        return True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def stats(self) -> dict:
        with self._lock:
            return {
                "entries": len(self._entries),
                "bytes": self.bytes,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "misses": self.misses,
            }


def _request_key(environ: dict) -> tuple | None:
    """The cache key of a cacheable request, else None."""
    if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") != PATH:
        return None
    if not environ.get("QUERY_STRING"):  # the service description
        return None
    if environ.get("CONTENT_LENGTH", "0") not in ("", "0") or "HTTP_TRANSFER_ENCODING" in environ:
        return None  # a GET with a body: the view answers 400
    return tuple(environ.get(name) for name in _KEY_FIELDS)


class CachedQueries:
    """WSGI middleware: answer repeated query requests from a :class:`ResultCache`."""

    def __init__(self, app: Callable, cache: ResultCache):
        self.app = app
        self.cache = cache

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        key = _request_key(environ)
        if key is None:
            if environ.get("PATH_INFO") != PATH:
                return self.app(environ, start_response)
            return self._forward(environ, start_response, None)
        entry = self.cache.get(key)
        if entry is None:
            return self._forward(environ, start_response, key)
        return self._replay(environ, start_response, entry)

    def _replay(self, environ: dict, start_response: Callable, entry: Entry) -> list[bytes]:
        started = time.perf_counter()
        request_id = new_request_id(environ.get("HTTP_X_REQUEST_ID"))
        start_response(
            entry.status,
            [*entry.headers, ("X-Request-Id", request_id), ("Cache-Status", "kg; hit")],
        )
        log_access("GET", PATH, entry.status[:3], started, len(entry.body), request_id, entry.query_hash)
        return [entry.body]

    def _forward(self, environ: dict, start_response: Callable, key: tuple | None) -> Iterable[bytes]:
        """Run the application; keep its response if the view marked it cacheable."""
        captured: list = []

        def capture(status: str, headers: Headers, exc_info=None):
            captured[:] = [status, headers, exc_info]
            return _no_write

        body_iter = self.app(environ, capture)
        status, headers, exc_info = captured
        query = environ.get(CACHEABLE)
        if key is None or query is None or not status.startswith("200"):
            state = "fwd=miss" if key is not None else "fwd=bypass"
            start_response(status, [*headers, ("Cache-Status", f"kg; {state}")], exc_info)
            return body_iter
        try:
            body = b"".join(body_iter)
        finally:
            close = getattr(body_iter, "close", None)
            if close is not None:
                close()
        kept = [(k, v) for k, v in headers if k.lower() not in _PER_REQUEST]
        stored = self.cache.put(key, status, kept, body, query)
        start_response(status, [*headers, ("Cache-Status", "kg; fwd=miss" + ("; stored" if stored else ""))])
        return [body]


def _no_write(data: bytes) -> None:
    raise RuntimeError("the result cache needs applications that return their body")
