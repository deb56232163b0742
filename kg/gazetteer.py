"""Offline gazetteer: canonical places, parties and organisations with Wikidata IDs.

The data lives in ``kg/data/gazetteer.jsonl`` (one JSON object per line) plus an
optional user-level file (``$KG_GAZETTEER_USER``, default
``~/.local/share/kg/gazetteer.jsonl``) that ``kg gazetteer update`` writes. Users
extend coverage by adding lines; no code change is needed.

>>> gaz = Gazetteer.load()
>>> [e.key for e in gaz.candidates("Izyum")]
['Izium']
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KGError

#: Entry types a gazetteer line may carry.
ENTRY_TYPES = (
    "country",
    "region",
    "settlement",
    "armed_group",
    "person",
    "organisation",
    "news_agency",
)

#: Words that turn a name into the name of an administrative region.
REGION_WORDS = frozenset(
    {"region", "oblast", "province", "raion", "district", "governorate", "regions"}
)

_QID = re.compile(r"^Q[1-9][0-9]*$")
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
_APOSTROPHE_OR_DOT = re.compile(rf"[{_APOSTROPHES}.]")
_NON_WORD = re.compile(r"[^\w]+")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_E_BEFORE_IA_VOWEL = re.compile(r"e(?=i[aeou])")
_REPEATS = re.compile(r"(.)\1+")
#: Entries in each cache of string foldings (names and context windows recur a lot).
_CACHE_SIZE = 1 << 14


class GazetteerError(KGError):
    """A gazetteer file that cannot be read or holds an invalid entry."""

    status = 500


@dataclass(frozen=True)
class GazEntry:
    """One canonical entity. ``key`` is stable and used in IRIs; ``qid`` only when certain."""

    key: str
    qid: str | None
    label: str
    aliases: tuple[str, ...]
    type: str
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A gazetteer entry found for a surface, and how it was found."""

    entry: GazEntry
    how: str  # "alias" | "acronym" | "demonym" | "translit" | "region_base"


@lru_cache(maxsize=_CACHE_SIZE)
def norm(text: str) -> str:
    """Fold case, accents and punctuation; drop a leading "the " and a possessive 's.

    >>> norm("the Kharkiv region's")
    'kharkiv region'
    """
    if not text.isascii():  # ASCII has no accents to decompose
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u0131", "i")
    text = text.casefold()
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE_OR_DOT.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=_CACHE_SIZE)
def translit_key(text: str) -> str:
    """A coarser folding that merges romanisation variants of one name.

    Kupiansk/Kupyansk/Kupjansk, Izium/Izyum/Izjum and
    Balakliia/Balaklia/Balakliya/Balakleya each fold to one key.

    >>> translit_key("Izyum") == translit_key("Izjum") == translit_key("Izium")
    True
    """
    s = norm(text).replace(" ", "")
    s = s.replace("kh", "h").replace("zhzh", "zh").replace("j", "y")
    s = s.replace("ou", "u").replace("y", "i")
    s = _E_BEFORE_IA_VOWEL.sub("", s)  # Balakleya -> balaklia
    s = s.replace("ie", "e")  # Sievierodonetsk -> severodonetsk
    return _REPEATS.sub(r"\1", s)


def _is_acronym(alias: str) -> bool:
    letters = _NON_ALNUM.sub("", alias)
    return 1 < len(letters) <= 5 and letters.upper() == letters and any(c.isalpha() for c in letters)


@lru_cache(maxsize=_CACHE_SIZE)
def _acronym_key(surface: str) -> str:
    surface = surface.strip()
    if surface.lower().startswith("the "):
        surface = surface[4:]
    surface = _POSSESSIVE.sub("", surface)
    return _NON_ALNUM.sub("", surface)


def region_base(name: str) -> str | None:
    """The place name inside a region name: "Kherson Oblast" -> "kherson"."""
    words = norm(name).split()
    if len(words) >= 2 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1])
    if len(words) >= 3 and words[0] in REGION_WORDS and words[1] == "of":
        return " ".join(words[2:])
    return None


def default_user_path() -> Path:
    """Path of the user-level gazetteer (``$KG_GAZETTEER_USER`` or ~/.local/share/kg/...)."""
    env = os.environ.get("KG_GAZETTEER_USER")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".local" / "share" / "kg" / "gazetteer.jsonl"


def entry_from_dict(data: dict, where: str = "<dict>") -> GazEntry:
    """Validate one gazetteer line; raise :class:`GazetteerError` naming ``where``."""
    if not isinstance(data, dict):
        raise GazetteerError(f"{where}: expected a JSON object")
    key = data.get("key")
    if not isinstance(key, str) or not key.strip():
        raise GazetteerError(f"{where}: 'key' must be a non-empty string")
    qid = data.get("qid")
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise GazetteerError(f"{where}: 'qid' must be null or like 'Q212', got {qid!r}")
    typ = data.get("type")
    if typ not in ENTRY_TYPES:
        raise GazetteerError(f"{where}: 'type' must be one of {', '.join(ENTRY_TYPES)}, got {typ!r}")
    aliases = data.get("aliases") or []
    demonyms = data.get("demonyms") or []
    if not all(isinstance(a, str) for a in [*aliases, *demonyms]):
        raise GazetteerError(f"{where}: 'aliases' and 'demonyms' must be lists of strings")
    label = data.get("label") or key
    lat, lon = data.get("lat"), data.get("lon")
    for name, val in (("lat", lat), ("lon", lon)):
        if val is not None and not isinstance(val, (int, float)):
            raise GazetteerError(f"{where}: '{name}' must be a number")
    all_aliases = tuple(dict.fromkeys([label, *aliases]))
    return GazEntry(
        key=key, qid=qid, label=label, aliases=all_aliases, type=typ,
        parent=data.get("parent"),
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
        demonyms=tuple(demonyms),
    )


