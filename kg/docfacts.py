"""From one parsed spaCy Doc to an :class:`~kg.types.Extraction`.

Glues the parts together: party phrases (:mod:`kg.parties`, resolved in context by the
:mod:`kg._party_resolution` mixin), places and their anaphora (:mod:`kg.places`, linked
through :mod:`kg.linking`), relation frames (:mod:`kg.relations`), modality, attribution,
time (:mod:`kg.timex`) and boilerplate filtering.
"""
from __future__ import annotations

import re
from datetime import date

import numpy
from spacy.attrs import LOWER, POS, SENT_START
from spacy.parts_of_speech import NOUN, PROPN
from spacy.strings import hash_string
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
from .parties import PartyIndex
from .party_eras import ANY_CASE_SIDE_WORDS, side_in_war, side_words, state_then, war_in
from ._party_resolution import PartyResolution
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


#: lower-case words inside place names ("Ras al-Ain", "Bint Jbeil", "Ciudad del Este")
_NAME_PARTICLES = frozenset("al el ad as ash ar an ul de da do dos das del la le bin ibn ben".split())
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


class DocFacts(PartyResolution):
    """Per-document state: who is who, which places were named, what was said."""

    def __init__(self, doc: Doc, article: Article, parties, party_matcher, linker, gazetteer):
        self.doc = doc
        self.article = article
        text = doc.text                    # built by joining every token: once
        self.times = find_times(text, article.published)
        self.story_day = story_day(self.times, article.published)
        self.parties = PartyIndex(parties, doc, party_matcher, self.story_day)
        self.lexicon = parties
        self.gazetteer = gazetteer
        self.resolver = P.PlaceResolver(M.LinkerAdapter(linker) if linker else None, translit_key)
        ents = doc.ents                       # building the entity Spans is not free: once here
        self.ents = P.collect_ents(doc, ents)
        self.salience = P.Salience()
        self.sents = _sentences(doc)          # built once: Doc.sents and Token.sent are not free
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
        self.text = text
        self._pos: list[int] = doc.to_array(POS).tolist() if len(doc) else []   # Token.pos
        self._names: dict[int, list[Token]] = {}               # see _mentions.place_name
        self._named: dict[int, tuple | None] = {}
        self.attributor = Attributor(doc, self.parties.resolve_np, {}, self._party_word, text=text)
        self.finder = RelationFinder(doc, self.resolve_party, self.resolve_place, text=text)
        self.finder.inside_names = frozenset(
            i for i, (span, _, kind) in self.parties.by_token.items() if kind == "names" and len(span) > 2)
        self.countries = self._countries(ents)
        self.state = next((k for k in self.countries if k in parties.parties
                           and parties.parties[k].kind == "state"), None)
        self.dateline = {t.i for m in _DATELINE.finditer(text)
                         for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or ()}
        self.attributor.skip = self.dateline

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
        hit = self.resolver.resolve_name(name, kind_hint, ctx, ner, in_slot=slot,
                                         shouted=tok.is_upper and self._capitals_line(tok))
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

    def _line_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Character range of the line that holds ``text[start:end]`` (without its newline)."""
        text = self.text
        stop = text.find("\n", start if end is None else end)
        return text.rfind("\n", 0, start) + 1, stop if stop >= 0 else len(text)

    def _menu_line(self, idx: int) -> bool:
        """Whether the line at character ``idx`` is a site's menu ("Home | UK | World")."""
        return self.text.count("|", *self._line_bounds(idx)) >= 2

    def _capitals_line(self, tok: Token) -> bool:
        """Whether the line that holds ``tok`` is set in capitals (a wire headline)."""
        line = self.text[slice(*self._line_bounds(tok.idx))]
        letters = [c for c in line if c.isalpha()]
        return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)

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
        text = self.text                 # a slice of the text, not Span.text, which joins tokens
        boiler = {i for i, s in enumerate(self.sents) if is_boilerplate(text[s.start_char:s.end_char]) or any(
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
        self.country = self._host_state() or self.state     # where the story is set, today
        self.state = state_then(self.country, self.story_day)   # whose it was on the day
        self._side_words()
        self._collect_parties()

    def _side_words(self) -> None:
        """"Nationalist troops", "the Republicans" in a story set in Spain in 1937: words that
        name a side only in one war become party words of this document (see
        :func:`kg.party_eras.side_in_war`); a lower-case "republican" is an opinion."""
        if not war_in(self.country, self.story_day) or not len(self.doc):
            return                        # most stories: no such war, nothing to look up
        wanted = [hash_string(w) for w in side_words()]
        for i in numpy.isin(self.doc.to_array(LOWER), wanted).nonzero()[0].tolist():
            tok = self.doc[i]
            if i in self.parties.by_token or not (tok.is_title or tok.lower_ in ANY_CASE_SIDE_WORDS):
                continue
            key = side_in_war(tok.lower_, self.story_day, self.country)
            if key is not None and key in self.lexicon.parties:
                self.parties.by_token[i] = (self.doc[i:i + 1], key, "demonyms")

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

    def _collect_places(self) -> None:
        """Resolve every place-like entity once, for the anaphora memory."""
        seen: set[int] = set()
        # "Symon Petliura" ... "Petliura's government": the NER model calls the surname
        # alone a place; a person named in full earlier is that person
        surnames = {e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for ent in self.doc.ents:
            if ent.label_ not in P.PLACE_LABELS or ent.start in self.dateline or self._menu_line(ent.start_char):
                continue          # "Home | UK | World": a site's menu names no place of the story
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
        line_start, line_end = self._line_bounds(span.start_char, span.end_char)
        return not _LINE_TIMESTAMP.sub("", text[line_start:span.start_char]).rstrip(" \t") and \
            not text[span.end_char:line_end].strip(" \t")

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
                    sentence=self.text[sent.start_char:sent.end_char],
                    sentence_start=sent.start_char, sentence_end=sent.end_char,
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


def _sentences(doc: Doc) -> list:
    """``list(doc.sents)``, read off one array of sentence starts: ``Doc.sents`` first
    checks its annotation token by token, which costs more than finding the sentences.
    A Doc whose sentences come from user hooks keeps them."""
    if "sents" in doc.user_hooks or not len(doc):
        return list(doc.sents)
    starts = doc.to_array(SENT_START)
    if not (starts != 0)[1:].all():
        return list(doc.sents)            # not every boundary decided: spaCy's own rules
    cuts = [0, *((starts[1:] == 1).nonzero()[0] + 1).tolist(), len(doc)]
    return [doc[a:b] for a, b in zip(cuts, cuts[1:])]
