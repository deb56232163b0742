"""Ingestion into a real on-disk Oxigraph store: idempotence, atomicity, bad inputs, JSONL."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kg.articles import read_text_article
from kg.errors import InputError
from kg.extract import extract_articles
from kg.ingest import (
    ONTOLOGY_GRAPH,
    build_graph,
    ingest,
    ingest_extractions,
    ingest_paths,
    ontology_quads,
)
from kg.mapping import document_graph
from kg.store import KGStore
from kg.types import Article, Fact

SAMPLE_ID = "kharkiv-counteroffensive-2022-09-10"
SECOND = Path(__file__).resolve().parents[1] / "eval" / "dev" / "corpus" / "bakhmut-2023-05-21.txt"


def quad_set(store: KGStore, graph: str | None = None) -> set[str]:
    """Every quad of the store (or of one named graph) in N-Quads form."""
    import pyoxigraph as ox

    name = ox.NamedNode(graph) if graph else None
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, name)}


def ask(store: KGStore, pattern: str, graph: str | None = None) -> bool:
    """Whether ``pattern`` matches (inside named graph ``graph`` when given)."""
    if graph is not None:
        pattern = f"GRAPH <{graph}> {{ {pattern} }}"
    prefixes = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
                "PREFIX kgr: <https://w3id.org/newskg/id/> "
                "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
    return bool(store.query(prefixes + f"ASK {{ {pattern} }}"))


@pytest.fixture
def store(tmp_path: Path):
    with KGStore.open(tmp_path / "store") as opened:
        yield opened


def test_ingesting_twice_gives_the_same_store(store, nlp, sample_article_path):
    first = ingest(store, [read_text_article(sample_article_path)], nlp)
    once = quad_set(store)
    second = ingest(store, [read_text_article(sample_article_path)], nlp)
    assert (first.articles, first.failed) == (1, 0)
    assert second.quads == first.quads and second.facts == first.facts > 0
    assert quad_set(store) == once
    assert len(store) == len(once)
    assert store.graphs() == sorted([ONTOLOGY_GRAPH, document_graph(SAMPLE_ID)])


def test_sample_facts_are_stored(sample_store):
    with KGStore.open(sample_store, read_only=True) as store:
        assert ask(store, "kgr:Russia kg:withdrewFrom kgr:Izium")
        assert ask(store, "kgr:Ukraine kg:controls kgr:Kupiansk")


def test_ontology_graph_is_stored_once_and_labels_relations(store, nlp, sample_article_path):
    for _ in range(2):
        ingest(store, [read_text_article(sample_article_path)], nlp)
    assert len(quad_set(store, ONTOLOGY_GRAPH)) == len(ontology_quads()) > 100
    assert ask(store, "kg:withdrewFrom rdfs:label ?label", ONTOLOGY_GRAPH)


def test_second_article_adds_its_own_graph(store, nlp, sample_article_path):
    ingest(store, [read_text_article(sample_article_path)], nlp)
    sample_graph = quad_set(store, document_graph(SAMPLE_ID))
    report = ingest(store, [read_text_article(SECOND)], nlp)
    assert report.articles == 1
    assert document_graph("bakhmut-2023-05-21") in store.graphs()
    assert quad_set(store, document_graph(SAMPLE_ID)) == sample_graph
    assert ask(store, "?statement a kg:Statement ; rdf:object kgr:Bakhmut",
               document_graph("bakhmut-2023-05-21"))


def broken(extraction):
    """A real extraction made invalid half-way through its facts (an unknown relation)."""
    bad = copy.deepcopy(extraction)
    good_fact = bad.facts[len(bad.facts) // 2]
    bad.facts.insert(len(bad.facts) // 2, Fact(
        good_fact.subject, "annexed", good_fact.object, good_fact.sentence,
        good_fact.sentence_start, good_fact.sentence_end,
        good_fact.evidence_start, good_fact.evidence_end))
    return bad


def test_a_failing_article_leaves_its_old_graph_whole(store, nlp, sample_article_path):
    article = read_text_article(sample_article_path)
    ingest(store, [article], nlp)
    before = quad_set(store)
    (extraction,) = extract_articles([article], nlp)
    errors = []
    report = ingest_extractions(store, [broken(extraction)], on_error=errors.append)
    assert (report.articles, report.failed) == (0, 1)
    assert len(errors) == 1 and SAMPLE_ID in errors[0].message and "annexed" in errors[0].message
    assert quad_set(store) == before


def test_a_failing_new_article_leaves_no_graph_and_others_go_on(store, nlp, sample_article_path):
    sample, second = read_text_article(sample_article_path), read_text_article(SECOND)
    good, other = extract_articles([sample, second], nlp)
    report = ingest_extractions(store, [broken(other), good], on_error=lambda exc: None)
    assert (report.articles, report.failed) == (1, 1)
    assert document_graph(second.id) not in store.graphs()
    assert document_graph(sample.id) in store.graphs()


BAD_INPUTS = {
    "empty": b"",
    "binary": b"\x00\x01\x02\x03binary\x00",
    "latin1": "Russian troops left Izium, caf\u00e9.".encode("latin-1"),
}


@pytest.mark.parametrize("kind", [*BAD_INPUTS, "bad-meta"])
def test_bad_input_is_reported_in_one_line_and_others_are_ingested(
        store, nlp, tmp_path, sample_article_path, kind):
    bad = tmp_path / f"{kind}.txt"
    if kind == "bad-meta":
        bad.write_text("Ukrainian troops entered Kupiansk on Saturday.\n", encoding="utf-8")
        (tmp_path / f"{kind}.meta.json").write_text('{"published": "2022-09-10",', encoding="utf-8")
    else:
        bad.write_bytes(BAD_INPUTS[kind])
    errors = []
    report = ingest_paths(store, [bad, sample_article_path], nlp, on_error=errors.append)
    assert (report.articles, report.failed) == (1, 1)
    assert len(errors) == 1 and "\n" not in errors[0].message
    assert str(tmp_path / kind) in errors[0].message
    assert store.graphs() == sorted([ONTOLOGY_GRAPH, document_graph(SAMPLE_ID)])


def test_jsonl_articles_each_get_a_graph(store, nlp, tmp_path):
    rows = [
        {"id": "jsonl-one", "published": "2024-03-02", "title": "One",
         "text": "Russian forces withdrew from Izium on Friday, the ministry said."},
        {"id": "jsonl-two", "text": "Ukrainian troops raised the national flag over Kupiansk."},
    ]
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(r) for r in rows] + ['{"id": "broken", "text": ']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = []
    report = ingest_paths(store, [path], nlp, on_error=errors.append)
    assert (report.articles, report.failed) == (2, 1)
    assert f"{path}:3" in errors[0].message
    assert {document_graph("jsonl-one"), document_graph("jsonl-two")} <= set(store.graphs())
    assert ask(store, "kgr:Russia kg:withdrewFrom kgr:Izium", document_graph("jsonl-one"))


def test_shape_validation_passes_for_the_sample(store, nlp, sample_article_path):
    report = ingest(store, [read_text_article(sample_article_path)], nlp, validate_shapes=True)
    assert (report.articles, report.failed) == (1, 0)


def test_build_graph_rejects_an_unknown_format_before_extracting(tmp_path, sample_article_path):
    with pytest.raises(InputError, match=r"\.xyz"):
        build_graph([sample_article_path], tmp_path / "out.xyz")
    assert not (tmp_path / "out.xyz").exists()


def test_build_graph_writes_one_named_graph_per_article(tmp_path, nlp, sample_article_path):
    import pyoxigraph as ox

    out = tmp_path / "both.nq"
    report = build_graph([sample_article_path, SECOND], out, nlp)
    graphs = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {document_graph(SAMPLE_ID), document_graph("bakhmut-2023-05-21")}
    assert report.articles == 2 and report.quads == len(out.read_text().splitlines())


def test_build_graph_with_nothing_readable_writes_nothing(tmp_path, nlp):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="no article"):
        build_graph([empty], tmp_path / "out.nq", nlp, on_error=lambda exc: None)
    assert not (tmp_path / "out.nq").exists()


def test_article_ids_are_kept(store, nlp):
    text = "Russian forces shelled Kharkiv overnight, officials said."
    art = Article(id="own-words-1", text=text)
    ingest(store, [art], nlp)
    assert document_graph("own-words-1") in store.graphs()
