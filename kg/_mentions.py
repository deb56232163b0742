"""Mention-level helpers of :mod:`kg.docfacts`: linking place names through the
gazetteer, and the token tests used when deciding what a mention stands for."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import places as P
from .syntax import conj_members
from .linking import LinkContext
from .towns import is_town_name

PLACE_TYPES = {"country": "Country", "region": "Region", "settlement": "Settlement"}


class LinkerAdapter:
    """Turns :class:`kg.linking.Linker` answers into place dicts (or None)."""

    def __init__(self, linker):
        self.linker = linker

    def resolve_place(self, name: str, kind_hint: str | None, context: dict) -> dict | None:
        surface = f"{name} region" if kind_hint == "Region" and not P._has_region_word(name) else name
        hint = {"Region": "region", "Settlement": "settlement"}.get(kind_hint or "", "place")
        ctx = LinkContext(left=context.get("left", ""), right=context.get("right", ""),
                          countries=tuple(context.get("countries", ())),
                          resolved=frozenset(context.get("resolved", ())))
        res = self.linker.link(surface, hint, ctx)
        e = res.entry
        if e is None or e.type not in PLACE_TYPES:
            return None
        if res.candidates and res.candidates[0].how == "demonym":
            return None               # "Ukrainian" is not a place
        return {"key": e.key, "label": e.label, "kind": PLACE_TYPES[e.type], "qid": e.qid,
                "parent": e.parent, "lat": e.lat, "lon": e.lon, "known": True,
                "aliases": {name, *e.aliases}}


_NOT_PLACE_LABELS = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY NORP LANGUAGE FAC".split())
#: words that make a name an institution or a facility, not a town ("the Citadel")
_ORG_WORDS = frozenset("""ministry council headquarters party army force forces brigade committee agency
bank company university government command police office court parliament citadel palace
airport base bridge dam plant mosque church cathedral hospital stadium factory barracks
compound fortress tower station""".split())


#: titles that make the name after them a person ("President Ahmad Tejan Kabbah"); not
#: "General" or "Saint", which begin town names ("General Santos", "Saint-Louis")
PERSON_TITLES = frozenset("""president gen. col. colonel lt. lieutenant maj. major capt. captain
commander minister premier chancellor king queen prince sheikh mr mr. mrs mrs. ms ms. dr dr.
sgt. sergeant admiral adm. marshal brigadier emir ayatollah imam senator sen. mullah
spokesman spokeswoman""".split())


def titled_person(names: list[Token]) -> bool:
    """A name that starts with, or follows, a person's title is a person, whatever the
    NER model says of its last word ("President Ahmad Tejan Kabbah" is no town)."""
    first = names[0]
    if first.lower_ in PERSON_TITLES and len(names) > 1:
        return True
    doc, i = first.doc, first.i - 1
    while i >= 0 and first.i - i <= 3 and doc[i].pos_ == "PROPN" and doc[i].is_title and \
            doc[i].lower_ not in PERSON_TITLES:
        i -= 1           # "President Ahmad | Tejan Kabbah": the parser split the name
    if i < 0 or doc[i].lower_ not in PERSON_TITLES:
        return False
    # "President Kabbah"; in lower case only as a title ("former president Najibullah",
    # "rebel commander Nkunda"), not where the word is an adjective ("major Kabul roads")
    return doc[i].is_title or (doc[i].pos_ == "NOUN" and doc[i].lower_ in _LOWER_TITLES)


#: titles journalists write in lower case before a name
_LOWER_TITLES = frozenset("""president commander minister premier chancellor king queen prince
sheikh emir ayatollah imam mullah spokesman spokeswoman colonel general""".split())


#: last words of names of fortification lines, city precincts and buildings, which are no towns
STRUCTURE_HEADS = frozenset("""line zone plant hospital mosque factory stadium palace church cathedral
university ministry prison market hotel embassy school staff command committee council""".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())


def not_a_town(names: list[Token]) -> bool:
    """"the Bar Lev Line", "the International Zone", "the Zaporizhzhia Nuclear Power Plant"
    (places inside or near a town, which an "in X" after them names) and a bare "the South"
    are no named settlements or regions."""
    last = names[-1]
    if len(names) > 1 and last.lower_ in STRUCTURE_HEADS and last.is_title:
        return True
    return len(names) == 1 and (last.lower_ in _COMPASS      # "the South", command "South"
                                or last.lower_ in P.NUMBERED_HEADS | P.GEO_CLASS_WORDS)   # "District", "Hill"


def could_be_place(names: list[Token], locative: bool = False) -> bool:
    """A proper name the small NER model mislabels (foreign town names come out as ORG,
    PERSON or WORK_OF_ART) may still be a place when a relation puts it in a place slot;
    dates, numbers, nationalities, people's full names and institutions may not. In a
    list of names ("Mekelle, Adigrat and Shire"), and on a single singular proper noun
    ("captured Neerveli"), a nationality label is the model's slip: a real nationality
    word never gets here (the party lexicon knows it)."""
    last = names[-1]
    if len(names) > 1 and names[0].lower_ in P.NUMBERED_HEADS and names[1].text.isdigit():
        return True               # "Hill 471", which the model calls a person
    if _named_town(names):
        return True               # "captured Lao Cai", which the model calls a person
    listed = last.dep_ == "conj" and last.head.pos_ == "PROPN"
    heads_list = any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in last.children)
    # the model calls unfamiliar names ending in -i nationalities ("Neerveli", "Chavakachcheri")
    slip = listed or heads_list or (len(names) == 1 and last.tag_ == "NNP")
    rejected = _NOT_PLACE_LABELS - {"NORP"} if slip else _NOT_PLACE_LABELS
    if any(t.ent_type_ in rejected or t.lower_ in _ORG_WORDS for t in names):
        return False
    # a full personal name is a person, unless a locative preposition or a list of
    # places ("Bulbul, Sheikh Hadid and Maabatli") says otherwise; "Al-Faw" (an Arabic
    # article before a single name) is no full name
    first = names[0]
    article = first.lower_ in _ARABIC_ARTICLES and first.i + 1 < len(first.doc) and \
        first.nbor().text == "-" and len([t for t in names if t.text != "-"]) == 2
    return locative or article or (listed and _listed_with_place(names[-1])) or not (
        len(names) > 1 and all(t.ent_type_ == "PERSON" for t in names))


_ARABIC_ARTICLES = frozenset("al el ad as ash ar az at an".split())
#: labels that a town's name never gets, however unfamiliar the town
_NOT_TOWN_LABELS = _NOT_PLACE_LABELS - {"FAC"}


def _named_town(names: list[Token]) -> bool:
    """Whether ``names`` is the name of a town of some size (see :mod:`kg.towns`), and not a
    building called like one ("the Citadel") nor a date or a people."""
    first = names[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ == "the":
        return False
    if any(t.ent_type_ in _NOT_TOWN_LABELS for t in names):
        return False
    return is_town_name(" ".join(t.text for t in names))


def _listed_with_place(tok: Token) -> bool:
    """Whether another member of the list ``tok`` belongs to is labelled a place."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return any(t.i != tok.i and t.ent_type_ in ("GPE", "LOC") for t in conj_members(first))


