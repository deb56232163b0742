"""Where: find place mentions in a parsed Doc and resolve them to canonical places.

Handles "the Kharkiv region" / "the region of Kherson" (regions), "the town of Izium"
(settlements), spelling variants (merged through the gazetteer's aliases and a
transliteration key), and references back to a named place: "the town", "the city
center", "the capital", "it".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .syntax import conj_members
from .towns import town_country

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "settlement", "capital", "port",
                              "hamlet", "suburb", "stronghold", "outpost", "township"})
REGION_NOUNS = frozenset({"region", "province", "oblast", "governorate", "district",
                          "state", "raion", "county", "territory", "prefecture"})
REGION_WORDS = REGION_NOUNS | {"oblast"}
#: nouns that may stand for an earlier named place when used with "the"
ANAPHOR_NOUNS = SETTLEMENT_NOUNS | REGION_NOUNS | {"area", "enclave", "island", "peninsula"}
#: the kinds each anaphoric noun may point back to
ANAPHOR_KINDS = {**{n: ("Settlement",) for n in SETTLEMENT_NOUNS},
                 **{n: ("Region",) for n in REGION_NOUNS},
                 "area": ("Settlement", "Region", "Place"), "enclave": ("Settlement", "Region"),
                 "island": ("Region", "Place"), "peninsula": ("Region", "Place")}   # not a town
PRONOUNS = frozenset({"it"})
#: prepositions after which a proper name is most likely a place ("fought at Xuan Loc")
LOCATIVE_PREPS = frozenset({"at", "in", "near", "into", "outside", "around", "towards", "toward"})
#: prepositions whose object, in a relation's place slot, is a place even when the NER
#: model calls the name a person ("retreated from Goose Green")
SLOT_PREPS = LOCATIVE_PREPS | {"from", "through", "via", "across", "over", "to", "out"}
#: common nouns that head a place phrase ("the city center", "the outskirts of X",
#: "the Jufra air base" stands for Jufra)
PLACE_HEADS = frozenset({"center", "centre", "outskirts", "oblast", "pass", "crossing",
                         "base", "airbase", "airfield", "airport", "sector", "front", "harbour", "harbor",
                         "junction", "camp"})
#: "the enclave of Žepa", "districts of Tripoli", "the outskirts of Kyiv" name the place after "of"
OF_HEADS = frozenset("""center centre outskirts enclave pocket district districts part parts suburb
suburbs neighbourhood neighbourhoods neighborhood neighborhoods streets heart gate gates edge edges
environs camp camps garrison barracks post posts outpost corner ruins""".split())

#: nouns that make the name they govern a place of no particular kind
GENERIC_PLACE_NOUNS = frozenset({"enclave", "pocket", "island", "peninsula"})
#: "most of the city", "all of Tripoli": the quantity stands for the place
QUANTITY_WORDS = frozenset({"most", "much", "all", "half", "rest", "bulk", "whole", "majority"})


@dataclass
class PlaceRef:
    """A place resolved at one position of the document."""

    key: str
    label: str
    kind: str            # Country | Region | Settlement | Place
    token: int           # index of the head token of the mention
    sent: int            # index of the sentence
    subject: bool        # the mention is a grammatical subject (for salience)
    anaphoric: bool = False
    qid: str | None = None
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    surface: str = ""
    depth: int = 0       # dependency distance from the sentence root (main-clause mentions are salient)


class PlaceResolver:
    """Resolve names to places through a linker (gazetteer) with a safe fallback.

    ``linker`` is any object with ``resolve_place(name, kind_hint, context) ->
    dict | None`` returning ``key``, ``label``, ``kind``, ``qid``, ``parent``, ``lat``,
    ``lon``; ``fold`` merges spelling variants of names unknown to the gazetteer.
    """

    def __init__(self, linker, fold):
        self.linker = linker
        self.fold = fold

    def resolve_name(self, name: str, kind_hint: str | None, context: dict,
                     ner_label: str | None, in_slot: bool = False, shouted: bool = False) -> dict | None:
        """A place dict for ``name``; ``in_slot`` says the name fills the place slot of a
        relation ("attacked Hue"), which is evidence enough when the NER found no label
        or mistook a foreign place name for a person. ``shouted``: the name stands in a
        line set in capitals, where every word looks like a name, so only the gazetteer
        can say it is a place ("ESTABLISH CONTROL OVER VEDENO": Vedeno, not "CONTROL")."""
        name = name.strip()
        if not name or not any(c.isalpha() for c in name) or "|" in name:
            return None          # "Home | UK | World": a site's menu, not a name
        hit = self.linker.resolve_place(name, kind_hint, context) if self.linker else None
        if hit is not None:
            return hit
        if shouted:
            return None
        if ner_label not in PLACE_LABELS and kind_hint is None and not in_slot:
            return None          # an unknown word that nothing says is a place
        kind = kind_hint or ("Settlement" if ner_label == "GPE" or in_slot else "Place")
        label = f"{name} region" if kind == "Region" and not _has_region_word(name) else name
        # a town of the GeoNames list lies in its country, when only one country has it
        parent = town_country(name) if kind in ("Settlement", "Place") else None
        return {"key": "place/" + self.fold(label), "label": label, "kind": kind,
                "qid": None, "parent": parent, "lat": None, "lon": None, "known": False}


def _has_region_word(name: str) -> bool:
    return any(w.lower() in REGION_WORDS for w in name.split())


def _inner_apostrophe(t: Token) -> bool:
    """"N'Djamena", "Ma'arrat", "Sa’dah": a name word with an apostrophe inside."""
    text = t.text
    return len(text) > 3 and text[0].isupper() and text[-1].isalpha() and \
        text.replace("'", "").replace("’", "").isalpha()


def name_tokens(head: Token, ents_by_token: dict[int, str]) -> list[Token]:
    """The proper-name tokens of the noun phrase headed by ``head``.

    Looks inside the phrase ("the southern Kherson region" -> Kherson) and into an
    "of" complement ("the town of Izium" -> Izium, "the region of Kherson" -> Kherson).
    """
    def is_name(t: Token) -> bool:
        if t.ent_type_ in ("DATE", "TIME") or t.lower_ in _MONTHS:
            return False               # "By 1 June Crete was ...": the month is no part of it
        return (t.pos_ == "PROPN" or t.i in ents_by_token) and (t.is_alpha or _inner_apostrophe(t)) or (
            t.text == "-" and (t.i in ents_by_token or _joining_hyphen(t)))

    start = head.left_edge.i
    for t in head.doc[start: head.i]:
        if t.pos_ == "VERB" and t.dep_ == "compound":
            start = t.i + 1        # "brigades retook Abu Grein": the name starts after the verb
        elif t.tag_ == "VBN" and t.i > 0 and head.doc[t.i - 1].text == "-":
            start = t.i + 1        # "Russian-held Melitopol": the name starts after the participle
    left = [t for t in head.doc[start: head.i + 1] if is_name(t)]
    if len(left) > 1 and any(t.pos_ in ("VERB", "AUX") for t in head.doc[left[0].i: head.i]):
        # a name is one run of words ending at the head or just before it: a misparse that
        # hangs "the Ethiopian Defence Forces have completely liberated" under "Badme"
        # must not glue them into one name
        end = head.i if is_name(head) else head.i - 1
        run = []
        for t in reversed(head.doc[start: end + 1]):
            if not (is_name(t) or (t.text == "-" and run)):
                break
            run.append(t)
        run.reverse()
        if run and run[0].text == "-":
            run = run[1:]
        left = [t for t in run if is_name(t)] or left
    if len(left) > 1 and left[0].is_sent_start and left[0].lower_.endswith("ing"):
        left = left[1:]            # "Losing Nyala is a heavy blow": the gerund is no part of it
    if left and left[-1].lower_ in NUMBERED_HEADS:
        left = left + _number_after(left[-1])       # "Hill 881 South", "Height 776"
    if not left and head.lower_ in PLACE_HEADS:      # "the airfield at Maleme", "the base near X"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("at", "near", "outside"):
                inner = _object_names(child, is_name, adjacent=False)
                if inner:
                    return inner
    if head.lower_ in ANAPHOR_NOUNS | OF_HEADS or head.lemma_.lower() in ANAPHOR_NOUNS:
        for child in head.children:
            if child.dep_ == "acl" and child.lower_ in ("known", "called", "named"):
                child = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "as"), child)
                if child.lower_ == "as":   # "the area known as Angostura"
                    inner = _object_names(child, is_name, adjacent=False)
                    if inner:
                        return inner
                continue
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = _object_names(child, is_name, adjacent=True)
                if inner:
                    return inner
    return left


def kind_hint_for(head: Token) -> str | None:
    """Region or Settlement when the phrase says so ("the Kharkiv region", "the town of X")."""
    words = {t.lemma_.lower() for t in head.subtree if t.i <= head.i} | {head.lemma_.lower()}
    for child in head.children:
        if child.dep_ == "appos" and not any(  # "Jalalabad, the main city in the east"; not
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in child.children):  # "X, Y district"
            words.add(child.lemma_.lower())
    if head.dep_ in ("pobj", "conj") and head.head.lower_ == "of" or (
            head.dep_ == "conj" and head.head.dep_ == "pobj" and head.head.head.lower_ == "of"):
        of = head.head if head.head.lower_ == "of" else head.head.head
        if of.head.lower_ not in OF_HEADS and not any(c.dep_ == "compound" for c in of.head.children):
            # not "districts of Aleppo" (parts of a city) nor "the home town of Gaddafi"
            words.add(of.head.lemma_.lower())     # "the towns of Jabrayil and Fuzuli"
    if words & REGION_WORDS:
        return "Region"
    if words & SETTLEMENT_NOUNS:
        return "Settlement"
    if words & GENERIC_PLACE_NOUNS:
        return "Place"                        # "the enclave of Žepa", "the island of Wolmido"
    return None


def _object_names(prep: Token, is_name, adjacent: bool) -> list[Token]:
    """The name words of the phrase ``prep`` governs ("at Maleme", "as Angostura", "of
    Izium"); with ``adjacent``, objects the parser lined up side by side are one phrase
    ("of Ras al-Ain": "al", "-" and "Ain" all objects of "of")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return []
    last = objs[0]
    for o in objs[1:] if adjacent else ():
        if o.i == last.i + 1:
            last = o
    return [t for t in prep.doc[objs[0].left_edge.i: last.i + 1] if is_name(t)]


#: place words that a number names ("Hill 471", "Height 776", "Route 9")
NUMBERED_HEADS = frozenset("hill height heights point outpost post checkpoint route highway district sector".split())


def _number_after(word: Token) -> list[Token]:
    """The number (and a compass word after it) that completes "Hill 881 South"."""
    doc = word.doc
    nxt = word.i + 1
    if nxt >= len(doc) or not doc[nxt].text.isdigit():
        return []
    out = [doc[nxt]]
    if nxt + 1 < len(doc) and doc[nxt + 1].text in ("North", "South", "East", "West"):
        out.append(doc[nxt + 1])
    return out


def _joining_hyphen(t: Token) -> bool:
    """A hyphen written without spaces between two proper-noun words ("Aita al-Shaab")."""
    doc = t.doc
    return 0 < t.i < len(doc) - 1 and not t.whitespace_ and not doc[t.i - 1].whitespace_ and \
        doc[t.i - 1].pos_ == "PROPN" and doc[t.i + 1].pos_ == "PROPN"


def named_members(tok: Token) -> list[Token]:
    """"the towns of Jabrayil and Fuzuli" stands for each named town, "most of it" for "it";
    other phrases stand for themselves."""
    if tok.lower_ in QUANTITY_WORDS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return [c for c in child.children if c.dep_ == "pobj"][:1] or [tok]
    if tok.lemma_.lower() in ANAPHOR_NOUNS and tok.tag_ in ("NNS", "NNPS"):
        for child in tok.children:
            if child.dep_ == "amod" and child.lower_ == "such":      # "villages such as A and B"
                child = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "as"), child)
            if child.dep_ == "prep" and child.lower_ in ("of", "as", "including", "like"):
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if objs:
                    return conj_members(objs[0])
    return [tok]


