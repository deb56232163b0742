"""Recognise queries that Oxigraph answers while writing output all along.

:func:`is_single_pattern_scan` accepts exactly this shape (keywords in any case)::

    [PREFIX p: <iri> | BASE <iri>]*
    SELECT (* | ?v ...) | ASK
    [WHERE] { [GRAPH (?g | <iri> | p:x) {] s p o [.] [}] }
    [LIMIT n]

with one triple pattern whose variables are all different, terms that are
variables, IRIs, prefixed names, ``a``, or a plain literal (string with an optional
language tag or datatype, number, boolean) in the object position. Nothing else:
no FILTER, OPTIONAL, UNION, BIND, VALUES, sub-queries, property paths, blank nodes,
DISTINCT, ORDER BY, GROUP BY, OFFSET, FROM or expressions.

Why this shape: Oxigraph evaluates it as one index range scan in which every quad
it reads is a solution (the variables are distinct, so no quad is read and then
dropped; each named graph's copy is its own solution). So the serializer writes
steadily, every few kilobytes, from the first quad to the last, and a sink that
checks a deadline on each write stops the work within a fraction of a millisecond
of it. :mod:`kg.web.state` therefore runs these queries in the web process
(:mod:`kg.web.inline`) instead of paying a round trip to a query child; every
other query may work for a long time without writing (a join, a sort, an
aggregate) and goes to a child that can be killed (:mod:`kg.web.executor`).
"""
from __future__ import annotations

import re

# Each piece matches a subset of the SPARQL token it stands for (no comments, no
# escapes in prefixed names): text outside the subset simply does not match and
# the query goes to a child. Oxigraph still parses what does match; a match it
# rejects is a syntax error either way.
_IRI = r"""<[^<>"{}|^`\\\x00-\x20]*>"""
_PNAME = r"(?:[A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?:[\w%-](?:[\w.:%-]*[\w:%-])?)?"
_VAR = r"[?$]\w+"
_NODE = rf"(?:{_VAR}|{_IRI}|{_PNAME})"
_STRING = r"""(?:"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')"""
_LITERAL = (
    rf"(?:{_STRING}(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(?:{_IRI}|{_PNAME}))?"
    r"|[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|true|false)"
)
_SHAPE = re.compile(
    rf"""\s*(?:(?:PREFIX\s+(?:[A-Za-z][\w-]*(?:\.[\w-]+)*)?:\s*{_IRI}|BASE\s*{_IRI})\s*)*
    (?:ASK|SELECT\s*(?P<projection>\*|(?:{_VAR}\s*)+))\s*
    (?:WHERE\s*)?\{{\s*
    (?:GRAPH\s*(?P<graph>{_NODE})\s*\{{\s*)?
    (?P<s>{_NODE})\s*(?P<p>{_NODE}|a)\s*(?P<o>{_NODE}|{_LITERAL})\s*\.?\s*
    \}}\s*(?(graph)\}}\s*)
    (?:LIMIT\s*[0-9]+\s*)?""",
    re.IGNORECASE | re.VERBOSE,
)


def is_single_pattern_scan(text: str) -> bool:
    """True for the one-triple-pattern shape described in the module docstring."""
    m = _SHAPE.fullmatch(text)
    if m is None:
        return False
    names = [m[g][1:] for g in ("graph", "s", "p", "o") if m[g] and m[g][0] in "?$"]
    if len(set(names)) != len(names):
        return False  # a repeated variable makes Oxigraph read quads it then drops
    projection = m["projection"]
    if projection and projection != "*":
        return set(re.findall(r"[?$](\w+)", projection)) <= set(names)
    return True
