"""The 34 W3C SPARQL 1.1 Protocol tests (w3c/rdf-tests sparql11/protocol) against
a live server, plus the 1.2-draft checks X01-X08 and V01-V06.

Each test starts from an empty store and loads its fixtures through the Graph
Store Protocol with the bearer token. Requests are sent with http.client so that
exactly the listed headers go out.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pytest

from kg.web.testing import LiveServer

pytestmark = pytest.mark.server

TOKEN = "w3c-protocol-token"
D = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2F"
DATA = "http://kasei.us/2009/09/sparql/data/"
FORM = {"content-type": "application/x-www-form-urlencoded"}
QUERY = {"content-type": "application/sparql-query"}
UPDATE = {"content-type": "application/sparql-update"}

RESULT_TYPES = {
    "boolean": {"application/sparql-results+xml", "application/sparql-results+json"},
    "tabular": {
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json"},
}


@dataclass
class Step:
    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: bytes | str | None = None
    status: str = "2xx"  # "2xx" means 2xx or 3xx
    kind: str | None = None  # boolean, tabular, RDF
    boolean: bool | None = None


@dataclass
class Case:
    id: str
    name: str
    fixtures: tuple[int, ...]
    steps: list[Step]


def _ds_update(insert_where: str, insert_graph: str, where: str) -> str:
    return f"""PREFIX dc: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DROP ALL ;
INSERT DATA {{
    GRAPH <{DATA}data1.rdf> {{ <{DATA}data1.rdf> a foaf:Document }}
    GRAPH <{DATA}data2.rdf> {{ <{DATA}data2.rdf> a foaf:Document }}
    GRAPH <{DATA}data3.rdf> {{ <{DATA}data3.rdf> a foaf:Document }}
}} ;
INSERT {{ GRAPH <{insert_graph}> {{ {insert_where} }} }}
WHERE {{ {where} }}"""


def _ask_12_not_3(graph: str) -> str:
    return f"""ASK {{
    GRAPH <{graph}> {{
        <{DATA}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .
        <{DATA}data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .
    }}
    FILTER NOT EXISTS {{
        GRAPH <{graph}> {{ <{DATA}data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> . }}
    }}
}}"""


ASK_BOTH_DEFAULT = f"ASK {{ <{DATA}data1.rdf> a ?type . <{DATA}data2.rdf> a ?type . }}"
ASK_BOTH_NAMED = (
    f"ASK {{ GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }} GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }} }}"
)
DG0 = f"default-graph-uri={D}data0.rdf"

CASES = [
    Case(
        "P01",
        "query_post_form",
        (),
        [Step("POST", f"/sparql?{DG0}", FORM, "query=ASK%20%7B%7D", kind="boolean", boolean=True)],
    ),
    Case(
        "P02",
        "query_dataset_default_graphs_get",
        (1, 2),
        [
            Step(
                "GET",
                "/sparql?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D"
                f"&default-graph-uri={D}data1.rdf&default-graph-uri={D}data2.rdf",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P03",
        "query_dataset_default_graphs_post",
        (1, 2),
        [
            Step(
                "POST",
                f"/sparql?default-graph-uri={D}data1.rdf&default-graph-uri={D}data2.rdf",
                QUERY,
                ASK_BOTH_DEFAULT,
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P04",
        "query_dataset_named_graphs_post",
        (1, 2),
        [
            Step(
                "POST",
                f"/sparql?named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
                QUERY,
                ASK_BOTH_NAMED,
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P05",
        "query_dataset_named_graphs_get",
        (1, 2),
        [
            Step(
                "GET",
                "/sparql?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20%7D%20%7D"
                f"&named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P06",
        "query_dataset_full",
        (1, 2, 3),
        [
            Step(
                "POST",
                f"/sparql?default-graph-uri={D}data3.rdf&named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
                QUERY,
                f"ASK {{\n  <{DATA}data3.rdf> a ?type\n  GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }}\n"
                f"  GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }}\n}}",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P07",
        "query_multiple_dataset",
        (1, 2, 3),
        [
            Step(
                "POST",
                f"/sparql?named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
                QUERY,
                f"ASK FROM <{DATA}data3.rdf> {{ GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }} GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }} }}",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "P08",
        "query_get",
        (),
        [Step("GET", f"/sparql?query=ASK%20%7B%7D&{DG0}", kind="boolean", boolean=True)],
    ),
    Case(
        "P09",
        "query_content_type_select",
        (),
        [Step("POST", f"/sparql?{DG0}", QUERY, "SELECT (1 AS ?value) {}", kind="tabular")],
    ),
    Case(
        "P10", "query_content_type_ask", (), [Step("POST", f"/sparql?{DG0}", QUERY, "ASK {}", kind="boolean")]
    ),
    Case(
        "P11",
        "query_content_type_describe",
        (),
        [Step("POST", f"/sparql?{DG0}", QUERY, "DESCRIBE <http://example.org/>", kind="RDF")],
    ),
    Case(
        "P12",
        "query_content_type_construct",
        (),
        [Step("POST", f"/sparql?{DG0}", QUERY, "CONSTRUCT { <s> <p> 1 } WHERE {}", kind="RDF")],
    ),
    Case(
        "P13",
        "update_dataset_default_graph",
        (),
        [
            Step(
                "POST",
                f"/sparql?using-graph-uri={D}data1.rdf",
                UPDATE,
                f"""PREFIX dc: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
