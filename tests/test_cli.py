"""The ``kg`` command line: help and README, extract formats, query formats, errors."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import KGGroup, main
from kg.store import KGStore

REPO = Path(__file__).resolve().parents[1]
KG = "https://w3id.org/newskg/ontology#"
KGR = "https://w3id.org/newskg/id/"
MY_COMMANDS = ("extract", "ingest", "query", "serve", "export", "eval")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, as argument tuples: ("ingest",), ("gazetteer", "lookup")."""
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
    return paths


ALL_COMMANDS = command_paths(main)


def invoke(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")


def test_all_commands_are_there():
    assert {p[0] for p in ALL_COMMANDS} == {*MY_COMMANDS, "gazetteer"}


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=" ".join)
def test_help_works(path):
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage: kg " + " ".join(path) in " ".join(result.output.split())
    if path[0] in MY_COMMANDS:
        assert "Example:" in result.output


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(("kg", *p)))
def test_readme_mentions_every_command(path):
    """``kg ingest`` in the README; a subcommand on a line of its group (``kg gazetteer ...``)."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    parent, name = " ".join(("kg", *path[:-1])), path[-1]
    if len(path) == 1:
        assert any(re.search(rf"\bkg {name}\b", line) for line in lines)
    else:
        assert any(parent in line and re.search(rf"\b{name}\b", line) for line in lines)


@pytest.mark.parametrize("how", ["module", "script"])
def test_python_m_kg_and_the_console_script(how, kg_command):
    import subprocess
    import sys

    if how == "module":
        proc = kg_command("--help")
    else:
        script = Path(sys.executable).with_name("kg")
        proc = subprocess.run([str(script), "--help"], capture_output=True, text=True,
                              timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Usage: kg" in proc.stdout and "ingest" in proc.stdout


RDFLIB_FORMATS = {"nq": "nquads", "trig": "trig", "ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.mark.parametrize("ext", list(RDFLIB_FORMATS))
def test_extract_writes_a_parseable_graph(ext, tmp_path, nlp, sample_article_path):
    out = tmp_path / "sub" / f"sample.{ext}"
    result = invoke("extract", sample_article_path, "-o", out)
    assert result.exit_code == 0, result.output
    data = rdflib.Dataset(default_union=True)
    data.parse(out, format=RDFLIB_FORMATS[ext])
    fact = (rdflib.URIRef(KGR + "Russia"), rdflib.URIRef(KG + "withdrewFrom"),
            rdflib.URIRef(KGR + "Izium"))
    assert fact in data
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1 and "1 article" in summary[0] and " s " in summary[0]


def test_extract_several_articles_into_one_file(tmp_path, nlp, sample_article_path):
    out = tmp_path / "all.trig"
    second = REPO / "eval" / "dev" / "corpus" / "bakhmut-2023-05-21.txt"
    result = invoke("extract", sample_article_path, second, "-o", out)
    assert result.exit_code == 0, result.output
    data = rdflib.Dataset()
    data.parse(out, format="trig")
    names = {str(g.identifier) for g in data.graphs() if len(g)}
    assert {n.rsplit("/", 1)[-1] for n in names} >= {
        "kharkiv-counteroffensive-2022-09-10", "bakhmut-2023-05-21"}
    assert "2 articles" in result.stderr


def test_extract_to_stdout_needs_a_format(nlp, sample_article_path):
    assert invoke("extract", sample_article_path, "-o", "-").exit_code == 2
    result = invoke("extract", sample_article_path, "-o", "-", "--format", "nt")
    assert result.exit_code == 0
    assert f"<{KGR}Russia> <{KG}withdrewFrom> <{KGR}Izium> ." in result.stdout


def test_extract_unknown_extension_is_a_clear_error(tmp_path, sample_article_path):
    result = invoke("extract", sample_article_path, "-o", tmp_path / "out.xml")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: unknown RDF format '.xml': use one of .nq, .trig, .ttl, .nt, .jsonld"]
    assert not (tmp_path / "out.xml").exists()


SELECT_FACTS = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?party ?place WHERE {
  ?p kg:controls ?o . ?p rdfs:label ?party . ?o rdfs:label ?place
} ORDER BY ?party ?place"""


def rows_of(fmt: str, text: str) -> list[tuple[str, str]]:
    if fmt == "json":
        bindings = json.loads(text)["results"]["bindings"]
        return [(b["party"]["value"], b["place"]["value"]) for b in bindings]
    if fmt == "csv":
        return [(r["party"], r["place"]) for r in csv.DictReader(io.StringIO(text))]
    if fmt == "tsv":  # literals in SPARQL TSV keep their quotes
        lines = text.strip().splitlines()[1:]
        return [tuple(cell.strip('"') for cell in line.split("\t")) for line in lines]
    if fmt == "xml":
        from xml.etree import ElementTree

        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ElementTree.fromstring(text)
        return [tuple(r.find(f"r:binding[@name='{v}']/r:literal", ns).text
                      for v in ("party", "place")) for r in root.iterfind(".//r:result", ns)]
    lines = text.strip().splitlines()
    assert lines[0].split() == ["party", "place"] and set(lines[1]) <= {"-", " "}
    assert lines[-1].endswith("rows)")
    return [tuple(line.split()) for line in lines[2:-1]]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv", "xml"])