def is_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") or (
        tok.head.dep_ in ("nsubj", "nsubjpass") and tok.dep_ in ("compound", "appos"))


class Salience:
    """Document-order memory of resolved places, for definite descriptions and 'it'."""

    def __init__(self):
        self.refs: list[PlaceRef] = []
        self.described: dict[str, set[str]] = {}     # place key -> nouns it was called by
        self.topic_until = 1       # sentences up to this index are the headline and the lede

    def add(self, ref: PlaceRef, head: Token | None = None) -> None:
        self.refs.append(ref)
        if head is not None:
            self.described.setdefault(ref.key, set()).update(descriptor_nouns(head))

    def has(self, token: int) -> bool:
        """Whether a place mention at ``token`` is already remembered."""
        return any(r.token == token for r in self.refs)

    def antecedent(self, tok: Token, kinds: tuple[str, ...] | None, sent_index: int,
                   window: int = 3, prefer_subject: bool = False) -> PlaceRef | None:
        """The best earlier place for an anaphor at ``tok``; None if nothing fits.

        A place the text earlier called by the anaphor's own noun ("Shusha, a hilltop
        town" ... "the town") is preferred over a nearer one."""
        best, best_score = None, 0.0
        counts: dict[str, int] = {}
        overall: dict[str, int] = {}       # mentions in the whole text so far: the story's places
        topic: set[str] = set()            # named in the headline or the first sentence
        pool = []
        for r in self.refs:
            if r.token < tok.i and not r.anaphoric:
                overall[r.key] = overall.get(r.key, 0) + 1
                if r.sent <= self.topic_until:
                    topic.add(r.key)
                if sent_index - r.sent <= window:
                    pool.append(r)
        for r in pool:
            counts[r.key] = counts.get(r.key, 0) + 1
        noun = tok.lemma_.lower()
        for r in pool:
            if kinds is not None and r.kind not in kinds:
                continue
            own = r.label.rsplit(" ", 1)[-1].lower()
            if own in GEO_CLASS_WORDS and own != noun and noun in GEO_CLASS_WORDS:
                continue          # "the island" is not "the Black Sea", "the town" no "X River"
            score = 2.0 - 0.5 * (sent_index - r.sent) + 0.001 * r.token / max(1, tok.i)
            score += min(0.1 * (counts[r.key] - 1), 0.3) + min(0.1 * (overall[r.key] - counts[r.key]), 0.5)
            if r.key in topic and overall[r.key] > 1:
                score += 0.4      # the story's own town, named in its headline and again since
            if prefer_subject and r.subject:
                score += 1.0
            score -= 0.05 * min(r.depth, 8)
            score += _description_fit(tok.lemma_.lower(), self.described.get(r.key, set()))
            if r.kind == "Country":
                score -= 0.8
            heading = tok.doc[r.token].head
            if heading.lower_ in ("towards", "toward"):
                if heading.head.lemma_.lower() in _RETREAT_VERBS:
                    continue      # "retreated towards Mayom": where they went, not "the town" next
                score -= 0.6      # "advanced towards Kupiansk ... fled the city" may be it
            if score > best_score:
                best, best_score = r, score
        return best


