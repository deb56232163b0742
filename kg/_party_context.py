"""Parties the text names only by their role or by their alliance, and pairs that cannot hold.

- "the attackers", "the defenders", "the garrison", "the invaders", "the occupiers": the
  party of the latest fact that gave it that role ("X shelled the town ... the attackers
  stormed it"); none when the text named no such party.
- a capture in the passive with no agent ("Waterloo was overrun"): the party of the
  latest attack or capture just before, unless that party held the place.
- "the coalition" as an actor: the coalition the article names elsewhere.
- a party does not attack its own seat ("the ministry in Moscow" is not a Russian target).
"""
from __future__ import annotations

from spacy.tokens import Token

from .parties import is_force_noun

#: nouns for the side that attacks a place, and the relations that give a party that role
ATTACKER_NOUNS = frozenset("attacker attackers assailant assailants besieger besiegers aggressor aggressors".split())
ATTACK_RELATIONS = frozenset({"attacked", "besieged", "encircled"})
#: nouns for the side that holds a place, and the relations that give a party that role
DEFENDER_NOUNS = frozenset("defender defenders garrison garrisons".split())
#: nouns for the side that came in: the party of the latest attack, capture or deployment
INVADER_NOUNS = frozenset("invader invaders".split())
#: nouns for the side that holds what it took: the party of the latest control
OCCUPIER_NOUNS = frozenset("occupier occupiers".split())


def _offensive(c) -> bool:
    """A fact that puts its party on the offensive: an attack or a capture."""
    return c.relation in ATTACK_RELATIONS or (c.relation == "controls" and c.event)


def _latest_party(facts: list, before: int, earliest: int, wanted) -> str | None:
    """The party of the latest asserted fact with an explicit party whose trigger lies in
    ``[earliest, before)`` and that ``wanted`` accepts."""
    for c in reversed(facts):
        if c.trigger.i >= before or c.trigger.i < earliest:
            continue
        if c.modality == "asserted" and not c.party_inferred and wanted(c):
            return c.party
    return None


def role_party(tok: Token, facts: list, earliest: int) -> str | None:
    """The party a bare role noun ("the attackers", "the garrison") stands for: the party of
    the latest asserted fact from token ``earliest`` on that gave a party that role. A
    garrison or the defenders hold a place (a standing "held", not a capture)."""
    word = tok.lower_
    if word in ATTACKER_NOUNS:
        return _latest_party(facts, tok.i, earliest, lambda c: c.relation in ATTACK_RELATIONS)
    if word in DEFENDER_NOUNS:
        return _latest_party(facts, tok.i, earliest, lambda c: c.relation == "controls" and not c.event)
    if word in INVADER_NOUNS:
        return _latest_party(facts, tok.i, earliest,
                             lambda c: _offensive(c) or c.relation == "deployedTo")
    if word in OCCUPIER_NOUNS:
        return _latest_party(facts, tok.i, earliest, lambda c: c.relation == "controls")
    return None


def party_on_the_offensive(trigger: Token, facts: list, earliest: int, holder: str | None) -> str | None:
    """Who took a place that a passive with no agent says was taken ("Waterloo was overrun
    shortly before Christmas"): the party of the latest asserted attack or capture from
    token ``earliest`` on, unless it is the place's last holder (a holder does not take
    its own town). None when the text just before names no offensive."""
    return _latest_party(facts, trigger.i, earliest, lambda c: c.party != holder and _offensive(c))


def coalition_in_context(named: list[str], lexicon) -> str | None:
    """The coalition a bare "the coalition" refers to: the first one the article names."""
    for key in named:
        party = lexicon.parties.get(key)
        if party is not None and party.kind == "group" and "coalition" in key.lower():
            return key
    return None


def own_seat(lexicon, party: str, place: dict) -> bool:
    """Whether ``place`` is the party itself or its seat ("Moscow" for Russia)."""
    if place.get("key") == party:
        return True
    for name in (place.get("label"), *sorted(place.get("aliases") or ())):
        hit = lexicon.lookup(name) if name else None
        if hit is not None and hit[0] == party and hit[1] in ("names", "metonyms"):
            return True
    return False


def unnamed_subject(doc, start: int, end: int) -> Token | None:
    """The last plural force noun in ``doc[start:end]`` that is a clause subject ("Syrian
    rebels said their ..."): a nearer antecedent for "they"/"their" than any party named
    before it, even when it names no party of its own."""
    for t in reversed(doc[start:end]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and is_force_noun(t):
            return t
    return None