def entry_to_dict(entry: GazEntry) -> dict:
    """The JSON form of an entry (inverse of :func:`entry_from_dict`)."""
    data = {"key": entry.key, "qid": entry.qid, "label": entry.label,
            "aliases": list(entry.aliases), "type": entry.type, "parent": entry.parent}
    if entry.lat is not None and entry.lon is not None:
        data["lat"], data["lon"] = entry.lat, entry.lon
    if entry.demonyms:
        data["demonyms"] = list(entry.demonyms)
    return data


def read_entries(path: Path) -> Iterator[GazEntry]:
    """Entries of one JSONL file; blank lines and ``#`` comments are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read gazetteer {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        yield entry_from_dict(data, f"{path}:{number}")


class Gazetteer:
    """Lookup of entities by alias, acronym, demonym, transliteration and region base name."""

    def __init__(self, entries: Iterable[GazEntry]):
        self._entries: dict[str, GazEntry] = {}
        for entry in entries:
            self._entries[entry.key] = entry  # later files override earlier ones
        self._alias: dict[str, list[str]] = {}
        self._acronym: dict[str, list[str]] = {}
        self._demonym: dict[str, list[str]] = {}
        self._translit: dict[str, list[str]] = {}
        self._region_base: dict[str, list[str]] = {}
        for entry in self._entries.values():
            self._index(entry)
        # the same names recur across mentions and articles; the indexes never change
        self._cached_matches = lru_cache(maxsize=_CACHE_SIZE)(self._find_matches)

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] | None = None, *,
             include_user: bool = True) -> Gazetteer:
        """The packaged gazetteer, then the user-level file if present, then ``extra_paths``."""
        packaged = resources.files("kg") / "data" / "gazetteer.jsonl"
        paths: list[Path] = [Path(str(packaged))]
        user = default_user_path()
        if include_user and user.is_file():
            paths.append(user)
        for extra in extra_paths or ():
            if not Path(extra).is_file():
                raise GazetteerError(f"gazetteer file not found: {extra}")
            paths.append(Path(extra))
        return cls(entry for path in paths for entry in read_entries(path))

    def _add(self, index: dict[str, list[str]], token: str, key: str) -> None:
        if token:
            keys = index.setdefault(token, [])
            if key not in keys:
                keys.append(key)

    def _index(self, entry: GazEntry) -> None:
        for alias in entry.aliases:
            if _is_acronym(alias):
                self._add(self._acronym, _acronym_key(alias), entry.key)
                continue
            self._add(self._alias, norm(alias), entry.key)
            self._add(self._translit, translit_key(alias), entry.key)
            if entry.type == "region":
                base = region_base(alias)
                if base is not None:
                    self._add(self._region_base, base, entry.key)
        for demonym in entry.demonyms:
            self._add(self._demonym, norm(demonym), entry.key)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazEntry]:
        return iter(self._entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> GazEntry | None:
        """The entry with this key, or None."""
        return self._entries.get(key)

    def by_qid(self, qid: str) -> GazEntry | None:
        """The first entry carrying this QID, or None."""
        return next((e for e in self._entries.values() if e.qid == qid), None)

    def country_of(self, entry: GazEntry) -> GazEntry | None:
        """The country an entry lies in (itself for a country), following ``parent``."""
        seen: set[str] = set()
        current: GazEntry | None = entry
        while current is not None and current.key not in seen:
            if current.type == "country":
                return current
            seen.add(current.key)
            current = self._entries.get(current.parent) if current.parent else None
        return None

    def ancestors(self, entry: GazEntry) -> list[str]:
        """Keys of the parent chain, nearest first."""
        chain: list[str] = []
        parent = entry.parent
        while parent and parent not in chain and parent in self._entries:
            chain.append(parent)
            parent = self._entries[parent].parent
        return chain

    def matches(self, surface: str, types: Iterable[str] | None = None) -> list[Match]:
        """Every entry a surface may name, best kind of match first.

        Exact alias (or acronym, case-sensitive) matches come first; transliteration
        matches are tried only when no alias matched; demonyms and region base
        names ("Kherson" for "Kherson Oblast") are added after them.
        """
        wanted = frozenset(types) if types is not None else None
        return list(self._cached_matches(surface, wanted))

    def _find_matches(self, surface: str, wanted: frozenset[str] | None) -> tuple[Match, ...]:
        found: dict[str, Match] = {}

        def take(keys: Iterable[str], how: str) -> None:
            for key in keys:
                entry = self._entries[key]
                if key not in found and (wanted is None or entry.type in wanted):
                    found[key] = Match(entry, how)

        key = norm(surface)
        take(self._acronym.get(_acronym_key(surface), ()), "acronym")
        take(self._alias.get(key, ()), "alias")
        if not found:
            take(self._translit.get(translit_key(surface), ()), "translit")
        take(self._demonym.get(key, ()), "demonym")
        take(self._region_base.get(key, ()), "region_base")
        return tuple(found.values())

    def candidates(self, surface: str, types: Iterable[str] | None = None) -> list[GazEntry]:
        """Entries for a surface: exact normalised alias first, then transliteration key."""
        return [m.entry for m in self.matches(surface, types) if m.how != "region_base"]

    def translit_collisions(self) -> dict[str, set[str]]:
        """Transliteration keys shared by entries with different keys (for data checks)."""
        return {k: set(v) for k, v in self._translit.items() if len(set(v)) > 1}
