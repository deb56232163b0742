"""A local stand-in for the Wikidata APIs: a real HTTP server on 127.0.0.1.

It answers ``wbsearchentities`` (``/w/api.php``) and the Query Service
(``/sparql``) in the real JSON shapes, from a small dict of items. Switches make it
answer 429 with Retry-After, answer slowly, or send malformed JSON.
"""
from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ENTITY = "http://www.wikidata.org/entity/"


@dataclass
class FakeItem:
    qid: str
    label: str
    kinds: tuple[str, ...]              # our kinds, as the real query's ?kind column
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str = ""
    coord: tuple[float, float] | None = None  # (lat, lon)


@dataclass
class Switches:
    fail_429: int = 0          # answer this many requests with 429 first
    retry_after: str = "1"
    delay: float = 0.0         # seconds to wait before answering
    malformed: bool = False    # send broken JSON
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)


def _search(items: list[FakeItem], params: dict[str, str]) -> dict:
    term = params.get("search", "").casefold()
    hits = []
    for item in items:
        for name, how in [(item.label, "label"), *((a, "alias") for a in item.aliases)]:
            if name.casefold().startswith(term):
                hits.append({
                    "id": item.qid, "title": item.qid, "pageid": int(item.qid[1:]),
                    "repository": "wikidata", "url": f"//www.wikidata.org/wiki/{item.qid}",
                    "concepturi": ENTITY + item.qid, "label": item.label,
                    "description": item.description,
                    "match": {"type": how, "language": "en", "text": name},
                })
                break
    limit = int(params.get("limit", "7"))
    return {"searchinfo": {"search": params.get("search", "")}, "search": hits[:limit], "success": 1}


def _sparql(items: dict[str, FakeItem], query: str) -> dict:
    values = re.search(r"VALUES\s+\?item\s*\{([^}]*)\}", query)
    qids = re.findall(r"wd:(Q\d+)", values.group(1)) if values else []
    rows = []
    for qid in qids:
        item = items.get(qid)
        if item is None:
            continue
        for kind in item.kinds or (None,):
            for country in item.countries or (None,):
                row = {"item": {"type": "uri", "value": ENTITY + qid},
                       "label": {"type": "literal", "value": item.label, "xml:lang": "en"}}
                if kind:
                    row["kind"] = {"type": "literal", "value": kind}
                if country:
                    row["country"] = {"type": "uri", "value": ENTITY + country}
                if item.coord:
                    row["coord"] = {"type": "literal", "value": f"Point({item.coord[1]} {item.coord[0]})",
                                    "datatype": "http://www.opengis.net/ont/geosparql#wktLiteral"}
                rows.append(row)
    return {"head": {"vars": ["item", "kind", "country", "label", "coord"]},
            "results": {"bindings": rows}}


class FakeWikidata:
    """Start with :meth:`start` (or as a context manager); URLs in ``api_url``/``sparql_url``."""

    def __init__(self, items: list[FakeItem]):
        self.items = {item.qid: item for item in items}
        self.switches = Switches()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._base: str | None = None

    @property
    def base(self) -> str:
        """Base URL; kept after :meth:`stop` so clients then meet a closed port."""
        assert self._base is not None, "server not started"
        return self._base

    @property
    def api_url(self) -> str:
        return self.base + "/w/api.php"

    @property
    def sparql_url(self) -> str:
        return self.base + "/sparql"

    def start(self) -> FakeWikidata:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                fake._handle(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self._base = f"http://{host}:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeWikidata:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        sw = self.switches
        url = urllib.parse.urlsplit(handler.path)
        params = dict(urllib.parse.parse_qsl(url.query))
        sw.requests.append(url.path)
        sw.user_agents.append(handler.headers.get("User-Agent", ""))
        if sw.delay:
            time.sleep(sw.delay)
        if sw.fail_429 > 0:
            sw.fail_429 -= 1
            self._send(handler, 429, b'{"error": "too many requests"}', {"Retry-After": sw.retry_after})
            return
        if url.path == "/w/api.php" and params.get("action") == "wbsearchentities":
            body = _search(list(self.items.values()), params)
        elif url.path == "/sparql" and "query" in params:
            body = _sparql(self.items, params["query"])
        else:
            self._send(handler, 400, b'{"error": "bad request"}')
            return
        raw = b'{"search": [{"id": "Q1", "label": ' if sw.malformed else json.dumps(body).encode()
        self._send(handler, 200, raw)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, raw: bytes,
              headers: dict[str, str] | None = None) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json; charset=utf-8")
            handler.send_header("Content-Length", str(len(raw)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (time-out test)
