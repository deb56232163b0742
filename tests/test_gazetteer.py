"""The packaged gazetteer data and its lookup: normalisation, transliteration, loading."""
from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

from kg.gazetteer import ENTRY_TYPES, Gazetteer, GazetteerError, norm, translit_key

SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
PACKAGED = Path(str(resources.files("kg") / "data" / "gazetteer.jsonl"))

#: Translit keys that two different entries may share on purpose (resolved by context).
KNOWN_AMBIGUITIES = {"congo", "tripoli", "hue"}     # Hue (Vietnam) and Huye (Rwanda)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(include_user=False)


def raw_lines() -> list[dict]:
    return [json.loads(line) for line in PACKAGED.read_text(encoding="utf-8").splitlines() if line]


def test_packaged_data_is_consistent():
    rows = raw_lines()
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate keys"
    qids = [r["qid"] for r in rows if r["qid"]]
    assert len(qids) == len(set(qids)), "two entries share a QID"
    for row in rows:
        assert row["type"] in ENTRY_TYPES, row
        assert row["parent"] is None or row["parent"] in keys, row
        assert ("lat" in row) == ("lon" in row), row
        if "lat" in row:
            assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180, row


def shared_entities() -> list[dict]:
    path = SHARED / "eval" / "entities.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_eval_entities_are_seeded_with_their_verified_qids(gaz):
    for ent in shared_entities():
        entry = gaz.get(ent["id"])
        assert entry is not None, ent["id"]
        assert entry.qid == (ent["wikidata"][0] if ent["wikidata"] else None), ent["id"]


# Party aliases ("Kremlin", "Kiev" for Ukraine) are metonymy: the extractor's concern.
@pytest.mark.parametrize("ent", [e for e in shared_entities() if e["type"] != "Party"],
                         ids=lambda e: e["id"])
def test_eval_place_aliases_find_their_entity(gaz, ent):
    for alias in ent["aliases"]:
        assert ent["id"] in [m.entry.key for m in gaz.matches(alias)], alias


@pytest.mark.parametrize(("text", "expected"), [
    ("Kharkiv", "kharkiv"),
    ("the Kharkiv region", "kharkiv region"),
    ("Ukraine's", "ukraine"),
    ("Ukraine\u2019s", "ukraine"),
    ("Zaporizhzhia\u0301", "zaporizhzhia"),
    ("Priština", "pristina"),
    ("Hay'at Tahrir al-Sham", "hayat tahrir al sham"),
    ("U.S.", "us"),
    ("  The   Donbas  ", "donbas"),
    ("Luhans'k", "luhansk"),
])
def test_norm(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize("variants", [
    ("Kupiansk", "Kupyansk", "Kupjansk", "Kupians'k"),
    ("Izium", "Izyum", "Izjum"),
    ("Balakliia", "Balaklia", "Balakliya", "Balakleya"),
    ("Sievierodonetsk", "Severodonetsk"),
    ("Zaporizhzhia", "Zaporizhia"),
    ("Khan Younis", "Khan Yunis", "Khanyounis"),
    ("Mekelle", "Mekele"),
    ("Bakhmut", "Bahmut"),
])
def test_translit_key_merges_variants(variants):
    assert len({translit_key(v) for v in variants}) == 1, [translit_key(v) for v in variants]


@pytest.mark.parametrize(("a", "b"), [
    ("Kharkiv", "Kherson"), ("Iran", "Iraq"), ("Niger", "Nigeria"), ("Mali", "Malta"),
    ("Sudan", "South Sudan"), ("Gaza", "Gaza City"), ("Donetsk", "Donetsk Oblast"),
])
def test_translit_key_keeps_different_names_apart(a, b):
    assert translit_key(a) != translit_key(b)


def test_no_translit_collisions_between_entries(gaz):
    assert set(gaz.translit_collisions()) <= KNOWN_AMBIGUITIES


@pytest.mark.parametrize(("surface", "key"), [
    ("Kupjansk", "Kupiansk"), ("Izjum", "Izium"), ("Balakleya", "Balakliia"),
    ("Kupians'k", "Kupiansk"), ("Syevyerodonetsk", "Sievierodonetsk"),
    ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("the Kharkiv region", "Kharkiv Oblast"),
    ("Daesh", "Islamic State"), ("ISIS", "Islamic State"), ("IS", "Islamic State"),
    ("U.S.", "United States"), ("Agence France-Presse", "Agence France-Presse"),
])
def test_candidates_find_single_entry(gaz, surface, key):
    assert [e.key for e in gaz.candidates(surface)] == [key]


def test_acronyms_are_case_sensitive(gaz):
    assert gaz.candidates("is") == []
    assert gaz.candidates("us") == []
    assert [e.key for e in gaz.candidates("UN")] == ["United Nations"]


def test_exact_alias_beats_transliteration(gaz):
    assert [m.how for m in gaz.matches("Izyum", types=["settlement"])] == ["alias"]
    assert [m.how for m in gaz.matches("Izyoum", types=["settlement"])] == ["translit"]


def test_region_base_and_type_filter(gaz):
    matches = {m.entry.key: m.how for m in gaz.matches("Kherson")}
    assert matches == {"Kherson": "alias", "Kherson Oblast": "region_base"}
    assert [e.key for e in gaz.candidates("Kherson")] == ["Kherson"]
    assert gaz.candidates("Kherson", types=["region"]) == []


def test_parent_chain(gaz):
    izium = gaz.get("Izium")
    assert gaz.ancestors(izium) == ["Izium region", "Kharkiv Oblast", "Ukraine"]
    assert gaz.country_of(izium).key == "Ukraine"
    assert gaz.country_of(gaz.get("Islamic State")) is None


def test_user_gazetteer_is_loaded_and_overrides(tmp_path, monkeypatch):
    user = tmp_path / "user.jsonl"
    lines = [
        {"key": "Hlyboka Balka", "qid": None, "aliases": ["Hlyboka Balka", "Glubokaya Balka"],
         "type": "settlement", "parent": "Kharkiv Oblast"},
        {"key": "Izium", "qid": None, "label": "Izium", "aliases": ["Izium", "Izyum"],
         "type": "settlement", "parent": "Kharkiv Oblast"},
    ]
    user.write_text("# my places\n" + "\n".join(json.dumps(x) for x in lines) + "\n")
    monkeypatch.setenv("KG_GAZETTEER_USER", str(user))
    gaz = Gazetteer.load()
    assert [e.key for e in gaz.candidates("Glubokaya Balka")] == ["Hlyboka Balka"]
    assert gaz.get("Izium").parent == "Kharkiv Oblast"
    assert len(gaz) == len(Gazetteer.load(include_user=False)) + 1


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ('{"key": "X", "qid": "X12", "type": "settlement"}', "'qid' must be null"),
    ('{"key": "X", "qid": null, "type": "village"}', "'type' must be one of"),
    ('{"qid": null, "type": "settlement"}', "'key' must be"),
    ('{"key": "X", "qid": null, "type": "settlement", "lat": "north"}', "'lat' must be"),
    ('["X"]', "expected a JSON object"),
])
def test_bad_lines_give_clear_errors(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load([path], include_user=False)
    assert message in str(info.value) and f"{path}:1" in str(info.value)


def test_missing_extra_path_is_an_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load([tmp_path / "nope.jsonl"], include_user=False)
