"""The result cache of read-only servers: exact replays, per-request parts fresh,
separate entries per format, never an error, bounded in bytes, off with writes."""

from __future__ import annotations

import time
from urllib.parse import quote, urlencode

import pytest

from kg.namespaces import DOCUMENT
from kg.web import create_app
from kg.web.config import settings_from
from kg.web.errors import ConfigError
from kg.web.result_cache import ResultCache
from kg.web.testing import LiveServer, generate_sample_store, http_request

JSON = {"Accept": "application/sparql-results+json"}
CSV = {"Accept": "text/csv"}
PER_REQUEST = ("x-request-id", "cache-status", "date")


def query_path(text: str) -> str:
    return "/sparql?query=" + quote(text)


def point_query(doc: int) -> str:
    return f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{DOCUMENT}doc-{doc}> ?p ?o }} }} ORDER BY ?p ?o"


@pytest.fixture(scope="module")
def readonly(tmp_path_factory):
    root = tmp_path_factory.mktemp("cache-ro")
    generate_sample_store(root / "store", documents=5, entities=10)
    with LiveServer(root / "store", log_path=root / "server.log") as srv:  # one worker: one cache
        yield srv


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    root = tmp_path_factory.mktemp("cache-rw")
    with LiveServer(root / "store", write_token="cache-test-token", log_path=root / "server.log") as srv:
        yield srv


def stable_headers(resp) -> dict[str, str]:
    return {k: v for k, v in resp.headers.items() if k not in PER_REQUEST}


def test_hit_replays_identical_bytes_and_headers(readonly):
    path = query_path(point_query(1))
    first = readonly.request("GET", path, headers=JSON)
    second = readonly.request("GET", path, headers=JSON)
    assert first.status == second.status == 200
    assert first.headers["cache-status"] == "kg; fwd=miss; stored"
    assert second.headers["cache-status"] == "kg; hit"
    assert second.body == first.body and len(first.json()["results"]["bindings"]) > 3
    assert stable_headers(second) == stable_headers(first)
    assert second.headers["x-request-id"] != first.headers["x-request-id"]


def test_hit_has_its_own_request_id_and_log_line(readonly):
    path = query_path(point_query(2))
    readonly.request("GET", path, headers=JSON)
    request_id = f"cache{time.time_ns()}"
    hit = readonly.request("GET", path, headers={**JSON, "X-Request-Id": request_id})
    assert hit.headers["cache-status"] == "kg; hit"
    assert hit.headers["x-request-id"] == request_id
    lines = readonly.log_lines(f"id={request_id} ")
    assert len(lines) == 1 and " GET /sparql 200 " in lines[0]


def test_each_accept_header_has_its_own_entry(readonly):
    path = query_path(point_query(3))
    as_json = readonly.request("GET", path, headers=JSON)
    as_csv = readonly.request("GET", path, headers=CSV)
    again_csv = readonly.request("GET", path, headers=CSV)
    assert as_csv.headers["cache-status"] == "kg; fwd=miss; stored"
    assert as_csv.media_type == again_csv.media_type == "text/csv"
    assert again_csv.headers["cache-status"] == "kg; hit"
    assert again_csv.body == as_csv.body != as_json.body
    assert readonly.request("GET", path, headers=JSON).body == as_json.body


def test_relative_iris_are_not_shared_between_hosts(readonly):
    path = query_path("SELECT ?x WHERE { BIND(<rel> AS ?x) }")
    values = {}
    for host in ("127.0.0.1", "localhost", "127.0.0.1"):
        resp = http_request(host, readonly.port, "GET", path, headers=JSON)
        values.setdefault(host, []).append(resp.json()["results"]["bindings"][0]["x"]["value"])
    assert values["127.0.0.1"] == [f"http://127.0.0.1:{readonly.port}/rel"] * 2
    assert values["localhost"] == [f"http://localhost:{readonly.port}/rel"]


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        (query_path("SELECT * WHERE { ?s ?p }"), JSON, 400),  # syntax error, found by the child
        (query_path("ASK {}"), {"Accept": "image/png"}, 406),
        (query_path("ASK {}") + "&timeout=soon", JSON, 400),
    ],
)
def test_errors_are_never_cached(readonly, path, headers, status):
    responses = [readonly.request("GET", path, headers=headers) for _ in range(2)]
    assert [r.status for r in responses] == [status, status]
    assert [r.headers["cache-status"] for r in responses] == ["kg; fwd=miss"] * 2
    assert responses[1].json()["ok"] is False


