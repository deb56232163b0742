"""The web layer's error contract: every error is one JSON shape.

Body: ``{"ok": false, "error": "<what went wrong and what to do>", "status": N}``,
``Content-Type: application/json``, for every route and every client (SPARQL
clients show the message of a 4xx/5xx as text; one format keeps it predictable).
Sources:

* :class:`kg.errors.KGError` and the subclasses below, each with its ``status``;
  optional ``headers`` (e.g. ``WWW-Authenticate``) are copied to the response;
* werkzeug HTTP errors (404 unknown path, 405 wrong method with ``Allow``, 413 body
  over ``KG_MAX_REQUEST_BYTES``);
* anything else: logged with its traceback, answered 500 with no internals.

Blueprints may register their own handlers (the UI renders HTML); Flask prefers
them for errors raised in their views.
"""
from __future__ import annotations

import json
import logging

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from ..errors import KGError

log = logging.getLogger("kg.web")


class ProtocolError(KGError):
    """A request that breaks the SPARQL protocol (bad parameters, bad encoding)."""

    status = 400


class NotAcceptable(KGError):
    status = 406

    def __init__(self, message: str, offered: list[str]):
        super().__init__(f"{message}; this server offers: {', '.join(offered)}")
        self.offered = offered


class UnsupportedMediaType(KGError):
    status = 415


class AuthenticationRequired(KGError):
    status = 401

    def __init__(self, message: str):
        super().__init__(message)
        self.headers = {"WWW-Authenticate": 'Bearer realm="kg", charset="UTF-8"'}


class Forbidden(KGError):
    status = 403


class NotFound(KGError):
    status = 404


class ConfigError(KGError):
    """A server configuration that cannot work (raised by ``create_app``)."""

    status = 500


class UpstreamError(KGError):
    """A SERVICE or LOAD target failed."""

    status = 502


def error_body(message: str, status: int, details: dict | None = None) -> bytes:
    """The bytes of the one error body (also sent by :mod:`kg.web.direct`)."""
    doc = {**(details or {}), "ok": False, "error": message, "status": status}
    return (json.dumps(doc, sort_keys=True) + "\n").encode()


def error_headers(exc: KGError, debug_headers: bool) -> dict:
    """The extra headers of a KG error (``WWW-Authenticate``, ``Retry-After``, ...)."""
    headers = dict(getattr(exc, "headers", None) or {})
    pid = getattr(exc, "worker_pid", None)
    if pid is not None and debug_headers:
        headers["X-Query-Worker"] = str(pid)
    return headers


def error_response(
    message: str, status: int, headers: dict | None = None, details: dict | None = None
) -> Response:
    """The one error body: ``{"ok": false, "error": ..., "status": N}`` (+ ``details``)."""
    resp = Response(error_body(message, status, details), status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        resp.headers[name] = value
    return resp


def _handle_kg_error(exc: KGError) -> Response:
    if exc.status >= 500:
        log.warning("%s %s -> %s: %s", request.method, request.path, exc.status, exc.message)
    headers = error_headers(exc, _debug_headers())
    return error_response(exc.message, exc.status, headers, getattr(exc, "details", None))


def _handle_http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    messages = {
        404: f"no such resource: {request.path}; the SPARQL endpoint is /sparql",
        405: f"{request.method} is not allowed on {request.path}",
        413: "the request body is larger than the server limit (KG_MAX_REQUEST_BYTES)",
    }
    headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
    if status == 405 and headers.get("Allow"):
        messages[405] += f"; use {headers['Allow']}"
    return error_response(messages.get(status, exc.description or exc.name), status, headers)


def _handle_unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _handle_http_error(exc)
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response("internal server error; the server log has the details", 500)


def _debug_headers() -> bool:
    from flask import current_app

    return bool(current_app.config.get("KG_DEBUG_HEADERS"))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(KGError, _handle_kg_error)
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(Exception, _handle_unexpected)
