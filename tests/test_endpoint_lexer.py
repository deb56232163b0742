"""The SPARQL tokenizer behind the allow-list and dataset checks, table-driven."""

from __future__ import annotations

import pytest

from kg.web.sparql_lexer import (
    add_using_clauses,
    has_dataset_clause,
    has_update_dataset_clause,
    remote_iris,
    tokenize,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * { SERVICE <http://a.example/s> { ?s ?p ?o } }", ["http://a.example/s"]),
        ("select * { service silent <http://a.example/s> {} }", ["http://a.example/s"]),
        ("PREFIX e: <http://b.example/> SELECT * { SERVICE e:q {} }", ["http://b.example/q"]),
        ("PREFIX : <http://c.example/> SELECT * { SERVICE :sparql {} }", ["http://c.example/sparql"]),
        ("BASE <http://d.example/x/> SELECT * { SERVICE <../s> {} }", ["http://d.example/s"]),
        ("SELECT * { SERVICE <\\u0068ttp://e.example/> {} }", ["http://e.example/"]),
        ("SELECT * { SERVICE ?x {} }", ["?"]),
        ("SELECT * { SERVICE u:x {} }", ["?"]),
        ('SELECT * { ?s ?p "SERVICE <http://f.example/>" }', []),
        ("SELECT * { ?s ?p '''LOAD <http://f.example/>''' }", []),
        ("SELECT * { ?s ?p ?o } # SERVICE <http://f.example/>", []),
        ("SELECT * { ?s <http://x/#SERVICE> ?o . ?service ?p ex:service }", []),
        ("SELECT * { FILTER(?a<?b) SERVICE <http://g.example/> {} }", ["http://g.example/"]),
        (
            "LOAD <http://h.example/d.ttl> INTO GRAPH <http://g>; LOAD SILENT <http://i.example/>",
            ["http://h.example/d.ttl", "http://i.example/"],
        ),
    ],
)
def test_remote_iris(text, expected):
    assert remote_iris(text) == expected


def test_remote_iris_resolve_against_the_given_base():
    assert remote_iris("SELECT * { SERVICE <s> {} }", "http://base.example/sparql") == [
        "http://base.example/s"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * FROM <http://g> { ?s ?p ?o }", True),
        ("ASK FROM NAMED <http://g> {}", True),
        ("SELECT * { ?s <http://ex/from> 'FROM' }", False),
        ("SELECT ?from {}", False),
    ],
)
def test_has_dataset_clause(text, expected):
    assert has_dataset_clause(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("INSERT { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }", True),
        ("INSERT DATA { <http://a> <http://b> 'WITH USING' }", False),
    ],
)
def test_has_update_dataset_clause(text, expected):
    assert has_update_dataset_clause(text) is expected


def test_add_using_clauses_only_before_modify_where():
    update = (
        "INSERT { GRAPH <http://g> { ?s a <http://X> } } WHERE { ?s a <http://Y> { SELECT * WHERE {} } } ;\n"
        "DELETE WHERE { ?a ?b 'WHERE' } ;\n"
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }"
    )
    out = add_using_clauses(update, ["http://u"], ["http://n"])
    assert out.count("USING <http://u> USING NAMED <http://n> WHERE") == 2
    assert "DELETE WHERE { ?a ?b 'WHERE' }" in out
    assert "SELECT * WHERE {}" in out


def test_tokenize_skips_comments_and_keeps_strings_whole():
    tokens = list(tokenize('SELECT ?x # note "unclosed\n{ ?x ?p "a \\" b" }'))
    assert [t.kind for t in tokens] == ["name", "var", "punct", "var", "var", "string", "punct"]
