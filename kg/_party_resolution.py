"""How one document's phrases are resolved to parties: the mixin behind
:meth:`kg.docfacts.DocFacts.resolve_party`.

"Russian troops", "the army", "they", "our forces", "Gaddafi's brigades", "the group",
"rebels", a passive with no agent: each is taken to the party it stands for, from the
party lexicon (:mod:`kg.parties`), the era tables (:mod:`kg.party_eras`), and what the
document said before (earlier force phrases, commanders tied to a side, the state the
article is about, and the voice of a communiqué, which :mod:`kg._communique_voice` reads).
The methods read the document state that :class:`kg.docfacts.DocFacts` sets up (``doc``,
``parties``, ``lexicon``, ``force_mentions``, ``leaders``, ``facts_so_far``, ``state``,
``story_day``, ``attributor``, sentence bounds); this module only holds the party half of
that class, to keep each file readable.
"""
from __future__ import annotations

from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Token

from . import syntax as S
from . import _mentions as M
from . import _party_context as PC
from . import _precision as PR
from ._communique_voice import CommuniqueVoice, names_the_enemy
from .party_eras import leader_side
from .parties import OPPOSITION_NOUNS, STATE_FORCE_HEADS, STATE_FORCE_WORDS, is_force_noun

#: words of many party names, which alone name none ("the Forces", "the Brigades")
_GENERIC_NAME_WORDS = frozenset("""Forces Brigades Guards Units Councils Committees Republics States
Nations People Peoples Martyrs Mujahideen Fighters Defenders""".split())
#: verbs that tie a commander to a force: "led by X", "commanded by X", "under X"
_LEADING = frozenset("lead command head".split())
#: bodies of fighters that "they" may continue ("the rebel coalition ... they"), unlike
#: "the army", which is "it"
_THEY_COLLECTIVES = frozenset("coalition alliance group movement front militia".split())
#: plural-looking names of a single party, which "it" may refer to
_GROUP_NAMES_PLURAL = frozenset("houthis taliban".split())
#: bare nouns for regular troops: with no earlier "X troops", the state the article is about
_STATE_TROOPS = frozenset("troop troops soldier soldiers unit units reinforcement reinforcements".split())
#: nouns for a body of fighters that an opposition word makes the rebels' ("the rebel coalition")
_BODY_NOUNS = frozenset("coalition alliance group movement front army".split())
#: heads of a phrase whose "of" object is the body that acts ("waves of bombers", "dozens of tanks")
_QUANTITY_HEADS = frozenset("wave dozen hundred thousand score column".split())
#: nouns that stand for the armed group just named ("the group", "the militia")
GROUP_NOUNS = frozenset("group militia organisation organization movement faction".split())

#: bare nouns for a group's fighters, which a group's spokesman may call its own
_GROUP_TROOPS = frozenset("fighter fighters militant militants".split())
#: speakers who report on a war without speaking for a side's forces
_ONLOOKERS = frozenset("""official officials resident residents witness witnesses source sources
diplomat diplomats analyst analysts observer observers""".split())
#: speakers whose "for"/"of" phrase names the side they speak for ("a spokesman for X")
_SPOKESMEN = frozenset("""spokesman spokeswoman spokesperson commander commanders official
officials representative leader""".split())


