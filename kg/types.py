"""Plain data types shared by extraction, mapping and storage.

Nothing here knows about spaCy, rdflib or Flask: the extractor produces an
:class:`Extraction`, :mod:`kg.mapping` turns it into RDF quads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: The relations the extractor can produce (local names in the ontology).
RELATIONS = (
    "controls",
    "withdrewFrom",
    "suppliesVia",
    "attacked",
    "deployedTo",
    "captured",
    "besieged",
    "encircled",
    "lostControlOf",
)

#: Modality of a statement. Only ``asserted`` statements yield a direct triple.
MODALITIES = ("asserted", "planned", "denied", "negated", "hypothetical", "failed")

#: Entity kinds, each mapped to an ontology class in :mod:`kg.mapping`.
ENTITY_KINDS = (
    "Party",          # state or organised armed group
    "Country",
    "Region",
    "Settlement",
    "Place",          # a named place of unknown kind
    "Person",
    "Organisation",
    "NewsAgency",
)


@dataclass(frozen=True)
class Article:
    """One input document."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


@dataclass
class Entity:
    """A canonical entity; ``key`` is stable across documents (used in IRIs)."""

    key: str
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    qid: str | None = None          # Wikidata item, only when certain
    parent: str | None = None       # key of the enclosing region/country
    lat: float | None = None
    lon: float | None = None
    party: str | None = None        # for units/persons: key of the party they belong to
    role: str | None = None         # for persons: "Defense Ministry spokesman"


@dataclass
class Fact:
    """One extracted relation with its provenance."""

    subject: str                    # entity key of the party
    relation: str                   # one of RELATIONS
    object: str                     # entity key of the place
    sentence: str                   # the sentence text
    sentence_start: int             # char offsets of the sentence in Article.text
    sentence_end: int
    evidence_start: int             # char offsets of the evidence span
    evidence_end: int
    trigger: str = ""               # the word that licensed the relation
    modality: str = "asserted"
    confidence: float = 0.5
    since: date | None = None       # the fact held from ...
    until: date | None = None       # ... until
    at: date | None = None          # the date of the event that the sentence reports
    attributed_to: str | None = None  # entity key of who said it (person or organisation)
    channel: str | None = None      # "video address", "state television", ...

    @property
    def is_asserted(self) -> bool:
        return self.modality == "asserted"


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    extractor_version: str = "0"

    def add_entity(self, entity: Entity) -> Entity:
        """Add or merge an entity by key; returns the stored one."""
        known = self.entities.get(entity.key)
        if known is None:
            self.entities[entity.key] = entity
            return entity
        known.aliases |= entity.aliases
        for attr in ("qid", "parent", "lat", "lon", "party", "role"):
            if getattr(known, attr) is None and getattr(entity, attr) is not None:
                setattr(known, attr, getattr(entity, attr))
        return known
