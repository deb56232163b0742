"""kg eval's confidence table: each asserted triple judged as the scorer judges it and
filed under its statement's confidence."""
from __future__ import annotations

import json
from datetime import date

from kg._scoring import EntityIndex, GoldFacts
from kg.calibration import Calibration
from kg.extract import extract_articles
from kg.mapping import extraction_quads
from kg.types import Article

TEXT = ("Ukrainian troops recaptured Izium on Saturday. Russian forces shelled Kharkiv "
        "overnight. Russian units withdrew from Balakliia on Friday.")


def test_bands_split_the_outcomes_by_confidence():
    table = Calibration(outcomes=[(0.9, "right"), (0.9, "wrong"), (0.8, "neutral"),
                                  (0.7, "wrong"), (0.3, "right")])
    bands = {b.low: b for b in table.bands()}
    assert (bands[0.85].right, bands[0.85].wrong, bands[0.85].precision) == (1, 1, 0.5)
    assert (bands[0.75].neutral, bands[0.75].judged, bands[0.75].precision) == (1, 0, None)
    assert (bands[0.6].wrong, bands[0.0].right) == (1, 1)


def test_real_extraction_is_judged_like_the_scorer(nlp, tmp_path):
    entities = tmp_path / "entities.jsonl"
    entities.write_text("\n".join(json.dumps(e) for e in [
        {"id": "Ukraine", "type": "Party", "aliases": ["Ukraine"]},
        {"id": "Russia", "type": "Party", "aliases": ["Russia"]},
        {"id": "Izium", "type": "Settlement", "aliases": ["Izium"]},
        {"id": "Kharkiv", "type": "Settlement", "aliases": ["Kharkiv"]},
    ]), encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("\n".join(json.dumps(g) for g in [
        {"subject": "Ukraine", "relation": "controls", "object": "Izium", "required": True},
        {"subject": "Russia", "relation": "attacked", "object": "Kharkiv", "required": False},
    ]), encoding="utf-8")
    (ex,) = extract_articles([Article(id="c", text=TEXT, published=date(2022, 9, 10))], nlp)
    assert {(f.subject, f.relation, f.object) for f in ex.facts} >= {
        ("Ukraine", "controls", "Izium"), ("Russia", "attacked", "Kharkiv")}
    table = Calibration()
    table.add_document(GoldFacts.load(gold_file), extraction_quads(ex), EntityIndex.load(entities))
    outcomes = sorted(o for _, o in table.outcomes)
    assert outcomes == ["neutral", "right", "wrong"]          # Balakliia is in no gold fact
    confidences = {f.confidence for f in ex.facts}
    assert {c for c, _ in table.outcomes} <= confidences
