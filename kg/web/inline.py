"""Queries evaluated in the web process itself, for the shape that can be stopped.

A round trip to a query child (:mod:`kg.web.executor`) costs two process wake-ups
and several system calls, about as much as a whole point query in Oxigraph. For
queries of the shape :func:`kg.web.query_shape.is_single_pattern_scan` accepts,
the deadline can be kept without a separate process: Oxigraph writes their
results steadily, and the output sink (:class:`kg._worker_ops.LimitedBuffer`)
raises on the first write after the deadline or past the size limit, which ends
the evaluation. The reply is the same as a child's (same operations code, same
error codes), so :class:`kg.web.state.EndpointState` handles both alike.

Only for read-only servers: the store is opened read-only, once per server
process, on first use (after the server has forked its workers). With writes
enabled, only the single query child may open the store, so every query goes there.
"""
from __future__ import annotations

import os
import threading
import time

from .._worker_ops import Operations, Reply


class InlineQueries:
    """A read-only store and its :class:`Operations`, opened lazily per process."""

    def __init__(self, store_path: str, max_result_bytes: int):
        self.store_path = store_path
        self.max_result_bytes = max_result_bytes
        self._ops: Operations | None = None
        self._owner = -1
        self._lock = threading.Lock()

    def _operations(self) -> Operations:
        if self._ops is None or self._owner != os.getpid():
            with self._lock:
                if self._ops is None or self._owner != os.getpid():
                    from ..store import KGStore

                    store = KGStore.open(self.store_path, read_only=True)
                    self._ops = Operations(store.oxigraph, self.max_result_bytes)
                    self._owner = os.getpid()
        return self._ops

    def run(self, request: dict, timeout: float) -> Reply:
        """Evaluate one query request; its output stops ``timeout`` seconds from now."""
        deadline = time.monotonic() + timeout
        return self._operations().dispatch(request, b"", deadline)  # no "pid": no child ran it
