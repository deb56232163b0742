"""The query child: a process that owns an Oxigraph store and evaluates requests.

pyoxigraph cannot interrupt a running query, so the web server never evaluates
SPARQL in its own process. Each server process talks to one or more of these
children over a pipe (see :mod:`kg.web.executor`); on a deadline it kills the child
(SIGKILL) and starts a fresh one, which really stops the work.

The child opens the store once, then loops: read a request frame from stdin, run
it, write one reply frame to stdout. Results are serialized by pyoxigraph into a
bounded buffer; if they outgrow ``max_result_bytes`` the child answers
``too_large`` and nothing of the partial result leaves the process. The child exits
when its stdin closes (its parent went away).

Frame format (both directions): two big-endian uint32 (header length, body length),
a UTF-8 JSON header, then the body bytes.

Run as ``python -m kg.query_worker '<json config>'`` with config keys ``store``
(path), ``writable`` (bool) and ``max_result_bytes`` (int).
"""
from __future__ import annotations

import json
import os
import struct
import sys
from typing import BinaryIO

_FRAME = struct.Struct(">II")


class FrameError(OSError):
    """The other end closed the pipe or sent garbage."""


def write_frame(out: BinaryIO, header: dict, body: bytes = b"") -> None:
    head = json.dumps(header, separators=(",", ":")).encode()
    out.write(_FRAME.pack(len(head), len(body)) + head + body)
    out.flush()


def read_exact(inp: BinaryIO, n: int) -> bytes:
    chunks = []
    while n:
        chunk = inp.read(n)
        if not chunk:
            raise FrameError("pipe closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame(inp: BinaryIO) -> tuple[dict, bytes]:
    head_len, body_len = _FRAME.unpack(read_exact(inp, _FRAME.size))
    header = json.loads(read_exact(inp, head_len))
    return header, read_exact(inp, body_len) if body_len else b""


def _serve(config: dict, inp: BinaryIO, out: BinaryIO) -> None:
    from ._worker_ops import Operations
    from .errors import KGError
    from .store import KGStore

    try:
        store = KGStore.open(config["store"], read_only=not config["writable"])
    except (KGError, OSError) as exc:
        message = getattr(exc, "message", None) or str(exc)
        if "lock" in message.lower():
            message += " (with writes enabled only one server process may open the store)"
        write_frame(out, {"ok": False, "error": "store", "message": message})
        return
    ops = Operations(store.oxigraph, int(config["max_result_bytes"]))
    write_frame(out, {"ok": True, "ready": True, "pid": os.getpid()})
    while True:
        try:
            request, body = read_frame(inp)
        except FrameError:
            break
        header, payload = ops.dispatch(request, body)
        header["pid"] = os.getpid()
        write_frame(out, header, payload)
    store.close()


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    config = json.loads(args[0])
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything printed by accident goes to stderr, not into the frames
    inp = os.fdopen(0, "rb", buffering=1 << 16)
    _serve(config, inp, out)


if __name__ == "__main__":
    main()
