"""Tests for kg.timex: finding, resolving and classifying temporal expressions."""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from kg.timex import TimeExpr, find_times, resolve_in_span, temporal_role

PUB = date(2022, 9, 10)  # a Saturday
NOV11 = "on 11 November 2022; "
SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
SAMPLE = "kharkiv-counteroffensive-2022-09-10"


def only(text: str, published: date | None = PUB) -> TimeExpr:
    times = find_times(text, published)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity", "kind"),
    [
        # absolute, day-first and month-first
        ("on 11 November 2022.", "11 November 2022", date(2022, 11, 11), "day", "absolute"),
        ("on November 11, 2022.", "November 11, 2022", date(2022, 11, 11), "day", "absolute"),
        ("It fell on April 1, trapping civilians", "April 1", date(2022, 4, 1), "day", "absolute"),
        ("It fell on April 1st.", "April 1st", date(2022, 4, 1), "day", "absolute"),
        ("It fell on the 1st of April.", "1st of April", date(2022, 4, 1), "day", "absolute"),
        ("held since 2 March", "2 March", date(2022, 3, 2), "day", "absolute"),
        ("on Sept. 11, 2001", "Sept. 11, 2001", date(2001, 9, 11), "day", "absolute"),
        ("on Sep 3 they moved", "Sep 3", date(2022, 9, 3), "day", "absolute"),
        ("on 24 Feb. 2022", "24 Feb. 2022", date(2022, 2, 24), "day", "absolute"),
        ("Nov. 11 was quiet", "Nov. 11", date(2021, 11, 11), "day", "absolute"),  # > 60 days ahead
        ("published 2022-09-10T08:00", "2022-09-10", date(2022, 9, 10), "day", "absolute"),
        ("Saturday, 10 September 2022", "10 September 2022", date(2022, 9, 10), "day", "absolute"),
        # months and years
        ("in March 2022", "March 2022", date(2022, 3, 1), "month", "absolute"),
        ("since March the town", "March", date(2022, 3, 1), "month", "absolute"),
        ("in early March", "early March", date(2022, 3, 1), "month", "absolute"),
        ("by the end of March", "the end of March", date(2022, 3, 1), "month", "absolute"),
        ("in 2016", "2016", date(2016, 1, 1), "year", "absolute"),
        ("Since 2014, separatists", "2014", date(2014, 1, 1), "year", "absolute"),
        ("a plan from mid-2017", "mid-2017", date(2017, 1, 1), "year", "absolute"),
        # relative to publication
        ("In an address late Friday, he said", "late Friday", date(2022, 9, 9), "day", "relative"),
        ("On Saturday, the ministry said", "Saturday", date(2022, 9, 10), "day", "relative"),
        ("fighting on Sunday night", "Sunday night", date(2022, 9, 4), "day", "relative"),
        ("on Monday", "Monday", date(2022, 9, 5), "day", "relative"),
        ("last Saturday", "last Saturday", date(2022, 9, 3), "day", "relative"),
        ("next Friday", "next Friday", date(2022, 9, 16), "day", "relative"),
        ("this Friday", "this Friday", date(2022, 9, 9), "day", "relative"),
        ("We saw them leaving yesterday.", "yesterday", date(2022, 9, 9), "day", "relative"),
        ("Today the army said", "Today", date(2022, 9, 10), "day", "relative"),
        ("shelling last night", "last night", date(2022, 9, 9), "day", "relative"),
        ("the day before yesterday", "the day before yesterday", date(2022, 9, 8), "day",
         "relative"),
        ("last week", "last week", date(2022, 8, 29), "week", "relative"),
        ("this week's counteroffensive", "this week", date(2022, 9, 5), "week", "relative"),
        ("last month", "last month", date(2022, 8, 1), "month", "relative"),
        ("last year", "last year", date(2021, 1, 1), "year", "relative"),
        ("earlier this month", "earlier this month", date(2022, 9, 1), "month", "relative"),
        ("two days ago", "two days ago", date(2022, 9, 8), "day", "relative"),
        ("10 days ago", "10 days ago", date(2022, 8, 31), "day", "relative"),
        ("three weeks ago", "three weeks ago", date(2022, 8, 15), "week", "relative"),
        ("a year ago", "a year ago", date(2021, 1, 1), "year", "relative"),
        # long units and anniversaries, counted back from publication
        ("two decades ago", "two decades ago", date(2002, 1, 1), "year", "relative"),
        ("Forty years ago, the", "Forty years ago", date(1982, 1, 1), "year", "relative"),
        ("a hundred years ago", "a hundred years ago", date(1922, 1, 1), "year", "relative"),
        ("A century ago today, the", "A century ago today", date(1922, 9, 10), "day", "relative"),
        ("Thirty years ago this week", "Thirty years ago this week", date(1992, 9, 7), "week",
         "relative"),
    ],
)
def test_single_expression(text: str, span: str, value: date, granularity: str, kind: str) -> None:
    expr = only(text)
    assert (expr.text, expr.value, expr.granularity, expr.kind) == (span, value, granularity, kind)
    assert text[expr.start:expr.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "settlements held by Moscow since the first days of its invasion",
        "some 1,300 fighters were encircled",
        "50 kilometers from the border",
        "80% of the region",
        "10 people were killed",
        "2, 3 kilometers away",
        "at 10:30 the sirens sounded",
        "about 2000 troops moved in",
        "by 2000 soldiers",
        "significant success since the beginning of the invasion",
        "you may march on Kyiv",
        "they said that week-long fighting went on",
        "a report by Russia Today",
        "in the 1990s",
        "Highway 2, 12 kilometres, 1.5 million",
        "the 24th Division attacked",
        "in the 20th century",
        "for the 5th time",
        "the 3rd, 4th and 5th brigades",
    ],
)
def test_not_a_time(text: str) -> None:
    assert find_times(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "span", "signal", "role"),
    [
        ("held since 2 March", "2 March", "since", "since"),
        ("controlled it from 1 April", "1 April", "from", "since"),
        ("ever since 2014", "2014", "ever since", "since"),
        ("occupied until 10 September", "10 September", "until", "until"),
        ("occupied till Friday", "Friday", "till", "until"),
        ("held it up to 10 September", "10 September", "up to", "until"),
        ("It fell on April 1", "April 1", "on", "at"),
        ("On Saturday, the ministry", "Saturday", "on", "at"),
        ("as of Friday", "Friday", "as of", "at"),
        ("by March 2022", "March 2022", "by", "at"),
        ("after 3 March", "3 March", "after", "at"),
        ("Ukrainian officials said late Friday", "late Friday", None, "at"),
        ("They left on the next day. On 3 March", "3 March", "on", "at"),
    ],
)
def test_signal_and_role(text: str, span: str, signal: str | None, role: str) -> None:
    expr = find_times(text, PUB)[-1]
    assert (expr.text, expr.signal, temporal_role(expr)) == (span, signal, role)