CLEAR ALL ;
INSERT DATA {{ GRAPH <{DATA}data1.rdf> {{ <{DATA}data1.rdf> a foaf:Document }} }} ;
INSERT {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{ ?s a dc:BibliographicResource }} }}
WHERE {{ ?s a foaf:Document }}""",
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                f"""ASK {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{
    <{DATA}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> }} }}""",
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case(
        "P14",
        "update_dataset_default_graphs",
        (),
        [
            Step(
                "POST",
                f"/sparql?using-graph-uri={D}data1.rdf&using-graph-uri={D}data2.rdf",
                UPDATE,
                _ds_update(
                    "?s a dc:BibliographicResource",
                    "http://example.org/protocol-update-dataset-graphs-test/",
                    "?s a foaf:Document",
                ),
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                _ask_12_not_3("http://example.org/protocol-update-dataset-graphs-test/"),
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case(
        "P15",
        "update_dataset_named_graphs",
        (),
        [
            Step(
                "POST",
                f"/sparql?using-named-graph-uri={D}data1.rdf&using-named-graph-uri={D}data2.rdf",
                UPDATE,
                _ds_update(
                    "?s a dc:BibliographicResource",
                    "http://example.org/protocol-update-dataset-named-graphs-test/",
                    "GRAPH ?g { ?s a foaf:Document }",
                ),
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                _ask_12_not_3("http://example.org/protocol-update-dataset-named-graphs-test/"),
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case(
        "P16",
        "update_dataset_full",
        (),
        [
            Step(
                "POST",
                f"/sparql?using-graph-uri={D}data1.rdf&using-named-graph-uri={D}data2.rdf",
                UPDATE,
                _ds_update(
                    "?s <http://example.org/in> ?in",
                    "http://example.org/protocol-update-dataset-full-test/",
                    '{ GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) } UNION { ?s a foaf:Document . BIND("default" AS ?in) }',
                ),
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                f"""ASK {{
    GRAPH <http://example.org/protocol-update-dataset-full-test/> {{
        <{DATA}data1.rdf> <http://example.org/in> "default" .
        <{DATA}data2.rdf> <http://example.org/in> <{DATA}data2.rdf> .
    }}
    FILTER NOT EXISTS {{ GRAPH <http://example.org/protocol-update-dataset-full-test/> {{ <{DATA}data3.rdf> ?p ?o }} }}
}}""",
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case("P17", "update_post_form", (), [Step("POST", "/sparql", FORM, "update=CLEAR+ALL")]),
    Case("P18", "update_post_direct", (), [Step("POST", "/sparql", UPDATE, "CLEAR ALL")]),
    Case(
        "P19",
        "update_base_uri",
        (),
        [
            Step(
                "POST",
                "/sparql",
                UPDATE,
                "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\n"
                "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }",
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                "ASK { GRAPH <http://example.org/protocol-base-test/> {\n"
                '  <http://example.org/s> <http://example.org/p> ?o FILTER (isIRI(?o) && STR(?o) != "test") } }',
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case(
        "P20",
        "query_post_direct",
        (),
        [Step("POST", "/sparql", QUERY, "ASK {}", kind="boolean", boolean=True)],
    ),
    Case(
        "P21", "bad_query_method", (), [Step("PUT", f"/sparql?query=ASK%20%7B%7D&{DG0}", FORM, status="4xx")]
    ),
    Case(
        "P22",
        "bad_multiple_queries",
        (),
        [Step("GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", status="4xx")],
    ),
    Case(
        "P23",
        "bad_query_wrong_media_type",
        (),
        [Step("POST", "/sparql", {"content-type": "text/plain"}, "ASK {}", status="4xx")],
    ),
    Case(
        "P24",
        "bad_query_missing_form_type",
        (),
        [Step("POST", "/sparql", {}, "query=ASK%20%7B%7D", status="4xx")],
    ),
    Case("P25", "bad_query_missing_direct_type", (), [Step("POST", "/sparql", {}, "ASK {}", status="4xx")]),
    Case(
        "P26",
        "bad_query_non_utf8",
        (),
        [
            Step(
                "POST",
                "/sparql",
                {"content-type": "application/sparql-query; charset=UTF-16"},
                "ASK {}".encode("utf-16"),
                status="4xx",
            )
        ],
    ),
    Case("P27", "bad_query_syntax", (), [Step("GET", "/sparql?query=ASK%20%7B", status="4xx")]),
    Case("P28", "bad_update_get", (), [Step("GET", "/sparql?update=CLEAR%20ALL", status="4xx")]),
    Case(
        "P29",
        "bad_multiple_updates",
        (),
        [Step("POST", "/sparql", FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", status="4xx")],
    ),
    Case(
        "P30",
        "bad_update_wrong_media_type",
        (),
        [Step("POST", "/sparql", {"content-type": "text/plain"}, "CLEAR NAMED", status="4xx")],
    ),
    Case(
        "P31",
        "bad_update_missing_form_type",
        (),
        [Step("POST", "/sparql", {}, "update=CLEAR%20NAMED", status="4xx")],
    ),
    Case(
        "P32",
        "bad_update_non_utf8",
        (),
        [
            Step(
                "POST",
                "/sparql",
                {"content-type": "application/sparql-update; charset=UTF-16"},
                "CLEAR NAMED".encode("utf-16"),
                status="4xx",
            )
        ],
    ),
    Case("P33", "bad_update_syntax", (), [Step("POST", "/sparql", FORM, "update=CLEAR%20XYZ", status="4xx")]),
    Case(
        "P34",
        "bad_update_dataset_conflict",
        (),
        [
            Step(
                "POST",
                "/sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
                UPDATE,
                """PREFIX foaf:  <http://xmlns.com/foaf/0.1/>
