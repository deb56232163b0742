"""JSON over HTTP for the Wikidata client: time-out, User-Agent, 429 Retry-After, disk cache.

Every failure (time-out, refused connection, 4xx/5xx, malformed JSON) returns
None so that a build goes on without links; only well-formed answers are cached.
"""
from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import logging
import os
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = (
    "kg-news/0.1 (news-to-knowledge-graph builder; https://w3id.org/newskg/) Python-urllib"
)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    delta = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return max(delta, 0.0)


def cache_key(*parts: str) -> str:
    """A file-name-safe digest of the parts."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:40]


def read_cache(path: Path) -> dict | None:
    """A cached JSON object, or None if absent or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_cache(path: Path, data: dict) -> None:
    """Write JSON atomically; a cache that cannot be written is only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot write Wikidata cache %s: %s", path, exc)


class JsonFetcher:
    """GET JSON with a time-out and bounded retries; cache answers under ``cache_dir/http``."""

    def __init__(self, cache_dir: Path, timeout: float = 10.0, max_retries: int = 3,
                 max_retry_wait: float = 30.0, user_agent: str = DEFAULT_USER_AGENT):
        self.cache_dir = Path(cache_dir)
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.user_agent = user_agent

    def get(self, url: str, params: dict[str, str], accept: str = "application/json") -> dict | None:
        """The decoded JSON object, from cache or network; None on any failure."""
        full = url + "?" + urllib.parse.urlencode(sorted(params.items()))
        path = self.cache_dir / "http" / f"{cache_key(full)}.json"
        cached = read_cache(path)
        if cached is not None and "body" in cached:
            return cached["body"]
        body = self._fetch(full, accept)
        if body is not None:
            write_cache(path, {"url": full, "body": body})
        return body

    def _fetch(self, full_url: str, accept: str) -> dict | None:
        request = urllib.request.Request(
            full_url, headers={"User-Agent": self.user_agent, "Accept": accept})
        for attempt in range(self.max_retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    raw = response.read()
            except urllib.error.HTTPError as exc:
                wait = parse_retry_after(exc.headers.get("Retry-After") if exc.headers else None)
                if exc.code in (429, 503) and attempt < self.max_retries:
                    delay = min(wait if wait is not None else 2.0 ** attempt, self.max_retry_wait)
                    log.info("Wikidata answered %s; retrying in %.1fs", exc.code, delay)
                    time.sleep(delay)
                    continue
                log.warning("Wikidata request failed with HTTP %s: %s", exc.code, full_url)
                return None
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout, OSError) as exc:
                log.warning("Wikidata request failed (%s): %s", exc, full_url)
                return None
            try:
                data = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                log.warning("Wikidata sent malformed JSON for %s", full_url)
                return None
            if not isinstance(data, dict):
                log.warning("Wikidata sent unexpected JSON for %s", full_url)
                return None
            return data
        return None
