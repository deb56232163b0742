"""Reading articles: plain text with an optional NAME.meta.json, folders, JSON Lines.

Every problem with one input becomes an :class:`InputError` with a one-line message
naming the file; :func:`iter_articles` reports it and goes on with the others.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from .errors import InputError
from .types import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_ARTICLE_BYTES = 5_000_000


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(f"{where}: empty article, nothing to extract")
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}: looks like a binary file, expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8") from exc
    if not text.strip():
        raise InputError(f"{where}: empty article, nothing to extract")
    return text


def _parse_date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: 'published' must be an ISO date like 2022-09-10, got {value!r}") from exc


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "article"


def _from_fields(text: str, meta: dict, default_id: str, where: str, path: str | None) -> Article:
    if not isinstance(meta, dict):
        raise InputError(f"{where}: metadata must be a JSON object")
    doc_id = str(meta.get("id") or default_id)
    if not re.fullmatch(r"[A-Za-z0-9._~-]+", doc_id):
        doc_id = _slug(doc_id)
    return Article(id=doc_id, text=text, title=meta.get("title"),
                   published=_parse_date(meta.get("published"), where),
                   url=meta.get("url"), source=meta.get("source"), path=path)


def read_text_article(path: Path) -> Article:
    """One .txt article plus ``NAME.meta.json`` beside it when present."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{where}: larger than {MAX_ARTICLE_BYTES} bytes; split it into articles")
    text = _decode(data, where)
    meta: dict = {}
    meta_path = path.with_name(path.stem + ".meta.json")
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{meta_path}: metadata is not valid JSON ({exc})") from exc
    return _from_fields(text, meta, _slug(path.stem), where, str(path))


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """One article per line: ``text`` plus ``id``, ``title``, ``published``, ``url``, ``source``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputError(f"{path}: cannot read ({exc.strerror})")
        return
    try:
        content = _decode(raw, str(path))
    except InputError as exc:
        yield exc
        return
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise InputError(f"{where}: each line must be a JSON object")
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(f"{where}: missing or empty 'text'")
            yield _from_fields(text, row, f"{_slug(path.stem)}-{n}", where, str(path))
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg})")
        except InputError as exc:
            yield exc


def iter_articles(paths: list[str | Path], on_error: Callable[[InputError], None]) -> Iterator[Article]:
    """Articles from files, folders (their .txt and .jsonl files, sorted) and JSONL files.

    Bad inputs are passed to ``on_error`` and skipped; the others go on.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir()
                           if p.suffix in TEXT_SUFFIXES | JSONL_SUFFIXES and p.is_file())
            if not files:
                on_error(InputError(f"{path}: no .txt or .jsonl articles in this folder"))
        elif path.exists():
            files = [path]
        else:
            on_error(InputError(f"{path}: no such file or folder"))
            continue
        for f in files:
            if f.suffix in JSONL_SUFFIXES:
                for item in read_jsonl(f):
                    if isinstance(item, InputError):
                        on_error(item)
                    else:
                        yield item
            else:
                try:
                    yield read_text_article(f)
                except InputError as exc:
                    on_error(exc)
