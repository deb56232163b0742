"""Find and resolve temporal expressions in English news text.

>>> from datetime import date
>>> [(t.text, t.value, t.signal) for t in find_times("It fell on April 1.", date(2022, 9, 10))]
[('April 1', datetime.date(2022, 4, 1), 'on')]

Resolution rules (``published`` is the article's publication date):

* Absolute dates with a year resolve on their own. A date without a year
  ("April 1", "in March") takes the publication year, or the year before when
  that would put it more than 60 days after publication; without a publication
  date the year comes from the preceding resolved expression, else the value is
  ``None``.
* Weekdays are read as past tense news: "Saturday", "late Friday", "Sunday night"
  are the most recent such day on or before publication (the publication weekday
  itself means the publication day). "last Friday" is strictly before, "next
  Friday" strictly after, "this Friday" the one in the publication's Monday-based
  week.
* "today", "yesterday", "last week", "two days ago", "earlier this month" count
  from publication; they get ``value=None`` when ``published`` is ``None``. So do
  "two decades ago" (a year) and anniversaries: "a century ago today" is the same
  day a hundred years back, and the undated days after it lie in that year.
* Anaphoric expressions ("the next day", "a week later", "that day") count from
  the preceding resolved expression in the text ("by the 17th" is that day of the
  preceding date's month, or of the next month once the day has passed); ``None``
  when there is none or it is coarser than the expression ("the next day" after
  "in 2016").
* Values are :class:`datetime.date`: a month is its first day, a year January 1,
  a week its Monday; ``granularity`` says which. ``modifier`` keeps "early",
  "mid", "late", "start", "end", a season, "earlier", "later" or a part of day.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from kg import _timex_patterns as P

__all__ = [
    "FUTURE_TOLERANCE", "GRANULARITIES", "KINDS",
    "TimeExpr", "find_times", "resolve_in_span", "temporal_role",
]

GRANULARITIES = ("day", "week", "month", "year")
KINDS = ("absolute", "relative", "anaphoric")
#: How many days after publication an undated "April 1" may fall before it is
#: taken to be in the previous year.
FUTURE_TOLERANCE = timedelta(days=60)

_SINCE_SIGNALS = frozenset({"since", "ever since", "from", "starting", "starting from"})
_UNTIL_SIGNALS = frozenset({"until", "till", "'til", "up to", "up until", "to", "through"})
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}


@dataclass(frozen=True)
class TimeExpr:
    """One temporal expression; ``start``/``end`` are char offsets in the searched text."""

    start: int
    end: int
    text: str
    value: date | None
    granularity: str            # "day" | "week" | "month" | "year"
    kind: str                   # "absolute" | "relative" | "anaphoric"
    signal: str | None = None   # lower-cased cue before it: "since", "on", "as of" ...
    range_end: date | None = None   # last day of a range such as "2-4 March"
    modifier: str | None = None     # "early", "mid", "late", "end", "night" ...


class _Reading(NamedTuple):
    value: date | None
    granularity: str
    kind: str
    range_end: date | None = None
    modifier: str | None = None


@dataclass(frozen=True)
class _Context:
    published: date | None
    anchor: TimeExpr | None     # the preceding expression with a value
    signal: str | None


_Resolver = Callable[[re.Match[str], _Context], "_Reading | None"]


def find_times(text: str, published: date | None = None) -> list[TimeExpr]:
    """Return every temporal expression in ``text``, in order, resolved to dates."""
    if not isinstance(text, str):
        raise TypeError(f"find_times() needs the text as str, got {type(text).__name__}; "
                        "pass doc.text for a spaCy Doc")
    if isinstance(published, datetime):
        published = published.date()
    elif published is not None and not isinstance(published, date):
        raise TypeError(f"published must be a datetime.date or None, got {published!r}")
    candidates = sorted((
        (m.start(), -m.end(), priority, name, m)
        for priority, (name, regex) in enumerate(P.RULES)
        if name not in P.RULE_HINTS or P.RULE_HINTS[name].search(text)
        for m in (_near_keywords(regex, text, *P.RULE_KEYWORDS[name]) if name in P.RULE_KEYWORDS
                  else regex.finditer(text))
    ), key=lambda c: c[:3])                 # by start, longest first, then rule priority
    found: list[TimeExpr] = []
    anchor: TimeExpr | None = None
    covered_to = 0
    for start, neg_end, _, name, match in candidates:
        if start < covered_to:
            continue
        signal = _signal_before(text, start)
        reading = _RESOLVERS[name](match, _Context(published, anchor, signal))
        if reading is None:
            continue
        expr = TimeExpr(
            start=start, end=-neg_end, text=match.group(), value=reading.value,
            granularity=reading.granularity, kind=reading.kind, signal=signal,
            range_end=reading.range_end, modifier=reading.modifier,
        )
        found.append(expr)
        covered_to = expr.end
        if expr.value is not None:
            anchor = expr
    return found


def _near_keywords(regex: re.Pattern[str], text: str, keyword: re.Pattern[str], before: int,
                   after: int) -> list[re.Match[str]]:
    """``regex.finditer(text)`` for a rule whose matches each hold ``keyword``: the rule is
    searched only from ``before`` characters ahead of each keyword to ``after`` past it,
    and never again inside a match it found."""
    found: list[re.Match[str]] = []
    done = 0
    for k in keyword.finditer(text):
        if k.start() < done:
            continue
        m = regex.search(text, max(done, k.start() - before), min(len(text), k.end() + after))
        if m is not None and m.start() <= k.start() and m.end() >= k.end():
            found.append(m)
            done = m.end()
    return found


def resolve_in_span(times: list[TimeExpr], start: int, end: int) -> list[TimeExpr]:
    """The expressions lying wholly inside ``[start, end)``, e.g. one sentence's span."""
    return [t for t in times if start <= t.start and t.end <= end]


