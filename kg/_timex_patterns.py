"""Word tables and compiled regular expressions for :mod:`kg.timex`.

Month and weekday names are matched case-sensitively (capitalised), so "may",
"march" and "sat" as ordinary words never start a date; cue words and
relative phrases are matched case-insensitively through ``(?i:...)`` groups.
"""
from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FULL_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december"
    .split()
)
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
#: "the end of March" -> modifier "end"; seasons keep their name ("fall" -> "autumn").
EDGE_MODIFIERS = {
    "beginning": "start", "start": "start", "middle": "mid", "end": "end",
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter",
}
#: Deictic day words -> (days from publication, modifier).
DEICTIC_DAYS = {
    "today": (0, None), "tonight": (0, "night"), "yesterday": (-1, None),
    "tomorrow": (1, None), "last night": (-1, "night"), "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
    "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
}
#: years in the long units of "two decades ago", "a century ago today"
UNIT_YEARS = {"decade": 10, "century": 100}
#: Lower-case signals recognised before an expression, longest alternatives first.
SIGNALS = (
    "ever since", "starting from", "as early as", "as late as", "no later than",
    "up until", "up to", "as of", "since", "starting", "from", "until", "till",
    "'til", "through", "throughout", "during", "between", "before", "after",
    "around", "by", "on", "in", "at", "to",
)
#: Signals that license a bare year ("in 2016") or a bare month ("since March").
PERIOD_SIGNALS = frozenset(SIGNALS) - {"on", "at", "to", "around"}

_FULL_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:(?:{_FULL_MONTH})\b|(?:{_ABBR_MONTH})\b\.?)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*[-\u2013\u2014]\s*"
_NOT_MORE_NUMBER = r"(?![\d:]|[.,]\d)"   # rejects "1,300", "1.5", "10:30"
_NOT_AFTER_NUMBER = r"(?<![\d.,:/-])"
YEAR = rf"(?:1[89]|20)\d\d\b{_NOT_MORE_NUMBER}"
_COUNT = (r"\d{1,3}|(?:a|one)\s+hundred|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
          r"eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_PART = r"morning|afternoon|evening|night"

#: "2022-09-10"
ISO_DATE = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")

#: "11 November 2022", "1st of April", "2-4 March", "11 Nov. 2022"
DAY_MONTH = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b(?P<day>\d{{1,2}}){_ORD}(?:{_DASH}(?P<day2>\d{{1,2}}){_ORD})?"
    rf"\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
)

#: "November 11, 2022", "Nov. 11", "April 1st", "March 2-4"
MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}){_ORD}{_NOT_MORE_NUMBER}"
    rf"(?:{_DASH}(?P<day2>\d{{1,2}}){_ORD}{_NOT_MORE_NUMBER})?"
    rf"(?:,?\s+(?P<year>{YEAR}))?\b"
)

_PERIOD_MOD = (
    r"(?:\b(?i:(?P<mod>early|mid|late))(?:-|\s+)"
    r"|\b(?i:(?:the\s+)?(?P<edge>beginning|start|middle|end|spring|summer|autumn|fall|winter)"
    r"\s+of)\s+)"
)

#: "March 2022", "mid-March", "since March", "the end of March 2022"
MONTH_ONLY = re.compile(
    rf"{_PERIOD_MOD}?\b(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})|(?![\s,]*\d))"
)

#: "2016", "mid-2017", "the summer of 2021" (accepted only with a cue, see kg.timex)
YEAR_ONLY = re.compile(
    rf"(?:{_PERIOD_MOD}|{_NOT_AFTER_NUMBER})\b(?P<year>{YEAR})(?!\s*%)"
    r"(?!\s+[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bits)(?<!\bhis)(?<!\bthis))"
)

#: "Saturday", "late Friday", "Sunday night", "last Monday" (not "Saturday, 10 September")
WEEKDAY_REF = re.compile(
    rf"(?:\b(?i:(?P<mod>early|late|last|this|next|past))\s+)?\b(?P<weekday>{WEEKDAY})"
    rf"(?:\s+(?P<part>{_PART}))?"
    rf"(?!,?\s+(?:\d{{1,2}}{_ORD}\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d))"
)

#: "today", "yesterday", "last night", "the day before yesterday", "this morning"
DEICTIC_DAY = re.compile(
    r"(?<!Russia )(?<!USA )(?i:\b(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today"
    r"|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b)"
)

#: "last week", "this month", "next year", "earlier this month", "later this year"
DEICTIC_PERIOD = re.compile(
    r"(?i:\b(?:(?P<mod>earlier|later)\s+)?(?P<which>last|this|next)\s+"
    r"(?P<unit>week|month|year)\b(?!-))"
)

#: "two days ago", "3 weeks ago", "a year ago"
AGO = re.compile(
    rf"(?i:{_NOT_AFTER_NUMBER}\b(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year|decade|centur(?:y|ies))"
    r"s?\s+ago\b(?:,?\s+(?P<deictic>today|this\s+(?:week|month)))?)"
)

