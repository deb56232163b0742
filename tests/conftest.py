"""Shared fixtures: the shared folder, the sample article, one spaCy pipeline and one party
lexicon per session, a store holding the ingested sample, and a runner for the real ``kg``
command."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ID = "kharkiv-counteroffensive-2022-09-10"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only shared folder: ``$KG_SHARED`` or ``<repo>/../shared``."""
    path = Path(os.environ.get("KG_SHARED", REPO.parent / "shared")).resolve()
    if not (path / "corpus").is_dir() or not (path / "eval").is_dir():
        pytest.fail(f"shared folder not found at {path} (needs corpus/ and eval/); "
                    "set KG_SHARED to the folder that holds the sample article", pytrace=False)
    return path


@pytest.fixture(scope="session")
def sample_article_path(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / f"{SAMPLE_ID}.txt"
    if not path.is_file():
        pytest.fail(f"sample article missing: {path}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def lexicon():
    """The party lexicon with the packaged gazetteer's states (no user-level additions)."""
    from kg.gazetteer import Gazetteer
    from kg.parties import PartyLexicon

    return PartyLexicon.load(states_from=Gazetteer.load(include_user=False))


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, built once per test session (loading the model takes seconds)."""
    from kg.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, nlp, sample_article_path: Path) -> Path:
    """Directory of an on-disk store holding the ingested sample article (closed; reopen it)."""
    from kg.articles import read_text_article
    from kg.ingest import ingest
    from kg.store import KGStore

    path = tmp_path_factory.mktemp("sample-store") / "store"
    with KGStore.open(path) as store:
        report = ingest(store, [read_text_article(sample_article_path)], nlp)
    assert (report.articles, report.failed) == (1, 0), report.errors
    return path


@pytest.fixture(scope="session")
def kg_command() -> Callable[..., subprocess.CompletedProcess]:
    """Run ``python -m kg ARGS...`` in a subprocess; returns the completed process (text)."""

    def run(*args: str | Path, cwd: Path | None = None, timeout: float = 180):
        return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=cwd,
                              capture_output=True, text=True, timeout=timeout, check=False)

    return run