def test_query_formats(fmt, sample_store):
    result = invoke("query", SELECT_FACTS, "--store", sample_store, "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = rows_of(fmt, result.stdout)
    assert ("Ukraine", "Kupiansk") in rows and ("Russia", "Izium") in rows


@pytest.mark.parametrize(("fmt", "rdflib_format"), [
    ("table", "turtle"), ("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"),
    ("json", "json-ld"),
])
def test_construct_gives_rdf(fmt, rdflib_format, sample_store):
    sparql = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
              "CONSTRUCT { ?s kg:withdrewFrom ?o } WHERE { ?s kg:withdrewFrom ?o }")
    result = invoke("query", sparql, "--store", sample_store, "--format", fmt)
    assert result.exit_code == 0, result.output
    graph = rdflib.Dataset(default_union=True)
    graph.parse(data=result.stdout, format=rdflib_format)
    assert (rdflib.URIRef(KGR + "Russia"), rdflib.URIRef(KG + "withdrewFrom"),
            rdflib.URIRef(KGR + "Izium")) in graph


def test_ask_and_relation_labels_from_the_ontology_graph(sample_store):
    sparql = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
              "ASK { GRAPH <https://w3id.org/newskg/ontology> { kg:controls rdfs:label ?l } }")
    result = invoke("query", sparql, "--store", sample_store)
    assert (result.exit_code, result.stdout) == (0, "true\n")


def test_query_from_a_file_and_by_name(sample_store, tmp_path):
    rq = tmp_path / "facts.rq"
    rq.write_text(SELECT_FACTS, encoding="utf-8")
    from_file = invoke("query", rq, "--store", sample_store, "--format", "csv")
    assert ("Ukraine", "Kupiansk") in rows_of("csv", from_file.stdout)
    named = invoke("query", "about-place", "--param", "place=Kupiansk", "--store", sample_store,
                   "--format", "json")
    assert named.exit_code == 0, named.output
    labels = {b["objectLabel"]["value"] for b in json.loads(named.stdout)["results"]["bindings"]}
    assert labels == {"Kupiansk"}


@pytest.mark.parametrize(("args", "message"), [
    (["SELECT ?x WHERE { ?x", ], "SPARQL syntax error"),
    (["no-such-query"], "no query named 'no-such-query'"),
    (["DELETE WHERE { ?s ?p ?o }"], "SPARQL Update is not allowed"),
    (["about-place"], "needs a value for: place"),
    (["about-place", "--param", "place"], "NAME=VALUE"),
    (["CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"], "--format csv is for SELECT/ASK"),
    (["ASK {}", "--format", "turtle"], "--format turtle is for CONSTRUCT/DESCRIBE"),
    (["missing.rq"], "cannot read the query file"),
])
def test_query_errors_exit_2_in_one_line(args, message, sample_store):
    result = invoke("query", *args, "--store", sample_store)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_query_without_a_store_says_how_to_make_one(tmp_path):
    result = invoke("query", "ASK {}", "--store", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "run `kg ingest" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("ext", "rdflib_format"), [("nq", "nquads"), ("trig", "trig")])
def test_export_round_trips(ext, rdflib_format, sample_store, tmp_path):
    out = tmp_path / f"dump.{ext}"
    result = invoke("export", "--store", sample_store, "-o", out)
    assert result.exit_code == 0, result.output
    data = rdflib.Dataset()
    data.parse(out, format=rdflib_format)
    quads = list(data.quads((None, None, None, None)))
    with KGStore.open(sample_store, read_only=True) as store:
        expected = len(store)
        graphs = set(store.graphs())
    assert len(quads) == expected
    assert {str(q[3].identifier if hasattr(q[3], "identifier") else q[3]) for q in quads} == graphs


def test_export_refuses_a_triple_format(sample_store, tmp_path):
    result = invoke("export", "--store", sample_store, "-o", tmp_path / "dump.ttl")
    assert result.exit_code == 1 and "use .nq or .trig" in result.output


def test_ingest_reports_bad_files_and_stores_good_ones(kg_command, tmp_path, sample_article_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Kupiansk caf\u00e9".encode("latin-1"))
    store = tmp_path / "store"
    proc = kg_command("ingest", tmp_path / "empty.txt", sample_article_path,
                      tmp_path / "latin.txt", "--store", store)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3
    assert str(tmp_path / "empty.txt") in lines[0] and str(tmp_path / "latin.txt") in lines[1]
    assert "1 article" in lines[2] and "2 failed" in lines[2]
    counted = kg_command("query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {} }",
                         "--store", store, "--format", "csv")
    assert counted.stdout.split() == ["n", "2"]  # the sample and the ontology


def test_serve_without_a_store_is_a_one_line_error(kg_command, tmp_path):
    proc = kg_command("serve", "--store", tmp_path / "missing", "--port", "1")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"Error: no store at {tmp_path / 'missing'}: run `kg ingest ... --store "
        f"{tmp_path / 'missing'}` first"]


def failing_group() -> click.Group:
    """A real command group of the same class as ``kg``, with a command that has a bug."""

    @click.group(cls=KGGroup)
    @click.option("--debug", is_flag=True)
    def cli(debug: bool) -> None:
        """Test group."""

    @cli.command()
    def broken() -> None:
        {}["missing"]  # noqa: B018 - a genuine KeyError

    return cli


def test_unexpected_errors_are_one_line_with_a_hint(monkeypatch):
    monkeypatch.delenv("KG_DEBUG", raising=False)
    result = CliRunner().invoke(failing_group(), ["broken"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: internal error (KeyError: 'missing'); rerun with `kg --debug ...` "
        "to see the traceback"]


def test_debug_shows_the_traceback():
    result = CliRunner().invoke(failing_group(), ["--debug", "broken"])
    assert isinstance(result.exception, KeyError)