_MONTHS = frozenset("""january february march april may june july august september october november
december""".split())
#: words that say what kind of place a name is ("Black Sea", "Snake Island", "Kagera River")
GEO_CLASS_WORDS = frozenset("""sea ocean gulf bay river lake strait channel island islands
peninsula mountain mountains hill hills valley desert town city village port""".split())
#: verbs whose heading is where the side went after leaving "the town"
_RETREAT_VERBS = frozenset("retreat withdraw flee pull fall escape".split())


def _description_fit(noun: str, described: set[str]) -> float:
    """Bonus when a place was earlier called by the anaphor's noun ("a hilltop town" ...
    "the town"), malus across the village / town-or-city divide ("the village of
    Potočari" is not "the town")."""
    if noun in described:
        return 0.3
    small = {"village", "hamlet"}
    if (noun in small and described & {"town", "city"}) or (noun in {"town", "city"} and described & small):
        return -0.3
    return 0.0


def descriptor_nouns(head: Token) -> set[str]:
    """Place nouns a mention is described by: "Shusha, a hilltop town" / "the town of Izium"."""
    out = {c.lemma_.lower() for c in head.children if c.dep_ == "appos"}
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        out.add(head.head.head.lemma_.lower())
    if head.dep_ == "compound" and head.head.lemma_.lower() in ANAPHOR_NOUNS:
        out.add(head.head.lemma_.lower())     # "the Kharkiv region"
    return out & ANAPHOR_NOUNS


