"""Run the real server on a free local port, and talk to it with raw HTTP.

Used by the live-server tests and by ``bench/endpoint_bench.py``. Requests go
through :mod:`http.client` so that no header is added behind our back (urllib adds
``Content-Type`` to every POST).

Example::

    with LiveServer(store_dir, write_token="s3cret-token") as server:
        resp = server.request("GET", "/sparql?query=ASK%7B%7D")
        assert resp.status == 200
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .serve import server_argv, server_env


def stop_process(proc: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate a server process, killing it if it does not exit within ``timeout``."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()

    def json(self):
        return json.loads(self.body)


def http_request(
    host: str,
    port: int,
    method: str,
    path: str,
    body: bytes | str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 30,
) -> RawResponse:
    """One request on a fresh connection, with exactly the given headers."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        data = body.encode() if isinstance(body, str) else body
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        if data is not None:
            conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data)
        resp = conn.getresponse()
        collected: dict[str, str] = {}
        for name, value in resp.getheaders():
            key = name.lower()
            collected[key] = f"{collected[key]}, {value}" if key in collected else value
        return RawResponse(resp.status, collected, resp.read())
    finally:
        conn.close()


class LiveServer:
    """``server`` (granian or gunicorn, see :mod:`kg.web.serve`) serving ``store_path``
    on 127.0.0.1; stderr goes to ``log_path``. ``KG_TEST_SERVER`` sets the default
    server, so that the whole suite can run on either."""

    def __init__(
        self,
        store_path: str | Path,
        *,
        write_token: str | None = None,
        settings: Mapping[str, object] | None = None,
        workers: int = 1,
        threads: int = 4,
        log_path: str | Path | None = None,
        server: str | None = None,
        server_args: tuple[str, ...] = (),
    ):
        self.store_path = Path(store_path)
        self.write_token = write_token
        self.settings = dict(settings or {})
        self.workers, self.threads = workers, threads
        self.server = server or os.environ.get("KG_TEST_SERVER") or "granian"
        self.server_args = tuple(server_args)
        self.log_path = Path(log_path) if log_path else self.store_path.parent / "server.log"
        self.host, self.port = "127.0.0.1", 0
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 30) -> LiveServer:
        self.port = free_port()
        env = server_env(self.store_path, write_token=self.write_token, settings=self.settings)
        argv = server_argv(
            self.server, self.host, self.port, self.workers, self.threads,
            writable=bool(self.write_token),
            timeout_s=float(self.settings.get("KG_QUERY_TIMEOUT_S", 30)),
            extra=self.server_args,
        )
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(argv, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited early; see {self.log_path}")
            try:
                if self.request("GET", "/health", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not answer within {timeout} s; see {self.log_path}")

    def stop(self) -> None:
        if self.proc is None:
            return
        stop_process(self.proc)
        self.proc = None

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 30,
    ) -> RawResponse:
        return http_request(self.host, self.port, method, path, body, headers, timeout)

    def log_lines(self, containing: str, wait: float = 3.0) -> list[str]:
        """Lines of the server log that contain ``containing``; waits up to ``wait``
        seconds for the first one (the access log is written in batches)."""
        deadline = time.monotonic() + wait
        while True:
            lines = [line for line in self.log_path.read_text().splitlines() if containing in line]
            if lines or time.monotonic() > deadline:
                return lines
            time.sleep(0.05)

    def auth(self, headers: Mapping[str, str] | None = None) -> dict[str, str]:
        """``headers`` plus the bearer token."""
        return {**(headers or {}), "Authorization": f"Bearer {self.write_token}"}


def generate_sample_store(path: str | Path, documents: int = 20, entities: int = 50, seed: int = 1) -> int:
    """Write a store of made-up articles, one named graph each, shaped like ingest output.

    Every article has a title, a date, mentioned entities (typed, labelled) and a few
    reified statements with their direct triples. Returns the number of quads.
    """
    import random

    import pyoxigraph as ox

    from ..namespaces import DOCUMENT, ENTITY, GRAPH, ONTOLOGY

    rng = random.Random(seed)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    date = ox.NamedNode("http://purl.org/dc/terms/date")
    kinds = ["Party", "Country", "Region", "Settlement", "Person"]
    relations = ["controls", "attacked", "captured", "withdrewFrom", "besieged"]
    kg = lambda name: ox.NamedNode(ONTOLOGY + name)  # noqa: E731
    ents = [(ox.NamedNode(f"{ENTITY}e{i}"), kinds[i % len(kinds)], f"Entity {i}") for i in range(entities)]
    quads = []
    for d in range(documents):
        doc, g = ox.NamedNode(f"{DOCUMENT}doc-{d}"), ox.NamedNode(f"{GRAPH}doc-{d}")
        quads += [
            ox.Quad(doc, rdf_type, kg("Article"), g),
            ox.Quad(doc, title, ox.Literal(f"Report number {d}", language="en"), g),
            ox.Quad(doc, date, ox.Literal(f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}",
                                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")), g),
        ]
        mentioned = rng.sample(ents, min(6, len(ents)))
        for ent, kind, name in mentioned:
            quads += [
                ox.Quad(doc, kg("mentions"), ent, g),
                ox.Quad(ent, rdf_type, kg(kind), g),
                ox.Quad(ent, label, ox.Literal(name, language="en"), g),
            ]
        for s in range(3):
            (head, _, _), (tail, _, _) = rng.sample(mentioned, 2)
            rel = kg(rng.choice(relations))
            stmt = ox.NamedNode(f"{DOCUMENT}doc-{d}/statement/{s}")
            quads += [
                ox.Quad(stmt, rdf_type, kg("Statement"), g),
                ox.Quad(stmt, kg("subject"), head, g),
                ox.Quad(stmt, kg("predicate"), rel, g),
                ox.Quad(stmt, kg("object"), tail, g),
                ox.Quad(stmt, kg("modality"), ox.Literal("asserted"), g),
                ox.Quad(head, rel, tail, g),
            ]
    store = ox.Store(str(path))
    store.bulk_extend(quads)
    store.flush()
    del store  # releases the RocksDB lock now
    return len(quads)
