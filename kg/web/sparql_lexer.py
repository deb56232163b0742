"""A small SPARQL tokenizer for the checks the endpoint makes before evaluation.

It is not a parser: Oxigraph parses and evaluates. We only need to see the text the
way Oxigraph's parser sees it, so that keywords inside strings, comments and IRIs
are never mistaken for real ones. Uses:

* :func:`remote_iris` - the IRIs of ``SERVICE`` and ``LOAD`` (prefixed names and
  relative IRIs resolved), for the allow-list;
* :func:`has_dataset_clause` - ``FROM`` / ``FROM NAMED`` present
  (:func:`query_facts` gives both in one pass);
* :func:`has_update_dataset_clause` - ``USING`` / ``WITH`` present;
* :func:`add_using_clauses` - insert the protocol's ``using-graph-uri`` /
  ``using-named-graph-uri`` as ``USING`` clauses before each ``WHERE`` of a
  ``DELETE``/``INSERT`` operation.

Example::

    >>> [t.text for t in tokenize('SELECT * { ?s ?p "SERVICE" } # SERVICE')]
    ['SELECT', '*', '{', '?s', '?p', '"SERVICE"', '}']
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"
              |'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<bnode>_:[\w\u00B7-\uFFFF.-]*)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\u00B7-\uFFFF-]*)?:(?:[\w\u00B7-\uFFFF.:%-]|\\.)*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<name>[A-Za-z_][\w]*)
  | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)

_UCHAR_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str  # iri, string, var, bnode, pname, lang, name, number, punct
    text: str
    start: int

    def is_keyword(self, *words: str) -> bool:
        return self.kind == "name" and self.text.upper() in words


def tokenize(text: str) -> Iterator[Token]:
    """Yield the significant tokens of ``text`` (whitespace and comments dropped).

    A quote that opens no complete string becomes a one-character ``punct`` token,
    as Oxigraph would reject the text anyway.
    """
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup or "punct"
        value = m.group()
        if kind == "pname":
            while value.endswith(".") and not value.endswith("\\."):
                value = value[:-1]  # a local name never ends with '.'
        if kind not in ("ws", "comment"):
            yield Token(kind, value, pos)
        pos += len(value)


def _unescape_iri(iri_token: str) -> str:
    """The IRI of an IRIREF token, with \\u / \\U escapes decoded."""

    def repl(m: re.Match) -> str:
        return chr(int(m.group(1) or m.group(2), 16))

    return _UCHAR_RE.sub(repl, iri_token[1:-1])


def _local_part(local: str) -> str:
    return re.sub(r"\\(.)", r"\1", local)


class _Resolver:
    """Tracks BASE and PREFIX declarations to turn IRI tokens into absolute IRIs."""

    def __init__(self, base_iri: str | None):
        self.base = base_iri or ""
        self.prefixes: dict[str, str] = {}

    def resolve(self, tok: Token) -> str | None:
        if tok.kind == "iri":
            iri = _unescape_iri(tok.text)
            return urljoin(self.base, iri) if self.base else iri
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            if prefix not in self.prefixes:
                return None
            return self.prefixes[prefix] + _local_part(local)
        return None


def remote_iris(text: str, base_iri: str | None = None) -> list[str]:
    """IRIs that ``SERVICE`` or ``LOAD`` in ``text`` would fetch.

    A ``SERVICE ?var`` or an unresolvable prefixed name yields ``"?"`` so that the
    caller refuses it (an allow-list cannot vet an endpoint chosen at run time).
    """
    return _remote_in(list(tokenize(text)), base_iri)


def query_facts(text: str, base_iri: str | None = None) -> tuple[list[str], bool]:
    """One pass over a query: (:func:`remote_iris`, :func:`has_dataset_clause`)."""
    upper = text.upper()  # as Token.is_keyword compares: a keyword token is in here
    if "SERVICE" not in upper and "LOAD" not in upper and "FROM" not in upper:
        return [], False  # the common case, without tokenizing
    toks = list(tokenize(text))
    return _remote_in(toks, base_iri), any(t.is_keyword("FROM") for t in toks)


def _remote_in(toks: list[Token], base_iri: str | None) -> list[str]:
    res = _Resolver(base_iri)
    found: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.is_keyword("BASE") and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            res.base = res.resolve(toks[i + 1]) or res.base
            i += 2
            continue
        if (
            tok.is_keyword("PREFIX")
            and i + 2 < len(toks)
            and toks[i + 1].kind == "pname"
            and toks[i + 2].kind == "iri"
        ):
            res.prefixes[toks[i + 1].text.split(":", 1)[0]] = res.resolve(toks[i + 2]) or ""
            i += 3
            continue
        if tok.is_keyword("SERVICE", "LOAD"):
            j = i + 1
            if j < len(toks) and toks[j].is_keyword("SILENT"):
                j += 1
            target = res.resolve(toks[j]) if j < len(toks) else None
            found.append(target if target is not None else "?")
            i = j + 1
            continue
        i += 1
    return found


def has_dataset_clause(text: str) -> bool:
    """True when a query names its own dataset with ``FROM`` or ``FROM NAMED``."""
    return any(t.is_keyword("FROM") for t in tokenize(text))


def has_update_dataset_clause(text: str) -> bool:
    """True when an update has a ``USING`` or ``WITH`` clause."""
    return any(t.is_keyword("USING", "WITH") for t in tokenize(text))


def add_using_clauses(
    update: str, using: Sequence[str] = (), using_named: Sequence[str] = ()
) -> str:
    """Insert ``USING <g>`` / ``USING NAMED <g>`` before each top-level ``WHERE``
    that closes a ``DELETE {…}`` / ``INSERT {…}`` template.

    This is how the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` set
    the dataset of every operation of the request. IRIs must be valid (checked by
    the caller).
    """
    clause = " ".join(
        [f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]
    )
    if not clause:
        return update
    positions = []
    depth = 0
    prev: Token | None = None
    for tok in tokenize(update):
        if tok.kind == "punct" and tok.text == "{":
            depth += 1
        elif tok.kind == "punct" and tok.text == "}":
            depth -= 1
        elif tok.is_keyword("WHERE") and depth == 0 and prev is not None and prev.text == "}":
            positions.append(tok.start)
        prev = tok
    for pos in reversed(positions):
        update = f"{update[:pos]}{clause} {update[pos:]}"
    return update
