"""The rule-based relation extractor: triggers + dependency frames + resolution.

For each sentence that is not boilerplate, every trigger word from
``kg/data/triggers.json`` (verbs such as "capture", "withdraw", "send"; nouns such
as "recapture", "withdrawal"; a flag raised over a place; supply hubs; "X-held Y";
forces "inside" a place) is read with its frame: which dependent is the acting
party, which is the place. Parties are resolved by :mod:`kg.parties`, places by
:mod:`kg.places` (with "the town", "it" pointing back to a named place), and each
candidate gets its modality, source, time and a confidence.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from . import _frames as F
from . import _supply as SUP
from . import _trigger_words as TW
from . import syntax as S
from .modality import HEDGES, modality
from .places import ANAPHOR_NOUNS, OF_HEADS, PLACE_HEADS, QUANTITY_WORDS, named_members

TRIGGERS = Path(__file__).with_name("data") / "triggers.json"
#: verbs whose object noun carries the event and whose subject is its agent ("launched an assault")
LIGHT_VERBS = frozenset("carry conduct launch mount stage begin lead make step unleash".split())
#: "congratulated X on the capture of Y", "praised X for the recapture of Y": X did it
PRAISE_VERBS = frozenset("congratulate praise thank commend hail salute credit applaud".split())
#: verbs whose subject is on the receiving end of the event noun ("survived repeated offensives")
UNDERGO_VERBS = frozenset("""survive repel repulse resist withstand endure face suffer weather fend
beat defeat foil thwart absorb halt stop""".split())


@lru_cache(maxsize=4)
def load_triggers(path: str = str(TRIGGERS)) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass
class Candidate:
    """A relation found in the text, before entities are assigned IRIs."""

    party: str
    relation: str
    place: dict                      # resolved place (see kg.places.PlaceResolver)
    trigger: Token
    tokens: list[Token] = field(default_factory=list)   # argument tokens, for the evidence span
    event: bool = True
    confidence: float = 0.9
    party_inferred: bool = False
    place_anaphoric: bool = False

    @cached_property
    def modality(self) -> str:
        return modality(self.trigger)


class RelationFinder:
    """Applies the trigger frames to one Doc. ``resolve_party(token, trigger)`` and
    ``resolve_place(token)`` are supplied by the document context."""

    def __init__(self, doc: Doc, resolve_party, resolve_place, triggers: dict | None = None,
                 text: str | None = None):
        self.doc = doc
        self.text = text          # doc.text, if the caller has built it already (it is not free)
        self.party = resolve_party
        self.place = resolve_place
        self.t = triggers or load_triggers()
        self.verbs: dict = self.t["verbs"]
        self.nouns: dict = self.t["nouns"]
        self.hub_heads = set(self.t["hub_heads"])
        self._held: dict[str, tuple[dict, int]] = {}   # party -> (place it last held, sentence start)
        self._hedge_at: list[int] | None = None
        self._current = (0, 1 << 62)                     # the sentence in_sentence is reading (chars)
        self.capture_verbs = frozenset(      # verbs that report a takeover ("recapture", "liberate")
            v for v, frames in self.verbs.items()
            if any(f["relation"] == "controls" and f["frame"] == "obj" and f.get("event") for f in frames))
        self.hub_mods = set(self.t["hub_modifiers"])
        self.held = set(self.t["held_participles"])
        self.control_preps = set(self.t["control_preps"])
        self.forms: dict[str, str] = self.t.get("verb_forms", {})   # forms the lemmatizer misses
        self.relocate = set(self.t.get("relocation_verbs", ()))      # "redeployed ... outside X"
        self.place_verbs = frozenset(self.t.get("place_object_verbs", ()))   # "shelled X": X a place
        #: verbs of leaving: moving "outside" a place with one of them is withdrawing from it
        self.leave_verbs = self.relocate | {
            v for v, frames in self.verbs.items() if any(f["relation"] == "withdrewFrom" for f in frames)}
        self.extra_lemmas = frozenset({"come"}) | F.STRONGHOLD_NOUNS | F.CAPITAL_NOUNS | SUP.SUPPLY_VERBS
        self._positions: list[int] | None = None     # see _trigger_positions
        #: tokens inside a party's name ("Movement for the Liberation of Congo"): no triggers
        self.inside_names: frozenset[int] = frozenset()

    def takes_place_object(self, tok: Token) -> bool:
        """Whether ``tok`` is the object of a verb whose object is always a place
        ("retook Tal Tamr", "Tal Tamr was shelled") or the target of an attack noun ("strikes
        on Suleiman Bek"), whatever the NER model says."""
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ in ("on", "against"):
            # "strikes on Suleiman Bek", "carried out strikes on X", "the assault against X"
            heads = [verb.head] + [c for c in verb.head.children if c.dep_ == "dobj"] \
                if verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in LIGHT_VERBS else [verb.head]
            return any(frame is not None and frame["relation"] == "attacked" and verb.lower_ in frame["place"]
                       for frame in (self.nouns.get(n.lemma_.lower()) for n in heads if n.pos_ == "NOUN"))
        while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
            tok = tok.head                # "overran Fort-Liberte and Ouanaminthe": a list's member
            verb = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass"):
            return False
        lemma = self.forms.get(verb.lower_, verb.lemma_.lower())
        return lemma in self.place_verbs or TW.place_verb(lemma, self.verbs) in self.place_verbs

    def _trigger_positions(self) -> list[int]:
        """Indices of the tokens of the Doc that any pattern of :meth:`in_sentence` may
        fire on, in order; built once per Doc.

        Every branch of :meth:`in_sentence` first asks whether the (adjusted) lemma or the
        lower-case form is one of its words, so the other tokens yield nothing."""
        if self._positions is None:
            words = TW.for_table(self.t, lambda: TW.TriggerWords(
                self.forms, frozenset(self.verbs.keys() | self.nouns.keys() | self.leave_verbs
                                      | self.extra_lemmas),
                frozenset(self.control_preps | self.held | self.hub_heads | {"hands"}), self.verbs))
            self._positions = [i for i in words.positions(self.doc) if i not in self.inside_names]
        return self._positions

    def _hedged(self) -> bool:
        """Whether the sentence being read has a hedging word ("reportedly"); the doc is
        scanned for them once (Token.sent per candidate was a hot spot)."""
        if self._hedge_at is None:         # character offsets: one regex pass over the text
            self._hedge_at = [m.start() for m in _HEDGE_RE.finditer(self.text or self.doc.text)]
        start, end = self._current
        return any(start <= i < end for i in self._hedge_at)

    def in_sentence(self, sent) -> list[Candidate]:
        self._current = (sent.start_char, sent.end_char)
        out: list[Candidate] = []
        positions = self._trigger_positions()
        doc = self.doc
        for n in range(bisect_left(positions, sent.start), bisect_left(positions, sent.end)):
            tok = doc[positions[n]]
            lower, pos = tok.lower_, tok.pos_
            lemma = self.forms.get(lower, tok.lemma_.lower())
            declared = pos == "ADJ" and S.declared_participle(tok)   # "declared liberated"
            if (pos == "VERB" or declared) and lemma not in self.verbs:
                lemma = TW.place_verb(lemma, self.verbs) or lemma    # "reoccupied", "re-entered"
            if lemma in self.verbs and (pos in ("VERB", "AUX") or declared or S.verbal_noun(tok)):
                for frame in self.verbs[lemma]:
                    out.extend(self._verb(tok, frame))
            elif pos in ("NOUN", "PROPN") and lemma in self.nouns:
                out.extend(self._noun(tok, self.nouns[lemma]))
            if lower in self.control_preps and tok.dep_ == "prep":
                out.extend(self._inside(tok))
            if lower == "hands":
                out.extend(self._pair(tok, "controls", F.hands_owners(tok), F.hands_places(tok),
                                      False, explicit=False))
            if pos == "VERB" and lemma in self.leave_verbs:
                out.extend(self._pair(tok, "withdrewFrom", S.subjects(tok), F.outside_places(tok), True))
            if lower in self.held and tok.i > 1 and self.doc[tok.i - 1].text == "-":
                out.extend(self._held_compound(tok))
            if lower in self.hub_heads and pos == "NOUN":
                out.extend(SUP.hub_candidates(self, tok))
            if lemma in self.extra_lemmas:
                out.extend(self._extra(tok, lemma, pos))
            if pos == "VERB" and lemma in self.capture_verbs and (launched := F.launched_attack(tok)):
                out.extend(self._pair(launched[1], "attacked", launched[0], S.objects(tok), True))
            if pos == "VERB" and lemma in _RETREAT_LEMMAS:
                out.extend(self._implicit_origin(tok, lemma, out))
        self._remember_held(out, sent)
        return out

    def _remember_held(self, cands: list[Candidate], sent) -> None:
        """The latest place each party was said to hold, with its sentence (for a
        withdrawal that names no place it left)."""
        for c in cands:
            if c.relation == "controls" and c.modality == "asserted" and c.place.get("kind") in (
                    "Settlement", "Place", "Region"):
                self._held[c.party] = (c.place, sent.start)

    def _implicit_origin(self, verb: Token, lemma: str, found: list[Candidate]) -> list[Candidate]:
        """"The garrison fled toward Keren", "LNA troops pulled back to the south": a
        retreat that names no place it left leaves the place its side was last said to
        hold, if that was said in this or the two sentences before."""
        if lemma in ("fall", "pull") and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
            return []
        if verb.tag_ not in ("VBD", "VBN"):
            return []                    # "would pull back": no retreat yet
        if any(c.trigger.i == verb.i and c.relation == "withdrewFrom" for c in found) or any(
                c.dep_ == "prep" and c.lower_ in ("from", "out") for c in verb.children) or any(
                c.dep_ == "dobj" for c in verb.children):
            return []
        cands = []
        for agent in S.subjects(verb):
            if agent.pos_ == "PRON":
                continue                 # "they had withdrawn to X": whose retreat is too uncertain
            key = self.party(agent, verb)
            held = self._held.get(key) if key is not None else None
            if held is None or self._sentences_between(held[1], verb.i) > 2:
                continue
            c = Candidate(party=key, relation="withdrewFrom", place=held[0], trigger=verb,
                          tokens=[agent, verb], event=True, place_anaphoric=True)
            c.confidence = _confidence(c, False, self._hedged())
            cands.append(c)
        return cands

    def _sentences_between(self, start: int, tok_i: int) -> int:
        """How many sentence starts lie after token ``start`` up to token ``tok_i``."""
        return sum(1 for t in self.doc[start + 1: tok_i + 1] if t.is_sent_start)

    def _extra(self, tok: Token, lemma: str, pos: str) -> list[Candidate]:
        """Patterns keyed on a few words: "came under fire from", strongholds, supply phrasings."""
        if lemma == "come" and pos == "VERB":
            attackers, targets = F.under_attack(tok)
            return self._pair(tok, "attacked", attackers, targets, True, modifier_agents=True)
        if lemma in F.STRONGHOLD_NOUNS and pos == "NOUN":
            return self._pair(tok, "controls", F.stronghold_owners(tok, self.party),
                              F.stronghold_places(tok, self.party), False)
        if pos == "VERB" and lemma in SUP.SUPPLY_VERBS:
            return SUP.supply_patterns(self, tok, lemma)
        if lemma in F.CAPITAL_NOUNS and pos == "NOUN":
            # a state's own capital is no news ("Kyiv, the capital of Ukraine"); a
            # breakaway state's, a movement's or an old regime's is
            return [c for c in self._pair(tok, "controls", F.stronghold_owners(tok, self.party),
                                          F.capital_places(tok), False, explicit=False)
                    if c.party != c.place.get("parent")]
        return []

    # -- verbs ---------------------------------------------------------------------
    def _verb(self, verb: Token, frame: dict) -> list[Candidate]:
        rel, kind = frame["relation"], frame["frame"]
        event = frame.get("event", True)
        if frame.get("needs_particle") and not any(
                c.dep_ in ("prt", "prep", "advmod") and c.lower_ in frame["needs_particle"]
                for c in verb.children):
            return []
        if frame.get("needs_object") and not S.objects(verb):
            return []
        if frame.get("needs_dobj") and not any(
                c.dep_ == "dobj" and c.lemma_.lower() == frame["needs_dobj"] for c in verb.children):
            return []                          # "opened fire on X"
        if frame.get("no_object") and S.objects(verb):
            return []                          # "moved into X" is control; "moved troops into X" is not
        if kind == "obj" and S.declared_participle(verb):
            # "Duterte declared Marawi liberated": a small clause under a verb of declaring
            places = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or S.objects(verb.head)
            if S.is_passive(verb.head):        # "the city was declared liberated": by whom, or
                agents = S.agents(verb.head) or [None]    # the side on the offensive
            else:
                agents = S.subjects(verb.head)
            return self._pair(verb, rel, agents, places, event)
        if kind == "obj":
            if rel in ("controls", "lostControlOf") and any(
                    c.dep_ == "dobj" and c.lemma_ == "control" for c in verb.children):
                control = next(c for c in verb.children if c.dep_ == "dobj")
                # "had taken full control" with no "of X": the place just talked about (ellipsis)
                # "established full control over X": the parser may hang "over X" on the verb
                places = S.prep_objects(control, ["of", "over"], False) or S.prep_objects(
                    verb, ["over"], False) or [control]
            else:
                places = S.objects(verb)
            if rel == "withdrewFrom" and not places:
                places = F.clause_places(verb, lambda t: self.place(t) is not None)
            agents = S.agents(verb) if S.is_passive(verb) else S.subjects(verb)
            if not agents and rel == "controls" and S.is_passive(verb):
                # "..., which was taken on D"; else "X was overrun": the side on the offensive
                agents = F.relative_passive_agents(verb, self.verbs, self.forms) or ([None] if event else [])
            return self._pair(verb, rel, agents, places, event)
        if kind == "prep":
            places = S.prep_objects(verb, frame["preps"])
            subj = S.subjects(verb) or S.fronted_pp_subject(verb) or S.left_neighbour(verb)
            if rel == "deployedTo" and not self._parties_of(subj):
                # "Abiy had sent the army into Tigray": the forces sent stand for their party
                return self._pair(verb, rel, S.objects(verb), places, event)
            if frame.get("also_obj"):
                places += S.objects(verb)
            if rel == "withdrewFrom" and not places:
                places = F.clause_places(verb, lambda t: self.place(t) is not None)
            agents = S.agents(verb) if S.is_passive(verb) else S.subjects(verb)
            if rel in ("deployedTo", "withdrewFrom") and S.is_passive(verb) and not self._parties_of(agents):
                # "US Marines were sent into the city", "... were flown by helicopter into X"
                agents = S.subjects(verb)
            return self._pair(verb, rel, agents, places, event)
        if kind == "surrender":                # "the garrison at X surrendered to Y": Y holds X
            agents = S.prep_objects(verb, ["to"], False)
            if not agents:
                return []                      # no captor named: nobody to credit
            places = [t for subj in S.subjects(verb)
                      for t in ([subj] + S.prep_objects(subj, ["at", "in", "of"], False))]
            places += S.prep_objects(verb, ["at", "in"], False)
            return self._pair(verb, rel, agents, places, event)
        if kind == "theme_to":                 # "X fell to Russian forces"
            places = S.subjects(verb)
            agents = S.prep_objects(verb, ["to", "into"], False)
            if not agents and not any(c.dep_ in ("acomp", "attr", "oprd", "xcomp", "prt") or (
                    c.dep_ in ("prep", "advmod") and c.lower_ in _NOT_A_FALL) for c in verb.children):
                agents = [None]                # "the city fell on Friday": to the side attacking it
            return self._pair(verb, rel, agents, places, event)
        if kind == "patient_prep":             # "pushed Russian forces out of X"
            places = S.prep_objects(verb, frame["preps"])   # the patient comes before "out of X"
            patients = [t for t in S.objects(verb) if not places or t.i < min(p.i for p in places)]
            return self._pair(verb, rel, patients, places, event)
        if kind == "flag":                     # "raising the nation's flag over Kupiansk"
            flags = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "flag"]
            if not flags:
                return []
            places = S.prep_objects(verb, ["over", "above", "on", "in", "at"])
            # "raised the flag over the district centre in Marjah": the building stands for its town
            places = [loc for t in places for loc in
                      ([t] if self.place(t, probe=True) else F.located_in(t) or [t])]
            agents = S.agents(verb) if S.is_passive(verb) else S.subjects(verb)
            if not agents and S.is_passive(verb):
                # "the Russian flag was raised over Grozny": the flag names its side
                return self._pair(verb, rel, F.flag_owners(flags[0]), places, event, explicit=False,
                                  modifier_agents=True)
            return self._pair(verb, rel, agents, places, event)
        if kind == "supply":
            return SUP.supply_frame(self, verb, frame)
        return []

    # -- nouns ---------------------------------------------------------------------
    def _noun(self, noun: Token, frame: dict) -> list[Candidate]:
        rel = frame["relation"]
        places = S.prep_objects(noun, frame["place"], False)
        if not any(self.place(p, probe=True) for p in places):
            places += F.name_after_prep(noun, frame["place"], lambda t: self.place(t, probe=True))
        # "the capture of X" ... "Ukraine's recapture of X" ... "the Russian withdrawal from X"
        agents: list[Token] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in frame["agent"]:
                agents += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                agents.append(c)
        for p in places:             # "the seizure of Goma by M23 rebels": "by" hung on the place
            agents += [o for c in p.children if c.dep_ == "prep" and c.lower_ == "by"
                       and "by" in frame["agent"] for o in c.children if o.dep_ == "pobj"]
        light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS
        if light and not any(self.party(a, noun, modifier=a.dep_ != "pobj" and a.dep_ != "poss")
                             for a in agents):
            agents = S.subjects(noun.head)    # "warplanes carried out air strikes on X"
        if light and not places:
            # "on X" hung on the verb; for attacks also "in X" ("carried out strikes in Basra")
            places = [p for p in S.prep_objects(noun.head, frame["place"], False)
                      if p.ent_type_ not in ("DATE", "TIME")] or (     # not "on Friday"
                F.located_in(noun.head) if rel == "attacked" else [])
        if not places:
            places, agents = F.possessor_place(noun, frame, agents, lambda t: self.place(t, slot=True))
        if not places:
            places = F.located_in(noun) if rel == "attacked" else []   # "strikes ... in Khartoum"
        if rel == "controls" and noun.lemma_.lower() == "charge" and noun.head.lower_ != "in":
            return []                          # "in charge of X" only, not "charges" or "a charge"
        if rel == "controls" and noun.lemma_.lower() == "protection" and noun.head.lower_ != "under":
            return []                          # only "under the protection of X"
        if rel == "controls" and noun.lemma_.lower() in ("control", "charge", "protection"):
            # "under the control of X" / "X came under Taliban control": place is the clause subject
            if noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
                places = S.subjects(noun.head.head)
                # "remained under the control of Houthi fighters": "of" names the holder here
                agents += [p for p in S.prep_objects(noun, ["of"], False) if self.party(p, noun)]
            elif noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX") and (
                    places := places or F.stray_of_objects(noun)):
                verb = noun.head.head
                held = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() in (
                    "leave", "put", "place") else []
                if held and held[0].lower_ in ("them", "it") and verb.dep_ == "advcl":
                    held = S.subjects(verb.head)     # "X overran A, leaving them in charge of B": X
                agents = held or S.subjects(verb)    # "the army was in full control of X";
                #                                      "leaving them in charge of the city"
            elif not places:
                return []
        cands = self._pair(noun, rel, agents, places, frame.get("event", True))
        if cands or frame.get("agent_required") or not places:
            return cands
        # no explicit agent: the party the sentence credits ("... is Ukraine's success")
        agents = [t for t in noun.sent if t.dep_ == "poss" and self.party(t, noun) is not None]
        governing = noun.head if noun.dep_ in ("dobj", "pobj") else None
        if governing is not None and governing.pos_ == "ADP":
            governing = governing.head
        if governing is not None and governing.pos_ == "VERB" and governing.lemma_.lower() in PRAISE_VERBS:
            # "the Coalition congratulates the SDF on the liberation of X": the SDF did it
            agents = [c for c in governing.children if c.dep_ == "dobj"] + agents
        elif governing is not None and governing.pos_ == "VERB" and governing.lemma_.lower() not in UNDERGO_VERBS:
            agents = S.subjects(governing) + agents
        cands = self._pair(noun, rel, agents[:1], places, frame.get("event", True))
        for c in cands:
            c.party_inferred = True
        if not cands:
            cands = self._pair(noun, rel, [None], places, frame.get("event", True))
        return cands

    # -- other patterns ------------------------------------------------------------
    def _inside(self, prep: Token) -> list[Candidate]:
        """"Ukrainian forces inside the town of Izium"."""
        head = prep.head
        agents = S.objects(head) if head.pos_ in ("VERB", "AUX") else [head]
        places = [p for p in prep.children if p.dep_ == "pobj"]
        return self._pair(prep, "controls", agents, places, False)

    def _held_compound(self, part: Token) -> list[Candidate]:
        """"Russian-held Donbas", "Islamic State-occupied Mosul"."""
        modifier = self.doc[part.i - 2]
        place = part.head if part.head.i != part.i else None
        if place is None:
            return []
        named = [c for c in place.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if place.pos_ == "NOUN" and named:
            place = named[0]          # "the Houthi-held capital, Sanaa"
        return self._pair(part, "controls", [modifier], [place], False, explicit=False,
                          modifier_agents=True)

    def _included_places(self, trigger: Token, places: list[Token]) -> list[Token]:
        """"captured several villages, including X", "held most of the north, including the town
        of X": the places listed after "including" (on the object or the verb), when the object
        is itself places ("positions it held, including the market area" lists no towns)."""
        hosts = [t for t in places if t.lemma_.lower() in ANAPHOR_NOUNS | QUANTITY_WORDS
                 or self.place(t, probe=True) is not None]
        if not hosts:
            return []
        verb = [trigger] if trigger.pos_ == "VERB" else []
        return [x for t in hosts + verb for x in S.prep_objects(t, ["including"], False)]

    def _names_place(self, tok: Token) -> bool:
        """A place name, or a phrase that names one after "of" ("parts of Aleppo")."""
        return self.place(tok, probe=True) is not None or (
            tok.lower_ in OF_HEADS and self.place(tok) is not None) or (
            named_members(tok) != [tok])            # "residential areas of Ilam and Dehloran"

    def _parties_of(self, toks: list[Token]) -> list[str]:
        """The parties some argument tokens denote (probing only)."""
        return [k for k in (self.party(t, t) for t in toks) if k is not None]

    def _coordinated_parties(self, head: Token, trigger: Token) -> list[str]:
        """"Russian and South Ossetian forces": every coordinated modifier names a party."""
        out = []
        for mod in F.modifiers_and_of_objects(head):       # "Russian and X forces", "fighters of A and B"
            if mod.dep_ in ("amod", "compound", "nmod", "pobj"):
                conjs = [c for c in mod.children if c.dep_ == "conj"]
                # the first of the list too: the phrase's own party may be another member
                for member in [mod] + conjs if conjs else []:
                    key = self.party(member, trigger, modifier=True)
                    if key is not None:
                        out.append(key)
        return out

    # -- assembly ------------------------------------------------------------------
    def _pair(self, trigger: Token, rel: str, agents: list, places: list[Token], event: bool,
              explicit: bool = True, modifier_agents: bool = False) -> list[Candidate]:
        """Candidates for every (party, place) pair; an agent ``None`` asks the document
        context for the party (an earlier fact about the same place)."""
        out = []
        parties = []
        if trigger.pos_ in ("VERB", "AUX") and not agents:
            # "In May Islamic State launched" (misparsed)
            agents = S.fronted_pp_subject(trigger) or S.left_neighbour(trigger)
        for a in agents:
            if a is None:
                parties.append((None, None))
                continue
            # a modifier of a nominal trigger names its party: "an Ethiopian air force strike"
            modifier = a.head.i == trigger.i and a.dep_ in ("amod", "compound", "nmod") and trigger.pos_ == "NOUN"
            modifier = modifier or (a.dep_ == "conj" and a.head.head.i == trigger.i and trigger.pos_ == "NOUN"
                                    and a.head.dep_ in ("amod", "compound", "nmod"))   # "German and Italian hands"
            modifier = modifier or (modifier_agents and a.dep_ in ("amod", "compound", "nmod", "poss",
                                                                   "npadvmod"))
            key = self.party(a, trigger, modifier=modifier)
            if key is not None:
                parties.append((key, a))
                parties += [(k, a) for k in self._coordinated_parties(a, trigger) if k != key]
        if not parties:
            return out
        if rel in ("attacked", "deployedTo"):
            # "air strikes on bases in Khartoum", "pulled back to lines in the Donetsk region",
            # "stormed the presidential palace in Sanaa" (the place hangs on the verb)
            places = [loc for t in places for loc in ([t] if self._names_place(t) else
                                                      F.located_in(t) or F.located_in(trigger) or [t]
                                                      if rel == "attacked" and t.pos_ == "NOUN"
                                                      else F.located_in(t) or F.unit_posted_in(t, rel) or [t])]
        if rel == "controls":
            # "captured the airfield at Maleme": the parser hangs "at Maleme" on the verb
            places = [loc for t in places for loc in (
                F.located_in(trigger) or [t] if t.lower_ in PLACE_HEADS and not self._names_place(t) else [t])]
            places = places + self._included_places(trigger, places)
        for p in [m for t in places for m in named_members(t)]:
            resolved = self.place(p, slot=True)
            if resolved is None or self._container_of(p, resolved):
                continue
            for key, a in parties:
                inferred = a is None
                if inferred:
                    key = self.party(None, trigger, place=resolved, relation=rel)
                    if key is None:
                        continue
                if key == resolved["key"]:
                    continue          # "Ukrainian troops advancing into eastern Ukraine"
                c = Candidate(party=key, relation=rel, place=resolved, trigger=trigger,
                              tokens=[t for t in (a, p, trigger) if t is not None], event=event,
                              place_anaphoric=resolved.get("anaphoric", False),
                              party_inferred=inferred)
                c.confidence = _confidence(c, explicit, self._hedged())
                out.append(c)
        return out

    def _container_of(self, tok: Token, resolved: dict) -> bool:
        """"captured Kherson, Ukraine", "sent to Gao, Mali": a country or region in
        apposition to a town says where the town lies; it is no place of the fact."""
        if tok.dep_ != "appos" or resolved["kind"] not in ("Country", "Region") or tok.head.pos_ != "PROPN":
            return False
        town = self.place(tok.head, slot=True)
        return town is not None and town["kind"] == "Settlement"


#: a hedging word as a whole word, in any case ("Reportedly", "unconfirmed")
_HEDGE_RE = re.compile(r"\b(?:" + "|".join(sorted(HEDGES)) + r")\b", re.IGNORECASE)

#: verbs of retreat whose origin may go unsaid ("fled toward Keren", "pulled back")
_RETREAT_LEMMAS = frozenset("withdraw retreat flee fall pull".split())

#: "fell silent", "fell by half", "fell under curfew", "fell back": no town taken
_NOT_A_FALL = frozenset("""by under below behind from into apart back within short off out
away down asleep ill victim prey""".split())


def _confidence(c: Candidate, explicit: bool, hedged: bool) -> float:
    """Base confidence of a single statement (see ontology/README.md, 'Confidence');
    ``hedged``: the sentence has a hedging word ("reportedly")."""
    conf = 0.9 if c.trigger.pos_ in ("VERB", "AUX") else 0.8
    if not explicit:
        conf -= 0.1
    if c.party_inferred:
        conf -= 0.2
    if c.place_anaphoric:
        conf -= 0.1
    if hedged:
        conf -= 0.15
    return round(max(0.05, min(conf, 0.99)), 2)
