"""Armed groups an article names that the party lexicon does not know (opt-in:
``KG_DISCOVER_PARTIES=1``, or ``build_nlp(discover_parties=True)``).

Off by default because it did not pay on our blind sets: annotators, like many
analysts, file a local militia or a named unit under the side it fights for, so a
group found here often stands where the gold has a known party (README, "Measured").

News keeps naming groups no list has yet: a new rebel alliance, a local militia, a
front that split from another. This module finds them in one document and adds them,
for that document only, to the party lookup the extractor uses:

- **Acronym definitions.** "the Arakan Rohingya Salvation Army (ARSA)": a name with a
  group word (Army, Forces, Front, Brigades, ...) that defines an acronym of its initials
  (any order: French and Arabic acronyms keep their own) is a party, and the acronym one
  of its names. An acronym defined for a known party becomes one of its names.
- **Insurgent names.** A capitalised name with a word states do not give their own
  units (Front, Movement, Militia, Resistance, Liberation, Mujahideen, ...) and at least
  one word of its own ("the Sinjar Resistance Units"). "Army", "Forces" or "Battalions"
  alone are not enough: "the Tiger Forces" may be a state's unit.
- **Named fighters.** A capitalised name that modifies "fighters"/"militiamen" whose
  phrase is the subject of a capture, attack, withdrawal or deployment verb ("Katiba
  Macina fighters attacked ...").

A name is never taken when any of its words already names a known party ("Lebanese
Forces", "Kenya Defence Forces" stay with the lexicon's reading), when it holds a number
("the 93rd Brigade" is a unit of some state), when it is a person with a title, or when
its sentence is a headline in title case.
"""
from __future__ import annotations

import re
from collections import ChainMap
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH, ORTH
from spacy.tokens import Doc, Span, Token

from .parties import Party, PartyLexicon, _norm

#: last words that make a capitalised name an armed group's
GROUP_WORDS = frozenset("""front army movement forces brigade brigades militia militias
resistance liberation alliance coalition mujahideen legion guards battalion battalions
tigers jihad rebels group organisation organization framework room union force units""".split())
#: words of insurgent names, which states do not give their own units
INSURGENT_WORDS = frozenset("""front movement militia militias resistance liberation mujahideen
rebels jihad alliance coalition room framework tigers""".split())
#: words any state or group may use: a name made only of these (and connectors) is no name
GENERIC_WORDS = GROUP_WORDS | frozenset("""government regime federal state national armed
security special rebel allied republican presidential royal imperial revolutionary
democratic popular people's peoples islamic united joint new free defence defense
the of for and de du des la le al el""".split())
#: words of institutions, governments and parties in politics: not armed groups
INSTITUTION_WORDS = frozenset("""government department ministry office agency council commission
committee unity nations authority administration court bank fund party university institute
police parliament assembly operation opération""".split())
#: a state's own forces named without the state ("the Khmer National Armed Forces")
STATE_ARMY_PAIRS = (("armed", "forces"), ("defence", "forces"), ("defense", "forces"),
                    ("national", "army"), ("national", "guard"), ("royal", "army"))
