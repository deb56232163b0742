"""Production serving (used by ``kg serve``, ``make run``, ``server.py``).

Example::

    run_server("data/store", host="127.0.0.1", port=8000, workers=2)

Two HTTP servers can run the app; both are tested with the whole endpoint suite:

* ``granian`` (default for :func:`run_server`): HTTP is handled in Rust and
  only the application runs in Python, on ``threads`` threads per worker process.
  About four times the requests per second of gunicorn on repeated queries
  (``bench/endpoint_bench.py``).
* ``gunicorn`` with threaded workers (:mod:`kg.web.gunicorn_conf`).

Read-only (default): ``workers`` processes share the store read-only, each with
``KG_QUERY_WORKERS`` query children. With ``write_token`` the server accepts
authenticated writes; then exactly one worker process runs, because only one
process may open the store read-write (see :mod:`kg.web.executor`). Query
time-outs do not depend on the HTTP server: :mod:`kg.web.executor` enforces them.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    from flask import Flask

APP = "kg.web:create_app()"
GRANIAN_APP = "kg.web.serve:granian_app"

#: Logging of a served app: our loggers (access log included) to stderr.
LOGGING: dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s [%(process)d] %(name)s %(levelname)s %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
        "access": {"class": "kg.web.access_log.BatchedStderrHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "kg": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "kg.web.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}


def granian_app() -> Flask:
    """The app factory granian calls in each worker process: logging, then the app."""
    import logging.config

    from . import create_app

    logging.config.dictConfig(LOGGING)
    return create_app()


def granian_argv(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    threads: int = 4,
    *,
    writable: bool = False,
    extra: Sequence[str] = (),
) -> list[str]:
    """The command line that starts granian on our app factory."""
    threads = max(1, threads)
    return [
        sys.executable, "-m", "granian",
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(1 if writable else max(1, workers)),
        "--blocking-threads", str(threads),
        # requests a worker takes on at once: more than its threads, so that it
        # queues them itself instead of leaving them in the socket (measured: +25%
        # point queries per second with 1 thread, bench/endpoint_bench.py)
        "--backpressure", str(max(32, 4 * threads)),
        "--http", "1",
        "--no-ws",
        "--log-level", "warning",
        "--respawn-failed-workers",
        "--workers-kill-timeout", "10",
        "--factory",
        *extra,
        GRANIAN_APP,
    ]


def gunicorn_argv(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    threads: int = 4,
    *,
    writable: bool = False,
    timeout_s: float = 30,
    extra: Sequence[str] = (),
) -> list[str]:
    """The command line that starts gunicorn on our app factory."""
    return [
        sys.executable, "-m", "gunicorn",
        "--config", "python:kg.web.gunicorn_conf",
        "--bind", f"{host}:{port}",
        "--workers", str(1 if writable else max(1, workers)),
        "--threads", str(max(1, threads)),
        "--timeout", str(int(timeout_s) + 30),
        *extra,
        APP,
    ]


def server_env(
    store_path: str | Path,
    *,
    write_token: str | None = None,
    settings: Mapping[str, object] | None = None,
    base: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Environment for the server process: ``KG_*`` variables (JSON-encoded values)."""
    import json

    env = dict(os.environ if base is None else base)
    env["KG_STORE_PATH"] = str(store_path)
    if write_token:
        env["KG_WRITE_TOKEN"] = write_token
        env["KG_READ_ONLY"] = "false"
    for key, value in (settings or {}).items():
        env[key] = value if isinstance(value, str) else json.dumps(value)
    return env


SERVERS = ("granian", "gunicorn")


def server_argv(
    server: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    threads: int = 4,
    *,
    writable: bool = False,
    timeout_s: float = 30,
    extra: Sequence[str] = (),
) -> list[str]:
    """The command line of ``server`` (one of :data:`SERVERS`) serving our app."""
    if server == "granian":
        return granian_argv(host, port, workers, threads, writable=writable, extra=extra)
    if server == "gunicorn":
        return gunicorn_argv(
            host, port, workers, threads, writable=writable, timeout_s=timeout_s, extra=extra
        )
    raise ValueError(f"unknown server {server!r}; use one of {', '.join(SERVERS)}")


def run_server(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    threads: int = 4,
    *,
    write_token: str | None = None,
    timeout_s: float = 30,
    settings: Mapping[str, object] | None = None,
    server: str = "granian",
) -> None:
    """Replace this process with ``server`` serving the store (does not return)."""
    if write_token is None and not Path(store_path).is_dir():
        raise StoreError(f"no store at {store_path}: run `kg ingest ... --store {store_path}` first")
    env = server_env(
        store_path,
        write_token=write_token,
        settings={"KG_QUERY_TIMEOUT_S": timeout_s, **(settings or {})},
    )
    argv = server_argv(
        server, host, port, workers, threads, writable=bool(write_token), timeout_s=timeout_s
    )
    os.execve(sys.executable, argv, env)