@pytest.mark.parametrize(
    ("text", "anaphor", "value", "granularity"),
    [
        ("On 11 November 2022 they entered. The next day they left.", "The next day",
         date(2022, 11, 12), "day"),
        (NOV11 + "the following day", "the following day", date(2022, 11, 12), "day"),
        (NOV11 + "a day later", "a day later", date(2022, 11, 12), "day"),
        (NOV11 + "two days later", "two days later", date(2022, 11, 13), "day"),
        (NOV11 + "three days earlier", "three days earlier", date(2022, 11, 8), "day"),
        (NOV11 + "the day before, they", "the day before", date(2022, 11, 10), "day"),
        (NOV11 + "the previous day", "the previous day", date(2022, 11, 10), "day"),
        (NOV11 + "a week later", "a week later", date(2022, 11, 18), "day"),
        (NOV11 + "the following week", "the following week", date(2022, 11, 14), "week"),
        (NOV11 + "the following month", "the following month", date(2022, 12, 1), "month"),
        (NOV11 + "that day", "that day", date(2022, 11, 11), "day"),
        (NOV11 + "later that day", "later that day", date(2022, 11, 11), "day"),
        (NOV11 + "the same day", "the same day", date(2022, 11, 11), "day"),
        (NOV11 + "the next morning", "the next morning", date(2022, 11, 12), "day"),
        ("late Friday. The following day", "The following day", date(2022, 9, 10), "day"),
        # chains: an anaphor becomes the anchor of the next one
        (NOV11 + "the next day; the next day", "the next day", date(2022, 11, 13), "day"),
        # unresolvable: no antecedent, or an antecedent coarser than the unit
        ("The next day they left.", "The next day", None, "day"),
        ("in 2016; the next day", "the next day", None, "day"),
        # a bare day of the month: the month of the date before, or the next month
        (NOV11 + "by the 17th the", "the 17th", date(2022, 11, 17), "day"),
        (NOV11 + "and on the 3rd, they", "the 3rd", date(2022, 12, 3), "day"),
        ("In March 1975 the offensive began; on the 10th the town fell.", "the 10th",
         date(1975, 3, 10), "day"),
    ],
)
def test_anaphoric(text: str, anaphor: str, value: date | None, granularity: str) -> None:
    expr = find_times(text, PUB)[-1]
    assert expr.kind == "anaphoric"
    assert (expr.text, expr.value, expr.granularity) == (anaphor, value, granularity)


