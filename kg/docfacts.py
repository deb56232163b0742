"""From one parsed spaCy Doc to an :class:`~kg.types.Extraction`.

Glues the parts together: party phrases (:mod:`kg.parties`), places and their
anaphora (:mod:`kg.places`, linked through :mod:`kg.linking`), relation frames
(:mod:`kg.relations`), modality, attribution, time (:mod:`kg.timex`) and
boilerplate filtering.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Token

from . import _emit as E
from . import _mentions as M
from . import _party_context as PC
from . import _precision as PR
from . import places as P
from . import syntax as S
from .attribution import Attributor
from .boilerplate import is_boilerplate, link_lists
from .gazetteer import translit_key
from .party_eras import leader_side
from .parties import OPPOSITION_NOUNS, STATE_FORCE_HEADS, STATE_FORCE_WORDS, PartyIndex, is_force_noun
from .relations import Candidate, RelationFinder
from .timex import find_times
from .types import Article, Entity, Extraction, Fact

#: "KYIV, Sept 10 (Reuters) -" / "BAKU/YEREVAN, Nov 9 –": the place a story was filed from
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z'’. -]+(?:/[A-Z][A-Z'’. -]+)*,[ \t]+"
    r"(?:[A-Z][A-Za-z'’. ]{1,30}?,[ \t]+)?"                   # "KABUL, Afghanistan, Sept 27 -"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]+)(?:,?[ \t]+\d{4})?"
    r"(?:[ \t]*\([^)]*\))?[ \t]*[–—-]"
    r"|^[ \t]*[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+)?,[ \t]+[A-Z]{2,8}[ \t]*[–—-]")   # "Homs, SANA -"
#: common nouns that may stand for a place (others, "Russian forces", are never places)
_PLACE_NOUNS = P.ANAPHOR_NOUNS | P.PLACE_HEADS | P.OF_HEADS
#: heads of a phrase whose name fills a place slot ("the Marjah area")
_SLOT_HEADS = P.PLACE_HEADS | {"area"}
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
#: words of an official communiqué's heading ("OFFICIAL COMMUNIQUE No. 47", "Operational summary")
_ISSUED = re.compile(r"\b(?:communiqu[eé]|press release|statement|bulletin|general staff|ministry of defen[cs]e|"
                     r"operational summary|briefing|information bulletin)\b", re.I)
#: nouns for a body of fighters that an opposition word makes the rebels' ("the rebel coalition")
_BODY_NOUNS = frozenset("coalition alliance group movement front army".split())
#: nouns that stand for the armed group just named ("the group", "the militia")
GROUP_NOUNS = frozenset("group militia organisation organization movement faction".split())


#: lower-case words inside place names ("Ras al-Ain", "Bint Jbeil", "Ciudad del Este")
_NAME_PARTICLES = frozenset("al el ad ad- as ash ar an ul de da do dos das del la le bin ibn ben".split())
#: a live blog's time stamp at the start of a line ("11:30", "0945 GMT -")
_LINE_TIMESTAMP = re.compile(r"(?<![^\n])[ \t]*\d{1,2}[:.]?\d{2}(?:[ \t]*(?:GMT|UTC|[AaPp]\.?[Mm]\.?))?[ \t]*[-–—:]?[ \t]*$")


def story_day(times, published: date | None) -> date | None:
    """The day an article's events happened, for words whose side changed with history: the
    publication day, unless the text's own dates lie years before it (an encyclopedia entry
    on a 1993 battle written in 2021), then the middle one of those dates."""
    days = sorted(t.value for t in times if t.kind == "absolute" and t.value is not None)
    if published is None or not days:
        return published
    middle = days[len(days) // 2]
    return middle if (published - middle).days > 365 else published


class DocFacts:
    """Per-document state: who is who, which places were named, what was said."""

    def __init__(self, doc: Doc, article: Article, parties, party_matcher, linker, gazetteer):
        self.doc = doc
        self.article = article
        self.times = find_times(doc.text, article.published)
        self.story_day = story_day(self.times, article.published)
        self.parties = PartyIndex(parties, doc, party_matcher, self.story_day)
        self.lexicon = parties
        self.gazetteer = gazetteer
        self.resolver = P.PlaceResolver(M.LinkerAdapter(linker) if linker else None, translit_key)
        ents = doc.ents                       # building the entity Spans is not free: once here
        self.ents = P.collect_ents(doc, ents)
        self.salience = P.Salience()
        self.sents = list(doc.sents)          # built once: Doc.sents and Token.sent are not free
        self.sent_bounds = M.sentence_bounds(doc, self.sents)
        self.sent_index = M.clause_numbers(doc, self.sents)
        # Token.sent walks to the sentence bounds for every call; the same Span, looked up
        # (unless user hooks decide what a sentence is)
        self._sent_at = None if ("sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks
                                 or "sents" in doc.user_hooks) else {s.start: s for s in self.sents}
        self.resolved_keys: set[str] = set()
        self.force_mentions: list[tuple[int, str, str]] = []   # (token, lemma, party)
        self.leaders: dict[str, str] = {}                    # commander's surname -> party
        self.facts_so_far: list[Candidate] = []
        text = doc.text                    # built by joining every token: once
        self.text = text
        self._pos: list[int] = doc.to_array(POS).tolist() if len(doc) else []   # Token.pos
        self._names: dict[int, list[Token]] = {}               # see _mentions.place_name
        self._named: dict[int, tuple | None] = {}
        self.attributor = Attributor(doc, self.parties.resolve_np, {}, self._party_word, text=text)
        self.finder = RelationFinder(doc, self.resolve_party, self.resolve_place)
        self.finder.inside_names = frozenset(
            i for i, (span, _, kind) in self.parties.by_token.items() if kind == "names" and len(span) > 2)
        self.countries = self._countries(ents)
        self.state = next((k for k in self.countries if k in parties.parties
                           and parties.parties[k].kind == "state"), None)
        self.dateline = {t.i for m in _DATELINE.finditer(text)
                         for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or ()}
        self.attributor.skip = self.dateline

    # -- parties ---------------------------------------------------------------
    def resolve_party(self, tok: Token | None, trigger: Token, modifier: bool = False,
                      place: dict | None = None) -> str | None:
        if tok is None:
            if trigger.pos_ in ("VERB", "ADJ"):   # "Waterloo was overrun", "declared liberated"
                return PC.party_on_the_offensive(trigger, self.facts_so_far, self._window_start(
                    trigger, 2), self._party_from_history(trigger, place))
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
        lemma = tok.lemma_.lower()
        if lemma in ("man", "follower") and (key := self._leader_party(tok)) is not None:
            return key                     # "Madero's men", "followers of Savimbi"
        if is_force_noun(tok):
            if self.parties.is_state_force(tok):
                return self._state_side(tok)   # "government troops" in an article about Syria
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss and poss[0].lower_ in ("its", "their", "his", "her"):
                known, key = PR.governed_party(poss[0], lambda g: self.resolve_party(g, trigger),
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
                               and c.lemma_.lower() in OPPOSITION_NOUNS), None)
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
                # "the troops", "the Izium formations": the same noun used before with a party
                return self._same_head(tok, lemma) or (
                    self._recent_group(tok) if lemma in ("fighter", "fighters", "militia", "militias") else
                    (self._lone_state() or self._issuer_state()) if lemma in _STATE_TROOPS else None)
            return None
        if tok.lower_ in ("they", "it", "their", "its", "them"):
            known, key = PR.governed_party(tok, lambda g: self.resolve_party(g, trigger), self._recent_party)
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

    def _voice_party(self, trigger: Token) -> str | None:
        """Whose "our forces" a communiqué means outside any quote: the state its first two
        lines name ("IRAQ: GENERAL COMMAND COMMUNIQUE", "published in Granma, Havana").
        None for an article whose heading names no state, and inside quotation marks."""
        if self.attributor.in_quote(trigger):
            return None
        end = self.sents[min(1, len(self.sents) - 1)].end if self.sents else 0
        for i in sorted(self.parties.by_token):
            if i >= end:
                break
            _, key, kind = self.parties.by_token[i]
            if kind in ("names", "metonyms") and self.lexicon.parties[key].kind == "state":
                return key
        return None

    def _issuer_state(self) -> str | None:
        """The state that issues an official communiqué ("REPUBLIC OF MALI ... OFFICIAL
        COMMUNIQUE"): its bare "troops", "units" and "reinforcements" are its own, even where
        another state's forces appear. None for any other kind of article."""
        head = self.text[:400]
        if not _ISSUED.search(head):
            return None
        end = len(head)
        for i in sorted(self.parties.by_token):
            span, key, kind = self.parties.by_token[i]
            if span.start_char >= end:
                break
            if kind in ("names", "metonyms") and self.lexicon.parties[key].kind == "state":
                return key
        return None

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

    def _speaker_party(self, tok: Token, trigger: Token) -> str | None:
        """"Ukrainian border guards say they have pulled out of X": the subject pronoun of a
        reported clause is the speaker, whose modifier may name the party."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in PR.SAY_VERBS:
            return None
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in ("they", "it", "he", "she", "we"):
            return None
        key = self.parties.resolve_np(speaker)
        if key is None:
            key = next((k for k in (self._party_word(c) for c in speaker.children
                                    if c.dep_ in ("amod", "compound", "poss")) if k is not None), None)
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
    def resolve_place(self, tok: Token | None, probe: bool = False, slot: bool = False) -> dict | None:
        """The place a token stands for; ``slot`` when it fills a relation's place slot."""
        if tok is None or tok.i in self.dateline:
            return None
        sent_start, sent_end = self.sent_bounds[tok.i]
        sent_i = self.sent_index.get(sent_start, 0)
        if slot and tok.lemma_.lower() == "control" and tok.pos_ == "NOUN":
            ref = self.salience.antecedent(tok, ("Settlement", "Region"), sent_i,
                                           window=1, prefer_subject=True)
            return M.anaphoric(ref)       # "took full control" of the place just named
        if tok.lower_ in P.PRONOUNS:
            if probe:
                return None
            ref = self.salience.antecedent(tok, ("Settlement", "Region", "Place"), sent_i,
                                           window=2, prefer_subject=True)
            return M.anaphoric(ref)
        if self._pos[tok.i] == NOUN and tok.lower_ not in _PLACE_NOUNS and not (
                tok.i in self.ents and tok.is_title):
            return None               # "Russian forces", "officials" are not places ("Homs" is)
        if not slot and self._used_as_party(tok):
            return None               # "Moscow responded ..." is the party, not the city
        names = self._names.get(tok.i)
        if names is None:
            names = self._names[tok.i] = self._particle_name(P.name_tokens(tok, self.ents))
        if probe and (not names or tok not in names or (tok.dep_ == "compound" and tok.head in names)):
            return None
        if not names:
            if tok.lower_ in P.OF_HEADS:      # "the centre of the port city": the city
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if obj is not None and obj.lower_ in P.ANAPHOR_NOUNS:
                    return self.resolve_place(obj, probe, slot)
            noun = tok
            if tok.lower_ in ("center", "centre", "outskirts"):
                noun = next((c for c in tok.children if c.dep_ == "compound"), tok)
            det = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
            if noun.lower_ in P.ANAPHOR_NOUNS and det & {"the", "this", "that", "its"}:
                ref = self.salience.antecedent(tok, P.ANAPHOR_KINDS[noun.lower_], sent_i)
                if ref is not None:        # the next "the town" most likely means it again
                    self.salience.described.setdefault(ref.key, set()).add(noun.lower_)
                return M.anaphoric(ref)
            return None
        if tok.i in self._named:
            named = self._named[tok.i]
        else:
            named = self._named[tok.i] = M.place_name(tok, names, self.lexicon, self.ents,
                                                      self.text, (sent_start, sent_end))
        if named is None:
            return None               # a person, an institution, a people or a group
        name, known, kind_hint, ner, left, right = named
        ctx = {"left": left, "right": right, "countries": self.countries, "resolved": self.resolved_keys}
        # an unlabelled proper name (or a one-word "person") filling a place slot is a place
        locative = tok.dep_ == "pobj" and (tok.head.lower_ in P.SLOT_PREPS or (
            tok.head.lower_ == "of" and tok.head.head.lower_ == "out")) or (   # "out of Goose Green"
            slot and (P.described_as_place(tok) or P.named_by_place_noun(tok)
                      or self.finder.takes_place_object(tok)))
        # "the Marjah area": the name before a place head fills the slot even if tagged PERSON
        slot = slot and (tok in names or tok.lower_ in _SLOT_HEADS) and M.could_be_place(
            names, locative)
        hit = self.resolver.resolve_name(name, kind_hint, ctx, ner, in_slot=slot)
        if known and known[1] == "names" and self.lexicon.parties[known[0]].kind == "state" and (
                hit is None or not hit.get("known")):
            hit = {"key": known[0], "label": known[0], "kind": "Country", "qid": None,
                   "parent": None, "lat": None, "lon": None, "known": True}   # "South Vietnam"
        if hit is not None and PR.container_named(tok, names, hit, P.SETTLEMENT_NOUNS):
            # "the capital of South Vietnam", "the Chechen capital": a city in the named area
            ref = self.salience.antecedent(tok, ("Settlement",), sent_i)
            return M.anaphoric(ref)
        if hit is not None:
            hit.setdefault("aliases", set()).add(name)
            self.resolved_keys.add(hit["key"])
            if slot and not hit.get("known") and not self.salience.has(tok.i):
                self.salience.add(P.PlaceRef(   # later "the city" may point back to it
                    key=hit["key"], label=hit["label"], kind=hit["kind"], token=tok.i,
                    sent=sent_i, subject=P.is_subject(tok)))
        return hit

    def _used_as_party(self, tok: Token) -> bool:
        hit = self.parties.party_of_token(tok)
        if hit is None or hit[1] not in ("metonyms", "names"):
            return False
        return tok.dep_ in ("nsubj", "poss") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")

    def _countries(self, ents: tuple | None = None) -> list[str]:
        """Country keys the GPE entities name (``ents``: ``doc.ents``), most named first."""
        counts: dict[str, int] = {}
        for ent in self.doc.ents if ents is None else ents:
            if ent.label_ == "GPE" and self.gazetteer is not None:
                for e in self.gazetteer.candidates(ent.text, ["country"]):
                    counts[e.key] = counts.get(e.key, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])

    # -- the pass --------------------------------------------------------------
    def run(self) -> Extraction:
        self._prepass()
        ex = Extraction(article=self.article)
        lists = link_lists(self.text)
        boiler = {i for i, s in enumerate(self.sents) if is_boilerplate(s.text) or any(
            a <= s.start_char < b for a, b in lists)}
        for i, sent in enumerate(self.sents):
            if i in boiler:
                continue
            cands = self.finder.in_sentence(sent)
            # "fired rockets into Israel, hitting Haifa": the strike's fact is the town it hit
            struck = {c.party for c in cands if c.relation == "attacked" and c.place["kind"] != "Country"}
            for cand in cands:
                if not (cand.relation == "attacked" and cand.place["kind"] == "Country" and cand.party in struck):
                    self._accept(cand, ex)
        return ex

    def _prepass(self) -> None:
        self.salience.topic_until = self._lede_end()
        self._collect_places()
        self.state = self._host_state() or self.state
        self._collect_parties()

    def _lede_end(self) -> int:
        """Index of the second sentence with a verb that is no page furniture: the headline
        and the first sentence of the story end there (menus and cookie notices before
        them do not count)."""
        seen = 0
        for i, sent in enumerate(self.sents):
            if any(t.pos_ in ("VERB", "AUX") for t in sent) and not is_boilerplate(sent.text):
                seen += 1
                if seen == 2:
                    return i
        return 1

    def _collect_parties(self) -> None:
        """Every party mention in document order, for "they", "its troops", "the insurgents"."""
        doc = self.doc
        for i, pos in enumerate(self._pos):
            if pos != NOUN and pos != PROPN:
                continue                   # the tests below all need a noun or a proper noun
            tok = doc[i]
            if is_force_noun(tok) or tok.lemma_.lower() == "man":
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
            for i, pos in enumerate(self._pos):
                if pos == NOUN and i not in named and self.parties.is_state_force(tok := doc[i]):
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

    def _collect_places(self) -> None:
        """Resolve every place-like entity once, for the anaphora memory."""
        seen: set[int] = set()
        # "Symon Petliura" ... "Petliura's government": the NER model calls the surname
        # alone a place; a person named in full earlier is that person
        surnames = {e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for ent in self.doc.ents:
            if ent.label_ not in P.PLACE_LABELS or ent.start in self.dateline:
                continue
            head = ent.root
            if head.head.lower_ in P.REGION_NOUNS and head.dep_ == "compound":
                head = head.head
            if head.i in seen:
                continue
            seen.add(head.i)
            hit = self.resolve_place(head)
            if hit is None:
                continue
            if not hit.get("known") and (ent.label_ == "FAC" or self._whole_line(ent) or (
                    len(ent) == 1 and ent.text in surnames)):
                continue          # a mosque or an airport is not "the city"; nor a heading "Background"
            self._remember(head, hit, ent.text)
        for i, pos in enumerate(self._pos):     # "fought at Xuan Loc": names the NER model missed
            if pos != PROPN:
                continue
            tok = self.doc[i]
            if (tok.ent_type_ in ("", "GPE", "LOC") and tok.i not in seen
                    and tok.dep_ == "pobj" and (tok.head.lower_ in P.LOCATIVE_PREPS or (
                        tok.head.lower_ == "of" and tok.head.head.lower_ in P.ANAPHOR_NOUNS))  # "the settlement of X"
                    and tok.i not in self.parties.by_token
                    and self.doc[tok.i - 1].text != "-"):      # not "Commander-in-Chief"
                seen.add(tok.i)
                hit = self.resolve_place(tok, slot=True)
                if hit is not None and not self.salience.has(tok.i):
                    self._remember(tok, hit, tok.text)

    def _particle_name(self, names: list[Token]) -> list[Token]:
        """"Ras al-Ain", "Maroun al-Ras": the parser splits a name with an Arabic (or
        Romance) particle into siblings, and the phrase around one of them holds only part
        of it; the NER span of a place name with a particle is the whole name."""
        if not names or names[0].i not in self.ents:
            return names
        doc = self.doc
        start, end = names[0].i, names[-1].i + 1
        while start > 0 and self.ents.get(start - 1) == self.ents[names[0].i]:
            start -= 1
        while end < len(doc) and self.ents.get(end) == self.ents[names[0].i]:
            end += 1
        span = doc[start:end]
        if len(span) == len(names) or not any(t.lower_ in _NAME_PARTICLES or t.text == "-" for t in span):
            return names
        return [t for t in span if t.lower_ != "the"]

    def _whole_line(self, span) -> bool:
        """Whether ``span`` is a line of its own (a section heading such as "Background",
        also after a live blog's time stamp: "11:30 Background")."""
        text = self.text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        before = text[:line_start] + _LINE_TIMESTAMP.sub("", text[line_start:span.start_char]).rstrip(" \t")
        after = text[span.end_char:].lstrip(" \t")
        return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))

    def _remember(self, head: Token, hit: dict, surface: str) -> None:
        if P.seat_of_source(head):
            return            # "the ministry in Baku said": not what "the town" points back to
        self.salience.add(P.PlaceRef(
            key=hit["key"], label=hit["label"], kind=hit["kind"], token=head.i,
            sent=self.sent_index.get(self.sent_bounds[head.i][0], 0), subject=P.is_subject(head),
            qid=hit.get("qid"), parent=hit.get("parent"), lat=hit.get("lat"),
            lon=hit.get("lon"), surface=surface, depth=len(list(S.clause_ancestors(head)))), head)

    def _accept(self, cand: Candidate, ex: Extraction) -> None:
        if PR.spurious(cand):
            return            # "the siege left the city in ruins"
        if cand.relation in PC.ATTACK_RELATIONS and cand.place_anaphoric and PC.own_seat(
                self.lexicon, cand.party, cand.place):
            return            # "it" taken back to the party's own capital ("the ministry in Moscow")
        if cand.relation == "controls" and cand.trigger.lemma_.lower() == "enter" and \
                cand.place["kind"] in ("Region", "Country"):
            cand.relation = "deployedTo"          # entering a country is not holding it
        self.facts_so_far.append(cand)
        trigger = cand.trigger
        sent = trigger.sent if self._sent_at is None else self._sent_at[self.sent_bounds[trigger.i][0]]
        toks = cand.tokens
        ev_start = min(t.idx for t in toks)
        ev_end = max(t.idx + len(t.text) for t in toks)
        fact = Fact(subject=cand.party, relation=cand.relation, object=cand.place["key"],
                    sentence=sent.text, sentence_start=sent.start_char, sentence_end=sent.end_char,
                    evidence_start=ev_start, evidence_end=ev_end, trigger=cand.trigger.text,
                    modality=cand.modality, confidence=cand.confidence)
        E.add_time(self.times, fact, cand)
        src = self.attributor.source_for(cand.trigger)
        if src is not None:
            fact.attributed_to = E.source_entity(self.gazetteer, src, ex)
            fact.channel = src.channel
        ex.facts.append(fact)
        E.party_entity(self.gazetteer, self.lexicon, self.parties, cand, ex)
        p = cand.place
        ex.add_entity(Entity(key=p["key"], label=p["label"], kind=p["kind"],
                             aliases=set(p.get("aliases", ())), qid=p.get("qid"),
                             parent=p.get("parent"), lat=p.get("lat"), lon=p.get("lon")))
        E.add_parents(self.gazetteer, p.get("parent"), ex)
