"""End to end with the real command line: ``kg ingest`` then ``kg serve``, queried over HTTP."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kg.web.testing import free_port, stop_process

pytestmark = pytest.mark.server

FACTS_QUERY = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?party ?relation ?place WHERE {
  VALUES ?property { kg:controls kg:withdrewFrom }
  ?p ?property ?o .
  ?p rdfs:label ?party . ?o rdfs:label ?place .
  GRAPH <https://w3id.org/newskg/ontology> { ?property rdfs:label ?relation }
}"""


def get(port: int, path: str, accept: str = "*/*", timeout: float = 10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept": accept})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def wait_until_healthy(port: int, proc: subprocess.Popen, log: Path, deadline_s: float = 90):
    started = time.monotonic()
    while time.monotonic() - started < deadline_s:
        if proc.poll() is not None:
            pytest.fail(f"kg serve exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if get(port, "/health", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"kg serve did not answer /health within {deadline_s} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def served_sample(kg_command, sample_article_path, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve-e2e")
    store = tmp_path / "store"
    ingested = kg_command("ingest", sample_article_path, "--store", store)
    assert ingested.returncode == 0, ingested.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", "127.0.0.1",
             "--port", str(port), "--workers", "1", "--threads", "2"],
            stdout=subprocess.DEVNULL, stderr=err)
    try:
        wait_until_healthy(port, proc, log)
        yield port
    finally:
        stop_process(proc, timeout=20)


def test_served_store_answers_sparql_with_the_sample_facts(served_sample):
    status, body = get(served_sample, "/sparql?" + urlencode({"query": FACTS_QUERY}),
                       accept="application/sparql-results+json")
    assert status == 200, body[:500]
    rows = {(b["party"]["value"], b["relation"]["value"], b["place"]["value"])
            for b in json.loads(body)["results"]["bindings"]}
    # relation names are the rdfs:label of the properties, from the stored ontology graph
    assert ("Russia", "withdrew from", "Izium") in rows
    assert ("Ukraine", "controls", "Kupiansk") in rows


def test_served_store_is_read_only(served_sample):
    conn = http.client.HTTPConnection("127.0.0.1", served_sample, timeout=10)
    try:
        conn.request("POST", "/sparql", body="DROP ALL",
                     headers={"Content-Type": "application/sparql-update"})
        resp = conn.getresponse()
        resp.read()
    finally:
        conn.close()
    assert resp.status == 403
