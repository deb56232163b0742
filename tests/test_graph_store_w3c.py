"""The 13 W3C Graph Store Protocol tests (w3c/rdf-tests sparql11/graph-store-protocol,
direct and indirect identification) against a live server. Bodies are compared by
graph isomorphism; each test starts from an empty store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.web.testing import LiveServer

pytestmark = pytest.mark.server

TOKEN = "w3c-graph-store-token"
TTL = {"content-type": "text/turtle; charset=utf-8"}
ACCEPT = {"accept": "text/turtle"}
PREFIXES = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix v: <http://www.w3.org/2006/vcard/ns#> .\n"
PERSON1 = "<http://www.example/gsp/person/1> a foaf:Person"
JOHN = f'{PREFIXES}{PERSON1}; foaf:businessCard [ a v:VCard; v:fn "John Doe" ].\n'
JANE = f'{PREFIXES}{PERSON1}; foaf:businessCard [ a v:VCard; v:fn "Jane Doe" ].\n'
JANE2 = JANE.replace("person/1>", "person/2>")
ALICE = f'{PREFIXES}[] a foaf:Person; foaf:businessCard [ a v:VCard; v:given-name "Alice" ] .\n'
JANE_FULL = (
    f'{PREFIXES}{PERSON1}; foaf:givenName "Jane"; foaf:familyName "Doe";'
    ' foaf:businessCard [ a v:VCard; v:fn "Jane Doe" ] .\n'
)
BOUNDARY = "a6fe4cd636164618814be9f8d3d1a0de"
MULTIPART = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="lastName.ttl"; filename="lastName.ttl"\r\n'
    "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
    "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
    '<http://www.example/gsp/person/1> foaf:familyName "Doe" .\n\r\n'
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="firstName.ttl"; filename="firstName.ttl"\r\n'
    "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
    "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
    '<http://www.example/gsp/person/1> foaf:givenName "Jane" .\n\r\n'
    f"--{BOUNDARY}--\r\n"
)
MULTIPART_TYPE = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
G1 = "?graph=" + quote("http://www.example/gsp/person/1.ttl", safe="")
G2 = "?graph=" + quote("http://www.example/gsp/person/2.ttl", safe="")


@dataclass
class Step:
    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: str | None = None
    statuses: tuple[int, ...] = (200,)
    turtle: str | None = None  # expected body, compared by isomorphism
    turtle_type: bool = False  # response Content-Type must be text/turtle


def _get(path: str, expected: str) -> Step:
    return Step("GET", path, ACCEPT, statuses=(200,), turtle=expected, turtle_type=True)


CASES = {
    "GD01-put_get_repeat_direct": [
        Step("PUT", "/store/person/1.ttl", TTL, JOHN, (201,)),
        _get("/store/person/1.ttl", JOHN),
        Step("PUT", "/store/person/1.ttl", TTL, JANE, (200, 204)),
        _get("/store/person/1.ttl", JANE),
    ],
    "GD02-put_delete_get_delete_direct": [
        Step("PUT", "/store/person/2.ttl", TTL, ALICE, (200, 201, 204)),
        Step("DELETE", "/store/person/2.ttl", statuses=(200, 204)),
        Step("GET", "/store/person/2.ttl", statuses=(404,)),
        Step("DELETE", "/store/person/2.ttl", statuses=(200, 204, 404)),
    ],
    "GD03-post_get_post_get_direct": [
        Step("POST", "/store/person/1.ttl", TTL, JANE, (200, 201, 204)),
        _get("/store/person/1.ttl", JANE),
        Step("POST", "/store/person/1.ttl", MULTIPART_TYPE, MULTIPART, (200, 204)),
        _get("/store/person/1.ttl", JANE_FULL),
    ],
    "GD04-head_existing_direct": [
        Step("PUT", "/store/person/1.ttl", TTL, JOHN, (200, 201, 204)),
        Step(
            "HEAD",
            "/store/person/1.ttl",
            {"accept": "text/turtle; charset=utf-8"},
            statuses=(200,),
            turtle_type=True,
        ),
    ],
    "GI01-put_get_repeat_indirect": [
        Step("PUT", f"/store{G1}", TTL, JOHN, (201,)),
        _get(f"/store{G1}", JOHN),
        Step("PUT", f"/store{G1}", TTL, JANE, (200, 204)),
        _get(f"/store{G1}", JANE),
    ],
    "GI02-put_get_default": [
        Step("PUT", "/store?default", TTL, ALICE, (200, 201, 204)),
        _get("/store?default", ALICE),
    ],
    "GI03-put_delete_get_delete_indirect": [
        Step("PUT", f"/store{G2}", TTL, ALICE, (200, 201, 204)),
        Step("DELETE", f"/store{G2}", statuses=(200, 204)),
        Step("GET", f"/store{G2}", statuses=(404,)),
        Step("DELETE", f"/store{G2}", statuses=(200, 204, 404)),
    ],
    "GI04-post_get_post_get_indirect": [
        Step("POST", f"/store{G1}", TTL, JANE, (200, 201, 204)),
        _get(f"/store{G1}", JANE),
        Step("POST", f"/store{G1}", MULTIPART_TYPE, MULTIPART, (200, 204)),
        _get(f"/store{G1}", JANE_FULL),
    ],
    "GI05-post_get_new_graph": [
        Step("POST", "/store", TTL, ALICE, (201,)),
        _get("/store?graph=$LOCATION$", ALICE),
    ],
    "GI06-head_existing_indirect": [
        Step("PUT", f"/store{G1}", TTL, JOHN, (200, 201, 204)),
        Step(
            "HEAD", f"/store{G1}", {"accept": "text/turtle; charset=utf-8"}, statuses=(200,), turtle_type=True
        ),
    ],
    "GI07-head_non_existing_indirect": [
        Step(
            "HEAD",
            "/store?graph=" + quote("http://www.example/gsp/person/4.ttl", safe=""),
            {"accept": "text/turtle; charset=utf-8"},
            statuses=(404,),
        ),
    ],
    "GI08-put_get_uri_pct_encoded_indirect": [
        Step("PUT", f"/store{G1}", TTL, JOHN, (201,)),
        _get("/store?graph=http://www.example/gsp/person/1.ttl", JOHN),
    ],
    "GI09-put_get_uri_pct_encoded_twice": [
        Step("PUT", "/store?graph=http://www.example/gsp/person/%31.ttl", TTL, JOHN, (201,)),
        Step("PUT", "/store?graph=http://www.example/gsp/person/%2531.ttl", TTL, JANE2, (201,)),
        _get("/store?graph=http://www.example/gsp/person/%31.ttl", JOHN),
        _get("/store?graph=http://www.example/gsp/person/%2531.ttl", JANE2),
    ],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("gsp")
    with LiveServer(root / "store", write_token=TOKEN, log_path=root / "server.log") as srv:
        yield srv


def assert_isomorphic(expected: str, actual: bytes, where: str) -> None:
    exp, act = Graph().parse(data=expected, format="turtle"), Graph().parse(data=actual, format="turtle")
    if not isomorphic(exp, act):
        _, only_exp, only_act = graph_diff(to_isomorphic(exp), to_isomorphic(act))
        pytest.fail(
            f"{where}: graphs differ\nonly in expected:\n{sorted(only_exp)}\nonly in actual:\n{sorted(only_act)}"
        )


@pytest.mark.parametrize("name", list(CASES))
def test_w3c_graph_store(server, name):
    resp = server.request(
        "POST", "/sparql", "DROP ALL", server.auth({"content-type": "application/sparql-update"})
    )
    assert resp.status == 204
    location = None
    for i, step in enumerate(CASES[name], 1):
        path = step.path
        if "$LOCATION$" in path:
            assert location, "step 1 gave no Location header"
            path = path.replace("$LOCATION$", quote(location, safe=""))
        headers = server.auth(step.headers) if step.method in ("PUT", "POST", "DELETE") else step.headers
        resp = server.request(step.method, path, step.body, headers)
        where = f"{name} step {i} ({step.method} {path}): {resp.status} {resp.body[:300]!r}"
        assert resp.status in step.statuses, where
        location = resp.headers.get("location", location)
        if step.turtle_type:
            assert resp.media_type == "text/turtle", where
        if step.method == "HEAD":
            assert resp.body == b"", where
        if step.turtle is not None:
            assert_isomorphic(step.turtle, resp.body, where)


def test_all_13_graph_store_tests_are_listed():
    assert len(CASES) == 13
