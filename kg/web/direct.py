"""The direct path: ``GET /sparql?query=...`` answered without Flask.

Why: a point query costs Oxigraph about 50 µs; building a Flask request, routing
it and running the before/after hooks cost several times that, so with Flask in the
way the endpoint served a tenth of what Oxigraph's own server does. This WSGI
middleware reads the request straight from the environ and calls the same code
as the view (:func:`kg.web.params.read_get_request`,
:func:`kg.web.query_exec.execute_query`, the error body of :mod:`kg.web.errors`),
so the answer is the same, byte for byte apart from the request id: status,
body, ``Content-Type``, ``Vary``, CORS headers, ``X-Request-Id``, the access-log
line, and the ``Cache-Status`` added by :mod:`kg.web.result_cache` around it.

What it takes: ``GET`` on ``/sparql`` with a query string, from a host and mount
point written in plain ASCII (then the endpoint URL, the base of relative IRIs, is
exactly what Flask would compute). Everything else goes to Flask unchanged:
``HEAD``, ``POST``, the service description (no ``query`` parameter), and hosts
needing IRI decoding. ``KG_DIRECT_QUERIES=false`` sends everything through Flask
(the tests compare both paths).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable

from werkzeug.http import HTTP_STATUS_CODES

from ..errors import KGError
from .access_log import log_access, new_request_id, query_hash
from .errors import error_body, error_headers
from .params import read_get_request
from .query_exec import execute_query
from .result_cache import PATH, mark_cacheable
from .state import EndpointState

log = logging.getLogger("kg.web")

_PLAIN_HOST = re.compile(r"[A-Za-z0-9.\-]+(?::[0-9]+)?|\[[0-9A-Fa-f:.]+\](?::[0-9]+)?")
_PLAIN_ROOT = re.compile(r"(?:/[A-Za-z0-9._~\-]+)*/?")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
_EXPOSED = "Location, Content-Length, X-Request-Id"


def endpoint_url(environ: dict) -> str | None:
    """The endpoint URL as Flask's ``request.base_url`` gives it, or None when the
    host or mount point would need IRI decoding (then Flask handles the request)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host = environ.get("HTTP_HOST")
    if not host:
        host = f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    root = environ.get("SCRIPT_NAME", "")
    if not _PLAIN_HOST.fullmatch(host) or not _PLAIN_ROOT.fullmatch(root):
        return None
    default_port = _DEFAULT_PORTS.get(scheme)
    if default_port and host.endswith(default_port):
        host = host[: -len(default_port)]
    return f"{scheme}://{host}{root.rstrip('/')}{PATH}"


def _has_body(environ: dict) -> bool:
    return environ.get("CONTENT_LENGTH", "") not in ("", "0") or "chunked" in environ.get(
        "HTTP_TRANSFER_ENCODING", ""
    )


class DirectQueries:
    """WSGI middleware: run ``GET /sparql`` queries without the Flask ``app``."""

    def __init__(self, app: Callable, state: EndpointState):
        self.app = app
        self.state = state
        self.debug_headers = state.settings.debug_headers
        origins = state.settings.cors_origins
        self._origins = frozenset(origins)
        self._vary = "Origin, Accept" if origins else "Accept"  # as Flask's hooks write it

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or environ.get("PATH_INFO") != PATH
            or not environ.get("QUERY_STRING")
        ):
            return self.app(environ, start_response)
        base = endpoint_url(environ)
        if base is None:
            return self.app(environ, start_response)
        started = time.perf_counter()
        text = None
        extra: dict = {}
        try:
            preq = read_get_request(
                environ["QUERY_STRING"].encode("latin-1"), _has_body(environ), "GET",
                self.state.settings.query_timeout_s,
            )
            if preq.operation != "query":  # the service description
                return self.app(environ, start_response)
            text = preq.text
            answer = execute_query(self.state, preq, environ.get("HTTP_ACCEPT"), base)
        except KGError as exc:
            if exc.status >= 500:
                log.warning("GET %s -> %s: %s", PATH, exc.status, exc.message)
            status, content_type = exc.status, "application/json"
            body = error_body(exc.message, exc.status, getattr(exc, "details", None))
            extra = error_headers(exc, self.debug_headers)
        except Exception:  # as Flask's last-resort handler: logged, no internals sent
            log.exception("unhandled error on GET %s", PATH)
            status, content_type = 500, "application/json"
            body = error_body("internal server error; the server log has the details", 500)
        else:
            status, content_type, body = 200, answer.content_type, answer.body
            if self.debug_headers and answer.worker_pid is not None:
                extra["X-Query-Worker"] = str(answer.worker_pid)
            mark_cacheable(environ, text)
        request_id = new_request_id(environ.get("HTTP_X_REQUEST_ID"))
        headers = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            *extra.items(),
            ("Vary", self._vary),
            ("X-Request-Id", request_id),
        ]
        origin = environ.get("HTTP_ORIGIN")
        if origin and origin in self._origins:
            headers += [("Access-Control-Allow-Origin", origin), ("Access-Control-Expose-Headers", _EXPOSED)]
        start_response(f"{status} {HTTP_STATUS_CODES.get(status, '')}".rstrip(), headers)
        log_access("GET", PATH, status, started, len(body), request_id, query_hash(text))
        return [body]