def test_the_day_before_an_event_is_not_anaphoric() -> None:
    times = find_times("on 11 November 2022, the day before the attack", PUB)
    assert [t.text for t in times] == ["11 November 2022"]


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        (date(2023, 1, 3), "on December 30", date(2022, 12, 30)),   # year rollover
        (date(2023, 1, 3), "in December", date(2022, 12, 1)),
        (date(2023, 1, 3), "on January 2", date(2023, 1, 2)),
        (date(2022, 9, 10), "on November 1", date(2022, 11, 1)),   # within 60 days ahead
        (date(2022, 9, 10), "on November 11", date(2021, 11, 11)),
        (date(2024, 3, 1), "on February 29", date(2024, 2, 29)),
        (datetime(2022, 9, 10, 18, 30), "yesterday", date(2022, 9, 9)),
    ],
)
def test_year_inference(published: date, text: str, value: date) -> None:
    expr = only(text, published)
    assert expr.value == value
    assert type(expr.value) is date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 11 November 2022", date(2022, 11, 11)),
        ("in March 2022", date(2022, 3, 1)),
        ("2022-09-10", date(2022, 9, 10)),
        ("in 2016", date(2016, 1, 1)),
        ("late Friday", None),
        ("yesterday", None),
        ("last week", None),
        ("two days ago", None),
        ("on April 1", None),
        ("The next day", None),
    ],
)
def test_without_publication_date(text: str, value: date | None) -> None:
    assert only(text, None).value == value


def test_undated_day_takes_year_from_preceding_date_without_publication() -> None:
    times = find_times("On 30 March 2021 they came; on April 1 they left.", None)
    assert [t.value for t in times] == [date(2021, 3, 30), date(2021, 4, 1)]


@pytest.mark.parametrize(
    ("text", "value", "range_end"),
    [
        ("fighting on 2-4 March", date(2022, 3, 2), date(2022, 3, 4)),
        ("fighting on 2\u20134 March 2021", date(2021, 3, 2), date(2021, 3, 4)),
        ("fighting on March 2-4", date(2022, 3, 2), date(2022, 3, 4)),
        ("fighting on 4 March", date(2022, 3, 4), None),
    ],
)
def test_ranges(text: str, value: date, range_end: date | None) -> None:
    expr = only(text)
    assert (expr.value, expr.range_end) == (value, range_end)


@pytest.mark.parametrize(
    ("text", "modifier"),
    [("late Friday", "late"), ("Sunday night", "night"), ("mid-March", "mid"),
     ("the beginning of 2022", "start"), ("in the fall of 2021", "autumn"),
     ("earlier this month", "earlier"), ("Friday", None)],
)
def test_modifier(text: str, modifier: str | None) -> None:
    assert only(text).modifier == modifier


@pytest.mark.parametrize("text", ["February 30, 2022", "32 March", "2022-02-30", "on 0 May"])
def test_impossible_dates_are_not_found(text: str) -> None:
    assert find_times(text, PUB) == []


