"""The access log and request ids, shared by Flask and the result cache.

One log line per request on the ``kg.web.access`` logger (INFO)::

    GET /sparql 200 3.2ms 412B id=5f0c… q=9a1b2c3d

with method, path, status, duration in ms, response size, request id (also sent
back as ``X-Request-Id``) and a short hash of the query text when there is one.
A served app writes these lines through :class:`BatchedStderrHandler` (see
:data:`kg.web.serve.LOGGING`).
"""
from __future__ import annotations

import atexit
import hashlib
import logging
import multiprocessing.util
import os
import threading
import time
import uuid

access_log = logging.getLogger("kg.web.access")


def new_request_id(given: str | None) -> str:
    """The client's ``X-Request-Id`` (at most 64 characters) or a fresh one."""
    return (given or "")[:64] or uuid.uuid4().hex[:16]


def query_hash(text: str | None) -> str:
    """A short hash of the query text for the log; ``-`` when there is none."""
    return hashlib.sha256(text.encode()).hexdigest()[:8] if text else "-"


def log_access(
    method: str, path: str, status: int | str, started: float, size: int | None,
    request_id: str, qhash: str,
) -> None:
    """Write the access-log line of one request (``started``: ``time.perf_counter()``)."""
    if access_log.isEnabledFor(logging.INFO):
        access_log.info(
            "%s %s %s %.1fms %sB id=%s q=%s",
            method, path, status, (time.perf_counter() - started) * 1000,
            "-" if size is None else size, request_id, qhash,
        )


class BatchedStderrHandler(logging.Handler):
    """A handler for busy loggers: whole lines to stderr, written in batches.

    A plain ``StreamHandler`` on stderr makes one ``write`` system call per line,
    which at thousands of requests per second costs the server about a fifth of
    its throughput. This one keeps formatted lines in memory and writes them with
    one call when ``interval`` seconds have passed since the last write or
    ``max_bytes`` are waiting, and a daemon thread writes what is left after
    ``interval`` seconds of quiet. Lines are never split (each batch is whole
    lines, so processes sharing stderr interleave by line). A process that exits
    writes what is left (atexit, and multiprocessing's finalizers for granian's
    workers); one that is killed loses at most ``interval`` seconds of lines.
    """

    def __init__(self, interval: float = 0.1, max_bytes: int = 64 * 1024):
        super().__init__()
        self.interval = interval
        self.max_bytes = max_bytes
        self._lines: list[str] = []
        self._size = 0
        self._written = time.monotonic()
        self._pid = -1

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:
            self.handleError(record)
            return
        with self.lock:
            if self._pid != os.getpid():  # first line in this process: timer and exit hooks
                self._pid = os.getpid()
                self._lines, self._size = [], 0
                threading.Thread(target=self._tick, name="access-log", daemon=True).start()
                atexit.register(self.flush)
                # granian's workers are multiprocessing children, which end without
                # running atexit hooks but do run these finalizers
                multiprocessing.util.Finalize(None, self.flush, exitpriority=100)
            self._lines.append(line)
            self._size += len(line)
            if self._size >= self.max_bytes or time.monotonic() - self._written >= self.interval:
                self._write()

    def _write(self) -> None:  # with self.lock held
        if self._lines:
            data = "".join(self._lines).encode("utf-8", "replace")
            self._lines, self._size = [], 0
            try:
                os.write(2, data)
            except OSError:
                pass  # stderr gone: nothing better to do with a log line
        self._written = time.monotonic()

    def _tick(self) -> None:
        pid = os.getpid()
        while self._pid == pid:
            time.sleep(self.interval)
            self.flush()

    def flush(self) -> None:
        with self.lock:
            self._write()
