"""Server configuration: defaults, ``KG_*`` environment variables, explicit mapping.

Precedence (lowest first): :data:`DEFAULTS`, then environment variables
``KG_<NAME>`` (values parsed as JSON when they are valid JSON, as Flask's
``from_prefixed_env`` does, so ``KG_READ_ONLY=false`` and
``KG_CORS_ORIGINS='["https://a.example"]'`` work; lists also accept
comma-separated text), then the mapping given to ``create_app``.

=========================  =========================================================
KG_STORE_PATH              Oxigraph store directory (``data/store``)
KG_QUERY_TIMEOUT_S         time limit of a query or update, seconds (30); a request
                           may ask for less with ``timeout=``
KG_MAX_RESULT_BYTES        largest serialized result, bytes (50 MB); more -> 413
KG_MAX_REQUEST_BYTES       largest request body, bytes (16 MB); more -> 413
KG_READ_ONLY               True: no updates, no Graph Store writes (default)
KG_WRITE_TOKEN             bearer token for writes; writes need it AND
                           ``KG_READ_ONLY=false``
KG_CORS_ORIGINS            origins allowed to call from browsers (none)
KG_SERVICE_ALLOWLIST       hosts (``host`` or ``host:port``) SERVICE/LOAD may reach
KG_QUERY_WORKERS           query children per server process (2; 1 in write mode)
KG_DEBUG_HEADERS           add ``X-Query-Worker: <pid>`` to responses of queries a
                           child ran (False; in-process queries have none);
                           turns the result cache off, so that every query
                           response names the child that really ran it
KG_VOID_CACHE_S            how long VoID statistics are reused, seconds (300)
KG_RESULT_CACHE_BYTES      bytes of query responses each server process keeps
                           (64 MB; 0: off); read-only servers only, see
                           :mod:`kg.web.result_cache`
KG_QUERY_DIR               named queries for the UI (None: the project's queries/)
KG_INLINE_QUERIES          run one-triple-pattern queries in the server process (True),
                           see :mod:`kg.web.inline`; False sends every query to a child
KG_DIRECT_QUERIES          answer ``GET /sparql?query=`` without Flask (True), see
                           :mod:`kg.web.direct`; False sends them through Flask too
=========================  =========================================================
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask import Config, Flask

from .errors import ConfigError

DEFAULTS: dict = {
    "KG_STORE_PATH": "data/store",
    "KG_QUERY_TIMEOUT_S": 30,
    "KG_MAX_RESULT_BYTES": 50_000_000,
    "KG_MAX_REQUEST_BYTES": 16_000_000,
    "KG_READ_ONLY": True,
    "KG_WRITE_TOKEN": None,
    "KG_CORS_ORIGINS": (),
    "KG_SERVICE_ALLOWLIST": (),
    "KG_QUERY_WORKERS": 2,
    "KG_DEBUG_HEADERS": False,
    "KG_VOID_CACHE_S": 300,
    "KG_RESULT_CACHE_BYTES": 64_000_000,
    "KG_QUERY_DIR": None,
    "KG_DIRECT_QUERIES": True,
    "KG_INLINE_QUERIES": True,
}


@dataclass(frozen=True)
class Settings:
    """Validated, typed view of the ``KG_*`` configuration."""

    store_path: str
    query_timeout_s: float
    max_result_bytes: int
    max_request_bytes: int
    writable: bool
    write_token: str | None
    cors_origins: tuple[str, ...]
    service_allowlist: tuple[str, ...]
    query_workers: int
    void_cache_s: float
    result_cache_bytes: int  # 0 when off: always on a writable server or with debug headers
    direct_queries: bool = True
    inline_queries: bool = True
    debug_headers: bool = False


def load_config(app: Flask, config: Mapping | None) -> None:
    """Fill ``app.config`` from defaults, then the environment, then ``config``."""
    app.config.from_mapping(DEFAULTS)
    env = Config(app.root_path)
    env.from_prefixed_env("KG")
    app.config.update({f"KG_{key}": value for key, value in env.items()})
    if config:
        app.config.from_mapping(config)


def _as_list(value, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(str(v).strip() for v in value)
    raise ConfigError(f"{name} must be a list of strings, not {value!r}")


def _positive(value, name: str, kind=float):
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a positive number, not {value!r}") from None
    if number <= 0:
        raise ConfigError(f"{name} must be a positive number, not {value!r}")
    return number


def _size(value, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number of bytes (0 for none), not {value!r}") from None
    if number < 0:
        raise ConfigError(f"{name} must be a number of bytes (0 for none), not {value!r}")
    return number


def _as_bool(value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(value, int):
        return bool(value)
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def settings_from(config: Mapping) -> Settings:
    """Check the configuration; a setting that cannot work raises :class:`ConfigError`."""
    token = config.get("KG_WRITE_TOKEN")
    token = None if token in (None, "") else str(token)
    read_only = _as_bool(config.get("KG_READ_ONLY", True), "KG_READ_ONLY")
    if not read_only and token is None:
        raise ConfigError(
            "KG_READ_ONLY=false needs KG_WRITE_TOKEN: writes are only accepted from"
            " clients that send 'Authorization: Bearer <token>'"
        )
    if token is not None and len(token) < 8:
        raise ConfigError("KG_WRITE_TOKEN is too short; use at least 8 characters")
    debug_headers = bool(config.get("KG_DEBUG_HEADERS"))  # as the views read it
    store_path = config.get("KG_STORE_PATH")
    if not store_path:
        raise ConfigError("KG_STORE_PATH must name the store directory")
    return Settings(
        store_path=str(store_path),
        query_timeout_s=_positive(config["KG_QUERY_TIMEOUT_S"], "KG_QUERY_TIMEOUT_S"),
        max_result_bytes=_positive(config["KG_MAX_RESULT_BYTES"], "KG_MAX_RESULT_BYTES", int),
        max_request_bytes=_positive(config["KG_MAX_REQUEST_BYTES"], "KG_MAX_REQUEST_BYTES", int),
        writable=not read_only,
        write_token=token,
        cors_origins=_as_list(config.get("KG_CORS_ORIGINS"), "KG_CORS_ORIGINS"),
        service_allowlist=tuple(
            h.lower() for h in _as_list(config.get("KG_SERVICE_ALLOWLIST"), "KG_SERVICE_ALLOWLIST")
        ),
        query_workers=_positive(config["KG_QUERY_WORKERS"], "KG_QUERY_WORKERS", int),
        void_cache_s=float(config.get("KG_VOID_CACHE_S") or 0),
        result_cache_bytes=0 if not read_only or debug_headers else _size(
            config.get("KG_RESULT_CACHE_BYTES", 0), "KG_RESULT_CACHE_BYTES"
        ),
        inline_queries=_as_bool(config.get("KG_INLINE_QUERIES", True), "KG_INLINE_QUERIES"),
        direct_queries=_as_bool(config.get("KG_DIRECT_QUERIES", True), "KG_DIRECT_QUERIES"),
        debug_headers=debug_headers,
    )
