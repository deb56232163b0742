"""Type hints (spaCy NER labels or entity kinds) -> gazetteer entry types."""
from __future__ import annotations

_PLACES = frozenset({"country", "region", "settlement"})
_GROUPS = frozenset({"armed_group", "organisation", "news_agency"})

_HINTS: dict[str, frozenset[str]] = {
    # spaCy NER labels
    "gpe": _PLACES,
    "loc": _PLACES,
    "fac": frozenset(),  # facilities, rivers, bridges: never a gazetteer type as such
    "norp": frozenset({"country", "armed_group"}),
    "org": _GROUPS | {"country"},
    "person": frozenset({"person"}),
    "per": frozenset({"person"}),
    # entity kinds of kg.types and the extractor
    "settlement": frozenset({"settlement"}),
    "region": frozenset({"region"}),
    "country": frozenset({"country"}),
    "place": _PLACES,
    "party": frozenset({"country", "armed_group"}),
    "armed_group": frozenset({"armed_group"}),
    "organisation": _GROUPS,
    "organization": _GROUPS,
    "newsagency": frozenset({"news_agency", "organisation"}),
    "news_agency": frozenset({"news_agency", "organisation"}),
}


def allowed_types(type_hint: str | None) -> frozenset[str] | None:
    """Entry types compatible with a hint; None means "no constraint"."""
    if not type_hint:
        return None
    return _HINTS.get(type_hint.strip().lower())


def mismatch_penalty(type_hint: str | None, entry_type: str, locative: bool = False) -> float:
    """How much a candidate of ``entry_type`` loses when the hint does not allow it.

    NER labels are noisy, so a place tagged ORG still links (small penalty). A
    person/non-person clash ("Washington" as PERSON) falls far below the threshold,
    unless a place is tagged PERSON or FAC right after a locative word
    (``locative``: "withdrew from Avdiivka", "the city of Kherson").
    """
    allowed = allowed_types(type_hint) or frozenset()
    weak_label = "person" in allowed or (type_hint or "").lower() == "fac"
    if weak_label and entry_type in _PLACES:
        return 0.15 if locative else 0.7
    if ("person" in allowed) != (entry_type == "person"):
        return 0.7
    if entry_type in _PLACES and allowed <= _PLACES:
        return 0.15  # settlement vs region vs country: a kind guess, not a clash
    return 0.3