class PartyResolution(CommuniqueVoice):
    """Party resolution for :class:`kg.docfacts.DocFacts` (see the module docstring)."""

    def resolve_party(self, tok: Token | None, trigger: Token, modifier: bool = False,
                      place: dict | None = None, relation: str | None = None) -> str | None:
        if tok is None:
            if trigger.pos_ in ("VERB", "ADJ"):   # "Waterloo was overrun", "declared liberated"
                if relation == "controls":
                    winner = self._foe_of_loser(trigger)
                    if winner is not None:
                        return winner
                holder = self._party_from_history(trigger, place)
                party = PC.party_on_the_offensive(trigger, self.facts_so_far, self._window_start(trigger, 2), holder)
                if party is None and relation == "controls" and not self.attributor.in_quote(trigger):
                    issuer = self._issuer_state()    # a communiqué's "X was liberated": its own side
                    party = issuer if issuer != holder else None
                return party
            return self._party_from_history(trigger, place)
        if tok.i in self.dateline:
            return None
        if modifier:
            hit = self.parties.party_of_token(tok)
            if hit is None and tok.lower_ in STATE_FORCE_WORDS:
                return self._state_side(tok)   # "government hands"
            if hit is None and tok.lower_ == "coalition":
                return self._coalition()       # "Coalition aircraft"
            return hit[0] if hit and hit[1] not in ("units", "persons") else None
        inside = self.parties.by_token.get(tok.i)
        if inside is not None and tok.dep_ == "conj" and inside[0].start <= tok.head.i < inside[0].end:
            return None                    # "Syria" in "the Islamic State of Iraq and Syria"
        key = self.parties.resolve_np(tok)
        if key is not None:
            return key
        if names_the_enemy(tok) and (key := self._enemy_of_voice(trigger)) is not None:
            return key                         # a communiqué's "the enemy", "enemy troops"
        if tok.lemma_.lower() in _QUANTITY_HEADS:   # "wave after wave of Luftwaffe bombers"
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is not None and is_force_noun(obj):     # not "thousands of Greeks" (people)
                return self.resolve_party(obj, trigger, modifier, place)
        lemma = tok.lemma_.lower()
        if lemma in ("man", "follower") and (key := self._leader_party(tok)) is not None:
            return key                     # "Madero's men", "followers of Savimbi"
        if is_force_noun(tok):
            if self.parties.is_state_force(tok):
                return self._state_side(tok)   # "government troops" in an article about Syria
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss and poss[0].lower_ in ("its", "their", "his", "her"):
                known, key = PR.governed_party(poss[0], lambda g: self._governing_party(g, trigger),
                                               self._recent_party)     # "X said its troops ..."
                return key if known else self._recent_party(tok)
            if (key := self._leader_party(tok)) is not None:
                return key                 # "Guevara's forces" after "columns ... led by Guevara"
            if poss and poss[0].lower_ == "our":
                src = self.attributor.source_for(trigger)  # "our forces" in a quote
                return src.party if src is not None else self._voice_party(trigger)
            short = next((c for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in PR.NAME_HEADS
                          and c.is_title), None)
            if short is not None:          # "Alliance commanders" after "the Northern Alliance"
                key = PR.party_by_name_head(short, self.force_mentions, self.lexicon)
                if key is not None:
                    return key
            if any(c.dep_ in ("compound", "amod") and c.lower_ == "liberation" for c in tok.children):
                key = PR.latest_party_named(   # "liberation troops" after "the People's
                    tok.i, self.force_mentions, self.lexicon,   # Liberation Armed Forces"
                    lambda words: "liberation" in (w.lower() for w in words))
                if key is not None:
                    return key
            if any(c.dep_ in ("compound", "amod") and c.lower_ == "coalition" for c in tok.children):
                key = self._coalition()        # "Coalition aircraft", "coalition forces"
                if key is not None:
                    return key
            opposition = next((c for c in tok.children if c.dep_ in ("amod", "compound")
                               and c.lemma_.lower() in OPPOSITION_NOUNS
                               and not (c.pos_ == "PROPN" and c.is_title)), None)   # not "the Second Revolutionary Army"
            if opposition is not None:     # "guerrilla columns", "rebel units": the rebels' side
                return self._recent_group(opposition)
            if M.bare(tok, self.ents):
                if tok.dep_ == "conj" and is_force_noun(tok.head) and tok.head.i < tok.i:
                    key = self.resolve_party(tok.head, trigger)
                    if key is not None:
                        return key         # "government troops and militias": one side
                role = PC.role_party(tok, self.facts_so_far, self._window_start(tok, 2))
                if role is not None:
                    return role                # "the attackers", "the garrison"
                if lemma in OPPOSITION_NOUNS:
                    return self._same_head(tok, lemma) or self._recent_group(tok)
                if lemma in _STATE_TROOPS or lemma in _GROUP_TROOPS:
                    key = self._speaker_party(tok, trigger, onlookers=False)
                    if key is not None and (lemma in _STATE_TROOPS or self.lexicon.parties[key].kind == "group"):
                        return key         # "the Israeli military says troops have ...", "a
                                           # spokesman for Ansar Dine said the fighters had ..."
                # "the troops", "the Izium formations": the same noun used before with a party
                return self._same_head(tok, lemma) or (
                    self._recent_group(tok) if lemma in ("fighter", "fighters", "militia", "militias") else
                    (self._lone_state() or self._issuer_state()) if lemma in _STATE_TROOPS else None)
            return None
        if tok.lower_ in ("they", "it", "their", "its", "them"):
            known, key = PR.governed_party(tok, lambda g: self._governing_party(g, trigger), self._recent_party)
            return key if known else self._recent_party(tok) or self._speaker_party(tok, trigger)
        if tok.lower_ in ("we", "us", "our"):
            src = self.attributor.source_for(trigger)      # "We have liberated X," Y said
            if src is not None:
                return src.party
            return self._voice_party(trigger) if self._issuer_state() else None   # a communiqué's "our hands"
        if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.dep_ in ("pobj", "poss"):
            key = self._leader_of(tok)
            if key is not None:
                return key                 # "in the hands of President Najibullah" in 1989
        if tok.lower_ in _BODY_NOUNS and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in
                                             OPPOSITION_NOUNS for c in tok.children) and any(
                c.lower_ == "the" for c in tok.children) and M.bare(tok, self.ents) and not any(
                c.dep_ == "appos" for c in tok.children):
            return self._recent_group(tok, rebels=True)   # "the rebel coalition" (not "a second rebel group, X")
        if tok.lower_ == "coalition" and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "compound"):
            return self._coalition()           # "the coalition bombed ...", "Coalition forces"
        if tok.pos_ == "PROPN" and tok.is_title and tok.tag_ == "NNPS" and any(
                c.lower_ == "the" for c in tok.children) and tok.text not in _GENERIC_NAME_WORDS:
            key = PR.latest_party_named(tok.i, self.force_mentions, self.lexicon, lambda words: tok.text in words)
            if key is not None:
                return key                     # "the Tigers" after "the Liberation Tigers of Tamil Eelam"
        if tok.lower_ in PR.NAME_HEADS:        # "the alliance" after "the Northern Alliance"
            return PR.party_by_name_head(tok, self.force_mentions, self.lexicon) or self._group_noun(tok)
        if tok.lower_ in GROUP_NOUNS:
            return self._group_noun(tok)       # "the group" after "al-Shabaab fighters"
        if tok.lower_ in STATE_FORCE_WORDS and tok.dep_ in ("compound", "amod", "nmod"):
            return self._state_side(tok)   # "government hands"
        if tok.lower_ in ("government", "regime", "junta") and tok.dep_ == "nsubj" and any(
                c.lower_ == "the" for c in tok.children):
            return self._state_side(tok)   # "the last city the government held"
        return None

    def _state_side(self, tok: Token) -> str | None:
        """The party a state-force phrase stands for ("the army", "federal artillery",
        "government troops"): the party of the latest earlier force phrase that named its
        side with the same word ("the Yugoslav federal army" ... "the army", "federal
        artillery"); else the state the article is about."""
        words = {t.lower_ for t in tok.doc[tok.left_edge.i: tok.i + 1]} & (
            STATE_FORCE_WORDS | STATE_FORCE_HEADS)
        if tok.lemma_.lower() in STATE_FORCE_HEADS:
            words.add(tok.lemma_.lower())
        if words:
            for i, lemma, key in reversed(self.force_mentions):
                if i >= tok.i or self.lexicon.parties[key].kind != "state":
                    continue          # "the army" is no "Sudan Liberation Army"
                m = self.doc[i]
                named = {t.lower_ for t in self.doc[m.left_edge.i: i]} | {lemma}
                if words & named and any(t.dep_ in ("amod", "compound", "poss") and
                                         self.parties.party_of_token(t) for t in m.children):
                    return key
        return self.state

    def _governing_party(self, tok: Token, trigger: Token) -> str | None:
        """The party of a word in the phrase a pronoun stands for: the head noun, or a
        modifier of it read as a modifier ("Ukrainian" in "Ukrainian officials said their
        troops ...", where "officials" names no side by itself)."""
        return self.resolve_party(tok, trigger, modifier=tok.dep_ in ("amod", "compound", "nmod"))

    def _learn_leaders(self, force: Token, key: str) -> None:
        """Commanders the text ties to a side: "rebel columns of the 26th of July Movement,
        led by Ernesto Guevara", "M23 fighters under Sultani Makenga". Later "Guevara's men"
        are that side's (a leader's side is a fact of this article, not of the lexicon)."""
        for c in force.subtree:
            if c.lower_ in ("by", "under") and c.head.lemma_.lower() in _LEADING or (
                    c.lower_ == "under" and c.head.i == force.i):
                for person in c.children:
                    if person.dep_ == "pobj" and person.ent_type_ == "PERSON":
                        self.leaders.setdefault(person.lower_, key)

    def _leader_party(self, tok: Token) -> str | None:
        """The side of a leader named as possessor ("Guevara's forces") or after "of",
        "under", "loyal to" ("the army of Francisco Madero", "men under Orozco"): the side
        the article tied the commander to, else the side the leader led on the article's
        date (``kg/data/leaders.json``: "Gaddafi's brigades" in 2011 are Libya's)."""
        leader = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if leader is None:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "under") or (
                        prep.dep_ == "amod" and prep.lower_ == "loyal"):
                    if prep.dep_ == "amod":
                        prep = next((c for c in prep.children if c.lower_ == "to"), prep)
                    leader = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"
                                   and c.pos_ == "PROPN"), None)
                    if leader is not None:
                        break
        return self._leader_of(leader) if leader is not None else None

    def _leader_of(self, name: Token) -> str | None:
        """The side of the person whose name ends at ``name``: the one the article tied
        them to, else the table's for the story's date; the full name is the text from its
        first compound word ("Abd el-Krim", "Muammar Gaddafi"), the surname alone next."""
        if name.lower_ in self.leaders:
            return self.leaders[name.lower_]
        first = min((t.i for t in name.children if t.dep_ == "compound"), default=name.i)
        first = min([first] + [t.i for t in self.doc[first].subtree if t.dep_ == "compound"])
        full = self.doc[first: name.i + 1].text
        return leader_side(full, self.story_day) or (
            leader_side(name.text, self.story_day) if full != name.text else None)

    def _lone_state(self) -> str | None:
        """The state the article is about, when no other state's forces appear in it (an
        official release: "troops captured X" are the releasing state's)."""
        states = {k for _, _, k in self.force_mentions if self.lexicon.parties[k].kind == "state"}
        return self.state if self.state is not None and states <= {self.state} else None

    def _coalition(self) -> str | None:
        named = [hit[1] for hit in self.parties.by_token.values()]
        return PC.coalition_in_context(named, self.lexicon)

    def _window_start(self, tok: Token, sentences: int) -> int:
        """The first token of the sentence ``sentences`` before the one of ``tok``."""
        start = self.sent_bounds[tok.i][0]
        for _ in range(sentences):
            if start == 0:
                break
            start = self.sent_bounds[start - 1][0]
        return start

    def _speaker_party(self, tok: Token, trigger: Token, onlookers: bool = True) -> str | None:
        """"Ukrainian border guards say they have pulled out of X", "Armenia's defence
        ministry says reinforcements have been sent to X": the subject pronoun or bare troops
        of a reported clause are the speaker's, whose modifier may name the party. With
        ``onlookers`` false, only a speaker for a side counts (a ministry, a commander, a
        broadcast), not one who reports on it: "Somali officials said troops captured X"
        may mean Kenyan troops."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or \
                verb.head.lemma_.lower() not in PR.SAY_VERBS:
            return None
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in ("they", "it", "he", "she", "we") or (
                not onlookers and speaker.lemma_.lower() in _ONLOOKERS):
            return None
        key = self.parties.resolve_np(speaker)
        if key is None:
            key = next((k for k in (self._party_word(c) for c in speaker.children
                                    if c.dep_ in ("amod", "compound", "poss")) if k is not None), None)
        if key is None and speaker.lemma_.lower() in _SPOKESMEN:
            key = next((k for k in (self.parties.resolve_np(o) for o in S.prep_objects(
                speaker, ["for", "of"], False)) if k is not None), None)
        return key

    def _party_word(self, tok: Token) -> str | None:
        """The party a single word names ("Russian", "Ukraine's"), persons aside."""
        hit = self.parties.party_of_token(tok)
        if hit is None and tok.dep_ in ("amod", "compound") and tok.lemma_.lower() in OPPOSITION_NOUNS:
            return self._recent_group(tok)     # "rebel spokesman X": of the rebels just named
        return hit[0] if hit is not None and hit[1] != "persons" else None

    def _recent_group(self, tok: Token, rebels: bool | None = None) -> str | None:
        """"the insurgents" in a story about the Taliban: the latest non-state group named."""
        if rebels is None:
            rebels = tok.lemma_.lower() in OPPOSITION_NOUNS      # "the rebels" are never Wagner
        for i, _, key in reversed(self.force_mentions):
            party = self.lexicon.parties[key]
            if i < tok.i and party.kind == "group" and (party.rebel or not rebels) and not self._metonym(i):
                return key
        if rebels:      # "Liberian rebels pulled out of X ... fighters of LURD": named just after
            for i, _, key in self.force_mentions:
                if i > tok.i and self.lexicon.parties[key].kind == "group" and self.lexicon.parties[key].rebel \
                        and not self._metonym(i):
                    return key
        return None

    def _metonym(self, i: int) -> bool:
        """Whether the party mention at token ``i`` is a place name standing for a group
        ("Benghazi"), which an earlier or later "the rebels" must not be taken for."""
        hit = self.parties.by_token.get(i)
        return hit is not None and hit[2] == "metonyms"

    def _group_noun(self, tok: Token) -> str | None:
        """"the group", "the militia", "the jihadist movement" with nothing that names it:
        the latest armed group named in this or the three sentences before."""
        if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.children) or \
                not M.bare(tok, self.ents):
            return None
        key = self._recent_group(tok)
        earliest = self._window_start(tok, 3)
        if key is None or not any(earliest <= i < tok.i and k == key for i, _, k in self.force_mentions):
            return None
        return key

    def _same_head(self, tok: Token, lemma: str) -> str | None:
        """A bare force noun ("troops", "the Izium formations") takes the party of the
        latest earlier mention with the same head noun and a party ("Ukrainian troops")."""
        for i, l, key in reversed(self.force_mentions):
            if i < tok.i and l == lemma:
                return key
        return None

    def _recent_party(self, tok: Token) -> str | None:
        """"they", "it", "its troops": the latest party named in this or the previous sentence."""
        own = self.sent_bounds[tok.i][0]
        start = self.sent_bounds[own - 1][0] if own > 0 else 0
        plural = tok.lower_ in ("they", "their", "them")
        singular = tok.lower_ in ("it", "its")
        if tok.lower_ in ("they", "it") and tok.dep_ == "nsubj" and own > 0 and not any(
                own <= i < tok.i and not (singular and self.doc[i].tag_ in ("NNS", "NNPS"))
                for i, _, _ in self.force_mentions):
            # "The rebel coalition seized A, brushing past the FOMAC peacekeepers. In December
            # they overran B": a subject "they" continues the subject of the sentence before
            subject = self._main_subject(start, own)
            if subject is not None and subject.lower_ not in ("they", "it", "their", "its") and (
                    (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in _GROUP_NAMES_PLURAL or
                     subject.lower_ in _THEY_COLLECTIVES or any(c.dep_ == "conj" for c in subject.children))
                    if plural
                    else subject.tag_ in ("NN", "NNP")):   # number agrees: "they" a plural, "it" a singular
                key = self.resolve_party(subject, subject)
                if key is not None:
                    return key
        for i, _, key in reversed(self.force_mentions):
            if plural and (self.doc[i].ent_type_ == "GPE" or (
                    self.doc[i].tag_ == "NN" and self.lexicon.parties[key].kind == "state")):
                continue          # "they" are not "Syria" or "the army" (those are "it")
            if singular and self.doc[i].tag_ in ("NNS", "NNPS") and self.doc[i].lower_ not in _GROUP_NAMES_PLURAL:
                continue          # "it" is not "the defenders" (those are "they")
            if start <= i < tok.i:
                if plural:
                    unnamed = PC.unnamed_subject(self.doc, max(i + 1, own), tok.i)
                    if unnamed is not None:      # "Syrian rebels said their assault ...": theirs
                        return self.resolve_party(unnamed, unnamed)
                return key
        return None

    def _main_subject(self, start: int, end: int) -> Token | None:
        """The first subject of a verb in the sentence ``doc[start:end]`` (its main clause's,
        or the first clause's after a heading such as "A quick recap:")."""
        for t in self.doc[start:end]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
                return t
        return None

    def _party_from_history(self, trigger: Token, place: dict | None) -> str | None:
        """The party of an earlier asserted fact of the same relation on the same place."""
        if place is None:
            return None
        for c in reversed(self.facts_so_far):
            if c.place["key"] == place["key"] and c.trigger.i < trigger.i and c.modality == "asserted":
                if c.relation in ("controls",):
                    return c.party
        return None

    # -- places ----------------------------------------------------------------
    def _collect_parties(self) -> None:
        """Every party mention in document order, for "they", "its troops", "the insurgents"."""
        doc = self.doc
        force_nouns: list[Token] = []      # common nouns for forces, for the state pass below
        for i, pos in enumerate(self._pos):
            if pos != NOUN and pos != PROPN:
                continue                   # the tests below all need a noun or a proper noun
            tok = doc[i]
            force = is_force_noun(tok)
            if force and pos == NOUN:
                force_nouns.append(tok)
            if force or tok.lemma_.lower() == "man":
                key = self.parties.resolve_np(tok) or self._leader_party(tok)   # "Madero's men"
                if key is None and tok.lemma_.lower() in OPPOSITION_NOUNS and M.bare(tok, self.ents):
                    key = self._recent_group(tok)      # "the rebels" after "HTS-led fighters"
                if key:
                    self.force_mentions.append((tok.i, tok.lemma_.lower(), key))
                    self._learn_leaders(tok, key)
            elif pos == PROPN and (key := self.parties.resolve_np(tok)):
                self.force_mentions.append((tok.i, tok.lemma_.lower(), key))
        if self.state is not None:
            named = {i for i, _, _ in self.force_mentions}    # "Salvadoran army columns" named theirs
            for tok in force_nouns:       # is_state_force needs a force noun: only those
                if tok.i not in named and self.parties.is_state_force(tok):
                    self.force_mentions.append((tok.i, tok.lemma_.lower(), self.state))
            self.force_mentions.sort()

    def _host_state(self) -> str | None:
        """The state whose territory most of the named places lie in: "government forces"
        in a story about Kabul, Kandahar and Herat are Afghanistan's."""
        counts: dict[str, int] = {}
        for ref in self.salience.refs:
            country = self._country_of(ref.key if ref.kind == "Country" else ref.parent)
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts, key=lambda k: -counts[k])
        return ranked[0] if ranked else None

    def _country_of(self, key: str | None) -> str | None:
        """The state party a gazetteer place belongs to (walking up its parents)."""
        for _ in range(5):
            e = self.gazetteer.get(key) if key and self.gazetteer is not None else None
            if e is None:
                return None
            if e.type == "country":
                party = self.lexicon.parties.get(e.key)
                return e.key if party is not None and party.kind == "state" else None
            key = e.parent
        return None
