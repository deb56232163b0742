"""Checks that keep wrong facts out: who a pronoun stands for, "left X in ruins", a share
of a country, the area a capital lies in, "the alliance" for a named alliance.

They run on candidate facts, their party slot or a place name being resolved, never per
token.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

#: verbs of saying (lemmas): "X said they had pulled out" -- "they" is the speaker
_SAY_LEMMAS = frozenset("say report confirm announce claim acknowledge admit".split())
#: the same, plus the forms of "say" for a token the lemmatizer left as it was
SAY_VERBS = _SAY_LEMMAS | {"says", "said"}
#: verbs whose complement clause subject is usually the speaker ("X declared that they ...")
_DECLARE_VERBS = _SAY_LEMMAS | {"declare", "state", "insist", "assert"}
_PRONOUNS = frozenset("it they he she we".split())


def _clause_subject(verb: Token, steps: int = 5) -> Token | None:
    """The subject of ``verb``, or of the nearest clause above it that has one
    ("a day after declaring that ...": the subject of the clause "after" hangs on)."""
    t = verb
    for _ in range(steps):
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and t.pos_ in ("VERB", "AUX"):
            return subj
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def governed_party(pron: Token, resolve: Callable[[Token], str | None],
                   recent: Callable[[Token], str | None]) -> tuple[bool, str | None]:
    """(whether syntax settles it, party) for a pronoun: "X said they/its troops had
    retaken Y" is X's party, not the last one named; when X is a name we do not know
    ("the Permanent Framework said its fighters left"), no party at all."""
    chain = governing_subjects(pron)
    for g in chain:
        if g.lower_ in ("it", "they"):
            key = recent(g)
        else:       # "Russia's defence ministry said it ...": the party in a modifier
            key = resolve(g) or next((k for k in (resolve(c) for c in g.children if c.dep_ in (
                "poss", "amod", "compound", "nmod")) if k is not None), None)
        if key is not None:
            return True, key
    outer = chain[0] if chain else None
    if outer is not None and outer.pos_ == "PROPN" and outer.ent_type_ in ("", "ORG"):
        return True, None
    if outer is not None and outer.tag_ == "NN" and pron.lower_ in ("it", "its"):
        return True, None     # "the operations room said its forces ...": a body we cannot place
    return False, None


def governing_subjects(tok: Token) -> list[Token]:
    """What a subject pronoun may stand for, best first: the noun phrase that
    :func:`governing_subject` finds, then any pronoun passed on the way ("X said they
    entered A, a day after declaring that they had retaken B": both "they" are X, so the
    second one is resolved where the first one stands)."""
    out: list[Token] = []
    t = tok
    for _ in range(3):
        nxt = governing_subject(t)
        if nxt is None or nxt.lower_ in _PRONOUNS - {"it", "they"}:
            break
        out.insert(0, nxt)
        t = nxt
        if nxt.lower_ not in _PRONOUNS:
            break
    return out


def governing_subject(tok: Token) -> Token | None:
    """The noun phrase a subject pronoun stands for when syntax says so:

    - "Kurdish forces held Sinjar, which they recaptured in May": the subject of the clause
      whose object the relative clause describes;
    - "Rebel forces declared that they had retaken X": the subject of the verb of saying.
    The subject may itself be a pronoun. None when neither holds (the caller then looks
    at the latest party named)."""
    if tok.dep_ == "poss" and tok.lower_ in ("its", "their") and tok.head.dep_ == "nsubj":
        tok = tok.head        # "X said its fighters had left Y"
    elif tok.lower_ not in ("it", "they") or tok.dep_ != "nsubj":
        return None
    verb = tok.head
    if verb.dep_ == "relcl" and verb.head.ent_type_ not in ("DATE", "TIME"):
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
        if noun.dep_ != "dobj":
            return None
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _DECLARE_VERBS:
        return _clause_subject(verb.head)
    main = None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SAME_ACTOR_MARKS or
                                    c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        main = verb.head
    elif verb.dep_ == "relcl" and verb.head.ent_type_ in ("DATE", "TIME") and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        main = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)   # "on 13 November, when it ..."
    if main is not None:
        # "The AA ended its truce with the military on Nov. 13, when it attacked X": the
        # subject of the clause the "when" clause hangs on, if the number agrees
        subject = next((c for c in main.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.tag_ in ("NNS", "NNPS")) == (tok.lower_ == "they") and \
                subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return None


#: subordinators of a clause whose subject pronoun is most often the main clause's subject
_SAME_ACTOR_MARKS = frozenset("when after before as while once".split())


#: "left the city in ruins": a state the place was left in, not a departure
_LEFT_IN = frozenset("ruin ruins rubble flame flames tatters shambles darkness chaos mourning".split())


def left_in_a_state(trigger: Token) -> bool:
    """"The siege left much of the city in ruins", "shelling left the town devastated":
    "leave" with a resulting state is no withdrawal."""
    if trigger.lemma_.lower() != "leave":
        return False
    for c in trigger.children:
        if c.dep_ in ("oprd", "acomp", "xcomp") and c.pos_ in ("ADJ", "VERB"):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lower_ in _LEFT_IN for o in c.children):
            return True
    return False


#: "much of", "parts of": a share of a country is not the country
_SHARE_WORDS = frozenset("much most part parts swathes swaths half third areas".split())


def share_of_country(cand) -> bool:
    """"al-Shabaab controls much of southern Somalia" is no "controls Somalia"."""
    if cand.relation != "controls" or cand.place.get("kind") != "Country" or len(cand.tokens) < 2:
        return False
    place = cand.tokens[-2]
    return place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lower_ in _SHARE_WORDS


#: what is fired rather than sent: "missiles reached Lviv" is a strike, not a deployment
_PROJECTILES = frozenset("""missile missiles rocket rockets shell shells bomb bombs drone drones
strike strikes airstrike airstrikes""".split())


def projectile_deployed(cand) -> bool:
    """"Russian missiles reached Lviv": a deployment whose agent is something fired."""
    return cand.relation == "deployedTo" and bool(cand.tokens) and cand.tokens[0].lower_ in _PROJECTILES


def spurious(cand) -> bool:
    """Whether a candidate fact is a known misreading (checked once per candidate)."""
    return (cand.relation == "withdrewFrom" and left_in_a_state(cand.trigger)) or share_of_country(
        cand) or projectile_deployed(cand)


#: "the provincial capital of X": X is the capital itself, not the area around it
_SEAT_ADJECTIVES = frozenset("provincial regional district departmental county administrative local".split())


def container_named(tok: Token, names: list[Token], hit: dict, settlement_nouns: frozenset) -> bool:
    """"the capital of South Vietnam", "the Chechen capital", "the capital of the Khmer
    Republic": the name is the area the settlement lies in, not the settlement."""
    if tok.lower_ not in settlement_nouns:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _SEAT_ADJECTIVES for c in tok.children):
        return False              # "the provincial capital of Nueva Ocotepeque" is that town
    if hit["kind"] == "Country" or (hit["kind"] == "Region" and tok.lower_ == "capital" and tok not in names):
        return True               # "the Karabakh capital" is a city of Karabakh
    if tok in names:
        return False
    if all(t.ent_type_ == "NORP" for t in names):
        return True               # a people's name before "capital" / "city"
    return tok.lower_ == "capital" and not hit.get("known")


