"""The query page and the named-query catalogue, through the real app's test client."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.queries import load_queries
from kg.web import create_app

STATIC = Path(__file__).resolve().parents[1] / "kg" / "web" / "static"
HOSTILE = "</script><script>alert(1)</script> <b>bold</b> {{ 7*7 }}"

PLAIN_QUERY = """\
# title: All statements
# description: Every statement node.
PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?s WHERE { ?s a kg:Statement }
"""

HOSTILE_QUERY = f"""\
# title: {HOSTILE}
# description: Says {HOSTILE} too.
# parameters: ?place
SELECT ?x WHERE {{ ?x ?p ?place }}
"""


class _Page(HTMLParser):
    """Collects the URL attributes of a page and the text of its JSON config script."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.config_text = ""
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "action"):
            if attrs.get(name) is not None:
                self.urls.append((tag, attrs[name]))
        self._in_config = tag == "script" and attrs.get("id") == "kg-config"

    def handle_endtag(self, tag):
        self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture
def query_dir(tmp_path) -> Path:
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "all-statements.rq").write_text(PLAIN_QUERY, encoding="utf-8")
    (folder / "hostile.rq").write_text(HOSTILE_QUERY, encoding="utf-8")
    return folder


@pytest.fixture
def client(tmp_path, query_dir):
    app = create_app({"TESTING": True, "KG_STORE_PATH": str(tmp_path / "store"), "KG_QUERY_DIR": str(query_dir)})
    return app.test_client()


def test_page_says_what_it_is_and_links_the_descriptions(client):
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "<h1>News conflict knowledge graph</h1>" in html
    urls = parse_page(html).urls
    assert ("a", "/sparql") in urls and ("a", "/void") in urls
    assert '<label for="sparql-editor"' in html


def test_page_loads_only_its_own_assets(client):
    urls = parse_page(client.get("/").get_data(as_text=True)).urls
    assets = [url for tag, url in urls if tag in ("script", "link")]
    assert "/ui-static/query-page.js" in assets and "/ui-static/query-page.css" in assets
    for url in assets:
        assert url.startswith(("/", "data:")) and not url.startswith("//"), url


def test_page_config_carries_the_named_queries(client, query_dir):
    config = json.loads(parse_page(client.get("/").get_data(as_text=True)).config_text)
    assert config["endpoint"] == "/sparql"
    assert config["queriesError"] is None
    assert config["prefixes"]["kgr"] == "https://w3id.org/newskg/id/"
    by_name = {q["name"]: q for q in config["queries"]}
    assert set(by_name) == set(load_queries(query_dir))
    assert by_name["hostile"]["parameters"] == [{"name": "place", "label": "?place", "kind": "auto"}]
    assert by_name["all-statements"]["sparql"] == PLAIN_QUERY


def test_query_text_cannot_break_out_of_the_page(client):
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<b>bold</b>" not in html
    config = json.loads(parse_page(html).config_text)
    titles = {q["name"]: q["title"] for q in config["queries"]}
    assert titles["hostile"] == HOSTILE


def test_queries_lists_every_named_query(client, query_dir):
    resp = client.get("/queries")
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    listed = resp.get_json()["queries"]
    assert [q["name"] for q in listed] == sorted(load_queries(query_dir))
    for item in listed:
        assert set(item) == {"name", "title", "description", "sparql", "parameters"}


def test_one_query_by_name(client, query_dir):
    resp = client.get("/queries/hostile")
    assert resp.status_code == 200
    body = resp.get_json()
    stored = load_queries(query_dir)["hostile"]
    assert (body["title"], body["description"], body["sparql"]) == (stored.title, stored.description, stored.sparql)
    assert [p["name"] for p in body["parameters"]] == ["place"]


@pytest.mark.parametrize("name", ["nope", "Hostile", "all_statements"])
def test_unknown_query_is_a_json_404(client, name):
    resp = client.get(f"/queries/{name}")
    assert resp.status_code == 404
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert body["ok"] is False and body["status"] == 404
    assert repr(name) in body["error"] and "all-statements" in body["error"]


def test_missing_query_dir_keeps_the_editor_usable(tmp_path):
    missing = tmp_path / "no-such-dir"
    app = create_app({"TESTING": True, "KG_STORE_PATH": str(tmp_path / "store"), "KG_QUERY_DIR": str(missing)})
    client = app.test_client()
    resp = client.get("/")
    assert resp.status_code == 200
    config = json.loads(parse_page(resp.get_data(as_text=True)).config_text)
    assert config["queries"] == [] and str(missing) in config["queriesError"]
    listing = client.get("/queries")
    assert listing.status_code == 500 and "KG_QUERY_DIR" in listing.get_json()["error"]


def test_links_follow_the_mount_point(client):
    html = client.get("/", base_url="http://localhost/kg").get_data(as_text=True)
    page = parse_page(html)
    assert json.loads(page.config_text)["endpoint"] == "/kg/sparql"
    assert ("script", "/kg/ui-static/query-page.js") in page.urls
    assert ("a", "/kg/void") in page.urls


@pytest.mark.parametrize(
    ("filename", "mimetype"),
    [
        ("query-page.js", "text/javascript"),
        ("sparql-text.js", "text/javascript"),
        ("results.js", "text/javascript"),
        ("query-page.css", "text/css"),
    ],
)
def test_static_assets_are_served(client, filename, mimetype):
    resp = client.get(f"/ui-static/{filename}")
    assert resp.status_code == 200
    assert resp.mimetype == mimetype
    assert resp.get_data() == (STATIC / filename).read_bytes()
    resp.close()


@pytest.mark.parametrize("script", sorted(p.name for p in STATIC.glob("*.js")), ids=str)
def test_scripts_build_the_dom_without_html_strings(script):
    source = (STATIC / script).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source, f"{script} uses {sink}"
    imports = re.findall(r'^import .* from "([^"]+)";', source, flags=re.MULTILINE)
    assert all(path.startswith("./") for path in imports), imports


def test_stylesheet_fetches_nothing():
    css = (STATIC / "query-page.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
