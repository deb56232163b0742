"""Strict reading of SPARQL 1.1 Protocol requests into a :class:`ProtocolRequest`.

Rules (SPARQL 1.1 Protocol, sections 2.1 and 2.2):

* query: ``GET ?query=``, ``POST`` form (``query=`` in the body) or ``POST``
  ``application/sparql-query`` (the query is the body);
* update: ``POST`` form (``update=`` in the body) or ``POST application/sparql-update``;
* dataset parameters (``default-graph-uri``, ``named-graph-uri`` for queries,
  ``using-graph-uri``, ``using-named-graph-uri`` for updates) come from the URL, or
  also from the body of a form POST; each must be an absolute IRI;
* ``query``, ``update``, ``format``, ``timeout`` and ``version`` at most once;
* text must be UTF-8 (a ``charset`` other than UTF-8 is refused);
* a GET has no body; a POST carries ``query``/``update`` in its body, not its URL.

Violations raise :class:`~kg.web.errors.ProtocolError` (400) or
:class:`~kg.web.errors.UnsupportedMediaType` (415). Unknown parameters are ignored
(clients such as SPARQLWrapper add ``output=``/``results=``).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote_to_bytes

import pyoxigraph as ox
from flask import Request
from werkzeug.http import parse_options_header

from .errors import ProtocolError, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
_SINGLE = ("query", "update", "format", "timeout", "version")
_VERSIONS = ("1.1", "1.2")


@dataclass(frozen=True)
class ProtocolRequest:
    operation: str  # "query", "update" or "description" (no operation: service description)
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()
    format: str | None = None
    timeout: float | None = None


def decode_utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(
            f"the {what} is not valid UTF-8 (byte {exc.start}); send UTF-8 text"
        ) from None


def parse_pairs(raw: bytes, what: str) -> list[tuple[str, str]]:
    """Percent-decode (once) a query string or form body, refusing non-UTF-8 text."""
    text = decode_utf8(raw, what)
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(f"the {what} has percent-encoded bytes that are not UTF-8") from None


def _check_charset(options: dict) -> None:
    charset = options.get("charset", "utf-8").lower().replace("_", "-")
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(f"charset={options['charset']} is not supported; send UTF-8 text")


def _has_body(req: Request) -> bool:
    return bool(req.content_length) or "chunked" in req.headers.get("Transfer-Encoding", "")


def _iris(pairs: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    values = tuple(v for k, v in pairs if k == name)
    for iri in values:
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            raise ProtocolError(f"{name}={iri!r} is not an absolute IRI ({exc})") from None
    return values


def read_protocol_request(req: Request, max_timeout: float) -> ProtocolRequest:
    """Validate the HTTP request and extract the SPARQL operation and its parameters."""
    if req.method in ("GET", "HEAD"):
        return read_get_request(req.query_string, _has_body(req), req.method, max_timeout)
    url_pairs = parse_pairs(req.query_string, "URL query string")
    ctype, options = parse_options_header(req.headers.get("Content-Type", ""))
    body = req.get_data(cache=True)
    if any(k in ("query", "update") for k, _ in url_pairs):
        raise ProtocolError("with POST, put the query or update in the body, not in the URL")
    if not ctype:
        raise UnsupportedMediaType(
            f"a POST needs a Content-Type: {QUERY_TYPE}, {UPDATE_TYPE} or {FORM}"
        )
    _check_charset(options)
    if ctype == FORM:
        pairs = url_pairs + parse_pairs(body, "form body")
        text_param = None
    elif ctype in (QUERY_TYPE, UPDATE_TYPE):
        pairs = list(url_pairs)
        text_param = ("query" if ctype == QUERY_TYPE else "update", decode_utf8(body, "body"))
    else:
        raise UnsupportedMediaType(
            f"Content-Type {ctype} is not a SPARQL request; use {QUERY_TYPE},"
            f" {UPDATE_TYPE} or {FORM}"
        )
    return _build(pairs, text_param, req.method, max_timeout)


def read_get_request(
    query_string: bytes, has_body: bool, method: str, max_timeout: float
) -> ProtocolRequest:
    """:func:`read_protocol_request` for a ``GET``/``HEAD``: all of it is in the URL."""
    if has_body:
        raise ProtocolError("a GET request must not have a body; use POST to send one")
    if query_string.startswith(b"query=") and b"&" not in query_string:
        # the common case, one parameter: the same checks as _build makes, minus the loops
        text = decode_utf8(query_string, "URL query string")[6:].replace("+", " ")
        try:
            query = unquote_to_bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError("the URL query string has percent-encoded bytes that are not UTF-8") from None
        if not query.strip():
            raise ProtocolError("the query is empty")
        return ProtocolRequest("query", query, timeout=max_timeout)
    pairs = parse_pairs(query_string, "URL query string")
    if any(k == "update" for k, _ in pairs):
        raise ProtocolError("SPARQL updates must be sent with POST, not GET")
    return _build(pairs, None, method, max_timeout)


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in pairs if k == name]
    if len(values) > 1:
        raise ProtocolError(f"the parameter {name!r} was given {len(values)} times; give it once")
    return values[0] if values else None


def _build(pairs, text_param, method: str, max_timeout: float) -> ProtocolRequest:
    for name in _SINGLE:
        _single(pairs, name)
    if text_param is not None:
        pairs = [*pairs, text_param]
    query, update = _single(pairs, "query"), _single(pairs, "update")
    if query is not None and update is not None:
        raise ProtocolError("a request carries either a query or an update, not both")
    version = _single(pairs, "version")
    if version is not None and version not in _VERSIONS:
        raise ProtocolError(f"version={version!r} is not supported; use one of {_VERSIONS}")
    dataset = {
        "default_graphs": _iris(pairs, "default-graph-uri"),
        "named_graphs": _iris(pairs, "named-graph-uri"),
        "using_graphs": _iris(pairs, "using-graph-uri"),
        "using_named_graphs": _iris(pairs, "using-named-graph-uri"),
    }
    fmt, timeout = _single(pairs, "format"), _timeout(_single(pairs, "timeout"), max_timeout)
    if update is not None:
        if dataset["default_graphs"] or dataset["named_graphs"]:
            raise ProtocolError(
                "default-graph-uri/named-graph-uri apply to queries; updates use"
                " using-graph-uri/using-named-graph-uri"
            )
        return ProtocolRequest("update", update, format=fmt, timeout=timeout, **dataset)
    if dataset["using_graphs"] or dataset["using_named_graphs"]:
        raise ProtocolError("using-graph-uri/using-named-graph-uri apply to updates only")
    if query is None:
        if method == "POST" or dataset["default_graphs"] or dataset["named_graphs"]:
            raise ProtocolError("missing the 'query' (or 'update') parameter")
        return ProtocolRequest("description", format=fmt)
    if not query.strip():
        raise ProtocolError("the query is empty")
    return ProtocolRequest("query", query, format=fmt, timeout=timeout, **dataset)


def _timeout(value: str | None, max_timeout: float) -> float:
    if value is None:
        return max_timeout
    try:
        seconds = float(value)
    except ValueError:
        raise ProtocolError(f"timeout={value!r} is not a number of seconds") from None
    if not seconds > 0:
        raise ProtocolError("timeout must be a positive number of seconds")
    return min(seconds, max_timeout)
