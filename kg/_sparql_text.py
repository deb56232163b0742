"""Just enough SPARQL lexing to find variables and bind parameters safely.

Strings, comments and IRIs are skipped, so ``"?x"``, ``# ?x`` and ``<http://e/?x=1>``
never count as the variable ``?x``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from .errors import QuerySyntaxError

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"
              |'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.-]*)?:[\w.:%-]*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

BindValue = str | ox.NamedNode | ox.Literal


def tokens(sparql: str) -> Iterator[tuple[str, str, int]]:
    """Yield ``(kind, text, offset)`` for each token (whitespace is skipped)."""
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup or "other"
        if kind == "other" and m.group().isspace():
            continue
        yield kind, m.group(), m.start()


def find_variables(sparql: str) -> list[str]:
    """Names of the variables in ``sparql`` (without ``?``/``$``), in order of first use."""
    return list(dict.fromkeys(text[1:] for kind, text, _ in tokens(sparql) if kind == "var"))


def _term(value: BindValue) -> str:
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return str(value)
    if isinstance(value, str):
        return str(ox.Literal(value))  # N-Triples escaping is valid SPARQL
    raise TypeError(f"cannot bind {value!r}: give a str, NamedNode or Literal")


def inject_values(sparql: str, values: Mapping[str, BindValue]) -> str:
    """Bind ``values`` by inserting a ``VALUES`` block at the start of the top-level ``WHERE``.

    The block is part of the outer group, so every pattern and ``FILTER`` of that group
    sees the bound variables (sub-queries do not: they are evaluated first).
    """
    if not values:
        return sparql
    brace = _where_brace(sparql)
    names = " ".join("?" + name for name in values)
    row = " ".join(_term(v) for v in values.values())
    block = f"\n  VALUES ({names}) {{ ({row}) }}"
    return sparql[: brace + 1] + block + sparql[brace + 1 :]


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the first ``WHERE`` group outside strings and comments."""
    seen_where = False
    for kind, text, offset in tokens(sparql):
        if kind == "word" and text.upper() == "WHERE":
            seen_where = True
        elif seen_where and text == "{":
            return offset
    raise QuerySyntaxError("a query with parameters needs an explicit WHERE { ... } clause")