def bare(tok: Token, places: dict[int, str]) -> bool:
    """A force noun with nothing that names whose it is ("the troops", "the Izium formations"):
    no "of" phrase, no apposition, no proper-noun modifier other than a place."""
    for c in tok.children:
        if c.dep_ in ("prep", "appos", "nmod") and (c.dep_ != "prep" or c.lower_ in ("of", "from")):
            return False
        if c.dep_ == "amod" and (c.ent_type_ in ("NORP", "GPE") or c.is_title and c.i > c.sent.start):
            return False          # "Kuwaiti troops" name their side, even if we don't know it
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in places:
            return False
        if (c.dep_ == "amod" and any(g.dep_ == "prep" and g.i > c.i for g in c.children)) or (
                c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)):
            return False          # "forces loyal to Hadi", "troops commanded by X": a side we cannot name
    return True


def sentence_bounds(doc: Doc, sents: list | None = None) -> list[tuple[int, int]]:
    """Token index -> (start, end) of its sentence, computed once per Doc."""
    out: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
    for sent in sents if sents is not None else doc.sents:
        bounds = (sent.start, sent.end)
        out[sent.start: sent.end] = [bounds] * (sent.end - sent.start)
    return out


def clause_numbers(doc: Doc, sents: list | None = None) -> dict[int, int]:
    """Sentence start -> running number of sentences with a verb, so that headings,
    timestamps and bullets do not push an antecedent out of an anaphor's window."""
    out, n = {}, 0
    for sent in sents if sents is not None else doc.sents:
        out[sent.start] = n
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            n += 1
    return out


def anaphoric(ref) -> dict | None:
    if ref is None:
        return None
    return {"key": ref.key, "label": ref.label, "kind": ref.kind, "qid": ref.qid,
            "parent": ref.parent, "lat": ref.lat, "lon": ref.lon, "anaphoric": True,
            "aliases": set()}


def name_text(names: list[Token]) -> str:
    doc = names[0].doc
    return doc[names[0].i: names[-1].i + 1].text


def place_name(tok: Token, names: list[Token], lexicon, ents: dict[int, str], text: str,
               sentence: tuple[int, int]) -> tuple | None:
    """What the name of the phrase headed by ``tok`` is: (name, its party-lexicon entry,
    kind hint, NER label, sentence text left and right of it); None when the name is no
    place's (a person, a people, a group, an institution). A pure function of the token
    and the parse, so callers work it out once per token."""
    if titled_person(names) and not (names[-1].dep_ == "conj" and _listed_with_place(names[-1])) \
            or not_a_town(names):
        return None               # "President Kabbah", "Gen. Haftar", "the Bar Lev Line"
    name = name_text(names)
    known = lexicon.lookup(name)
    if known and (known[1] == "demonyms" or (known[1] != "metonyms" and
                                               lexicon.parties[known[0]].kind == "group")):
        return None               # "Ukrainian", "Hamas" are not places ("Benghazi" is)
    if all(t.pos_ == "ADJ" for t in names):
        return None
    if known and known[1] == "persons":
        return None
    ner = next((ents[t.i] for t in names if t.i in ents), None)
    doc = tok.doc
    return name, known, P.kind_hint_for(tok), ner, \
        _cut(doc, text, sentence[0], names[0].i), _cut(doc, text, names[-1].i + 1, sentence[1])


def _cut(doc, text: str, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text without building the Span."""
    if start >= end:
        return ""
    last = doc[end - 1]
    return text[doc[start].idx:last.idx + len(last.text)]
