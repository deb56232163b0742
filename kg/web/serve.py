"""Production serving with gunicorn (used by ``kg serve``, ``make run``, ``server.py``).

Example::

    run_server("data/store", host="127.0.0.1", port=8000, workers=2)

Read-only (default): ``workers`` processes share the store read-only, each with
``KG_QUERY_WORKERS`` query children. With ``write_token`` the server accepts
authenticated writes; then exactly one worker process runs, because only one
process may open the store read-write (see :mod:`kg.web.executor`).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import StoreError

APP = "kg.web:create_app()"


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
) -> None:
    """Replace this process with gunicorn serving the store (does not return)."""
    if write_token is None and not Path(store_path).is_dir():
        raise StoreError(f"no store at {store_path}: run `kg ingest ... --store {store_path}` first")
    env = server_env(
        store_path,
        write_token=write_token,
        settings={"KG_QUERY_TIMEOUT_S": timeout_s, **(settings or {})},
    )
    argv = gunicorn_argv(
        host, port, workers, threads, writable=bool(write_token), timeout_s=timeout_s
    )
    os.execve(sys.executable, argv, env)
