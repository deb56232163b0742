"""Write protection, bearer tokens, SERVICE/LOAD allow-list, CORS and size limits
on live servers (E19-E23)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from kg.web.testing import LiveServer, generate_sample_store

pytestmark = pytest.mark.server

TOKEN = "security-test-token"
ORIGIN = "https://ui.example"
UPDATE = {"content-type": "application/sparql-update"}
TTL = {"content-type": "text/turtle"}


@pytest.fixture(scope="module")
def readonly(tmp_path_factory):
    root = tmp_path_factory.mktemp("readonly")
    generate_sample_store(root / "store", documents=30)
    settings = {"KG_CORS_ORIGINS": [ORIGIN], "KG_MAX_REQUEST_BYTES": 4096, "KG_MAX_RESULT_BYTES": 4000}
    with LiveServer(root / "store", settings=settings, log_path=root / "server.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def writable(tmp_path_factory, readonly):
    root = tmp_path_factory.mktemp("writable")
    settings = {"KG_SERVICE_ALLOWLIST": [f"127.0.0.1:{readonly.port}"]}
    with LiveServer(
        root / "store", write_token=TOKEN, settings=settings, log_path=root / "server.log"
    ) as srv:
        yield srv


@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        ("POST", "/sparql", UPDATE, "CLEAR ALL"),
        ("POST", "/sparql", {"content-type": "application/x-www-form-urlencoded"}, "update=CLEAR%20ALL"),
        ("PUT", "/store?graph=http%3A%2F%2Fex.org%2Fg", TTL, "<http://a> <http://b> <http://c> ."),
        ("POST", "/store?default", TTL, "<http://a> <http://b> <http://c> ."),
        ("DELETE", "/store?graph=http%3A%2F%2Fex.org%2Fg", {}, None),
    ],
)
def test_read_only_server_refuses_writes_with_403(readonly, method, path, headers, body):  # E20
    resp = readonly.request(method, path, body, {**headers, "Authorization": f"Bearer {TOKEN}"})
    assert resp.status == 403
    assert "read-only" in resp.json()["error"]


def test_read_only_server_still_serves_graph_store_reads(readonly):
    resp = readonly.request("GET", "/store?graph=" + quote("https://w3id.org/newskg/graph/doc-1", safe=""))
    assert resp.status == 200 and resp.media_type == "text/turtle"
    assert b"doc-1" in resp.body


@pytest.mark.parametrize("auth", [None, "Bearer", "Bearer wrong-token-value", f"Basic {TOKEN}"])
def test_write_without_the_right_token_is_401(writable, auth):  # E19
    headers = dict(UPDATE) if auth is None else {**UPDATE, "Authorization": auth}
    resp = writable.request("POST", "/sparql", "INSERT DATA { <http://a> <http://b> 1 }", headers)
    assert resp.status == 401
    assert resp.headers["www-authenticate"].startswith("Bearer")
    gsp = writable.request(
        "PUT",
        "/store?default",
        "<http://a> <http://b> 1 .",
        {**TTL, **({"Authorization": auth} if auth else {})},
    )
    assert gsp.status == 401


def test_write_with_the_token_is_applied(writable):
    resp = writable.request(
        "POST",
        "/sparql",
        "INSERT DATA { GRAPH <http://ex.org/t> { <http://a> <http://b> 1 } }",
        writable.auth(UPDATE),
    )
    assert resp.status == 204
    ask = writable.request("GET", "/sparql?query=" + quote("ASK { <http://a> <http://b> 1 }"))
    assert ask.json()["boolean"] is True


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE SILENT <http://10.0.0.1/sparql> { ?s ?p ?o } }",
        "PREFIX x: <http://169.254.169.254/> SELECT * { service x:latest { ?s ?p ?o } }",
        "BASE <http://evil.example/> SELECT * { SERVICE <sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } # SERVICE <http://allowed/>",
    ],
)
def test_service_outside_the_allow_list_is_403(writable, query):  # E22
    resp = writable.request("GET", "/sparql?query=" + quote(query))
    assert resp.status == 403
    assert "SERVICE" in resp.json()["error"]


def test_load_outside_the_allow_list_is_403(writable):
    resp = writable.request("POST", "/sparql", "LOAD <http://10.1.2.3/data.ttl>", writable.auth(UPDATE))
    assert resp.status == 403
    assert "KG_SERVICE_ALLOWLIST" in resp.json()["error"]


def test_keyword_in_string_or_comment_is_not_a_service_call(writable):
    query = 'SELECT ?x { BIND("SERVICE <http://10.0.0.1/>" AS ?x) } # LOAD <http://10.0.0.2/>'
    resp = writable.request("GET", "/sparql?query=" + quote(query))
    assert resp.status == 200, resp.body


def test_allow_listed_service_is_reached(writable, readonly):
    query = (
        f"SELECT (COUNT(*) AS ?n) {{ SERVICE <http://127.0.0.1:{readonly.port}/sparql> "
        "{ ?d a <https://w3id.org/newskg/ontology#Article> } }"
    )
    resp = writable.request("GET", "/sparql?query=" + quote(query))
    assert resp.status == 200, resp.body
    assert resp.json()["results"]["bindings"][0]["n"]["value"] == "30"


def test_cors_preflight_from_allowed_origin(readonly):  # E21
    resp = readonly.request(
        "OPTIONS",
        "/sparql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert resp.status == 204
    assert resp.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in resp.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in resp.headers


def test_cors_preflight_from_other_origin_gets_no_allow_origin(readonly):
    resp = readonly.request(
        "OPTIONS",
        "/sparql",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert resp.status == 403
    assert "access-control-allow-origin" not in resp.headers


@pytest.mark.parametrize(("origin", "allowed"), [(ORIGIN, True), ("https://evil.example", False)])
def test_cors_on_simple_requests(readonly, origin, allowed):
    resp = readonly.request("GET", "/sparql?query=ASK%7B%7D", headers={"Origin": origin})
    assert resp.status == 200
    assert ("access-control-allow-origin" in resp.headers) is allowed
    assert resp.headers.get("access-control-allow-origin", origin) == origin
    assert "origin" in resp.headers["vary"].lower()
    assert "access-control-allow-credentials" not in resp.headers


def test_oversized_body_is_413(readonly):  # E23
    body = "ASK { " + "?s ?p ?o . " * 1000 + "}"
    resp = readonly.request("POST", "/sparql", body, {"content-type": "application/sparql-query"})
    assert resp.status == 413
    assert resp.json()["status"] == 413


def test_oversized_result_is_413_with_no_partial_body(readonly):
    resp = readonly.request("GET", "/sparql?query=" + quote("SELECT * { ?s ?p ?o }"))
    assert resp.status == 413
    body = resp.json()
    assert "larger than the server limit" in body["error"] and body["ok"] is False


@pytest.mark.parametrize(
    ("path", "headers", "body"),
    [
        ("/sparql", {"content-type": "application/sparql-query"}, b"ASK { \xff\xfe }"),
        ("/sparql", {"content-type": "application/x-www-form-urlencoded"}, b"query=ASK%20%7B%FF%7D"),
        ("/sparql?query=ASK%20%7B%FF%7D", {}, None),
    ],
)
def test_non_utf8_input_is_400(readonly, path, headers, body):
    resp = readonly.request("POST" if body else "GET", path, body, headers)
    assert resp.status == 400
    assert "UTF-8" in resp.json()["error"]
