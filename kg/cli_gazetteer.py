"""``kg gazetteer``: look names up and add what online linking learned to the user gazetteer.

The lead's CLI registers it with ``cli.add_command(gazetteer)``.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.gazetteer import (
    GazEntry,
    Gazetteer,
    GazetteerError,
    default_user_path,
    entry_from_dict,
    entry_to_dict,
    read_entries,
)
from kg.linking import LinkContext, Linker
from kg.wikidata import WikidataClient, default_cache_dir


def merge_learned(learned: list[dict], gazetteer: Gazetteer,
                  user_entries: list[GazEntry]) -> tuple[list[GazEntry], int]:
    """User entries plus new ones from positive cached links; returns (entries, added)."""
    entries = list(user_entries)
    known_qids = {e.qid for e in entries if e.qid} | {e.qid for e in gazetteer if e.qid}
    keys = {e.key for e in entries} | {e.key for e in gazetteer}
    added = 0
    for link in learned:
        qid = link.get("qid")
        if not qid or qid in known_qids:
            continue
        label = str(link.get("label") or link.get("surface"))
        key = label if label not in keys else f"{label} ({qid})"
        parent = next((gazetteer.by_qid(c).key for c in link.get("countries", [])
                       if gazetteer.by_qid(c) is not None), None)
        data = {"key": key, "qid": qid, "label": label, "type": link.get("type"),
                "aliases": [label, str(link.get("surface") or label)], "parent": parent,
                "lat": link.get("lat"), "lon": link.get("lon")}
        try:
            entries.append(entry_from_dict(data, f"cached link {qid}"))
        except GazetteerError:
            continue  # a damaged cache file: skip it rather than write a bad entry
        known_qids.add(qid)
        keys.add(key)
        added += 1
    return entries, added


@click.group()
def gazetteer() -> None:
    """Inspect and extend the gazetteer used for entity linking."""


@gazetteer.command()
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Wikidata cache to read (default: $KG_CACHE_DIR or ~/.cache/kg/wikidata).")
@click.option("--user-gazetteer", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="User gazetteer to write (default: $KG_GAZETTEER_USER or "
                   "~/.local/share/kg/gazetteer.jsonl).")
def update(cache_dir: Path | None, user_gazetteer: Path | None) -> None:
    """Add entities learned by online linking (cached positive links) to the user gazetteer."""
    cache = cache_dir or default_cache_dir()
    target = user_gazetteer or default_user_path()
    try:
        packaged = Gazetteer.load(include_user=False)
        existing = list(read_entries(target)) if target.is_file() else []
    except GazetteerError as exc:
        raise click.ClickException(f"{exc.message}. Fix or remove that file and retry.") from exc
    learned = list(WikidataClient(cache_dir=cache).learned())
    entries, added = merge_learned(learned, packaged, existing)
    if added:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(json.dumps(entry_to_dict(e), ensure_ascii=False) + "\n" for e in entries)
        target.write_text(text, encoding="utf-8")
    click.echo(f"{added} new entr{'y' if added == 1 else 'ies'} added to {target} "
               f"({len(learned)} cached link(s) in {cache}).")


@gazetteer.command()
@click.argument("surface")
@click.option("--type", "type_hint", default=None,
              help="Type hint: a spaCy label (GPE, LOC, ORG, PERSON, NORP) or settlement, "
                   "region, country, party, organisation, news_agency, person.")
@click.option("--context", default="", help="Text after the mention, e.g. 'region'.")
@click.option("--online/--offline", default=False,
              help="Ask Wikidata (cached) when the gazetteer has no candidate.")
def lookup(surface: str, type_hint: str | None, context: str, online: bool) -> None:
    """Show how SURFACE links, as JSON."""
    try:
        gaz = Gazetteer.load()
    except GazetteerError as exc:
        raise click.ClickException(f"{exc.message}. Fix or remove that file and retry.") from exc
    linker = Linker(gaz, online=WikidataClient.from_env() if online else None)
    result = linker.link(surface, type_hint, LinkContext(right=" " + context if context else ""))
    click.echo(json.dumps({
        "surface": surface,
        "key": result.entry.key if result.entry else None,
        "qid": result.qid,
        "score": result.score,
        "candidates": [{"key": c.entry.key, "qid": c.entry.qid, "score": c.score, "how": c.how}
                       for c in result.candidates],
    }, ensure_ascii=False, indent=2))
