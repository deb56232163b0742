"""Running a query given on the command line and rendering its results.

The query may be SPARQL text, a path to a ``.rq`` file, or the name of a named query
in ``queries/`` (parameters bound with :meth:`kg.queries.NamedQuery.bind`)::

    sparql = resolve_query("about-place", {"place": "Izyum"})
    with KGStore.open("data/store", read_only=True) as store:
        data = render(store.query(sparql), "table")
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from ._sparql_text import inject_values, tokens
from .errors import InputError, QuerySyntaxError, UpdateNotAllowed
from .namespaces import PREFIXES
from .queries import get_query

__all__ = ["GRAPH_FORMATS", "SOLUTION_FORMATS", "format_table", "is_update", "render",
           "resolve_query", "run_query"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                 "WITH"}

#: ``--format`` values for SELECT/ASK results, to pyoxigraph's result formats.
SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat | None] = {
    "table": None,
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
#: ``--format`` values for CONSTRUCT/DESCRIBE results (table means Turtle there).
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "table": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "json": ox.RdfFormat.JSON_LD,
}


def resolve_query(arg: str, params: Mapping[str, str] | None = None) -> str:
    """SPARQL text for ``arg``: a named query, a ``.rq`` file, or SPARQL itself.

    ``params`` are bound as plain literals. Raises :class:`~kg.errors.QueryNotFound`
    for an unknown name and :class:`~kg.errors.InputError` for a bad parameter.
    """
    params = dict(params or {})
    path = Path(arg)
    if arg.endswith(".rq") or (len(arg) < 4096 and "\n" not in arg and path.is_file()):
        try:
            sparql = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{arg}: cannot read the query file ({exc})") from exc
        return inject_values(sparql, params) if params else sparql
    if _NAME.match(arg):
        return get_query(arg).bind(params)
    return inject_values(arg, params) if params else arg


def is_update(sparql: str) -> bool:
    """True when the first keyword after the prologue starts a SPARQL Update operation."""
    for kind, text, _ in tokens(sparql):
        if kind == "word" and text.upper() not in ("PREFIX", "BASE"):
            return text.upper() in _UPDATE_WORDS
    return False


def run_query(store, sparql: str):
    """Evaluate ``sparql`` on a :class:`~kg.store.KGStore`; updates are refused."""
    try:
        return store.query(sparql)
    except QuerySyntaxError:
        if is_update(sparql):
            raise UpdateNotAllowed(
                "kg query runs read-only queries; SPARQL Update is not allowed here"
            ) from None
        raise


def render(result, fmt: str = "table") -> bytes:
    """Serialise a pyoxigraph query result in ``fmt`` (see the format tables)."""
    if isinstance(result, ox.QueryTriples):
        if fmt not in GRAPH_FORMATS:
            raise InputError(f"--format {fmt} is for SELECT/ASK; a graph result takes one of "
                             + ", ".join(f for f in GRAPH_FORMATS if f != "table"))
        rdf_fmt = GRAPH_FORMATS[fmt]
        prefixes = PREFIXES if rdf_fmt == ox.RdfFormat.TURTLE else None
        return ox.serialize(result, format=rdf_fmt, prefixes=prefixes) or b""
    if fmt not in SOLUTION_FORMATS:
        raise InputError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use one of "
                         + ", ".join(SOLUTION_FORMATS))
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return (b"true" if bool(result) else b"false") + b"\n"
        return result.serialize(format=SOLUTION_FORMATS[fmt]) or b""
    if fmt == "table":
        return format_table(result).encode("utf-8")
    return result.serialize(format=SOLUTION_FORMATS[fmt]) or b""


def compact(term) -> str:
    """Short display form: ``kgr:Izium`` for IRIs under a known prefix, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            rest = term.value[len(ns):]
            if term.value.startswith(ns) and re.fullmatch(r"[\w.-]*", rest) and rest[-1:] != ".":
                return f"{prefix}:{rest}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_table(solutions: ox.QuerySolutions) -> str:
    """Aligned text table with a header, a rule and a row count."""
    names = [v.value for v in solutions.variables]
    rows = [[" ".join(compact(sol[name]).split()) for name in names] for sol in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    fmt_row = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt_row.format(*names).rstrip(), "  ".join("-" * w for w in widths)]
    lines += [fmt_row.format(*r).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"
