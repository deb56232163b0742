"""Locating the ontology and query files shipped with the project.

The files live at the repository root (``ontology/``, ``queries/``); ``kg/_data/`` holds
symlinks to them so that wheels carry copies as package data. Lookup order:
``$KG_ONTOLOGY_DIR`` / ``$KG_QUERY_DIR``, then ``kg/_data/<name>``, then ``<repo>/<name>``.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import OntologyError

_PACKAGE = Path(__file__).resolve().parent
_ENV = {"ontology": "KG_ONTOLOGY_DIR", "queries": "KG_QUERY_DIR"}


def resource_dir(name: str) -> Path:
    """Directory holding the ``name`` resources (``"ontology"`` or ``"queries"``)."""
    env = os.environ.get(_ENV[name])
    candidates = [Path(env)] if env else [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for path in candidates:
        if path.is_dir():
            return path
    where = ", ".join(str(p) for p in candidates)
    raise OntologyError(
        f"no {name} directory found (looked in {where}); reinstall kg-news or set {_ENV[name]}"
    )


def resource_file(name: str, filename: str) -> Path:
    """Path of ``filename`` inside the ``name`` resource directory, checked to exist."""
    path = resource_dir(name) / filename
    if not path.is_file():
        raise OntologyError(f"missing {path}; reinstall kg-news or set {_ENV[name]}")
    return path
