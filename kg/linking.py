"""Context-aware entity linking against the gazetteer: right or silent.

A :class:`Linker` maps a mention to a :class:`~kg.gazetteer.GazEntry` or to NIL.

Disambiguation rule for a bare name that names both a settlement and a region
("Kherson" = the city, or Kherson Oblast by its base name), first match wins:

1. a city cue ("city of Kherson", "Kherson city", "the town of ...") -> the settlement;
2. a region cue ("region of Kherson", "Kherson region", "Kherson, the southern
   region", "Kherson province") -> the region;
3. a type hint that allows only one of the two -> that one;
4. the article already named the region explicitly and not the city
   (``context.resolved``): the bare name may mean either -> NIL ("the southern
   region of Kherson ... forces in Kherson", "the Mykolaiv region ... a strike
   in Mykolaiv");
5. otherwise -> the settlement.

Other ties (two "Tripoli"s) are broken by the article's countries; when the top two
candidates stay within :data:`AMBIGUITY_MARGIN` the result is NIL.

>>> linker = Linker(Gazetteer.load())
>>> linker.link("the city of Kherson").entry.key
'Kherson'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple, Protocol

from spacy.language import Language

from kg._link_cues import (
    DIRECTIONS,
    GIVEN_NAMES,
    cue_of,
    feature_follows,
    locative_before,
)
from kg._link_types import allowed_types, mismatch_penalty
from kg.gazetteer import Gazetteer, GazEntry, Match, norm

DEFAULT_THRESHOLD = 0.5
AMBIGUITY_MARGIN = 0.15
_BASE_SCORE = {"alias": 0.9, "acronym": 0.9, "translit": 0.8, "demonym": 0.75, "region_base": 0.6}
#: Readings of (surface, left, right) kept per linker: mentions recur within and across articles.
_READING_CACHE_SIZE = 1 << 14

@dataclass(frozen=True)
class LinkContext:
    """What is known around a mention: text either side and the article so far."""

    left: str = ""                         # text before the mention (same sentence)
    right: str = ""                        # text after the mention
    countries: tuple[str, ...] = ()        # country keys of the article, dominant first
    resolved: frozenset[str] = frozenset()  # keys already linked in the article


@dataclass(frozen=True)
class Candidate:
    entry: GazEntry
    score: float
    how: str


@dataclass(frozen=True)
class LinkResult:
    """``entry`` is None for NIL; ``candidates`` are scored, best first."""

    entry: GazEntry | None
    score: float
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def qid(self) -> str | None:
        return self.entry.qid if self.entry else None


class _Reading(NamedTuple):
    """What a mention's surface and the text either side say, before any scoring."""

    core: str                 # the name without type words ("kherson" for "Kherson region")
    cue: str | None           # "city" | "region" | None
    matches: tuple[Match, ...]


class OnlineResolver(Protocol):
    """What the linker needs from the online client (see :mod:`kg.wikidata`)."""

    def link(self, surface: str, types: frozenset[str] | None,
             country_qid: str | None) -> GazEntry | None: ...