#: "on the 24th", "by the 17th": a day of the month the text is in (the signal before
#: "the" is required by the resolver); not "the 24th Division", "the 20th century"
ORDINAL_DAY = re.compile(
    r"\bthe\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:the|a|an|at|in|on|when|as|and|after|before|by|with|his|her|its"
    r"|their|our|we|they|he|she|it|there)\b)"
)

#: "two days later", "a week earlier"
LATER = re.compile(
    rf"(?i:{_NOT_AFTER_NUMBER}\b(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year)s?"
    r"\s+(?P<dir>later|earlier)\b)"
)

#: "the next day", "the following week", "the previous morning", "the same day",
#: "that day", "later that day"; "the day before/after" only when no object follows.
ANAPHORIC = re.compile(
    r"(?i:\b(?:(?P<mod>later|earlier)\s+)?(?:the\s+(?P<dir>next|following|previous|same)"
    rf"|(?P<that>that))\s+(?P<unit>day|week|month|year|{_PART})\b(?!-)"
    r"|\bthe\s+(?P<unit2>day|week)\s+(?P<dir2>before|after)\b"
    r"(?!\s+(?:the|a|an|his|her|its|their|our|this|that|yesterday|tomorrow"
    r"|he|she|it|they|we|i|you)\b"
    r"|(?-i:\s+[A-Z\d])))"
)

#: Cue word directly before an expression (searched in the preceding text).
SIGNAL_BEFORE = re.compile(
    r"(?i:(?<![\w'])(?P<signal>" + "|".join(s.replace(" ", r"\s+") for s in SIGNALS)
    + r")\s+$)"
)

#: Rare rules -> a cheap pattern that matches somewhere in any text the rule matches
#: (same case folding), so that the costly rule is run only on texts that may hold one.
#: Rules whose every match holds a keyword ("two weeks ago", "late March", "in mid-1993",
#: "Friday"), but whose first characters are too common to skip text fast (a modifier such
#: as "early" or a number word may come first): they are tried only around each keyword,
#: from ``before`` characters ahead of it to ``after`` characters past it (room for the
#: rule's look-aheads). kg/timex.py finds the same expressions as with ``finditer``; the
#: rules whose first characters are rare (digits, capitals) stay as they are.
RULE_KEYWORDS = {
    "month": (re.compile(rf"\b{MONTH}"), 40, 60),
    "year": (re.compile(rf"\b{YEAR}"), 40, 60),
    "weekday": (re.compile(rf"\b{WEEKDAY}"), 20, 80),
    "ago": (re.compile(r"(?i:\bago\b)"), 40, 25),
    "later": (re.compile(r"(?i:\b(?:later|earlier)\b)"), 40, 1),
}

RULE_HINTS = {
    "iso": re.compile(r"\d{4}-\d\d-\d\d"),
    "ago": re.compile(r"(?i:ago)"),
    "ordinal_day": re.compile(r"\dth|1st|2nd|3rd"),
    "later": re.compile(r"(?i:later|earlier)"),
}


def _first_char(first: str, rule: re.Pattern[str]) -> re.Pattern[str]:
    """``rule`` behind a lookahead for the characters any of its matches can start with.

    The matches are the same; the search just leaves most positions after one test
    instead of trying every alternative of the rule there.
    """
    return re.compile(f"(?={first}){rule.pattern}", rule.flags)


_MOD_INITIALS = "(?i:[emltbsafw])"   # early mid late the beginning start ... winter
_COUNT_INITIALS = r"\d|(?i:[aotfsen])"
#: the first characters of a rule whose every match also starts at a word boundary (each
#: alternative begins with ``\b``): testing the boundary first skips the inside of words
_AT_WORD = r"\b(?:{})"

#: Every rule, in priority order (earlier wins when two match the same span).
RULES = (
    ("iso", _first_char(r"\d", ISO_DATE)),
    ("day_month", _first_char(r"\d", DAY_MONTH)),
    ("month_day", _first_char("[JFMASOND]", MONTH_DAY)),
    ("month", _first_char(_AT_WORD.format(f"{_MOD_INITIALS}|[JFMASOND]"), MONTH_ONLY)),
    ("year", _first_char(_AT_WORD.format(f"{_MOD_INITIALS}|[12]"), YEAR_ONLY)),
    ("weekday", _first_char(_AT_WORD.format("(?i:[eltnp])|[MTWFS]"), WEEKDAY_REF)),
    ("deictic_day", _first_char("(?i:[tyl])", DEICTIC_DAY)),
    ("deictic_period", _first_char("(?i:[eltn])", DEICTIC_PERIOD)),
    ("ago", _first_char(_AT_WORD.format(_COUNT_INITIALS), AGO)),
    ("later", _first_char(_AT_WORD.format(_COUNT_INITIALS), LATER)),
    ("anaphoric", _first_char("(?i:[let])", ANAPHORIC)),
    ("ordinal_day", _first_char("t", ORDINAL_DAY)),
)
