"""Who is acting: map noun phrases to parties (states and organised armed groups).

The mapping is data (``kg/data/parties.jsonl``): names, metonyms ("Moscow", "the
Kremlin"), demonyms ("Russian"), names of armed forces and named units. A user can
extend it with their own file (``KG_PARTIES_USER`` or ``extra_paths``).

A noun phrase denotes a party when
- its head is a party name, metonym, force name or unit ("Russia", "Moscow", "ISIS",
  "the 128th Mountain Assault Brigade"), or a plural demonym ("the Russians"); or
- its head is a force noun ("troops", "army", "formations") modified by a party word
  ("Russian forces", "Moscow's army", "Kiev forces", "the armed forces of Ukraine").
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .party_eras import party_on

DATA = Path(__file__).with_name("data") / "parties.jsonl"

#: Head nouns that denote armed forces (lemmas, lower case).
FORCE_NOUNS = frozenset("""
force forces troop troops army armies military soldier soldiers fighter fighters formation
formations unit units militia militias militant militants rebel rebels insurgent insurgents
jihadist jihadists paratrooper paratroopers marine marines navy artillery brigade brigades
battalion battalions regiment regiments division divisions corps garrison garrisons contingent
servicemen serviceman personnel commando commandos mercenary mercenaries guerrilla guerrillas
separatist separatists gunman gunmen tank tanks jet jets warplane warplanes aircraft drone drones
helicopter helicopters missile missiles rocket rockets artillery sniper snipers infantry
loyalist loyalists insurrecto insurrectos revolutionist revolutionists revolutionaries
partisan partisans aviation combatant combatants paramilitary paramilitaries defender defenders occupier occupiers invader invaders attacker
attackers assailant assailants reinforcement reinforcements peacekeeper peacekeepers commander
commanders bomber bombers warship warships gunship gunships column columns guard guards
militiaman militiamen trooper troopers ranger rangers terrorist terrorists extremist extremists
infiltrator infiltrators battery batteries gunner gunners plane planes warplane warplanes mig migs
aggressor aggressors presence grouping groupings armour armor fleet squadron squadrons flotilla sailors airmen
legionnaire legionnaires detachment detachments platoon platoons gunboat gunboats sapper sappers
""".split())

#: "X-made drones": the demonym names where the weapon comes from, not who fires it.
ORIGIN_PARTICIPLES = frozenset("made built designed manufactured produced supplied donated".split())

#: Nouns for a group of forces that name their members in an "of" phrase.
COLLECTIVE_NOUNS = frozenset("column convoy detachment wave group contingent squad platoon band bands".split())

def is_force_noun(tok: Token) -> bool:
    """Whether the token's lemma or its own form names armed forces ("troops", "army"),
    also "assault groups", "battalion tactical groups" (not any "group")."""
    return tok.lemma_.lower() in FORCE_NOUNS or tok.lower_ in FORCE_NOUNS or (
        tok.lemma_.lower() == "group" and any(c.dep_ in ("compound", "amod") and c.lower_ in _GROUP_KINDS
                                                for c in tok.children)) or (
        tok.lower_ in _MUNITIONS and tok.pos_ == "NOUN") or (      # "glide bombs", not "bombed"
        tok.lower_ in _STRIKE_NOUNS and tok.dep_ == "nsubj" and tok.pos_ == "NOUN")


#: munitions that stand for the side firing them ("Russian shells hit X"), as nouns only
_MUNITIONS = frozenset("bombs shells".split())


#: strikes that stand for the side striking when they are what acts: "Israeli strikes hit
#: Rafah", "Russian shelling hit Kherson" (not "the strikes on Rafah")
_STRIKE_NOUNS = frozenset("""strike strikes airstrike airstrikes shelling bombardment bombardments
barrage barrages attack attacks raid raids""".split())


#: "assault groups", "sabotage groups": small units, not any group
_GROUP_KINDS = frozenset("assault storm storming sabotage reconnaissance raiding tactical battle combat".split())


_WORD_KINDS = ("names", "metonyms", "demonyms", "forces", "units", "persons")

#: Nouns for non-state fighters: "Syrian rebels" are not the Syrian state.
OPPOSITION_NOUNS = frozenset("""rebel rebels insurgent insurgents militant militants separatist
separatists jihadist jihadists guerrilla guerrillas opposition extremist extremists terrorist
terrorists insurrecto insurrectos revolutionist revolutionists revolutionary revolutionaries
partisan partisans""".split())
#: Phrases that name the forces of the state an article is about ("government troops").
STATE_FORCE_WORDS = frozenset("""government regime federal state junta security loyalist interior""".split())
STATE_FORCE_HEADS = frozenset({"army", "military", "loyalist", "junta", "navy"})


@dataclass
class Party:
    key: str
    kind: str                      # "state" or "group"
    phrases: dict[str, str] = field(default_factory=dict)  # lower-cased phrase -> word kind
    names: list[str] = field(default_factory=list)         # proper names as written
    rebel: bool = True             # False: contractors, peacekeepers, alliances ("the rebels" is never them)


def _norm(text: str) -> str:
    text = text.replace("’", "'").lower()
    return re.sub(r"\s+", " ", text).strip()


class PartyLexicon:
    """All party phrases, with a spaCy PhraseMatcher to find them in a Doc."""

    def __init__(self, parties: list[Party]):
        self.parties = {p.key: p for p in parties}
        self.phrase_to_party: dict[str, tuple[str, str]] = {}
        self.exact_case: dict[str, set[str]] = {}       # acronyms: lower form -> as written
        self.surface: dict[str, str] = {}                # lower form -> as written, for the tokenizer
        for p in parties:
            for phrase, kind in p.phrases.items():
                self.phrase_to_party.setdefault(phrase, (p.key, kind))

    @classmethod
    def load(cls, extra_paths: list[Path] | None = None, states_from=None) -> PartyLexicon:
        """The packaged lexicon, ``extra_paths`` and ``$KG_PARTIES_USER``; every country of
        the gazetteer (``states_from``, default: the packaged one) not listed there
        becomes a state party with its names and demonyms ("Kuwaiti troops")."""
        paths = [DATA, *(extra_paths or [])]
        user = os.environ.get("KG_PARTIES_USER")
        if user and Path(user).exists():
            paths.append(Path(user))
        exact: dict[str, set[str]] = {}
        surface: dict[str, str] = {}
        parties: dict[str, Party] = {}
        for row in [*_rows(paths), *_gazetteer_states(states_from)]:
            if row["key"] in parties and row.get("_derived"):
                continue                  # the hand-written entry wins over the gazetteer
            party = parties.setdefault(row["key"], Party(row["key"], row.get("kind", "state")))
            party.rebel = party.rebel and row.get("rebel", True)
            party.phrases.setdefault(_norm(row["key"]), "names")
            party.names.extend(n for n in row.get("names", []) if n not in party.names)
            for kind in _WORD_KINDS:
                for phrase in row.get(kind, []):
                    party.phrases.setdefault(_norm(phrase), kind)
                    surface.setdefault(_norm(phrase), re.sub(r"\s+", " ", phrase.replace("’", "'")).strip())
                    if not any(c.islower() for c in phrase):
                        exact.setdefault(_norm(phrase), set()).add(phrase)
        lexicon = cls(list(parties.values()))
        lexicon.exact_case = exact
        lexicon.surface = surface
        return lexicon

    def names_of(self, key: str) -> list[str]:
        """The lexicon's proper names of a party as written in the data ("HTS", "Hayat Tahrir al-Sham")."""
        party = self.parties.get(key)
        return list(party.names) if party else []

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(party key, word kind) for an exact phrase, ignoring case and a leading 'the'."""
        t = _norm(text)
        hit = self.phrase_to_party.get(t)
        if hit is None and t.startswith("the "):
            hit = self.phrase_to_party.get(t[4:])
        return hit

    # -- spaCy -----------------------------------------------------------------
    def build_matcher(self, nlp) -> PhraseMatcher:
        """A case-insensitive PhraseMatcher over every party phrase, tokenised by ``nlp``."""
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = list(self.phrase_to_party)
        # tokenised as written: "U.S." is one token, "u.s." two
        written = [self.surface.get(p, p) for p in phrases]
        spaced = [_ARTICLE_HYPHEN.sub(r"\1 ", w) for w in written]   # "al-Qaeda" also as "al Qaeda"
        for phrase, pattern, variant in zip(phrases, nlp.tokenizer.pipe(written), nlp.tokenizer.pipe(spaced)):
            patterns = [pattern] if variant.text == pattern.text else [pattern, variant]
            matcher.add(f"PARTY|{phrase}", patterns)
        return matcher

    def find(self, doc: Doc, matcher: PhraseMatcher) -> list[tuple[Span, str, str]]:
        """All non-overlapping longest party phrase matches: (span, party key, word kind)."""
        spans = []
        for match_id, start, end in matcher(doc):
            phrase = doc.vocab.strings[match_id].split("|", 1)[1]
            if phrase in self.exact_case and doc[start:end].text not in self.exact_case[phrase]:
                continue        # acronyms match only as written: "IS" the group, not "is"
            key, kind = self.phrase_to_party[phrase]
            spans.append((doc[start:end], key, kind))
        # the longest phrase wins an overlap, wherever it starts: "the Islamic State of Iraq
        # and Syria" is one name, not "the Islamic State" followed by "Syria"
        spans.sort(key=lambda s: (-(s[0].end - s[0].start), s[0].start))
        kept: list[tuple[Span, str, str]] = []
        taken: set[int] = set()
        for span, key, kind in spans:
            if not taken.intersection(range(span.start, span.end)):
                kept.append((span, key, kind))
                taken.update(range(span.start, span.end))
        return sorted(kept, key=lambda s: s[0].start)


#: an Arabic article joined by a hyphen, which English texts also write with a space
_ARTICLE_HYPHEN = re.compile(r"\b([Aa]l|[Ee]l|[Aa]sh|[Aa]d)-(?=[A-Z])")


def _rows(paths: list[Path]):
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc


def _gazetteer_states(gazetteer) -> list[dict]:
    if gazetteer is None:
        from .gazetteer import Gazetteer
        gazetteer = Gazetteer.load()
    return [{"key": e.key, "kind": "state", "names": [e.label, *e.aliases],
             "demonyms": list(e.demonyms), "_derived": True}
            for e in gazetteer if e.type == "country"]


class PartyIndex:
    """Party phrases found in one Doc, indexed by token, with resolution helpers."""

    def __init__(self, lexicon: PartyLexicon, doc: Doc, matcher: PhraseMatcher, day: date | None = None):
        self.lexicon = lexicon
        self.doc = doc
        self.by_token: dict[int, tuple[Span, str, str]] = {}
        for span, key, kind in lexicon.find(doc, matcher):
            if kind in ("metonyms", "demonyms"):      # "Hanoi" in 1979 is Vietnam's
                key = party_on(span.text, key, day)
                if key not in lexicon.parties:
                    continue
            for t in span:
                self.by_token[t.i] = (span, key, kind)

    def party_of_token(self, tok: Token) -> tuple[str, str] | None:
        hit = self.by_token.get(tok.i)
        return (hit[1], hit[2]) if hit else None

    def resolve_np(self, head: Token) -> str | None:
        """Party denoted by the noun phrase headed by ``head`` (None if it is not a party)."""
        hit = self.by_token.get(head.i)
        if hit is not None:
            span, key, kind = hit
            if kind in ("names", "metonyms", "forces", "units", "persons"):
                return key           # a leader acting ("Duterte declared ...") stands for the party
            if kind == "demonyms" and (head.tag_ in ("NNPS", "NNS") or head.text.endswith("s")):
                return key           # "the Russians", "Iraqis"
            if kind == "demonyms" and head.lemma_.lower() in FORCE_NOUNS:
                return key
        if head.lemma_.lower() in COLLECTIVE_NOUNS:      # "a column of Russian tanks"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.resolve_np(p)
        if is_force_noun(head):
            led = self._led_by(head)
            if led is not None:
                return led
            key = self._modifier_party(head)
            if key is not None and head.lemma_.lower() in OPPOSITION_NOUNS:
                if self.lexicon.parties[key].kind == "state" and not self._backed(head):
                    return None      # "Syrian rebels" fight the Syrian state
            return key
        return None

    def _led_by(self, head: Token) -> str | None:
        """"Rebel fighters led by Hayat Tahrir al-Sham" -> the leading group ("sent by Russia": Russia)."""
        for c in head.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "command", "back", "support", "send", "arm"):
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            hit = self.by_token.get(p.i)
                            if hit is not None and hit[2] != "demonyms":
                                return hit[1]
        return None

    def _backed(self, head: Token) -> bool:
        """"Russian-backed separatists": the backer counts as the party."""
        return any(t.lower_ in ("backed", "led", "sponsored", "supported")
                   for t in self.doc[head.left_edge.i: head.i])

    def is_state_force(self, head: Token) -> bool:
        """"government forces", "regime troops", "the army", "the military"."""
        lemma = head.lemma_.lower()
        if not is_force_noun(head):
            return False
        left = self.doc[head.left_edge.i: head.i]
        words = {t.lower_ for t in left}
        if words & STATE_FORCE_WORDS:
            return True
        if lemma not in STATE_FORCE_HEADS and words & STATE_FORCE_HEADS and not any(
                t.pos_ == "PROPN" and t.lower_ not in STATE_FORCE_HEADS for t in left) and not any(
                t.lower_ in ("loyal", "allied", "aligned") for t in self.doc[head.i + 1: head.i + 3]):
            return True                   # "army warplanes", not "army units loyal to X"
        return lemma in STATE_FORCE_HEADS and words <= {"the", "its", "their"} and bool(words)

    def _modifier_party(self, head: Token) -> str | None:
        """Party named by a modifier of a force noun: amod/compound/poss/nmod or 'of X'.

        A named armed group wins over a nationality ("Russian mercenaries from the
        Wagner Group" are Wagner's)."""
        direct: list[str] = []          # the modifier itself: "forces of the GNA"
        nested: list[str] = []          # inside it: "forces of Libya's GNA" -> Libya
        for child in head.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod", "nummod") or (
                    child.dep_ == "prep" and child.lower_ in ("of", "from", "loyal")):
                tops = {child.i} | {c.i for c in child.children if c.dep_ == "pobj"}
                for t in child.subtree:
                    hit = self.by_token.get(t.i)
                    if hit is not None and not self._made_in(t):
                        (direct if t.i in tops or hit[0].root.i in tops else nested).append(hit[1])
        found = direct + nested
        groups = [k for k in found if self.lexicon.parties[k].kind == "group"]
        if groups or found:
            return (groups or found)[0]
        # tokens just left of the head inside the noun phrase (robust to odd parses)
        for t in self.doc[head.left_edge.i: head.i]:
            hit = self.by_token.get(t.i)
            if hit is not None and not self._made_in(t):
                return hit[1]
        return None

    def _made_in(self, tok: Token) -> bool:
        """"Turkish-made drones", "Soviet-built tanks": the maker, not the user."""
        nxt = tok.i + 2
        return nxt < len(self.doc) and self.doc[tok.i + 1].text == "-" and \
            self.doc[nxt].lower_ in ORIGIN_PARTICIPLES
