"""``kg eval`` scores must equal those of the reference scorer ``shared/eval/score.py``."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg._scoring import EntityIndex, GoldFacts, local_name, normalise, score_document
from kg.cli import main
from kg.errors import InputError
from kg.evaluation import EvalLayout, evaluate, score_links

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"


def reference_scores(shared_dir: Path, pairs: list[tuple[Path, Path]], entities: Path) -> dict:
    """Run score.py as its own process on (gold, graph) pairs; its JSON output."""
    args = [str(p) for pair in pairs for p in pair]
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), *args,
         "--entities", str(entities), "--json"],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def ours_by_doc(report) -> dict[str, tuple]:
    return {d.doc: (d.tp, d.fp, d.fn, d.missed, d.wrong) for d in report.docs}


def theirs_by_doc(result: dict) -> dict[str, tuple]:
    return {d["doc"]: (d["tp"], d["fp"], d["fn"], d["missed"], d["wrong"]) for d in result["docs"]}


@pytest.mark.parametrize("corpus", ["dev", "shared"])
def test_same_scores_as_the_reference_scorer(corpus, nlp, shared_dir, tmp_path):
    if corpus == "dev":
        layout = EvalLayout.resolve(DEV)
    else:
        layout = EvalLayout.resolve(shared_dir / "eval", corpus=shared_dir / "corpus")
    report = evaluate(layout, nlp=nlp, graphs_out=tmp_path)
    pairs = [(layout.gold_dir / f"{d.doc}.jsonl", tmp_path / f"{d.doc}.nq") for d in report.docs]
    reference = reference_scores(shared_dir, pairs, layout.entities)
    assert ours_by_doc(report) == theirs_by_doc(reference)
    overall = report.overall
    assert (overall.precision, overall.recall, overall.f1) == pytest.approx(
        (reference["precision"], reference["recall"], reference["f1"]))
    assert overall.tp > 0


EDGE_ENTITIES = [
    {"id": "Ukraine", "wikidata": ["Q212"], "aliases": ["Ukraine", "Ukrainian forces"]},
    {"id": "Russia", "wikidata": ["Q159"], "aliases": ["Russia", "Moscow"]},
    {"id": "Izium", "wikidata": [], "aliases": ["Izium", "Izyum"]},
    {"id": "Kupiansk", "wikidata": [], "aliases": ["Kupiansk"]},
    {"id": "Kharkiv Oblast", "wikidata": ["Q170666"], "aliases": ["Kharkiv region"]},
    {"id": "Kharkiv", "wikidata": [], "aliases": ["Kharkiv"]},
    {"id": "Balakliia", "wikidata": [], "aliases": ["Balakliia", "Balaklia"]},
]
EDGE_GOLD = [
    {"subject": "Ukraine", "relation": "controls", "object": "Izium", "required": True},
    {"subject": "Ukraine", "relation": "controls", "object": "Kupiansk", "required": True},
    {"subject": "Russia", "relation": "withdrewFrom", "object": "Izium", "required": True},
    {"subject": "Russia", "relation": "attacked", "object": "Kharkiv", "required": True},
    {"subject": "Russia", "relation": "suppliesVia", "object": "Kupiansk", "required": True},
    {"subject": "Russia", "relation": "controls", "object": "Kharkiv Oblast", "required": False},
    {"subject": "Russia", "relation": "deployedTo", "object": "Balakliia", "required": True},
]
# Every rule of the reading: Wikidata links and IRIs, the four label properties,
# accents, case, possessives, a leading "the", relation spellings, literal objects,
# blank nodes, optional facts, unmapped and wrong facts, a fact in two graphs.
EDGE_GRAPH = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
ex:g1 {
  ex:ua owl:sameAs <http://www.wikidata.org/entity/Q212> .
  ex:iz rdfs:label "the ÍZIÚM"@en .
  ex:ku <https://schema.org/name> "Kupiansk's" .
  ex:ua ex:Controls ex:iz .
  ex:ua <http://example.org/rel/controls/> ex:ku .
  <http://www.wikidata.org/entity/Q159> ex:withdrew-from ex:iz .
  <http://www.wikidata.org/entity/Q159> ex:WITHDREW_FROM ex:iz .
  _:moscow skos:prefLabel "Moscow" .
  _:moscow ex:attacked ex:kh .
  ex:kh skos:altLabel "kharkiv" .
  _:moscow ex:controls ex:region .
  ex:region <http://www.wikidata.org/prop/direct/P31> <https://www.wikidata.org/wiki/Q170666> .
  ex:ua ex:controls ex:atlantis .
  ex:atlantis rdfs:label "Atlantis" .
  ex:ua ex:attacked ex:kh .
  ex:ua ex:deployedTo "Balakliia" .
  ex:ua ex:captured ex:iz .
}
ex:g2 {
  ex:ua ex:controls ex:iz .
  ex:ru2 <http://schema.org/name> "Russia" .
  ex:ru2 ex:supplies_via ex:ku .
}
"""


def test_edge_cases_score_like_the_reference(shared_dir, tmp_path):
    entities = tmp_path / "entities.jsonl"
    entities.write_text("".join(json.dumps(e) + "\n" for e in EDGE_ENTITIES), encoding="utf-8")
    gold = tmp_path / "edge.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in EDGE_GOLD), encoding="utf-8")
    graph = tmp_path / "edge.trig"
    graph.write_text(EDGE_GRAPH, encoding="utf-8")

    quads = ox.parse(path=str(graph), format=ox.RdfFormat.TRIG)
    ours = score_document("edge", GoldFacts.load(gold), quads, EntityIndex.load(entities))
    theirs = reference_scores(shared_dir, [(gold, graph)], entities)["docs"][0]
    assert (ours.tp, ours.fp, ours.fn, ours.missed, ours.wrong) == (
        theirs["tp"], theirs["fp"], theirs["fn"], theirs["missed"], theirs["wrong"])
    assert (ours.tp, ours.fp, ours.fn) == (5, 2, 1)