def test_post_and_head_bypass_the_cache(readonly):
    body = urlencode({"query": "ASK {}"})
    form = {**JSON, "Content-Type": "application/x-www-form-urlencoded"}
    posts = [readonly.request("POST", "/sparql", body=body, headers=form) for _ in range(2)]
    assert [p.headers["cache-status"] for p in posts] == ["kg; fwd=bypass"] * 2
    assert posts[1].json()["boolean"] is True
    path = query_path("ASK { ?s ?p ?o }")
    readonly.request("GET", path, headers=JSON)
    head = readonly.request("HEAD", path, headers=JSON)
    assert head.status == 200 and head.body == b"" and head.headers["cache-status"] == "kg; fwd=bypass"


def test_health_reports_the_cache(readonly):
    path = query_path(point_query(4))
    before = readonly.request("GET", "/health").json()["result_cache"]
    for _ in range(3):
        readonly.request("GET", path, headers=JSON)
    after = readonly.request("GET", "/health").json()["result_cache"]
    assert after["hits"] - before["hits"] == 2
    assert after["entries"] == before["entries"] + 1
    assert 0 < after["bytes"] <= after["max_bytes"] == 64_000_000


def test_writable_server_never_caches(writable):
    auth = writable.auth({"Content-Type": "application/sparql-update"})
    count = query_path("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    seen = []
    for i in range(2):
        resp = writable.request("GET", count, headers=JSON)
        assert "cache-status" not in resp.headers
        seen.append(int(resp.json()["results"]["bindings"][0]["n"]["value"]))
        update = f"INSERT DATA {{ <urn:cache:s{i}> <urn:cache:p> {i} }}"
        assert writable.request("POST", "/sparql", body=update, headers=auth).status == 204
    assert seen[1] == seen[0] + 1
    assert writable.request("GET", "/health").json()["result_cache"] is None


def test_lru_is_bounded_in_bytes_and_keeps_recent_entries():
    cache = ResultCache(max_bytes=8_000)
    headers = [("Content-Type", "text/csv")]
    for i in range(40):
        assert cache.put((f"q{i}",), "200 OK", headers, b"x" * 500, f"query {i}")
        assert cache.get(("q0",)) is not None  # used after every put: never the oldest
        assert cache.bytes <= cache.max_bytes
    stats = cache.stats()
    assert 5 <= stats["entries"] < 40
    assert cache.get(("q39",)).body == b"x" * 500
    assert cache.get(("q1",)) is None


def test_entry_larger_than_an_eighth_is_not_stored():
    cache = ResultCache(max_bytes=8_000)
    assert not cache.put(("big",), "200 OK", [], b"x" * 1_000, "q")
    assert cache.get(("big",)) is None and cache.bytes == 0


def test_data_change_empties_the_cache(tmp_path):
    app = create_app({"KG_STORE_PATH": str(tmp_path / "store")})
    state = app.extensions["kg"]
    state.result_cache.put(("k",), "200 OK", [], b"body", "ASK {}")
    state.data_changed()
    assert state.result_cache.stats()["entries"] == 0
    state.close()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, 64_000_000),
        ({"KG_RESULT_CACHE_BYTES": 0}, 0),
        ({"KG_RESULT_CACHE_BYTES": "1000"}, 1000),
        ({"KG_READ_ONLY": False, "KG_WRITE_TOKEN": "a-long-token"}, 0),
        ({"KG_DEBUG_HEADERS": True}, 0),
    ],
)
def test_cache_size_setting(overrides, expected):
    app = create_app({"KG_STORE_PATH": "unused", **overrides})
    assert settings_from(app.config).result_cache_bytes == expected
    assert (app.extensions["kg"].result_cache is not None) == bool(expected)


@pytest.mark.parametrize("value", [-1, "lots"])
def test_bad_cache_size_is_a_clear_error(value):
    with pytest.raises(ConfigError, match="KG_RESULT_CACHE_BYTES must be a number of bytes"):
        create_app({"KG_STORE_PATH": "unused", "KG_RESULT_CACHE_BYTES": value})