def test_all_expressions_in_order_with_true_offsets() -> None:
    text = "On 1 April the town fell. Late Friday troops entered it, and the next day they left."
    times = find_times(text, PUB)
    assert [t.text for t in times] == ["1 April", "Late Friday", "the next day"]
    assert [t.value for t in times] == [date(2022, 4, 1), date(2022, 9, 9), date(2022, 9, 10)]
    assert all(text[t.start:t.end] == t.text for t in times)


def test_resolve_in_span() -> None:
    text = "On 1 April the town fell. Late Friday troops entered it. Yesterday they left."
    times = find_times(text, PUB)
    second = text.index("Late"), text.index("Yesterday")
    assert [t.text for t in resolve_in_span(times, *second)] == ["Late Friday"]
    assert resolve_in_span(times, 0, len(text)) == times
    assert resolve_in_span(times, 5, 5) == []


def test_time_expr_is_frozen() -> None:
    expr = only("on April 1")
    with pytest.raises(AttributeError):
        expr.value = None  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "published"), [(b"on April 1", PUB), ("on April 1", "2022-09-10")]
)
def test_bad_input_is_a_clear_type_error(text: object, published: object) -> None:
    with pytest.raises(TypeError, match="find_times|published"):
        find_times(text, published)  # type: ignore[arg-type]


def test_sample_article() -> None:
    path = SHARED / "corpus" / f"{SAMPLE}.txt"
    assert path.is_file(), f"sample article missing: set KG_SHARED to the shared folder ({path})"
    text = path.read_text(encoding="utf-8")
    found = {(t.text, t.value, t.signal) for t in find_times(text, PUB)}
    assert found == {
        ("late Friday", date(2022, 9, 9), None),
        ("April 1", date(2022, 4, 1), "on"),
        ("Saturday", date(2022, 9, 10), "on"),
        ("yesterday", date(2022, 9, 9), None),
        ("this week", date(2022, 9, 5), None),
    }


def test_anniversary_gives_the_narrative_year() -> None:
    """"A century ago today ... on 22 July": the undated day lies in the year the
    anniversary points to, not in the year of publication."""
    times = find_times("A century ago today, the garrison was cut off. On 22 July the camp fell.",
                       date(2021, 7, 22))
    assert [(t.text, t.value) for t in times] == [("A century ago today", date(1921, 7, 22)),
                                                  ("22 July", date(1921, 7, 22))]


def test_bare_day_of_the_month_needs_a_month_before_it() -> None:
    """"on the 17th" with no date before it could be any month: not reported."""
    assert find_times("Then on the 17th they left.", PUB) == []
    assert find_times("In 1975 the offensive began; on the 10th the town fell.", PUB)[-1].text == "1975"


def test_keyword_windows_find_what_finditer_finds() -> None:
    """Rules tried only around their keywords (kg/_timex_patterns.RULE_KEYWORDS) find the
    same matches as a scan of the whole text, here on the sample article and on text with
    modifiers, ranges, percentages and dates right after a weekday."""
    from kg import _timex_patterns as P
    from kg.timex import _near_keywords

    texts = [
        "In mid-1993, late March and the beginning of 2014; early-2001 and 1,300 troops; "
        "2015 figures rose 10%; Friday, 12 March; last Friday night; this Sunday morning; "
        "two days ago, a century ago today; three weeks later and a year earlier; May 2022.",
        "The 1990s. Since 2014 the town was held; 2016 saw heavy fighting; in 2019 it fell. "
        "Tuesday\n\n14 May 2019. March 3rd.",
    ]
    sample = SHARED / "corpus" / f"{SAMPLE}.txt"
    if sample.exists():
        texts.append(sample.read_text(encoding="utf-8"))
    rules = dict(P.RULES)
    for text in texts:
        for name, (keyword, before, after) in P.RULE_KEYWORDS.items():
            want = [(m.start(), m.end()) for m in rules[name].finditer(text)]
            got = [(m.start(), m.end()) for m in _near_keywords(rules[name], text, keyword, before, after)]
            assert got == want, (name, text[:60])
