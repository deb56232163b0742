"""Context cues for linking: city/region words, locatives, directions, features after."""
from __future__ import annotations

import re

from kg.gazetteer import REGION_WORDS, norm

_CITY_WORDS = frozenset({"city", "town", "village", "port", "capital"})
# "Kherson, the southern region ..." / "Izium, a town in ..." (not "Izium, Kharkiv region")
_APPOSITIVE = re.compile(
    r"^,\s*(?:a|an|the)\s+(?:[a-z-]+ern\s+|central\s+|key\s+|strategic\s+|small\s+)?"
    r"(region|oblast|province|district|governorate|city|town|village)\b"
)
# "southern", "north-eastern", "central" before a name; bare "South" is part of names.
DIRECTIONS = re.compile(r"^(?:(?:north|south)(?:\s?(?:east|west))?ern|(?:east|west)ern|central)\s+")
# A locative word just before the mention makes a place reading plausible even
# when NER called the mention a PERSON or FAC ("withdrew from Avdiivka").
_LOCATIVE = frozenset({
    "in", "into", "from", "near", "around", "towards", "toward", "across", "outside",
    "inside", "at", "to", "entered", "enter", "captured", "recaptured", "took", "retook",
    "seized", "liberated", "shelled", "struck", "stormed", "encircled", "reached",
    "taken", "take", "besieged", "bombed", "attacked",
})
_COMPASS_OF = re.compile(r"(?:north|south|east|west|outskirts|centre|center)\S*\s+of$")
# Country names that are also given names: tagged PERSON, they stay people.
GIVEN_NAMES = frozenset({"georgia", "jordan", "chad", "india", "israel", "china", "kenya",
                          "america", "france", "ireland", "niger"})
# The mention modifies another named thing: "the Niger river", "Port Stanley airport".
_FEATURE_AFTER = frozenset({
    "river", "lake", "sea", "bridge", "airport", "dam", "canal", "strait", "gulf", "bay",
    "mountain", "mountains", "valley", "street", "square", "stadium", "hospital", "highway",
    "airbase", "crossing",
})



def cue_of(surface_norm: str, left_text: str, right_text: str) -> tuple[str, str | None]:
    """Strip type words from the surface; return (core name, "city" | "region" | None)."""
    words = surface_norm.split()
    if len(words) >= 3 and words[1] == "of" and words[0] in _CITY_WORDS:
        return " ".join(words[2:]), "city"
    if len(words) >= 3 and words[1] == "of" and words[0] in REGION_WORDS:
        return " ".join(words[2:]), "region"
    if len(words) >= 2 and words[-1] in ("city", "town"):
        return " ".join(words[:-1]), "city"
    if len(words) >= 2 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1]), "region"
    left = norm(left_text).split()[-3:]
    right_text = right_text.lstrip()
    right = norm(right_text).split()[:3]
    if len(left) >= 2 and left[-1] == "of" and left[-2] in _CITY_WORDS:
        return surface_norm, "city"
    if len(left) >= 2 and left[-1] == "of" and left[-2] in REGION_WORDS:
        return surface_norm, "region"
    if right and right[0] in ("city", "town"):
        return surface_norm, "city"
    if right and right[0] in REGION_WORDS:
        return surface_norm, "region"
    appositive = _APPOSITIVE.match(right_text.lower())
    if appositive:
        return surface_norm, "region" if appositive.group(1) in REGION_WORDS else "city"
    return surface_norm, None


def locative_before(left_text: str) -> bool:
    left = norm(left_text)
    words = left.split()
    return bool(words) and (words[-1] in _LOCATIVE or bool(_COMPASS_OF.search(left)))


def feature_follows(right_text: str) -> bool:
    words = norm(right_text).split()
    return bool(words) and words[0] in _FEATURE_AFTER
