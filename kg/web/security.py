"""Write protection, the SERVICE/LOAD allow-list and CORS.

* Writes (SPARQL Update, Graph Store PUT/POST/DELETE): refused with 403 on a
  read-only server; on a writable one they need ``Authorization: Bearer <token>``
  (401 with ``WWW-Authenticate: Bearer`` otherwise). Tokens are compared in
  constant time.
* ``SERVICE`` and ``LOAD`` may only reach hosts in ``KG_SERVICE_ALLOWLIST``
  (empty by default: no remote access at all). The IRIs are found with a tokenizer
  that skips strings, comments and IRIs (:mod:`kg.web.sparql_lexer`).
* CORS: only origins listed in ``KG_CORS_ORIGINS`` get
  ``Access-Control-Allow-Origin`` (their exact origin, never ``*``); credentials
  are never allowed (the token travels in a header, not a cookie). Preflight
  ``OPTIONS`` requests are answered 204, or 403 for other origins.
"""
from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from flask import Flask, Request, Response, request

from .config import Settings
from .errors import AuthenticationRequired, Forbidden
from .state import get_state

_ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS"
_ALLOWED_HEADERS = "Accept, Authorization, Content-Type"


def require_write_access(req: Request, settings: Settings) -> None:
    if not settings.writable:
        raise Forbidden(
            "this endpoint is read-only: SPARQL Update and Graph Store writes are"
            " disabled (start the server with KG_READ_ONLY=false and KG_WRITE_TOKEN)"
        )
    scheme, _, token = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationRequired(
            "writes need a token: send 'Authorization: Bearer <token>'"
        )
    if not hmac.compare_digest(token.strip().encode(), (settings.write_token or "").encode()):
        raise AuthenticationRequired("the bearer token was not accepted")


def _host_allowed(iri: str, allowlist: tuple[str, ...]) -> bool:
    try:
        parts = urlsplit(iri)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    return host in allowlist or (port is not None and f"{host}:{port}" in allowlist)


def check_remote_access(targets: list[str], settings: Settings) -> bool:
    """Refuse SERVICE/LOAD targets (from :func:`~kg.web.sparql_lexer.remote_iris`)
    outside the allow-list; True if there is any."""
    for iri in targets:
        if iri == "?":
            raise Forbidden(
                "SERVICE/LOAD must name a fixed IRI (no variable or unknown prefix)"
                " so that it can be checked against the allow-list"
            )
        if not _host_allowed(iri, settings.service_allowlist):
            allowed = ", ".join(settings.service_allowlist) or "none"
            raise Forbidden(
                f"SERVICE/LOAD may not reach <{iri}>: its host is not in"
                f" KG_SERVICE_ALLOWLIST (allowed: {allowed})"
            )
    return bool(targets)


def _cors_preflight() -> Response | None:
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    origin = request.headers.get("Origin", "")
    if origin not in get_state().settings.cors_origins:
        from .errors import error_response

        return error_response(f"origin {origin or '(none)'} is not allowed (KG_CORS_ORIGINS)", 403)
    resp = Response(status=204)
    resp.headers["Access-Control-Allow-Origin"] = origin
    resp.headers["Access-Control-Allow-Methods"] = _ALLOWED_METHODS
    resp.headers["Access-Control-Allow-Headers"] = _ALLOWED_HEADERS
    resp.headers["Access-Control-Max-Age"] = "600"
    resp.headers["Vary"] = "Origin"
    return resp


def _cors_headers(resp: Response) -> Response:
    origins = get_state().settings.cors_origins
    if not origins:
        return resp
    resp.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin and origin in origins:
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Access-Control-Expose-Headers"] = "Location, Content-Length, X-Request-Id"
    return resp


def install_cors(app: Flask) -> None:
    app.before_request(_cors_preflight)
    app.after_request(_cors_headers)