#: last words of party names that articles reuse alone: "the Northern Alliance" ... "the alliance"
NAME_HEADS = frozenset("alliance front movement".split())


def party_by_name_head(tok: Token, mentions: list[tuple[int, str, str]], lexicon) -> str | None:
    """"the alliance" (or the capitalised short form "Alliance commanders") after
    "Northern Alliance troops": the latest party named before ``tok`` whose name ends in
    the same word."""
    short = tok.pos_ in ("PROPN", "ADJ") and tok.is_title and tok.dep_ in ("compound", "amod", "nsubj") \
        and not any(c.dep_ == "compound" for c in tok.children)    # "Alliance commanders said ..."
    if not short and (tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.children)):
        return None
    word = tok.lower_
    return latest_party_named(tok.i, mentions, lexicon, lambda words: [w.lower() for w in words[-1:]] == [word])


def latest_party_named(before: int, mentions: list[tuple[int, str, str]], lexicon,
                       fits: Callable[[list[str]], bool]) -> str | None:
    """The latest party mentioned before token ``before`` one of whose names (split into
    words) ``fits``: "the alliance" after "the Northern Alliance", "the Courts" after
    "the Islamic Courts Union"."""
    for i, _, key in reversed(mentions):
        if i < before and any(fits(n.split()) for n in lexicon.parties[key].names + [key]):
            return key
    return None