class Linker:
    """Link mention surfaces to gazetteer entries, or to NIL below ``threshold``."""

    def __init__(self, gazetteer: Gazetteer, threshold: float = DEFAULT_THRESHOLD,
                 online: OnlineResolver | None = None):
        self.gazetteer = gazetteer
        self.threshold = threshold
        self.online = online
        # a pure function of its arguments and the (unchanging) gazetteer: the same
        # mention is linked twice by link_document and again by the extractor
        self._cached_reading = lru_cache(maxsize=_READING_CACHE_SIZE)(self._reading)

    def link(self, surface: str, type_hint: str | None = None,
             context: LinkContext | None = None) -> LinkResult:
        """Link one mention; ``type_hint`` is a spaCy label or an entity kind."""
        ctx = context or LinkContext()
        reading = self._cached_reading(surface, ctx.left, ctx.right)
        if reading is None:
            return LinkResult(None, 0.0)
        if not reading.matches:
            return self._online(surface, type_hint, ctx)
        scored = self._score(list(reading.matches), reading.cue, type_hint, ctx, reading.core)
        return self._decide(scored)

    def _reading(self, surface: str, left: str, right: str) -> _Reading | None:
        """Core name, cue and gazetteer matches of a mention; None when it is no name."""
        if not any(ch.isupper() for ch in surface):
            return None  # "the west bank" of a river is no West Bank
        core = norm(surface)
        if not self.gazetteer.matches(surface):
            core = DIRECTIONS.sub("", core)
        if not core or feature_follows(right):
            return None
        core, cue = cue_of(core, left, right)
        return _Reading(core, cue, tuple(self._matches(surface, core, cue)))

    def _matches(self, surface: str, core: str, cue: str | None) -> list[Match]:
        if cue is None:
            return self.gazetteer.matches(surface if norm(surface) == core else core)
        full = self.gazetteer.matches(surface)
        full_alias = [m for m in full if m.how in ("alias", "acronym", "translit")]
        if full_alias and (cue != "region" or any(m.entry.type == "region" for m in full_alias)):
            return full_alias  # "Kherson region" is itself an alias
        matches = self.gazetteer.matches(core)
        if cue == "region":  # "<name> region" names the region whose base is <name>
            matches = [Match(m.entry, "alias") if m.how == "region_base" else m for m in matches]
        return matches

    def _score(self, matches: list[Match], cue: str | None, type_hint: str | None,
               ctx: LinkContext, core: str) -> list[Candidate]:
        allowed = allowed_types(type_hint)
        locative = cue is not None or locative_before(ctx.left)
        scored = []
        for match in matches:
            entry, score = match.entry, _BASE_SCORE[match.how]
            if allowed is not None and entry.type not in allowed:
                # a country name tagged PERSON is a country unless it is also a given name
                plausible = locative or (entry.type == "country" and core not in GIVEN_NAMES)
                score -= mismatch_penalty(type_hint, entry.type, plausible)
            if cue == "city":
                score += 0.05 if entry.type == "settlement" else -0.45
            elif cue == "region":
                score += 0.05 if entry.type == "region" else -0.45
            score += self._country_adjustment(entry, ctx)
            if entry.key in ctx.resolved:
                score += 0.1
            scored.append(Candidate(entry, round(score, 4), match.how))
        if cue is None:
            scored = self._city_or_region(scored, allowed, ctx)
        return sorted(scored, key=lambda c: -c.score)

    def _country_adjustment(self, entry: GazEntry, ctx: LinkContext) -> float:
        if not ctx.countries or entry.type in ("country", "organisation", "news_agency"):
            return 0.0
        country = self.gazetteer.country_of(entry)
        if country is None:
            return 0.0
        if country.key == ctx.countries[0]:
            return 0.1
        return 0.05 if country.key in ctx.countries else -0.2

    def _city_or_region(self, scored: list[Candidate], allowed: frozenset[str] | None,
                        ctx: LinkContext) -> list[Candidate]:
        """Rules 3-5 of the module docstring for a settlement/region pair of one name."""
        cities = [c for c in scored if c.entry.type == "settlement" and c.how != "region_base"]
        regions = [c for c in scored if c.how == "region_base"]
        if not cities or not regions:
            return scored
        city_ok = allowed is None or "settlement" in allowed
        region_ok = allowed is None or "region" in allowed
        city_seen = any(c.entry.key in ctx.resolved for c in cities)
        region_seen = any(c.entry.key in ctx.resolved for c in regions)
        prefer_region = region_ok and not city_ok
        undecided = city_ok == region_ok and region_seen and not city_seen
        out = []
        for cand in scored:
            score = cand.score
            if undecided and (cand in regions or cand in cities):
                score = 0.75  # rule 4: a tie, hence NIL
            elif cand in regions and prefer_region:
                score = max(cand.score, 0.85)
            elif cand in cities and prefer_region:
                score = min(cand.score, 0.6)
            out.append(replace(cand, score=score))
        return out

    def _decide(self, scored: list[Candidate]) -> LinkResult:
        best = scored[0]
        rivals = [c for c in scored[1:] if c.entry.key != best.entry.key]
        ambiguous = bool(rivals) and best.score - rivals[0].score < AMBIGUITY_MARGIN
        if best.score < self.threshold or ambiguous:
            return LinkResult(None, best.score, tuple(scored))
        return LinkResult(best.entry, min(best.score, 1.0), tuple(scored))

    def _online(self, surface: str, type_hint: str | None, ctx: LinkContext) -> LinkResult:
        if self.online is None:
            return LinkResult(None, 0.0)
        country = self.gazetteer.get(ctx.countries[0]) if ctx.countries else None
        entry = self.online.link(surface, allowed_types(type_hint),
                                 country.qid if country else None)
        if entry is None:
            return LinkResult(None, 0.0)
        known = self.gazetteer.by_qid(entry.qid) if entry.qid else None
        if known is not None:
            entry = known
        elif entry.key in self.gazetteer:
            entry = replace(entry, key=f"{entry.label} ({entry.qid})")
        return LinkResult(entry, 0.8, (Candidate(entry, 0.8, "online"),))