WITH <http://example/addresses>
DELETE { ?person foaf:givenName 'Bill' }
INSERT { ?person foaf:givenName 'William' }
WHERE { ?person foaf:givenName 'Bill' }""",
                status="4xx",
            )
        ],
    ),
]

ASK_DATA1 = "query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20%3Fp%20%3Fo%20%7D"
DRAFT_CASES = [
    Case(
        "V01",
        "bad_query_multiple_versions",
        (1,),
        [
            Step(
                "GET",
                f"/sparql?query=ASK%20%7B%7D&version=1.1&version=1.2&default-graph-uri={D}data1.rdf",
                status="4xx",
            )
        ],
    ),
    Case(
        "V02",
        "bad_update_multiple_versions",
        (1,),
        [Step("POST", "/sparql", FORM, "update=CLEAR%20ALL&version=1.1&version=1.2", status="4xx")],
    ),
    Case(
        "V03",
        "query_get_with_version",
        (1,),
        [
            Step(
                "GET",
                f"/sparql?query=ASK%20%7B%7D&version=1.2&default-graph-uri={D}data1.rdf",
                {"accept": "application/sparql-results+xml, application/sparql-results+json"},
                kind="boolean",
            )
        ],
    ),
    Case(
        "V04",
        "query_post_direct_with_version_param",
        (1,),
        [
            Step(
                "POST",
                f"/sparql?default-graph-uri={D}data1.rdf",
                {"content-type": "application/sparql-query; version=1.2"},
                "ASK {}",
                kind="boolean",
            )
        ],
    ),
    Case(
        "V05",
        "update_post_direct_with_version_param",
        (1,),
        [Step("POST", "/sparql", {"content-type": "application/sparql-update; version=1.2"}, "CLEAR ALL")],
    ),
    Case(
        "V06",
        "update_post_form_with_version",
        (1,),
        [Step("POST", "/sparql", FORM, "update=CLEAR%20ALL&version=1.2")],
    ),
    Case(
        "X01",
        "bad_multiple_queries_form",
        (1,),
        [Step("POST", "/sparql", FORM, "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", status="4xx")],
    ),
    Case(
        "X02",
        "bad_query_get_with_body",
        (1,),
        [
            Step(
                "GET",
                f"/sparql?query=ASK%20%7B%7D&default-graph-uri={D}data1.rdf",
                {},
                "unexpected body content",
                status="4xx",
            )
        ],
    ),
    Case(
        "X03",
        "bad_update_form_body_missing",
        (1,),
        [Step("POST", "/sparql?update=CLEAR%20ALL", FORM, status="4xx")],
    ),
    Case(
        "X04",
        "query_base_uri",
        (1,),
        [
            Step(
                "POST",
                "/sparql",
                UPDATE,
                "CLEAR SILENT GRAPH <http://example.org/protocol-base-query-test/> ;\n"
                "INSERT DATA { GRAPH <http://example.org/protocol-base-query-test/> { <http://example.org/s> <http://example.org/p> <http://example.org/o> } }",
            ),
            Step(
                "POST",
                "/sparql",
                QUERY,
                "BASE <http://example.org/>\nASK { GRAPH <protocol-base-query-test/> { <s> <p> <o> } }",
                kind="boolean",
                boolean=True,
            ),
        ],
    ),
    Case(
        "X05",
        "query_content_negotiation_json",
        (1,),
        [
            Step(
                "POST",
                "/sparql",
                {**FORM, "accept": "application/sparql-results+json"},
                f"query=ASK%20%7B%7D&default-graph-uri={D}data1.rdf",
                kind="boolean",
            )
        ],
    ),
    Case(
        "X06",
        "query_content_negotiation_xml",
        (1,),
        [
            Step(
                "POST",
                "/sparql",
                {**FORM, "accept": "application/sparql-results+xml"},
                f"query=ASK%20%7B%7D&default-graph-uri={D}data1.rdf",
                kind="boolean",
            )
        ],
    ),
    Case(
        "X07",
        "query_dataset_default_graph",
        (1,),
        [
            Step(
                "POST",
                "/sparql",
                {**FORM, "accept": "application/sparql-results+xml"},
                f"{ASK_DATA1}&default-graph-uri={D}data1.rdf",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "X08",
        "query_post_form_dataset",
        (1,),
        [
            Step(
                "POST",
                "/sparql",
                FORM,
                f"{ASK_DATA1}&default-graph-uri={D}data1.rdf",
                kind="boolean",
                boolean=True,
            )
        ],
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("protocol")
    with LiveServer(root / "store", write_token=TOKEN, log_path=root / "server.log") as srv:
        yield srv


def reset(server: LiveServer, fixtures: tuple[int, ...]) -> None:
    resp = server.request("POST", "/sparql", "DROP ALL", server.auth(UPDATE))
    assert resp.status == 204, resp.body
    for n in fixtures:
        iri = f"{DATA}data{n}.rdf"
        triple = f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> .\n"
        resp = server.request(
            "PUT",
            f"/store?graph={D}data{n}.rdf",
            triple,
            server.auth({"content-type": "application/n-triples"}),
        )
        assert resp.status == 201, resp.body


def parse_boolean(media_type: str, body: bytes) -> bool:
    if media_type == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    root = ET.fromstring(body)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text.strip() == "true"


def run_case(server: LiveServer, case: Case) -> None:
    reset(server, case.fixtures)
    for i, step in enumerate(case.steps, 1):
        headers = dict(step.headers)
        if step.path.startswith("/sparql") and headers.get("content-type", "").startswith(
            "application/sparql-update"
        ):
            headers = server.auth(headers)
        elif step.method == "POST" and b"update=" in (
            step.body.encode() if isinstance(step.body, str) else step.body or b""
        ):
            headers = server.auth(headers)
        resp = server.request(step.method, step.path, step.body, headers)
        where = f"{case.id} step {i}: {resp.status} {resp.body[:300]!r}"
        if step.status == "4xx":
            assert 400 <= resp.status < 500, where
            continue
        assert 200 <= resp.status < 400, where
        if step.kind:
            assert resp.media_type in RESULT_TYPES[step.kind], where
        if step.boolean is not None:
            assert parse_boolean(resp.media_type, resp.body) is step.boolean, where


@pytest.mark.parametrize("case", CASES, ids=[f"{c.id}-{c.name}" for c in CASES])
def test_w3c_protocol(server, case):
    run_case(server, case)


@pytest.mark.parametrize("case", DRAFT_CASES, ids=[f"{c.id}-{c.name}" for c in DRAFT_CASES])
def test_sparql12_draft_protocol(server, case):
    run_case(server, case)


def test_all_34_protocol_tests_are_listed():
    assert [c.id for c in CASES] == [f"P{i:02d}" for i in range(1, 35)]
