"""Writing quads to files with pyoxigraph's serializers (format chosen from the extension)."""
from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import InputError
from .namespaces import PREFIXES

#: Extension or format name -> pyoxigraph format.
FORMATS: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(path_or_file: str | PathLike | IO[bytes], fmt: str | None = None) -> ox.RdfFormat:
    """The format named by ``fmt`` (``"trig"``, ``".nq"``...), else by the file extension."""
    name = fmt
    if name is None:
        if not isinstance(path_or_file, (str, PathLike)):
            raise InputError("writing to a file object needs fmt: one of " + ", ".join(FORMATS))
        name = Path(path_or_file).suffix
    key = name.lower().lstrip(".")
    if key not in FORMATS:
        raise InputError(
            f"unknown RDF format {name!r}: use one of " + ", ".join("." + k for k in FORMATS)
        )
    return FORMATS[key]


def write_quads(
    quads: Iterable[ox.Quad],
    path_or_file: str | PathLike | IO[bytes],
    fmt: str | None = None,
) -> None:
    """Serialise ``quads`` to a path or binary file; triple formats (.ttl, .nt) drop graph names.

    ``fmt`` overrides the extension: one of ``nq``, ``trig``, ``ttl``, ``nt``, ``jsonld``.
    """
    rdf_fmt = rdf_format(path_or_file, fmt)
    if rdf_fmt.supports_datasets:
        data: Iterable = quads
    else:  # flatten to the default graph, one triple once
        data = dict.fromkeys(q.triple for q in quads)
    output = str(path_or_file) if isinstance(path_or_file, PathLike) else path_or_file
    prefixes = PREFIXES if rdf_fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    ox.serialize(data, output, format=rdf_fmt, prefixes=prefixes)
