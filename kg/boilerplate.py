"""Recognise scraped web boilerplate (newsletter blurbs, cookie and privacy notices,
credits, "Read more" links, lists of other headlines) so that it never produces facts."""
from __future__ import annotations

import re

_PATTERNS = [
    r"\bprivacy (notice|policy)\b", r"\bcookies?\b.*\b(use|accept|consent|settings)\b",
    r"\bnewsletters?\b", r"\bsign(ing)? up\b", r"\bsubscribe\b", r"\bunsubscribe\b",
    r"\bterms (of service|and conditions|of use)\b", r"\brecaptcha\b",
    r"\bcontributed to this report\b", r"\badditional reporting by\b", r"\breporting by\b",
    r"\bread more\b", r"\bclick here\b", r"\bfollow us\b", r"\ball rights reserved\b",
    r"\bdownload (our|the) app\b", r"\badvertisement\b", r"\bsponsored\b",
    r"\bphoto(graph)?:\s", r"\b(image|photo|video) (caption|credit)\b", r"\bgetty images\b",
    r"\bfree every (weekday|day|week)\b", r"\btake you to the top stories\b",
    r"\bshare (this|on) (article|facebook|twitter)\b", r"\b(editing|edited) by\b",
    r"\bwriting by\b", r"©",
]
_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
#: A word every pattern above contains: a sentence with none of them (in lower case)
#: cannot match, so the costly search is skipped for it.
_KEYWORDS = (
    "privacy", "cookie", "newsletter", "sign", "subscribe", "terms", "recaptcha",
    "contributed", "reporting", "read", "click", "follow", "rights", "download",
    "advertisement", "sponsored", "photo", "caption", "credit", "getty", "free",
    "stories", "share", "edit", "writing", "©",
)
#: Characters that IGNORECASE matches to an ASCII letter but str.lower() does not
#: lower to one (dotted/dotless i, long s, Kelvin sign): with any of them, search.
_ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")


def is_boilerplate(sentence: str) -> bool:
    """True for a sentence that is site furniture rather than reporting."""
    if not _ODD_CASE.intersection(sentence):
        lower = sentence.lower()
        if not any(word in lower for word in _KEYWORDS):
            return False
    return bool(_RE.search(sentence))


#: a line that opens a list of links to other pages ("Most read", "Related:", "See also"):
#: the heading alone on its line, or followed by a colon and the links
_LIST_HEADING = re.compile(
    r"^[ \t]*(?:most (?:read|popular|viewed|shared)|related(?: [a-z]+)?|read (?:more|also|next)|"
    r"more (?:on this story|stories|news)|see also|top stories|recommended(?: for you)?|"
    r"you (?:may|might) also like|trending(?: now)?|latest (?:news|stories)|further reading|"
    r"external links)[ \t]*(?::[^\n]*)?$", re.IGNORECASE | re.MULTILINE)
#: lines longer than this are prose, not a headline in a link list
_HEADLINE_MAX = 120


def link_lists(text: str) -> list[tuple[int, int]]:
    """Character ranges of link lists: a heading line such as "Most read" or "Related:"
    and the short lines right after it, up to a blank or a long line. The headlines in
    such a list are other stories, not this article's reporting."""
    out = []
    for m in _LIST_HEADING.finditer(text):
        end = m.end()
        while end < len(text):
            nxt = text.find("\n", end + 1)
            line = text[end + 1: len(text) if nxt < 0 else nxt]
            if not line.strip() or len(line) > _HEADLINE_MAX:
                break
            end = len(text) if nxt < 0 else nxt
        out.append((m.start(), end))
    return out