#: lower-case words allowed inside a name ("Front for the Liberation of ...")
CONNECTORS = frozenset("of for the and de du des la le al el".split())
#: subjects of these lemmas act: a named subject of them is an actor
ACTION_LEMMAS = frozenset("""capture seize take overrun attack storm raid shell bomb
withdraw retreat leave abandon deploy send enter occupy control hold recapture retake
advance besiege encircle ambush""".split())
ACTOR_NOUNS = frozenset("fighters fighter militiamen militants rebels insurgents gunmen".split())
#: capitalised only because they open a sentence: "Fighters of the ... Army"
LEADING_NOUNS = ACTOR_NOUNS | frozenset("forces troops units members commanders".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")


@dataclass
class FoundParty:
    key: str
    names: list[str]                              # as written: the full name, then any acronym
    forms: list[tuple[str, ...]]                  # the same, as token texts


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _headline(sent: Span) -> bool:
    """"Rebels Seize Key Town As Army Retreats": every longer word capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and not any(t.text[0].islower() for t in words)


def name_runs(sent: Span) -> list[Span]:
    """Maximal runs of capitalised words, joined by connectors and hyphens, that start
    and end with a capitalised word; a leading sentence-initial "The" is dropped."""
    doc, runs, i, end = sent.doc, [], sent.start, sent.end
    while i < end:
        if not _is_cap(doc[i]) or doc[i].lower_ == "the":
            i += 1
            continue
        j = i + 1
        last = i
        while j < end:
            t = doc[j]
            if t.lower_ == "and" and j + 1 < end and doc[j + 1].lower_ == "the":
                break                   # "the UFDD and the RFC": two names
            if _is_cap(t) or t.text == "-" or t.lower_ in CONNECTORS or t.text in ("'", "’"):
                if _is_cap(t):
                    last = j
                j += 1
                continue
            break
        while i < last and (doc[i].pos_ != "PROPN" and i == sent.start or doc[i].lower_ in CONNECTORS
                            or doc[i].lower_ in LEADING_NOUNS or doc[i].text == "-"):
            i += 1          # "Fighters of the X Front" opening a sentence: the name is "X Front"
        runs.append(doc[i: last + 1])
        i = last + 1
    return runs


def _initials_match(acronym: str, name: Span) -> bool:
    letters = [c for c in acronym if c.isalpha()]
    initials = [t.text[0] for t in name if _is_cap(t)]
    pool = list(initials)
    for c in letters:
        if c not in pool:
            return False
        pool.remove(c)
    return len(letters) >= 2


def _fresh_acronym(acronym: str | None, name: Span, lexicon: PartyLexicon) -> bool:
    """Whether ``acronym``, written in parentheses after ``name``, takes the name's initials
    and names no party the lexicon knows (then it can become a name of ``name``'s party)."""
    return acronym is not None and lexicon.lookup(acronym) is None and _initials_match(acronym, name)


def _distinctive(run: Span) -> bool:
    return any(t.lower_ not in GENERIC_WORDS and t.text not in ("-", "'", "’") for t in run)


def _fighters_act(run: Span) -> bool:
    """The run names fighters who are the subject of an action verb: "Katiba Macina
    fighters attacked ...", "Fighters of the X Front seized ..."."""
    head = run.root
    if head.dep_ in ("compound", "amod") and head.head.lower_ in ACTOR_NOUNS:
        head = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in ACTOR_NOUNS:
        head = head.head.head
    else:
        return False
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in ACTION_LEMMAS


def _origin_word(run: Span) -> bool:
    """"Kurdish fighters", "Islamist fighters": one word that says where fighters come from
    or what they believe (tagged as a nationality, religion or creed, or as an adjective),
    not the name of their group."""
    return len(run) == 1 and (run[0].ent_type_ == "NORP" or run[0].pos_ == "ADJ")


def _acronym_tokens(run: Span) -> tuple[str, ...]:
    doc, i = run.doc, run.end + 1
    close = next(k for k in range(i, len(doc)) if doc[k].text == ")")
    return tuple(t.text for t in doc[i:close])


def _acronym_after(run: Span) -> str | None:
    doc = run.doc
    i = run.end
    if i < len(doc) and doc[i].text == "(":
        close = next((k for k in range(i + 1, min(i + 6, len(doc))) if doc[k].text == ")"), None)
        if close is not None:
            text = doc[i + 1: close].text.replace(" ", "")
            if _ACRONYM.match(text) and sum(c.isupper() for c in text) >= 2:
                return text
    return None


def discover(doc: Doc, by_token: dict[int, tuple], lexicon: PartyLexicon,
             sents: list[Span], skip: set[int], is_place=lambda name: False) -> tuple[list[FoundParty], dict[str, tuple[tuple[str, ...], str]]]:
    """New parties of this document, and acronyms defined for known ones (acronym -> key)."""
    found: dict[str, FoundParty] = {}
    seen: set[str] = set()
    aliases: dict[str, tuple[tuple[str, ...], str]] = {}
    for sent in sents:
        if _headline(sent):
            continue
        for run in name_runs(sent):
            before = doc[run.start - 1] if run.start > 0 else None
            if any(t.i in skip for t in run) or any(t.like_num or any(c.isdigit() for c in t.text)
                                                     for t in [*run, *([before] if before else [])]):
                continue                         # "the 3rd Separate Assault Brigade": a state's unit
            if _norm(run.text) in seen:
                continue                         # "the FRPI" after "... Ituri (FRPI)"
            known = {by_token[t.i][1] for t in run if t.i in by_token}
            acronym = _acronym_after(run)
            if known:
                whole = all(t.i in by_token for t in run if _is_cap(t))
                if whole and len(known) == 1 and _fresh_acronym(acronym, run, lexicon):
                    aliases[acronym] = (_acronym_tokens(run), next(iter(known)))  # "... Forces (RSF)"
                continue
            if run[0].ent_type_ == "PERSON" and len(run) == 1:
                continue
            words = [t.lower_ for t in run]
            if set(words) & (INSTITUTION_WORDS | {"president", "general", "gen.", "colonel", "minister"}) \
                    or any(pair in zip(words, words[1:]) for pair in STATE_ARMY_PAIRS):
                continue                         # a ministry, a government, a state's army
            if len(run) == 1 and acronym is None and not _fighters_act(run):
                continue                         # one word: only a defined acronym or named fighters
            # a state names its units too ("the Tiger Forces", "the Dignity Battalions"):
            # a name alone counts only with an insurgent word; with an acronym defined, any
            # group word; an unlabelled name only when its fighters act
            group_name = len(run) >= 2 and _distinctive(run) and bool(set(words) & INSURGENT_WORDS)
            acronym_ok = acronym is not None and _initials_match(acronym, run) and (
                _distinctive(run) or len(run) >= 3) and bool(set(words) & GROUP_WORDS)
            actor = len(run) <= 4 and _distinctive(run) and _fighters_act(run) and not _origin_word(run)
            if not (group_name or acronym_ok or actor):
                continue
            if lexicon.lookup(run.text) is not None or is_place(run.text):
                continue                         # "ARTEMIVSK, Feb 18": a dateline town
            key = re.sub(r"\s+", " ", run.text).strip()
            seen.add(_norm(key))
            if acronym:
                seen.add(_norm(acronym))
            entry = found.setdefault(_norm(key), FoundParty(key, [key], [tuple(t.text for t in run)]))
            if acronym and acronym not in entry.names and lexicon.lookup(acronym) is None:
                entry.names.append(acronym)
                entry.forms.append(_acronym_tokens(run))
    return list(found.values()), aliases


def _occurrences(doc: Doc, words: list[str], exact: bool) -> list[tuple[int, int]]:
    n = len(words)
    out = []
    for i in range(len(doc) - n + 1):
        seq = [doc[i + k].text if exact else doc[i + k].lower_ for k in range(n)]
        if seq == words:
            out.append((i, i + n))
    return out


def extended_lexicon(base: PartyLexicon, found: list[FoundParty]) -> PartyLexicon:
    """``base`` plus this document's parties, without changing ``base``."""
    lex = PartyLexicon.__new__(PartyLexicon)
    extra = {f.key: Party(key=f.key, kind="group", phrases={_norm(n): "names" for n in f.names},
                          names=list(f.names)) for f in found}
    lex.parties = ChainMap(extra, base.parties)
    lex.phrase_to_party = ChainMap({phrase: (p.key, kind) for p in extra.values()
                                    for phrase, kind in p.phrases.items()}, base.phrase_to_party)
    lex.exact_case = base.exact_case
    lex.surface = base.surface
    return lex


def mark_mentions(doc: Doc, by_token: dict[int, tuple], found: list[FoundParty],
                  aliases: dict[str, tuple[tuple[str, ...], str]]) -> None:
    """Record every mention of the found names in ``by_token`` (token -> (span, key, kind)),
    leaving tokens the lexicon already matched alone. Full names match in any case,
    acronyms only as written."""
    wanted = [(form, f.key) for f in found for form in f.forms]
    wanted += [(form, key) for form, key in aliases.values()]
    for form, key in sorted(wanted, key=lambda w: -len(w[0])):
        exact = len(form) and bool(_ACRONYM.match("".join(form)))
        words = list(form) if exact else [w.lower() for w in form]
        for start, end in _occurrences(doc, words, bool(exact)):
            if any(i in by_token for i in range(start, end)):
                continue
            span = doc[start:end]
            for i in range(start, end):
                by_token[i] = (span, key, "names")


def known_acronyms(doc: Doc, by_token: dict[int, tuple], lexicon: PartyLexicon) -> dict[str, tuple[tuple[str, ...], str]]:
    """Acronyms the document uses for parties the lexicon knows, as names of those parties
    in this document: defined ("the Arakan Army (AA)": the words just before the
    parenthesis must all belong to one known party whose initials the acronym takes) or
    plain initials of a party the article names ("the AA's announcement").

    Runs on every document, so it finds its few candidate tokens (opening parentheses,
    short upper-case words) with one array pass over the Doc instead of a Python loop."""
    out: dict[str, tuple[tuple[str, ...], str]] = {}
    if not by_token:
        return out
    cols = doc.to_array([ORTH, IS_UPPER, IS_ALPHA, LENGTH])
    for i in (cols[:, 0] == doc.vocab.strings["("]).nonzero()[0].tolist():
        if i == 0 or (i - 1) not in by_token:
            continue
        span, key, _ = by_token[i - 1]
        if span.end != i:
            continue
        acronym = _acronym_after(span)
        if acronym not in out and _fresh_acronym(acronym, span, lexicon):
            out[acronym] = (_acronym_tokens(span), key)
    short = [i for i in (cols[:, 1] & cols[:, 2] & (cols[:, 3] >= 2) & (cols[:, 3] <= 5)).nonzero()[0].tolist()
             if i not in by_token]
    if not short:
        return out
    # "the Arakan Army ... the AA's announcement": initials of a party named before, used
    # without a definition; only when they fit exactly one party named in the article
    named: dict[str, set[str]] = {}
    for span, key, kind in {(v[0].start, v[0].end): v for v in by_token.values()}.values():
        words = [t.text for t in span if _is_cap(t) and t.lower_ not in CONNECTORS]
        if kind in ("names", "forces", "units") and len(words) >= 2:
            named.setdefault("".join(w[0] for w in words), set()).add(key)
    for i in short:
        text = doc[i].text
        if text not in out and len(named.get(text, ())) == 1 and lexicon.lookup(text) is None:
            out[text] = ((text,), next(iter(named[text])))
    return out


def adopt_acronyms(df) -> None:
    """Give the known parties of a :class:`kg.docfacts.DocFacts` the acronyms its document
    uses for them (see :func:`known_acronyms`); :func:`adopt` does this too, so discovery
    on keeps them."""
    aliases = known_acronyms(df.doc, df.parties.by_token, df.lexicon)
    if aliases:
        mark_mentions(df.doc, df.parties.by_token, [], aliases)


def adopt(df) -> None:
    """Extend a :class:`kg.docfacts.DocFacts` with the parties its document names."""
    gazetteer = df.gazetteer
    known = known_acronyms(df.doc, df.parties.by_token, df.lexicon)   # before new names join
    found, aliases = discover(df.doc, df.parties.by_token, df.lexicon, df.sents, df.dateline,
                              lambda name: bool(gazetteer is not None and gazetteer.candidates(name)))
    taken = {_norm(name) for party in found for name in party.names}
    aliases = {**{a: v for a, v in known.items() if _norm(a) not in taken}, **aliases}
    if not found and not aliases:
        return
    lex = extended_lexicon(df.lexicon, found) if found else df.lexicon
    mark_mentions(df.doc, df.parties.by_token, found, aliases)
    df.lexicon = lex
    df.parties.lexicon = lex
