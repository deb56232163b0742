"""Every error source of the web layer answers the one JSON shape
``{"ok": false, "error": "...", "status": N}`` with the HTTP status N."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from kg.web import create_app
from kg.web.testing import free_port, generate_sample_store

TOKEN = "error-shape-token"
CLOSED_PORT = free_port()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("errors") / "store"
    generate_sample_store(path, documents=40)
    return path


def _app(config):
    app = create_app(config)
    yield app.test_client()
    app.extensions["kg"].close()


@pytest.fixture(scope="module")
def readonly(store_path):
    yield from _app(
        {
            "KG_STORE_PATH": str(store_path),
            "KG_MAX_REQUEST_BYTES": 2000,
            "KG_MAX_RESULT_BYTES": 3000,
            "KG_QUERY_TIMEOUT_S": 0.5,
        }
    )


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = tmp_path_factory.mktemp("errors-rw") / "store"
    yield from _app(
        {
            "KG_STORE_PATH": str(path),
            "KG_READ_ONLY": False,
            "KG_WRITE_TOKEN": TOKEN,
            "KG_SERVICE_ALLOWLIST": [f"127.0.0.1:{CLOSED_PORT}"],
        }
    )


def q(text: str) -> str:
    return "/sparql?query=" + quote(text)


READONLY_CASES = [
    ("duplicate query", "GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}, None, 400),
    ("syntax error", "GET", q("SELECT * WHERE { ?s ?p }"), {}, None, 400),
    ("non-UTF-8 body", "POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {\xff}", 400),
    (
        "UTF-16 charset",
        "POST",
        "/sparql",
        {"Content-Type": "application/sparql-query; charset=utf-16"},
        "ASK {}".encode("utf-16"),
        400,
    ),
    ("unknown format", "GET", q("ASK {}") + "&format=png", {}, None, 400),
    ("bad dataset IRI", "GET", q("ASK {}") + "&default-graph-uri=not%20an%20iri", {}, None, 400),
    ("GET with body", "GET", q("ASK {}"), {"Content-Type": "text/plain"}, b"body", 400),
    ("read-only update", "POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL", 403),
    ("SERVICE not allowed", "GET", q("SELECT * { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }"), {}, None, 403),
    ("unknown path", "GET", "/nowhere", {}, None, 404),
    ("missing graph", "GET", "/store?graph=http%3A%2F%2Fno.example%2Fg", {}, None, 404),
    ("wrong method", "PUT", q("ASK {}"), {}, None, 405),
    ("not acceptable", "GET", q("ASK {}"), {"Accept": "image/png"}, None, 406),
    ("request too large", "POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"#" * 5000, 413),
    ("result too large", "GET", q("SELECT * { ?s ?p ?o }"), {}, None, 413),
    ("wrong media type", "POST", "/sparql", {"Content-Type": "text/plain"}, b"ASK {}", 415),
    ("no media type", "POST", "/sparql", {}, b"ASK {}", 415),
    ("time-out", "GET", q("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), {}, None, 503),
]

WRITABLE_CASES = [
    ("no token", "POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL", 401),
    (
        "update syntax",
        "POST",
        "/sparql",
        {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        b"CLEAR XYZ",
        400,
    ),
    (
        "bad RDF payload",
        "PUT",
        "/store?default",
        {"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"},
        b"<a> <b> .",
        400,
    ),
    (
        "GSP media type",
        "PUT",
        "/store?default",
        {"Content-Type": "application/pdf", "Authorization": f"Bearer {TOKEN}"},
        b"%PDF",
        415,
    ),
    ("GSP no target", "GET", "/store", {}, None, 400),
    (
        "SERVICE down",
        "GET",
        q(f"SELECT * {{ SERVICE <http://127.0.0.1:{CLOSED_PORT}/sparql> {{ ?s ?p ?o }} }}"),
        {},
        None,
        502,
    ),
]


def check_shape(resp, status: int) -> dict:
    assert resp.status_code == status, resp.data
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and len(body["error"]) > 10
    assert "Traceback" not in body["error"]
    return body


@pytest.mark.parametrize(
    ("name", "method", "path", "headers", "body", "status"),
    READONLY_CASES,
    ids=[c[0] for c in READONLY_CASES],
)
def test_readonly_error_sources(readonly, name, method, path, headers, body, status):
    check_shape(readonly.open(path, method=method, headers=headers, data=body), status)


@pytest.mark.parametrize(
    ("name", "method", "path", "headers", "body", "status"),
    WRITABLE_CASES,
    ids=[c[0] for c in WRITABLE_CASES],
)
def test_writable_error_sources(writable, name, method, path, headers, body, status):
    check_shape(writable.open(path, method=method, headers=headers, data=body), status)


def test_syntax_error_reports_line_and_column(readonly):
    body = check_shape(readonly.get(q("SELECT *\nWHERE { ?s ?p }")), 400)
    assert body["line"] == 2 and body["column"] >= 14


def test_401_asks_for_a_bearer_token(writable):
    resp = writable.post("/sparql", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_405_lists_allowed_methods(readonly):
    resp = readonly.delete("/sparql")
    assert {"GET", "POST"} <= {m.strip() for m in resp.headers["Allow"].split(",")}


def test_unexpected_exception_is_a_logged_500_without_internals(store_path, caplog):
    app = create_app({"KG_STORE_PATH": str(store_path)})

    def broken():
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/broken", "broken", broken)
    body = check_shape(app.test_client().get("/broken"), 500)
    assert "secret" not in body["error"]
    assert any("secret internal detail" in r.getMessage() or r.exc_info for r in caplog.records)


def test_missing_store_is_a_clear_500(tmp_path):
    app = create_app({"KG_STORE_PATH": str(tmp_path / "absent")})
    try:
        body = check_shape(app.test_client().get(q("ASK {}")), 500)
    finally:
        app.extensions["kg"].close()
    assert "kg ingest" in body["error"]
