"""The voice of a communiqué: a mixin of :class:`kg._party_resolution.PartyResolution`.

An official communiqué, ministry statement or state-media bulletin speaks for one side: its
"our forces", its bare "troops" and its agentless "X was liberated" are that side's, and
its "the enemy", "the occupiers" or "the aggressors" are the other side's. These methods find
the issuing state (the state the heading names, unless it is named as the foe), the foe of
a side (the party the text names most, leaving out that side's allies), and the taker of a
place a passive says was freed from someone. They read the same document state as the rest
of :class:`kg.docfacts.DocFacts` (``doc``, ``text``, ``sents``, ``parties``, ``lexicon``,
``attributor``) and call back into ``resolve_party``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .parties import is_force_noun

#: words of an official communiqué's heading ("OFFICIAL COMMUNIQUE No. 47", "Operational summary")
_ISSUED = re.compile(r"\b(?:communiqu[eé]|press release|statement|bulletin|general staff|ministry of defen[cs]e|"
                     r"operational summary|briefing|information bulletin)\b", re.I)
#: how a heading may name the state that speaks: "Azerbaijan", "Baku", "the Azerbaijani
#: Ministry of Defence", "Official communique of the Indian Army"
_ISSUER_KINDS = frozenset({"names", "metonyms", "demonyms", "forces"})
#: nouns a communiqué uses only for the other side's state ("the regime of X")
_FOE_NOUNS = frozenset("regime aggression aggressor aggressors enemy".split())
#: prepositions that put two sides together ("Cuban units, together with FAPLA")
_WITH = frozenset({"with", "alongside"})
#: what a communiqué calls the other side
_ENEMY_WORDS = frozenset("enemy occupier occupiers aggressor aggressors".split())


def names_the_enemy(tok: Token) -> bool:
    """"the enemy", "the occupiers", or a force noun with such a modifier ("enemy troops")."""
    words = {tok.lower_, tok.lemma_.lower()}
    if is_force_noun(tok):
        words |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    return not _ENEMY_WORDS.isdisjoint(words)


class CommuniqueVoice:
    """Who speaks in a communiqué, and whom it calls the enemy (see the module docstring)."""

    def _voice_party(self, trigger: Token) -> str | None:
        """Whose "our forces" a communiqué means outside any quote: the state its first two
        lines name ("IRAQ: GENERAL COMMAND COMMUNIQUE", "published in Granma, Havana").
        None for an article whose heading names no state, and inside quotation marks."""
        if self.attributor.in_quote(trigger):
            return None
        return self._first_state_named(self.sents[min(1, len(self.sents) - 1)].end_char if self.sents else 0)

    def _issuer_state(self) -> str | None:
        """The state that issues an official communiqué ("REPUBLIC OF MALI ... OFFICIAL
        COMMUNIQUE"): its bare "troops", "units" and "reinforcements" are its own, even where
        another state's forces appear. None for any other kind of article."""
        if "_issuer" not in self.__dict__:      # the same for the whole document: once
            head = self.text[:400]
            self._issuer = self._first_state_named(len(head)) if _ISSUED.search(head) else None
        return self._issuer

    def _enemy_of_voice(self, trigger: Token) -> str | None:
        """Whom "the enemy" or "the occupiers" means: in a quotation, the foe of the quoted
        speaker's side; elsewhere in a communiqué, the foe of the issuing state (see
        :meth:`_foe_of`). None in a wire report's own voice."""
        src = self.attributor.source_for(trigger) if self.attributor.in_quote(trigger) else None
        voice = src.party if src is not None else self._issuer_state()
        if voice is None:
            return None
        enemies = self.__dict__.setdefault("_enemies", {})     # per document and voice: once
        if voice not in enemies:
            enemies[voice] = self._foe_of(voice)
        return enemies[voice]

    def _foe_of(self, issuer: str) -> str | None:
        """The party other than ``issuer`` and its allies that the text names most often;
        None when two such parties are named equally often."""
        counts: dict[str, int] = {}
        allies = self._allies_of(issuer)
        for span, key, kind in {v[0].start: v for v in self.parties.by_token.values()}.values():
            if key != issuer and kind != "persons" and key not in allies:
                counts[key] = counts.get(key, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=counts.get)

    def _foe_of_loser(self, trigger: Token) -> str | None:
        """"Irpin was freed from the invader", "the district was cleared of the enemy": a
        passive with no agent that names who lost the place; the taker is the loser's foe
        (see :meth:`_foe_of`)."""
        losers = [o for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                  for o in prep.children if o.dep_ == "pobj"]
        for loser in losers:
            key = self.resolve_party(loser, trigger)
            if key is not None:
                return self._foe_of(key)
        return None

    def _allies_of(self, party: str) -> set[str]:
        """Parties the text names side by side with ``party`` ("Cuban and Angolan aviation",
        "Cuban units, together with FAPLA"): a coordination in one phrase."""
        allies: set[str] = set()
        for i, (_, key, _) in self.parties.by_token.items():
            if key != party:
                continue
            tok = self.doc[i]
            near = [tok.head, *tok.children, *tok.head.children]
            near += [obj for prep in tok.head.children if prep.lower_ in _WITH
                     for obj in prep.children if obj.dep_ == "pobj"]      # "units, together with FAPLA"
            for other in near:
                hit = self.parties.by_token.get(other.i)
                if hit is not None and hit[1] != party and (
                        other.dep_ == "conj" or tok.dep_ == "conj" or other.head.lower_ in _WITH):
                    allies.add(hit[1])
        return allies

    @staticmethod
    def _named_as_foe(tok: Token) -> bool:
        """A state named the way only its enemy names it: "the Zionist regime", "the
        regime of Iraq", "aggression by the Iraqi army"."""
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("of", "by"):
            head = head.head
        return head.lemma_.lower() in _FOE_NOUNS

    def _first_state_named(self, end_char: int) -> str | None:
        """The first state the text names (by name or metonym) before character ``end_char``."""
        for i in sorted(self.parties.by_token):
            if self.doc[i].idx >= end_char:
                break
            _, key, kind = self.parties.by_token[i]
            if kind == "demonyms" and self.doc[i].dep_ not in ("amod", "compound", "nmod"):
                continue               # "Translated from the Russian": a language, no body
            if self._named_as_foe(self.doc[i]):
                continue               # "the aggression of the Baathist regime of Iraq": not the voice
            if kind in _ISSUER_KINDS and self.lexicon.parties[key].kind == "state":
                return key
        return None
