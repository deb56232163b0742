"""Named SPARQL queries: ``queries/<name>.rq`` files with a comment header.

Each file starts with comment lines such as::

    # title: Who controls what
    # description: Every place held by a party, with the speaker,
    #   the article and the date since when.
    # parameters: ?place

An indented comment line continues the previous field. Usage::

    query = get_query("about-place")
    sparql = query.bind({"place": "Izyum"})
    rows = store.query(sparql)
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ._resources import resource_dir
from ._sparql_text import BindValue, find_variables, inject_values
from .errors import InputError, KGError, QueryNotFound

__all__ = ["NamedQuery", "find_variables", "get_query", "load_queries", "parse_query_file"]

_FIELD = re.compile(r"^#\s*(title|description|parameters)\s*:\s*(.*)$", re.IGNORECASE)
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A stored query: ``name`` is the file stem, ``parameters`` the names without ``?``."""

    name: str
    title: str
    description: str
    sparql: str
    parameters: tuple[str, ...] = ()

    def bind(self, values: Mapping[str, BindValue] | None = None) -> str:
        """SPARQL text with every parameter bound (strings become plain literals).

        Raises :class:`InputError` for a missing or unknown parameter.
        """
        values = dict(values or {})
        unknown = sorted(set(values) - set(self.parameters))
        if unknown:
            expected = ", ".join(self.parameters) or "no parameters"
            raise InputError(f"query {self.name!r} takes {expected}; got unknown {unknown}")
        missing = [p for p in self.parameters if p not in values]
        if missing:
            raise InputError(f"query {self.name!r} needs a value for: {', '.join(missing)}")
        return inject_values(self.sparql, {p: values[p] for p in self.parameters})


def parse_query_file(path: str | Path) -> NamedQuery:
    """Read one ``.rq`` file; raises :class:`KGError` if its header is incomplete."""
    path = Path(path)
    name = path.stem
    if not _NAME.match(name):
        raise KGError(f"{path}: query file names must be lowercase words joined by '-'")
    try:
        sparql = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"cannot read query file {path}: {exc}") from exc
    fields = _header(sparql)
    for required in ("title", "description"):
        if not fields.get(required):
            raise KGError(f"{path}: missing '# {required}: ...' line in the leading comments")
    parameters = tuple(
        p.lstrip("?$") for p in re.split(r"[\s,]+", fields.get("parameters", "")) if p
    )
    used = set(find_variables(sparql))
    for p in parameters:
        if p not in used:
            raise KGError(f"{path}: parameter ?{p} is declared but not used in the query")
    return NamedQuery(name, fields["title"], fields["description"], sparql, parameters)


def _header(sparql: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    current = None
    for line in sparql.splitlines():
        line = line.rstrip()
        if not line.startswith("#"):
            break
        field = _FIELD.match(line)
        continuation = _CONTINUATION.match(line)
        if field:
            current = field.group(1).lower()
            fields[current] = field.group(2).strip()
        elif continuation and current:
            fields[current] = f"{fields[current]} {continuation.group(1).strip()}".strip()
        else:
            current = None
    return fields


def load_queries(directory: str | Path | None = None) -> dict[str, NamedQuery]:
    """All named queries in ``directory`` (default: the project's ``queries/``), by name."""
    folder = Path(directory) if directory is not None else resource_dir("queries")
    if not folder.is_dir():
        raise KGError(f"query directory {folder} does not exist; set KG_QUERY_DIR")
    return {q.name: q for q in (parse_query_file(p) for p in sorted(folder.glob("*.rq")))}


def get_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """The named query ``name``; raises :class:`QueryNotFound` listing the available ones."""
    queries = load_queries(directory)
    if name not in queries:
        available = ", ".join(queries) or "none"
        raise QueryNotFound(f"no query named {name!r}; available: {available}")
    return queries[name]