def temporal_role(expr: TimeExpr) -> str:
    """``"since"``, ``"until"`` or ``"at"``: how a fact relates to ``expr`` by its signal."""
    if expr.signal in _SINCE_SIGNALS:
        return "since"
    if expr.signal in _UNTIL_SIGNALS:
        return "until"
    return "at"


# --- rule resolvers -----------------------------------------------------------------


def _iso(m: re.Match[str], ctx: _Context) -> _Reading | None:
    value = _make_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return None if value is None else _Reading(value, "day", "absolute")


def _day_month(m: re.Match[str], ctx: _Context) -> _Reading | None:
    month, day = _month_number(m["month"]), int(m["day"])
    if _make_date(2000, month, day) is None:        # 2000 is a leap year: allows 29 Feb
        return None
    if m["year"]:
        year: int | None = int(m["year"])
    else:
        year = _narrative_year(ctx) or _infer_year(month, day, _reference(ctx))
    value = None if year is None else _make_date(year, month, day)
    range_end = None
    if value is not None and m["day2"]:
        range_end = _make_date(value.year, month, int(m["day2"]))
        if range_end is not None and range_end <= value:
            range_end = None
    return _Reading(value, "day", "absolute", range_end)


def _month(m: re.Match[str], ctx: _Context) -> _Reading | None:
    modifier = _period_modifier(m)
    name = m["month"].rstrip(".").lower()
    if not m["year"] and (name not in P.FULL_MONTH_NAMES
                          or (modifier is None and ctx.signal not in P.PERIOD_SIGNALS)):
        return None
    month = _month_number(name)
    if m["year"]:
        return _Reading(date(int(m["year"]), month, 1), "month", "absolute", None, modifier)
    year = _narrative_year(ctx) or _infer_year(month, 1, _reference(ctx))
    value = None if year is None else date(year, month, 1)
    return _Reading(value, "month", "absolute", None, modifier)


def _year(m: re.Match[str], ctx: _Context) -> _Reading | None:
    modifier = _period_modifier(m)
    if modifier is None and ctx.signal not in P.PERIOD_SIGNALS:
        return None
    return _Reading(date(int(m["year"]), 1, 1), "year", "absolute", None, modifier)


def _weekday(m: re.Match[str], ctx: _Context) -> _Reading | None:
    mod = (m["mod"] or "").lower()
    modifier = " ".join(x for x in (mod if mod in ("early", "late") else "", m["part"]) if x)
    pub = ctx.published
    if pub is None:
        return _Reading(None, "day", "relative", None, modifier or None)
    back = (pub.weekday() - P.WEEKDAYS.index(m["weekday"].lower())) % 7
    if mod == "last":
        back = back or 7
    elif mod == "next":
        back = back - 7
    elif mod == "this":
        back = pub.weekday() - P.WEEKDAYS.index(m["weekday"].lower())
    return _Reading(pub - timedelta(days=back), "day", "relative", None, modifier or None)


def _deictic_day(m: re.Match[str], ctx: _Context) -> _Reading | None:
    offset, modifier = P.DEICTIC_DAYS[" ".join(m["word"].lower().split())]
    value = None if ctx.published is None else ctx.published + timedelta(days=offset)
    return _Reading(value, "day", "relative", None, modifier)


def _deictic_period(m: re.Match[str], ctx: _Context) -> _Reading | None:
    step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    unit = m["unit"].lower()
    modifier = m["mod"].lower() if m["mod"] else None
    value = None if ctx.published is None else _period_start(ctx.published, unit, step)
    return _Reading(value, unit, "relative", None, modifier)


def _ago(m: re.Match[str], ctx: _Context) -> _Reading | None:
    count, unit = _count(m["count"]), m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    years = P.UNIT_YEARS.get(unit, 1 if unit == "year" else 0) * count
    deictic = " ".join(m["deictic"].lower().split()) if m["deictic"] else None
    granularity = {"today": "day", "this week": "week", "this month": "month"}.get(deictic)
    if years:
        # "a century ago today": the same day, that many years back; "two decades ago": a year
        if ctx.published is None:
            return _Reading(None, granularity or "year", "relative")
        day = _years_back(ctx.published, years)
        if granularity is None:
            return _Reading(date(day.year, 1, 1), "year", "relative")
        return _Reading(_period_start(day, granularity, 0), granularity, "relative")
    if ctx.published is None:
        return _Reading(None, unit, "relative")
    if unit == "day":
        return _Reading(ctx.published - timedelta(days=count), "day", "relative")
    return _Reading(_period_start(ctx.published, unit, -count), unit, "relative")