def load_reference_module(shared_dir: Path):
    path = shared_dir / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("text", [
    "Izium", "IZYUM", "Kharkiv Oblast", "the Kremlin", "The  Donetsk   region", "Ukraine's",
    "Ukraine’s army", "Shusha/Shushi", "Mazar-i-Sharif", "Côte d'Ivoire", "São Tomé",
    "  Theodosia ", "the", "the the Hague", "Dnipro (city)", "ﬁnland", "Kyiv's forces'",
    "Straße", "M23", "U.S.-led coalition", "", "Armed Forces of Ukraine`s",
])
def test_normalise_like_the_reference(shared_dir, text):
    assert normalise(text) == load_reference_module(shared_dir).norm(text)


@pytest.mark.parametrize("iri", [
    "https://w3id.org/newskg/ontology#withdrewFrom", "http://example.org/rel/controls/",
    "http://example.org/a#b/c", "urn:x:attacked", "http://e.org/x##", "noslash",
])
def test_local_name_like_the_reference(shared_dir, iri):
    assert local_name(iri) == load_reference_module(shared_dir).local_name(iri)


def test_splits_come_from_split_json():
    layout = EvalLayout.resolve(DEV)
    split = json.loads((DEV / "SPLIT.json").read_text(encoding="utf-8"))
    assert layout.doc_ids("tune") == sorted(split["tune"])
    assert layout.doc_ids("heldout") == sorted(split["heldout"])
    assert len(layout.doc_ids("all")) == len(split["tune"]) + len(split["heldout"])


def test_shared_layout_finds_the_corpus_beside_eval(shared_dir):
    layout = EvalLayout.resolve(shared_dir / "eval")
    assert layout.corpus_dir == shared_dir / "corpus"
    with pytest.raises(InputError, match="SPLIT.json"):
        layout.doc_ids("tune")


@pytest.mark.parametrize(("remove", "message"), [
    ("gold", "no gold/ folder"), ("corpus", "--corpus"), ("entities.jsonl", "--entities"),
])
def test_layout_errors_say_what_is_missing(tmp_path, remove, message):
    for part in ("gold", "corpus"):
        (tmp_path / "set" / part).mkdir(parents=True)
    (tmp_path / "set" / "entities.jsonl").write_text("", encoding="utf-8")
    target = tmp_path / "set" / remove
    target.rmdir() if target.is_dir() else target.unlink()
    with pytest.raises(InputError, match=message):
        EvalLayout.resolve(tmp_path / "set")


def test_link_scores_count_nil_mentions(tmp_path):
    root = tmp_path / "set"
    for part in ("gold", "corpus", "links"):
        (root / part).mkdir(parents=True)
    (root / "entities.jsonl").write_text(
        '{"id": "Russia", "type": "Party", "wikidata": ["Q159"], "aliases": ["Russia"]}\n'
        '{"id": "Kharkiv", "type": "Settlement", "wikidata": [], "aliases": ["Kharkiv"]}\n',
        encoding="utf-8")
    (root / "gold" / "doc.jsonl").write_text("", encoding="utf-8")
    (root / "links" / "doc.jsonl").write_text(
        '{"mention": "Russia", "entity": "Russia", "qid": "Q159", "left": "", "right": " said"}\n'
        '{"mention": "Zzyzxqolb", "nil": true, "type": "GPE"}\n', encoding="utf-8")
    links = score_links(EvalLayout.resolve(root), ["doc"])
    assert links["all"]["qid"]["tp"] == 1
    assert links["all"]["key"]["nil_correct"] == 1 and links["all"]["key"]["fp"] == 0
    places = links["places"]["qid"]  # the party mention is skipped there, the NIL stays
    assert (places["tp"], places["nil_correct"], places["total"]) == (0, 1, 1)
    head = links["headline"]  # "Russia" names the party itself: in scope, held, found
    assert (head["correct"], head["wrong"], head["held"], head["found"]) == (1, 0, 1, 1)


def test_eval_command_on_the_shared_layout(shared_dir, nlp):
    result = CliRunner().invoke(main, ["eval", str(shared_dir / "eval"),
                                       "--corpus", str(shared_dir / "corpus")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("overall") for line in lines)
    for relation in ("controls", "withdrewFrom", "suppliesVia", "attacked", "deployedTo"):
        assert any(line.startswith(relation) for line in lines)
    assert "kharkiv-counteroffensive-2022-09-10: tp=" in result.output
    assert "asserted triples by statement confidence" in result.output


def test_eval_command_json_with_links(nlp):
    result = CliRunner().invoke(main, ["eval", str(DEV), "--split", "heldout", "--json", "--links"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    heldout = json.loads((DEV / "SPLIT.json").read_text(encoding="utf-8"))["heldout"]
    assert data["split"] == "heldout" and len(data["docs"]) == len(heldout) >= 10
    assert data["tp"] == sum(r["tp"] for r in data["relations"].values())
    judged = sum(b["right"] + b["wrong"] for b in data["calibration"])
    assert judged >= data["tp"] + data["fp"]     # every right or wrong fact is in some band
    assert set(data["links"]) == {"headline", "all", "places"}
    assert data["links"]["all"]["qid"]["total"] > 0
    head = data["links"]["headline"]
    assert head["held"] > 0 and 0.0 <= head["precision"] <= 1.0 and 0.0 <= head["recall"] <= 1.0