@dataclass(frozen=True)
class Mention:
    """A mention in a document: surface, type hint and the text either side."""

    surface: str
    type_hint: str | None = None
    left: str = ""
    right: str = ""


def link_document(linker: Linker, mentions: Iterable[Mention]) -> list[LinkResult]:
    """Link all mentions of one article with article context, in two passes.

    The first pass finds the article's countries (most linked first) and the entities
    named unambiguously; the second links every mention knowing both.
    """
    mentions = list(mentions)
    counts: Counter[str] = Counter()
    resolved: set[str] = set()
    for m in mentions:
        result = linker.link(m.surface, m.type_hint, LinkContext(m.left, m.right))
        if result.entry is None:
            continue
        country = linker.gazetteer.country_of(result.entry)
        if country is not None:
            counts[country.key] += 1
        if all(c.score < linker.threshold for c in result.candidates[1:]):
            resolved.add(result.entry.key)  # decisive: no other reading was plausible
    countries = tuple(key for key, _ in counts.most_common())
    results = [linker.link(m.surface, m.type_hint,
                           LinkContext(m.left, m.right, countries, frozenset(resolved)))
               for m in mentions]
    return _apply_local_acronyms(mentions, results)


_DEFINES = re.compile(r"^\(\s*([A-Z][A-Za-z0-9-]{1,9})\s*\)")


def _apply_local_acronyms(mentions: list[Mention], results: list[LinkResult]) -> list[LinkResult]:
    """An acronym the article defines ("Armed Forces of the Philippines (AFP)") means
    what the article says, not what the gazetteer's acronym means (Agence France-Presse)."""
    defined: dict[str, LinkResult] = {}
    for mention, result in zip(mentions, results):
        found = _DEFINES.match(mention.right.strip())
        if found and found.group(1) not in defined:
            defined[found.group(1)] = result
    if not defined:
        return results
    out = []
    for mention, result in zip(mentions, results):
        surface = re.sub(r"^the\s+", "", mention.surface.strip(), flags=re.IGNORECASE)
        out.append(defined.get(surface, result))
    return out


@Language.factory(
    "kg_linker",
    default_config={
        "threshold": DEFAULT_THRESHOLD,
        "gazetteer_paths": [],
        "score_attr": "kg_link_score",
        "qid_attr": "kg_qid",
        "window": 6,
        "online": False,
    },
    requires=["doc.ents"],
    assigns=["token.ent_kb_id"],
)
def make_kg_linker(nlp: Language, name: str, threshold: float, gazetteer_paths: list[str],
                   score_attr: str, qid_attr: str, window: int, online: bool):
    """Build the ``kg_linker`` component (``nlp.add_pipe("kg_linker")``).

    ``online`` (or ``KG_ONLINE=1``) asks Wikidata for entities the gazetteer lacks.
    """
    from kg._link_component import GazetteerLinker
    from kg.wikidata import WikidataClient, online_enabled

    resolver = WikidataClient.from_env() if (online or online_enabled()) else None
    linker = Linker(Gazetteer.load(gazetteer_paths), threshold=threshold, online=resolver)
    return GazetteerLinker(linker, score_attr=score_attr, qid_attr=qid_attr, window=window)