def _years_back(day: date, years: int) -> date:
    """The same day ``years`` years earlier (28 February for a 29 February)."""
    return _make_date(day.year - years, day.month, day.day) or date(day.year - years, day.month, 28)


_ORDINAL_SIGNALS = frozenset({"on", "by", "until", "till", "since", "from", "to", "after",
                              "before", "of", "through", "up to", "as of"})


def _ordinal_day(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """"on the 24th": that day of the month of the preceding date (of the next month when
    the day has passed: "on 28 March ... by the 2nd")."""
    anchor = ctx.anchor
    if ctx.signal not in _ORDINAL_SIGNALS or anchor is None or anchor.value is None \
            or anchor.granularity not in ("day", "month"):
        return None
    day, base = int(m["day"]), anchor.value
    if anchor.granularity == "day" and day < base.day:
        base = _period_start(base, "month", 1)
    value = _make_date(base.year, base.month, day)
    return None if value is None else _Reading(value, "day", "anaphoric")


def _later(m: re.Match[str], ctx: _Context) -> _Reading | None:
    sign = 1 if m["dir"].lower() == "later" else -1
    return _shift_anchor(ctx.anchor, m["unit"].lower(), sign * _count(m["count"]), exact=True)


def _anaphoric(m: re.Match[str], ctx: _Context) -> _Reading | None:
    unit = (m["unit"] or m["unit2"]).lower()
    word = (m["dir"] or m["dir2"] or "same").lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(word, 0)
    modifier = m["mod"].lower() if m["mod"] else None
    if unit in P.PARTS_OF_DAY:
        unit, modifier = "day", " ".join(x for x in (modifier, unit) if x)
    reading = _shift_anchor(ctx.anchor, unit, step, exact=False)
    return reading._replace(modifier=modifier)


_RESOLVERS: dict[str, _Resolver] = {
    "iso": _iso, "day_month": _day_month, "month_day": _day_month, "month": _month,
    "year": _year, "weekday": _weekday, "deictic_day": _deictic_day,
    "deictic_period": _deictic_period, "ago": _ago, "later": _later,
    "anaphoric": _anaphoric,
    "ordinal_day": _ordinal_day,
}


# --- helpers ------------------------------------------------------------------------


def _signal_before(text: str, start: int) -> str | None:
    m = P.SIGNAL_BEFORE.search(text, max(0, start - 30), start)
    return " ".join(m["signal"].lower().split()) if m else None


def _reference(ctx: _Context) -> date | None:
    """The date an undated "April 1" is placed near: publication, else the anchor."""
    if ctx.published is not None:
        return ctx.published
    return ctx.anchor.value if ctx.anchor is not None else None


def _narrative_year(ctx: _Context) -> int | None:
    """The year of a text that tells of years long before its publication: after "in
    mid-1993", an undated "in June" is June 1993, not the June before publication."""
    anchor = ctx.anchor
    if anchor is None or anchor.value is None or ctx.published is None:
        return None
    return anchor.value.year if (ctx.published - anchor.value).days > 365 else None


def _infer_year(month: int, day: int, ref: date | None) -> int | None:
    if ref is None:
        return None
    candidate = _make_date(ref.year, month, day)
    if candidate is None or candidate > ref + FUTURE_TOLERANCE:
        return ref.year - 1
    return ref.year


def _shift_anchor(anchor: TimeExpr | None, unit: str, n: int, exact: bool) -> _Reading:
    """Move ``n`` units from the anchor: exact days for "two days later" from a day,
    otherwise the unit-long period ("the following week" is that week's Monday)."""
    if anchor is None or anchor.value is None or _RANK[anchor.granularity] > _RANK[unit]:
        return _Reading(None, unit, "anaphoric")
    if exact and anchor.granularity == "day" and unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return _Reading(anchor.value + timedelta(days=days), "day", "anaphoric")
    return _Reading(_period_start(anchor.value, unit, n), unit, "anaphoric")


def _period_start(day: date, unit: str, n: int) -> date:
    """First day of the ``unit`` containing ``day``, moved ``n`` units."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day - timedelta(days=day.weekday()) + timedelta(weeks=n)
    if unit == "month":
        months = day.year * 12 + day.month - 1 + n
        return date(months // 12, months % 12 + 1, 1)
    return date(day.year + n, 1, 1)


def _period_modifier(m: re.Match[str]) -> str | None:
    if m["mod"]:
        return m["mod"].lower()
    return P.EDGE_MODIFIERS[m["edge"].lower()] if m["edge"] else None


def _month_number(name: str) -> int:
    return P.MONTHS[name[:3].lower()]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else P.NUMBER_WORDS[" ".join(word.lower().split())]


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
