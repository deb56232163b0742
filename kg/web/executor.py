"""Cancellable query execution: a pool of query children per server process.

Design (why it looks like this):

* pyoxigraph has no query time-out and a Python thread cannot be interrupted inside
  Rust code. So SPARQL is never evaluated in the web process. Each server process
  (gunicorn worker) keeps a small pool of long-lived children
  (:mod:`kg.query_worker`); each child opens the store once and runs one request at
  a time, received over a pipe.
* A request gets a deadline. The parent waits on the pipe with ``select``; when the
  deadline passes it SIGKILLs the child, reaps it and starts a fresh one. The work
  really stops (the process is gone) and the client gets 503.
* The child serializes results with pyoxigraph into a buffer bounded by
  ``KG_MAX_RESULT_BYTES``. Only a complete result is sent back, so the web layer
  knows the status and the length before sending one byte: never a 200 with a
  truncated body. Over the limit, the answer is 413 (:class:`kg.errors.ResultTooLarge`).
* Read-only mode (the default, no write token): every child opens the store with
  ``Store.read_only``; any number of server processes and children can share it.
  The store must not be written by another process meanwhile (pyoxigraph: that is
  undefined behaviour): run ``kg ingest`` with the server stopped, then restart it.
* Write mode (a write token is configured): RocksDB allows one read-write opener and
  a read-only opener next to a writer is undefined, so there is exactly ONE child in
  the whole server, opened read-write; it runs queries, updates and Graph Store
  writes in turn. :func:`kg.web.serve.run_server` therefore starts one gunicorn
  worker in write mode, and the pool size is forced to 1. Killing that child on a
  time-out is safe: an Oxigraph update is one RocksDB transaction, so it is either
  committed whole or not at all, and RocksDB recovers on reopen.
* Children are started lazily in the process that uses them (safe with gunicorn's
  fork), and exit by themselves when their stdin closes.
"""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from ..errors import QueryTimeout, StoreError
from ..query_worker import FrameError

_HEAD = 8


@dataclass(frozen=True)
class WorkerSpec:
    """How to start a query child."""

    store: str
    writable: bool
    max_result_bytes: int
    start_timeout_s: float = 60.0


class _Deadline(Exception):
    pass


class QueryChild:
    """One child process and its pipe protocol (see :mod:`kg.query_worker`)."""

    def __init__(self, spec: WorkerSpec):
        self.spec = spec
        config = {
            "store": spec.store,
            "writable": spec.writable,
            "max_result_bytes": spec.max_result_bytes,
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.query_worker", json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self.pid = self.proc.pid
        self.ready = False
        self._buffer = bytearray()

    def _read(self, n: int, deadline: float) -> bytes:
        """Exactly ``n`` bytes from the child, reading ahead into ``self._buffer``."""
        fd = self.proc.stdout.fileno()
        while len(self._buffer) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Deadline()
            readable, _, _ = select.select([fd], [], [], remaining)
            if not readable:
                raise _Deadline()
            chunk = os.read(fd, max(n - len(self._buffer), 1 << 16))
            if not chunk:
                raise FrameError("the query worker exited")
            self._buffer += chunk
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def _read_frame(self, deadline: float) -> tuple[dict, bytes]:
        head = self._read(_HEAD, deadline)
        head_len, body_len = int.from_bytes(head[:4], "big"), int.from_bytes(head[4:], "big")
        header = json.loads(self._read(head_len, deadline))
        return header, self._read(body_len, deadline) if body_len else b""

    def _wait_ready(self) -> None:
        header, _ = self._read_frame(time.monotonic() + self.spec.start_timeout_s)
        if not header.get("ok"):
            raise StoreError(f"the query worker could not open the store: {header.get('message')}")
        self.ready = True

    def call(self, request: dict, body: bytes, deadline: float) -> tuple[dict, bytes]:
        if not self.ready:
            self._wait_ready()
        head = json.dumps(request, separators=(",", ":")).encode()
        self.proc.stdin.write(
            len(head).to_bytes(4, "big") + len(body).to_bytes(4, "big") + head + body
        )
        return self._read_frame(deadline)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass


class Executor:
    """A pool of ``size`` query children with deadlines. Thread-safe."""

    def __init__(self, spec: WorkerSpec, size: int = 1):
        self.spec = spec
        self.size = 1 if spec.writable else max(1, size)
        self._init_state()

    def _init_state(self) -> None:
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._idle: list[QueryChild] = []
        self._busy: set[QueryChild] = set()
        self._slots = threading.BoundedSemaphore(self.size)

    def _check_fork(self) -> None:
        if os.getpid() != self._owner:  # children of the parent process are not ours
            self._init_state()

    def pids(self) -> list[int]:
        self._check_fork()
        with self._lock:
            return sorted(c.pid for c in [*self._idle, *self._busy])

    def _take(self) -> QueryChild:
        with self._lock:
            child = self._idle.pop() if self._idle else QueryChild(self.spec)
            self._busy.add(child)
            return child

    def _give_back(self, child: QueryChild, alive: bool) -> None:
        with self._lock:
            self._busy.discard(child)
            if alive:
                self._idle.append(child)
        if not alive:
            child.kill()
            with self._lock:  # start the replacement now, not on the next request
                self._idle.append(QueryChild(self.spec))

    def run(self, request: dict, body: bytes = b"", timeout: float = 30.0) -> tuple[dict, bytes]:
        """Send one request to a free child; wait at most ``timeout`` seconds in all."""
        self._check_fork()
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            exc = QueryTimeout(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again later"
            )
            exc.headers = {"Retry-After": "5"}
            raise exc
        try:
            child = self._take()
            alive = False
            try:
                reply = child.call(request, body, deadline)
                alive = True
                return reply
            except _Deadline:
                exc = QueryTimeout(timeout_message(request.get("op", ""), timeout))
                exc.worker_pid = child.pid
                raise exc from None
            except (FrameError, OSError, ValueError) as err:
                raise StoreError(f"the query worker stopped unexpectedly ({err})") from err
            finally:
                self._give_back(child, alive)
        finally:
            self._slots.release()

    def close(self) -> None:
        """Stop every child of this process."""
        self._check_fork()
        with self._lock:
            children = [*self._idle, *self._busy]
            self._idle.clear()
            self._busy.clear()
        for child in children:
            child.kill()


def timeout_message(op: str, timeout: float) -> str:
    if op in ("update", "gsp_write", "gsp_delete"):
        return (
            f"the update did not finish within {timeout:g} s and was cancelled; Oxigraph"
            " applies an update atomically, so it was stored whole or not at all"
        )
    return (
        f"the query did not finish within {timeout:g} s and was stopped; narrow it"
        " (more specific patterns, a LIMIT) or ask for a longer time-out"
    )