def collect_ents(doc: Doc, ents: tuple | None = None) -> dict[int, str]:
    """Token index -> NER label for place-like entities (``ents``: ``doc.ents``, if at hand)."""
    out: dict[int, str] = {}
    for ent in doc.ents if ents is None else ents:
        if ent.label_ in PLACE_LABELS:
            for t in ent:
                out[t.i] = ent.label_
    return out


#: nouns that, said of a name, make it a place: "Phu Bai remained the supply base"
PLACE_DESCRIPTORS = ANAPHOR_NOUNS | {"base", "hub", "depot", "stronghold", "bastion", "airbase",
                                     "airfield", "crossing", "junction"}


def described_as_place(tok: Token) -> bool:
    """A name said to be a town, a base or a stronghold ("X, a Taliban stronghold",
    "X remained the supply base"): a place even if the NER model calls it a person."""
    nouns = {c.lemma_.lower() for c in tok.children if c.dep_ == "appos"}
    if tok.dep_ == "nsubj" and tok.head.lemma_ in ("be", "remain", "become"):
        nouns |= {c.lemma_.lower() for c in tok.head.children if c.dep_ == "attr"}
    return bool(nouns & PLACE_DESCRIPTORS)


def named_by_place_noun(tok: Token) -> bool:
    """"the town of Goose Green", "the Taliban stronghold of Musa Qala": the name after "of"
    is the place; not "the home town of Gaddafi" (a compound makes it someone's town) nor a
    bare "the stronghold of X" (X may be its owner)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    kids = {c.dep_ for c in noun.children}
    if noun.lemma_.lower() in ("stronghold", "bastion"):
        return bool(kids & {"compound", "poss"})
    return noun.lemma_.lower() in SETTLEMENT_NOUNS | REGION_NOUNS and "compound" not in kids


#: bodies that speak for a side: "the ministry in Baku" names where they sit, not a scene
SOURCE_BODIES = frozenset("""ministry officials official spokesman spokeswoman headquarters
command government embassy office presidency staff authorities""".split())


_SAY_LEMMAS = frozenset("say tell report announce confirm claim add state".split())
#: verbs whose subject speaks: a place name there is a government ("Kyiv says")
_SPEAKING_LEMMAS = _SAY_LEMMAS | frozenset("argue insist warn deny accuse urge demand reject".split())


def seat_of_source(tok: Token) -> bool:
    """"The Ministry of Defence in Baku said ...": the city is where a source sits; it is
    no antecedent for "the town" or "it" later on. Nor is a capital that speaks for its
    government ("Riyadh and Abu Dhabi argue that ...")."""
    subject = tok
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    if subject.dep_ == "nsubj" and subject.head.lemma_.lower() in _SPEAKING_LEMMAS:
        return True
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "from"):
        return False
    body = prep.head
    if body.pos_ == "VERB" and body.lemma_.lower() in _SAY_LEMMAS and prep.i < body.i and prep.is_sent_start:
        return True           # "In Erbil, Kurdish officials said ...": where they spoke
    while body.dep_ == "pobj" and body.head.lower_ == "of":     # "the Ministry of Defence in X"
        body = body.head.head
    if body.dep_ == "dobj" and body.head.lemma_.lower() not in _SAY_LEMMAS:
        return False          # "abandoned its headquarters in Wad Madani": a place of the story
    return body.lemma_.lower() in SOURCE_BODIES or body.lower_ in SOURCE_BODIES
