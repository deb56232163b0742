"""The query page in a real headless Chromium, served by the real app under gunicorn.

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install -y chromium
chromium-driver``). Selenium is given the driver path, so Selenium Manager never runs
and nothing is downloaded; the browser only talks to the server on 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from kg.mapping import document_graph, entity_iri, extraction_quads
from kg.queries import load_queries
from kg.store import KGStore
from kg.types import Article, Entity, Extraction, Fact
from kg.web.testing import free_port, stop_process
from sample_extraction import make_extraction

pytestmark = [pytest.mark.browser, pytest.mark.server]

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver"))
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
)
WAIT_S = 20

# A second made-up article whose evidence carries markup, to check it is shown as text.
MARKUP_TEXT = (
    "Ukrainian forces captured Kupiansk on Thursday, the army said. "
    "Russian troops withdrew from Lyman <img src=x onerror=alert(1)> overnight."
)


def markup_extraction() -> Extraction:
    ex = Extraction(Article(id="ui-markup-1", text=MARKUP_TEXT, title="<b>Markup</b> article"))
    for key, kind in (("Ukraine", "Party"), ("Russia", "Party"), ("Kupiansk", "Settlement"), ("Lyman", "Settlement")):
        ex.add_entity(Entity(key, key, kind))
    for subject, relation, obj, sentence, trigger in (
        ("Ukraine", "captured", "Kupiansk", MARKUP_TEXT.split(". ")[0] + ".", "captured"),
        ("Russia", "withdrewFrom", "Lyman", MARKUP_TEXT.split(". ")[1], "withdrew"),
    ):
        start = MARKUP_TEXT.index(sentence)
        end = start + len(sentence)
        ex.facts.append(Fact(subject, relation, obj, sentence, start, end, start, end, trigger, confidence=0.9))
    return ex


def _wait_until_serving(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer on {url} within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """``python server.py`` (gunicorn over the real app) on a free port, over a filled store."""
    root = tmp_path_factory.mktemp("ui-server")
    store_path = root / "store"
    with KGStore.open(store_path) as store:
        for ex in (make_extraction(), markup_extraction()):
            store.replace_graph(document_graph(ex.article.id), extraction_quads(ex))
    port = free_port()
    log = root / "server.log"
    env = {
        **os.environ,
        "KG_STORE_PATH": str(store_path),
        "KG_HOST": "127.0.0.1",
        "KG_PORT": str(port),
        "KG_WORKERS": "1",
        "KG_THREADS": "2",
        "KG_QUERY_WORKERS": "1",
    }
    env.pop("KG_QUERY_DIR", None)  # the page must list the project's own queries/
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "server.py"], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url + "/", proc, log)
        yield url
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Iterator[webdriver.Chrome]:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.is_file():
            pytest.fail(f"{path} is missing: install it with `apt-get install -y {package}`")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download anything
        chrome = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()


def open_page(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))


def run_and_wait(driver: webdriver.Chrome) -> str:
    """Click Run and wait until the status line says ok or error; returns that kind."""
    driver.find_element(By.ID, "run-button").click()
    return wait_for_outcome(driver)


def wait_for_outcome(driver: webdriver.Chrome) -> str:
    status = driver.find_element(By.ID, "status")
    WebDriverWait(driver, WAIT_S).until(lambda d: status.get_attribute("data-kind") in ("ok", "error"))
    return status.get_attribute("data-kind")


def set_editor(driver: webdriver.Chrome, text: str) -> None:
    editor = driver.find_element(By.ID, "sparql-editor")
    editor.clear()
    editor.send_keys(text)


def table_rows(driver: webdriver.Chrome) -> list[list[str]]:
    return [
        [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        for row in driver.find_elements(By.CSS_SELECTOR, "#results table tbody tr")
    ]


def test_typed_select_shows_compact_iris_and_row_count(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(
        driver,
        "PREFIX kg: <https://w3id.org/newskg/ontology#>\n"
        "SELECT ?party ?place WHERE { ?party kg:captured ?place }",
    )
    assert run_and_wait(driver) == "ok"
    assert table_rows(driver) == [["kgr:Ukraine", "kgr:Kupiansk"]]
    status = driver.find_element(By.ID, "status").text
    assert status.startswith("1 row") and status.endswith("ms")
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#results th")]
    assert headers == ["?party", "?place"]


def test_markup_in_literals_is_shown_as_text(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(
        driver,
        "PREFIX kg: <https://w3id.org/newskg/ontology#>\n"
        "SELECT ?sentence WHERE { ?s kg:sentence ?sentence FILTER(CONTAINS(?sentence, 'Lyman')) }",
    )
    assert run_and_wait(driver) == "ok"
    assert table_rows(driver) == [["Russian troops withdrew from Lyman <img src=x onerror=alert(1)> overnight."]]
    assert driver.find_elements(By.CSS_SELECTOR, "#results img") == []


def test_malformed_query_shows_readable_error(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(driver, "SELECT * WHERE { ?s ?p }")
    driver.find_element(By.ID, "sparql-editor").send_keys(Keys.CONTROL, Keys.ENTER)
    assert wait_for_outcome(driver) == "error"
    alert = driver.find_element(By.CSS_SELECTOR, "#results [role=alert]")
    assert "(400)" in alert.text
    message = alert.find_element(By.CLASS_NAME, "error-message").text
    assert "syntax" in message.lower()
    assert "Traceback" not in message and "<html" not in message.lower()


def test_ask_is_a_clear_yes_or_no(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(driver, "ASK { ?s <https://w3id.org/newskg/ontology#withdrewFrom> ?o }")
    assert run_and_wait(driver) == "ok"
    assert driver.find_element(By.CSS_SELECTOR, "#results .boolean").text.startswith("Yes")
    set_editor(driver, "ASK { ?s <https://w3id.org/newskg/ontology#besieged> ?o }")
    assert run_and_wait(driver) == "ok"
    assert driver.find_element(By.CSS_SELECTOR, "#results .boolean").text.startswith("No")


def test_clicking_an_iri_describes_it(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(driver, "SELECT ?place WHERE { ?place a <https://w3id.org/newskg/ontology#Settlement> } ORDER BY ?place")
    assert run_and_wait(driver) == "ok"
    iri = entity_iri("Balakliia")
    button = driver.find_element(By.CSS_SELECTOR, f"#results button.iri[data-iri='{iri}']")
    button.click()
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results pre.graph"))
    assert driver.find_element(By.ID, "sparql-editor").get_attribute("value") == f"DESCRIBE <{iri}>"
    graph = driver.find_element(By.CSS_SELECTOR, "#results pre.graph").text
    assert "Balakliia" in graph
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert links and all("format=" in link for link in links)


def test_download_links_give_csv_and_json_of_the_same_query(driver, base_url):
    open_page(driver, base_url + "/")
    set_editor(driver, "SELECT ?place WHERE { ?x <https://w3id.org/newskg/ontology#withdrewFrom> ?place } ORDER BY ?place")
    assert run_and_wait(driver) == "ok"
    expected = [entity_iri(key) for key in ("Balakliia", "Izium", "Lyman")]
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#downloads a")}
    assert set(links) == {"CSV", "JSON"}
    with urllib.request.urlopen(links["CSV"], timeout=10) as resp:
        assert resp.headers.get_content_type() == "text/csv"
        assert resp.read().decode().split() == ["place", *expected]
    with urllib.request.urlopen(links["JSON"], timeout=10) as resp:
        data = json.load(resp)
    assert [b["place"]["value"] for b in data["results"]["bindings"]] == expected


def test_long_query_downloads_by_post(driver, base_url):
    open_page(driver, base_url + "/")
    padding = "# " + "x" * 8000 + "\n"
    query = padding + "SELECT ?place WHERE { ?x <https://w3id.org/newskg/ontology#captured> ?place }"
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "sparql-editor"), query)
    assert run_and_wait(driver) == "ok"
    assert driver.find_elements(By.CSS_SELECTOR, "#downloads a") == []
    forms = driver.find_elements(By.CSS_SELECTOR, "#downloads form")
    assert [f.text for f in forms] == ["CSV", "JSON"]
    fields = {i.get_attribute("name"): i.get_attribute("value") for i in forms[0].find_elements(By.TAG_NAME, "input")}
    assert fields == {"query": query, "format": "csv"}
    request = urllib.request.Request(forms[0].get_attribute("action"), data=urlencode(fields).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=10) as resp:
        assert resp.read().decode().split() == ["place", entity_iri("Kupiansk")]


def column(driver: webdriver.Chrome, name: str) -> list[str]:
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#results th")]
    index = headers.index(f"?{name}")
    return [row[index] for row in table_rows(driver)]


def test_named_queries_are_listed_with_title_and_description(driver, base_url):
    open_page(driver, base_url + "/")
    picks = driver.find_elements(By.CSS_SELECTOR, "#query-list .query-pick")
    shown = {p.get_attribute("data-name"): p.find_element(By.CLASS_NAME, "query-title").text for p in picks}
    assert shown == {q.name: q.title for q in load_queries(REPO / "queries").values()}
    assert all(p.find_element(By.CLASS_NAME, "query-description").text for p in picks)


def test_named_query_runs_from_the_list(driver, base_url):
    open_page(driver, base_url + "/")
    driver.find_element(By.CSS_SELECTOR, ".query-pick[data-name='withdrawals']").click()
    editor_text = driver.find_element(By.ID, "sparql-editor").get_attribute("value")
    assert editor_text == load_queries(REPO / "queries")["withdrawals"].sparql
    assert driver.find_element(By.ID, "params").get_attribute("hidden") is not None
    assert run_and_wait(driver) == "ok"
    pairs = set(zip(column(driver, "partyLabel"), column(driver, "placeLabel")))
    assert pairs == {("Russia", "Izium"), ("Russia", "Balakliia"), ("Russia", "Lyman")}
    assert driver.current_url.endswith("#withdrawals")


def test_named_query_parameter_is_bound_from_its_input(driver, base_url):
    open_page(driver, base_url + "/#about-place")  # the hash selects the query
    field = driver.find_element(By.ID, "param-place")
    assert run_and_wait(driver) == "error"  # the parameter is required
    assert "?place" in driver.find_element(By.CSS_SELECTOR, "#results [role=alert]").text
    field.send_keys("Izyum")  # an alias of Izium
    assert run_and_wait(driver) == "ok"
    claims = set(zip(column(driver, "partyLabel"), column(driver, "relation")))
    assert claims == {("Ukraine", "controls"), ("Russia", "controls"), ("Russia", "withdrewFrom")}
    assert set(column(driver, "objectLabel")) == {"Izium"}


@pytest.mark.parametrize(
    "value",
    [
        'plain',
        'quote " inside',
        "single ' quote",
        'brace } ; DROP ALL ; SELECT * { ?s ?p ?o',
        'back\\slash and \\u0022 escape',
        "new\nline\tand tab",
        "<https://example.org/not-an-iri-when-literal>",
    ],
)
def test_parameter_values_cannot_change_the_query(driver, base_url, value):
    """A value bound as a literal comes back from the real endpoint unchanged."""
    open_page(driver, base_url + "/")
    script = """
        const [value, done] = arguments;
        import("/ui-static/sparql-text.js").then(async (m) => {
          const query = m.bindParameters("SELECT ?v WHERE { }", [{name: "v", term: m.termFromInput(value, "literal")}]);
          const resp = await fetch("/sparql", {method: "POST", body: new URLSearchParams({query}),
            headers: {Accept: "application/sparql-results+json"}});
          done({status: resp.status, body: await resp.text()});
        }).catch((err) => done({status: -1, body: String(err)}));
    """
    result = driver.execute_async_script(script, value)
    assert result["status"] == 200, result["body"]
    bindings = json.loads(result["body"])["results"]["bindings"]
    assert [b["v"]["value"] for b in bindings] == [value]


def test_page_only_talks_to_its_own_server(driver, base_url):
    driver.get_log("performance")  # drop what earlier tests left
    open_page(driver, base_url + "/")
    driver.find_element(By.CSS_SELECTOR, ".query-pick[data-name='withdrawals']").click()
    assert run_and_wait(driver) == "ok"
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for node in driver.find_elements(By.TAG_NAME, tag):
            raw = node.get_dom_attribute(attr)
            assert raw is None or raw.startswith(("/", "data:")), f"<{tag} {attr}={raw!r}> is not local"
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert any(u.endswith("/sparql") for u in urls)
    hosts = {urlsplit(u).hostname for u in urls if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}
