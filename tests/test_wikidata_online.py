"""Online linking against a fake Wikidata on 127.0.0.1 (real HTTP, real disk cache)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from kg._wikidata_http import parse_retry_after
from kg.cli_gazetteer import gazetteer as gazetteer_cli
from kg.gazetteer import Gazetteer
from kg.linking import LinkContext, Linker
from kg.wikidata import WikidataClient
from fake_wikidata import FakeItem, FakeWikidata

# Made-up places and QIDs: the fake answers in the real shapes, the facts are fiction.
NOVOTESTIVKA = FakeItem("Q990000001", "Novotestivka", ("settlement",), ("Q212",),
                        aliases=("Novotestovka",), coord=(48.5, 37.1))
NAMESAKE_PERSON = FakeItem("Q990000002", "Dr Novotestivka", ("person",))
TWIN_UA = FakeItem("Q990000003", "Dvoinyk", ("settlement",), ("Q212",))
TWIN_RU = FakeItem("Q990000004", "Dvoinyk", ("settlement",), ("Q159",))
LONE_PERSON = FakeItem("Q990000005", "Odynak", ("person",))


@pytest.fixture
def fake():
    with FakeWikidata([NOVOTESTIVKA, NAMESAKE_PERSON, TWIN_UA, TWIN_RU, LONE_PERSON]) as server:
        yield server


def client_for(fake: FakeWikidata, cache_dir, **kwargs) -> WikidataClient:
    options = {"timeout": 2.0, "max_retries": 2, "max_retry_wait": 0.05, **kwargs}
    return WikidataClient(fake.api_url, fake.sparql_url, cache_dir=cache_dir, **options)


def test_new_entity_is_linked_cached_and_linked_again_offline(fake, tmp_path):
    entry = client_for(fake, tmp_path).link("Novotestivka", frozenset({"settlement"}), "Q212")
    assert entry is not None
    assert (entry.qid, entry.type, entry.lat, entry.lon) == ("Q990000001", "settlement", 48.5, 37.1)
    assert fake.switches.requests == ["/w/api.php", "/sparql"]
    assert all(ua.startswith("kg-news/") for ua in fake.switches.user_agents)
    fake.stop()
    again = client_for(fake, tmp_path).link("Novotestivka", frozenset({"settlement"}), "Q212")
    assert again == entry


def test_type_check_rejects_a_person_and_the_nil_is_cached(fake, tmp_path):
    assert client_for(fake, tmp_path).link("Odynak", frozenset({"settlement"})) is None
    fake.stop()
    assert client_for(fake, tmp_path).link("Odynak", frozenset({"settlement"})) is None


@pytest.mark.parametrize(("country", "expected"), [("Q212", "Q990000003"), ("Q159", "Q990000004"),
                                                   (None, None)])
def test_country_check_picks_the_one_in_the_article_country(fake, tmp_path, country, expected):
    entry = client_for(fake, tmp_path).link("Dvoinyk", frozenset({"settlement"}), country)
    assert (entry.qid if entry else None) == expected


def test_429_then_success(fake, tmp_path):
    fake.switches.fail_429, fake.switches.retry_after = 1, "1"
    entry = client_for(fake, tmp_path).link("Novotestivka", frozenset({"settlement"}))
    assert entry is not None and entry.qid == "Q990000001"
    assert fake.switches.requests == ["/w/api.php", "/w/api.php", "/sparql"]


def test_429_forever_gives_up_after_bounded_retries(fake, tmp_path):
    fake.switches.fail_429 = 100
    assert client_for(fake, tmp_path, max_retries=2).link("Novotestivka") is None
    assert len(fake.switches.requests) == 3


def test_timeout_is_nil_and_not_cached(fake, tmp_path):
    fake.switches.delay = 1.5
    slow = client_for(fake, tmp_path, timeout=0.2)
    assert slow.link("Novotestivka", frozenset({"settlement"})) is None
    fake.switches.delay = 0.0
    assert slow.link("Novotestivka", frozenset({"settlement"})).qid == "Q990000001"


def test_malformed_json_is_nil_and_not_cached(fake, tmp_path):
    fake.switches.malformed = True
    client = client_for(fake, tmp_path)
    assert client.link("Novotestivka") is None
    fake.switches.malformed = False
    assert client.link("Novotestivka").qid == "Q990000001"


def test_unreachable_service_is_nil(tmp_path):
    client = WikidataClient("http://127.0.0.1:9/w/api.php", "http://127.0.0.1:9/sparql",
                            cache_dir=tmp_path, timeout=0.5)
    assert client.link("Novotestivka") is None


def test_linker_asks_online_only_for_unknown_names(fake, tmp_path):
    linker = Linker(Gazetteer.load(include_user=False), online=client_for(fake, tmp_path))
    assert linker.link("Izyum", "GPE").entry.key == "Izium"
    assert fake.switches.requests == []
    ctx = LinkContext(countries=("Ukraine",))
    result = linker.link("Novotestivka", "GPE", ctx)
    assert result.entry is not None and result.qid == "Q990000001"
    assert linker.link("Zvenyhorodka-on-the-Moon", "GPE", ctx).entry is None


def test_gazetteer_update_adds_learned_links(fake, tmp_path, monkeypatch):
    cache, user = tmp_path / "cache", tmp_path / "user" / "gazetteer.jsonl"
    client_for(fake, cache).link("Novotestivka", frozenset({"settlement"}), "Q212")
    client_for(fake, cache).link("Odynak", frozenset({"settlement"}))  # a NIL: not added
    runner = CliRunner()
    args = ["update", "--cache-dir", str(cache), "--user-gazetteer", str(user)]
    first = runner.invoke(gazetteer_cli, args)
    assert first.exit_code == 0, first.output
    assert "1 new entry added" in first.output
    assert "0 new entries" in runner.invoke(gazetteer_cli, args).output
    monkeypatch.setenv("KG_GAZETTEER_USER", str(user))
    learned = Gazetteer.load().candidates("Novotestivka")
    assert [(e.qid, e.parent) for e in learned] == [("Q990000001", "Ukraine")]


def test_gazetteer_update_reports_a_broken_user_file(tmp_path):
    user = tmp_path / "gazetteer.jsonl"
    user.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_cli, ["update", "--cache-dir", str(tmp_path / "c"),
                                                "--user-gazetteer", str(user)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("header", "seconds"), [
    ("3", 3.0), ("0", 0.0), (None, None), ("soon", None),
    ("Wed, 21 Oct 2015 07:28:10 GMT", 10.0),
])
def test_parse_retry_after(header, seconds):
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=timezone.utc)
    assert parse_retry_after(header, now=now) == seconds
