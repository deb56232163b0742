"""Online Wikidata linking for entities the gazetteer lacks (off by default).

Search with ``wbsearchentities``, then check each candidate's type (P31/P279*) and
country (P17) with the Query Service; accept only a single candidate that passes.
Every answer, NIL included, is cached under ``$KG_CACHE_DIR`` (default
``~/.cache/kg/wikidata``) so the next run is offline. Settings come from
``KG_WIKIDATA_API``, ``KG_WIKIDATA_SPARQL``, ``KG_CACHE_DIR``,
``KG_WIKIDATA_TIMEOUT`` and ``KG_WIKIDATA_USER_AGENT``; ``KG_ONLINE=1`` turns it on.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg._wikidata_http import DEFAULT_USER_AGENT, JsonFetcher, cache_key, read_cache, write_cache
from kg.gazetteer import GazEntry, norm, translit_key

DEFAULT_API = "https://www.wikidata.org/w/api.php"
DEFAULT_SPARQL = "https://query.wikidata.org/sparql"

#: Our entry types and the Wikidata classes (P31/P279*) that establish them.
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "settlement": ("Q486972",),                      # human settlement
    "country": ("Q6256", "Q3624078"),                # country, sovereign state
    "region": ("Q10864048", "Q82794"),               # first-level admin. subdivision, geographic region
    "armed_group": ("Q17149090",),                   # armed organization
    "person": ("Q5",),                               # human
    "news_agency": ("Q192283",),                     # news agency
    "organisation": ("Q43229",),                     # organization
}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_POINT = re.compile(r"Point\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)")


def online_enabled() -> bool:
    """True when ``KG_ONLINE`` is set to 1/true/yes."""
    return env_flag("KG_ONLINE")


def env_flag(name: str) -> bool:
    """True when the environment variable ``name`` is set to 1/true/yes/on."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def default_cache_dir() -> Path:
    env = os.environ.get("KG_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "kg" / "wikidata"


@dataclass
class ItemFacts:
    """What the Query Service told us about one item."""

    qid: str
    kinds: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    label: str | None = None
    lat: float | None = None
    lon: float | None = None


def _qid_of(uri: str) -> str | None:
    tail = uri.rsplit("/", 1)[-1]
    return tail if _QID.match(tail) else None


def sparql_for(qids: Iterable[str]) -> str:
    """The type/country/label/coordinate query for some items."""
    values = " ".join(f"wd:{q}" for q in qids)
    classes = " ".join(f'(wd:{c} "{kind}")' for kind, cs in KIND_CLASSES.items() for c in cs)
    return (
        "PREFIX wd: <http://www.wikidata.org/entity/>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?item ?kind ?country ?label ?coord WHERE {\n"
        f"  VALUES ?item {{ {values} }}\n"
        f"  OPTIONAL {{ VALUES (?class ?kind) {{ {classes} }} ?item wdt:P31/wdt:P279* ?class . }}\n"
        "  OPTIONAL { ?item wdt:P17 ?country . }\n"
        '  OPTIONAL { ?item rdfs:label ?label . FILTER(LANG(?label) = "en") }\n'
        "  OPTIONAL { ?item wdt:P625 ?coord . }\n"
        "}"
    )


def parse_facts(body: dict) -> dict[str, ItemFacts] | None:
    """SPARQL JSON results -> facts per QID; None when the shape is wrong."""
    try:
        rows = body["results"]["bindings"]
        facts: dict[str, ItemFacts] = {}
        for row in rows:
            qid = _qid_of(row["item"]["value"])
            if qid is None:
                continue
            item = facts.setdefault(qid, ItemFacts(qid))
            if "kind" in row and row["kind"]["value"] in KIND_CLASSES:
                item.kinds.add(row["kind"]["value"])
            if "country" in row and _qid_of(row["country"]["value"]):
                item.countries.add(_qid_of(row["country"]["value"]))
            if "label" in row and item.label is None:
                item.label = row["label"]["value"]
            point = _POINT.search(row.get("coord", {}).get("value", ""))
            if point and item.lat is None:
                item.lon, item.lat = round(float(point.group(1)), 4), round(float(point.group(2)), 4)
    except (KeyError, TypeError, AttributeError, ValueError):
        return None
    return facts


def _kind_for(facts: ItemFacts, types: frozenset[str] | None) -> str | None:
    kinds = set(facts.kinds)
    if "settlement" in kinds or "country" in kinds:
        kinds.discard("region")  # a city is not a region even if a path says so
    if "armed_group" in kinds or "news_agency" in kinds:
        kinds.discard("organisation")
    usable = [k for k in KIND_CLASSES if k in kinds and (types is None or k in types)]
    return usable[0] if usable else None


class WikidataClient:
    """Search + type/country check against Wikidata, cached on disk."""

    def __init__(self, api_url: str = DEFAULT_API, sparql_url: str = DEFAULT_SPARQL,
                 cache_dir: str | Path | None = None, timeout: float = 10.0,
                 max_retries: int = 3, max_retry_wait: float = 30.0,
                 user_agent: str = DEFAULT_USER_AGENT):
        self.api_url = api_url
        self.sparql_url = sparql_url
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.http = JsonFetcher(self.cache_dir, timeout, max_retries, max_retry_wait, user_agent)

    @classmethod
    def from_env(cls) -> WikidataClient:
        """A client configured from ``KG_WIKIDATA_*`` and ``KG_CACHE_DIR``."""
        try:
            timeout = float(os.environ.get("KG_WIKIDATA_TIMEOUT", "10"))
        except ValueError:
            timeout = 10.0
        return cls(
            api_url=os.environ.get("KG_WIKIDATA_API", DEFAULT_API),
            sparql_url=os.environ.get("KG_WIKIDATA_SPARQL", DEFAULT_SPARQL),
            timeout=timeout,
            user_agent=os.environ.get("KG_WIKIDATA_USER_AGENT", DEFAULT_USER_AGENT),
        )

    def search(self, text: str, language: str = "en", limit: int = 7) -> list[dict] | None:
        """``wbsearchentities`` hits (dicts with id, label, match); None on failure."""
        body = self.http.get(self.api_url, {
            "action": "wbsearchentities", "search": text, "language": language,
            "uselang": language, "type": "item", "limit": str(limit), "format": "json"})
        if body is None or not isinstance(body.get("search"), list):
            return None
        return [hit for hit in body["search"] if isinstance(hit, dict) and _QID.match(str(hit.get("id")))]

    def describe(self, qids: list[str]) -> dict[str, ItemFacts] | None:
        """Kinds, countries, English label and coordinates of items; None on failure."""
        body = self.http.get(self.sparql_url, {"query": sparql_for(qids), "format": "json"},
                             accept="application/sparql-results+json")
        return parse_facts(body) if body is not None else None

    def _decision_path(self, surface: str, types: frozenset[str] | None,
                       country_qid: str | None) -> Path:
        parts = (norm(surface), ",".join(sorted(types or ())), country_qid or "")
        return self.cache_dir / "links" / f"{cache_key(*parts)}.json"

    def link(self, surface: str, types: frozenset[str] | None = None,
             country_qid: str | None = None) -> GazEntry | None:
        """The one Wikidata item that names ``surface`` and passes the checks, else None."""
        path = self._decision_path(surface, types, country_qid)
        cached = read_cache(path)
        if cached is not None:
            return _entry(cached.get("entry"))
        decision = self._decide(surface, types, country_qid)
        if decision is None:  # transport failure: not an answer, do not cache
            return None
        write_cache(path, {"surface": surface, "types": sorted(types or ()),
                           "country": country_qid, "entry": decision or None})
        return _entry(decision or None)

    def _decide(self, surface: str, types: frozenset[str] | None,
                country_qid: str | None) -> dict | None:
        """A link dict, {} for a NIL answer, or None when the service failed."""
        hits = self.search(surface)
        if hits is None:
            return None
        qids = list(dict.fromkeys(h["id"] for h in hits if _names(h, surface)))
        if not qids:
            return {}
        facts = self.describe(qids)
        if facts is None:
            return None
        passing = []
        for qid in qids:
            item = facts.get(qid)
            kind = _kind_for(item, types) if item else None
            if kind is None:
                continue
            if country_qid and kind != "country" and item.countries and country_qid not in item.countries:
                continue
            passing.append((item, kind))
        if len(passing) != 1:
            return {}
        item, kind = passing[0]
        return {"qid": item.qid, "label": item.label or surface, "type": kind,
                "surface": surface, "countries": sorted(item.countries),
                "lat": item.lat, "lon": item.lon}

    def learned(self) -> Iterator[dict]:
        """Every positive link decision in the cache (for ``kg gazetteer update``)."""
        for path in sorted((self.cache_dir / "links").glob("*.json")):
            data = read_cache(path)
            if data and isinstance(data.get("entry"), dict):
                yield data["entry"]


def _names(hit: dict, surface: str) -> bool:
    """Does a search hit's label or matched alias spell ``surface`` (up to transliteration)?"""
    label = str(hit.get("label", ""))
    matched = str((hit.get("match") or {}).get("text", ""))
    return (norm(surface) in (norm(label), norm(matched))
            or translit_key(surface) in (translit_key(label), translit_key(matched)))


def _entry(data: dict | None) -> GazEntry | None:
    if not data or not _QID.match(str(data.get("qid"))) or data.get("type") not in KIND_CLASSES:
        return None
    label = str(data.get("label") or data.get("surface"))
    aliases = tuple(dict.fromkeys([label, str(data.get("surface") or label)]))
    return GazEntry(key=label, qid=data["qid"], label=label, aliases=aliases, type=data["type"],
                    lat=data.get("lat"), lon=data.get("lon"))
