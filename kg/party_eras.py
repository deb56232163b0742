"""Party words whose side depends on the article's date (``kg/data/party_eras.json``).

The party lexicon maps each word to one party. A few words changed sides with history:
"Hanoi" stood for North Vietnam until reunification and for Vietnam after it, "Moscow"
for the Soviet Union from 1922 to 1991, "Sanaa" for the Yemeni government until the
Houthis took the city in September 2014. :func:`party_on` gives the party such a word
stands for on a given day; words outside the table, or days outside every period, keep
the lexicon's party.

:func:`leader_side` does the same for leaders named as possessors ("Gaddafi's brigades",
``kg/data/leaders.json``): the side a leader led on the day, or None outside their years.

:func:`state_then` gives the state a country's territory belonged to on a day
(``kg/data/host_states.json``: Eritrea in 1988 was Ethiopia's).

Periods with a ``where`` country belong to words that name a side only in one war
("Nationalist", "Republican"): :func:`side_in_war` reads them, for stories set in that
country; :func:`party_on` ignores them.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "party_eras.json"
LEADERS = Path(__file__).with_name("data") / "leaders.json"
HOST_STATES = Path(__file__).with_name("data") / "host_states.json"


@lru_cache(maxsize=8)
def _table(path: Path = DATA, where: bool = False) -> dict[str, list[tuple]]:
    """Word -> its periods as (first day, last day, party), dates parsed once; with
    ``where``, only the periods bound to a country, as (first day, last day, party,
    country), else only the unbound ones."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, list] = {}
    for word, periods in raw.items():
        if word.startswith("_"):
            continue
        rows = [(date.fromisoformat(p["from"]) if "from" in p else date.min,
                 date.fromisoformat(p["until"]) if "until" in p else date.max, p["party"],
                 p.get("where")) for p in periods if ("where" in p) == where]
        if rows:
            table[word] = rows if where else [r[:3] for r in rows]
    return table


def party_on(word: str, lexicon_party: str, day: date | None) -> str:
    """The party ``word`` (as matched in a text) stands for on ``day``."""
    return _party_on_day(_table().get(word.lower()), day) or lexicon_party


@lru_cache(maxsize=1)
def side_words() -> frozenset[str]:
    """Words that name a side only in one war ("Nationalist", "Republicans"): see
    :func:`side_in_war`."""
    return frozenset(_table(DATA, True))


#: side words that English writes in lower case too ("federal army units" in Croatia in
#: 1991); the others count only capitalised: a "republican" is an opinion
ANY_CASE_SIDE_WORDS = frozenset({"federal"})


@lru_cache(maxsize=64)
def war_in(country: str | None, day: date | None) -> bool:
    """Whether ``country`` on ``day`` lies in one of those wars (else no word is looked up)."""
    if country is None or day is None:
        return False
    return any(where == country and start <= day <= end
               for rows in _table(DATA, True).values() for start, end, _, where in rows)


def side_in_war(word: str, day: date | None, country: str | None) -> str | None:
    """The side a word like "Nationalist" names on ``day`` in a story set in ``country``
    ("Nationalist troops" in Spain in 1937 are Franco's, in China in 1947 the Kuomintang's);
    None outside those wars."""
    if day is None or country is None:
        return None
    return next((party for start, end, party, where in _table(DATA, True).get(word.lower(), ())
                 if where == country and start <= day <= end), None)


def state_then(country: str | None, day: date | None) -> str | None:
    """The state a country's territory belonged to on ``day`` (``kg/data/host_states.json``:
    Eritrea in 1988 was Ethiopia's, Croatia before June 1991 Yugoslavia's); the country
    itself outside those periods."""
    if country is None:
        return None
    return _party_on_day(_table(HOST_STATES).get(country), day) or country


def leader_side(name: str, day: date | None) -> str | None:
    """The side the leader called ``name`` ("Gaddafi", "Saddam Hussein") led on ``day``."""
    return _party_on_day(_table(LEADERS).get(name.lower()), day)


def _party_on_day(periods: list[tuple[date, date, str]] | None, day: date | None) -> str | None:
    """The party of the period that holds ``day``; None for no periods or no day."""
    if day is None:
        return None
    return next((party for start, end, party in periods or () if start <= day <= end), None)
