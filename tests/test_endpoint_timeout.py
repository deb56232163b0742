"""A query past the time-out is really stopped: 503 for the client, the query child
killed and replaced, other queries still answered, no CPU burnt afterwards (E13, E15, E16)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

CROSS_JOIN = "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
# two patterns: a query child runs it (one pattern would run in the web process, kg.web.inline)
QUICK = "/sparql?query=" + quote("ASK { ?s a <https://w3id.org/newskg/ontology#Article> ; ?p ?o }")


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields after "pid (comm) "


def descendants(root: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))):
            parents[int(entry)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, pp in parents.items() if pp == pid]
        found += children
        frontier += children
    return found


def cpu_seconds(pids: list[int]) -> float:
    ticks = 0
    for pid in pids:
        if fields := _stat(pid):
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def is_running(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeout")
    assert generate_sample_store(root / "store", documents=60) >= 2000
    settings = {"KG_QUERY_TIMEOUT_S": 1.5, "KG_QUERY_WORKERS": 2, "KG_DEBUG_HEADERS": True}
    with LiveServer(root / "store", settings=settings, threads=4, log_path=root / "server.log") as srv:
        yield srv


def test_runaway_query_is_killed_and_server_keeps_answering(server):
    assert server.request("GET", QUICK).status == 200
    heavy: dict = {}
    thread = threading.Thread(target=lambda: heavy.update(resp=server.request("GET", CROSS_JOIN)))
    thread.start()
    time.sleep(0.4)
    during = server.request("GET", QUICK)  # the other query child answers meanwhile
    thread.join(timeout=20)
    assert during.status == 200 and during.json()["boolean"] is True

    resp = heavy["resp"]
    assert resp.status == 503
    assert "did not finish within 1.5 s" in resp.json()["error"]
    killed = int(resp.headers["x-query-worker"])
    assert killed != int(during.headers["x-query-worker"])
    assert not is_running(killed)

    after = server.request("GET", QUICK)
    assert after.status == 200
    workers = server.request("GET", "/health").json()["query_workers"]
    assert killed not in workers and len(workers) == 2

    tree = [server.proc.pid, *descendants(server.proc.pid)]
    before = cpu_seconds(tree)
    time.sleep(1.0)
    assert cpu_seconds(tree) - before < 0.5  # nobody is still grinding the cross join


def test_timeout_parameter_is_honoured_and_capped(server):
    short = server.request("GET", CROSS_JOIN + "&timeout=0.5")
    assert short.status == 503 and "within 0.5 s" in short.json()["error"]
    capped = server.request("GET", CROSS_JOIN + "&timeout=600")
    assert capped.status == 503 and "within 1.5 s" in capped.json()["error"]
    assert server.request("GET", QUICK + "&timeout=abc").status == 400
