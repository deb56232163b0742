"""Small helpers over spaCy dependency parses: subjects, objects, prepositional arguments."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

REL_PRONOUNS = frozenset({"which", "that", "who", "whom"})
SUBJ = ("nsubj", "nsubjpass", "csubj")


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Balaklia and Izium")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ == "PROPN":
            out.append(c)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Grammatical subjects of ``verb``, inherited through coordination and control.

    "Kiev forces had advanced ... and recaptured X" gives "recaptured" the subject
    "forces"; "formations controlling X" gives "controlling" the noun it modifies;
    "which have supplied" gives the noun the relative clause is attached to.
    """
    dep = "nsubjpass" if is_passive(verb) else "nsubj"
    # with two subjects attached (a misparsed "X, for its part, says Y has ..."), the nearer one
    for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if c.dep_ == dep:
            if c.lower_ in REL_PRONOUNS:
                return conjuncts(_relative_head(verb))
            return conjuncts(c)
    if depth > 4:
        return []
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [verb.head]
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ == "ADP":          # "responded by firing": prep -> verb
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "conj" and is_passive(head) != is_passive(verb):
                return []
            return subjects(head, depth + 1)
    return []


def _relative_head(verb: Token) -> Token:
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.head if t.dep_ in ("relcl", "acl") else t


def objects(verb: Token) -> list[Token]:
    """Direct objects (active) or the subject of a passive verb / passive participle."""
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                if c.lower_ in REL_PRONOUNS:
                    return conjuncts(_relative_head(verb))
                return conjuncts(c)
        if verb.dep_ in ("acl", "relcl"):
            return [verb.head]
        if verb.dep_ == "conj":
            return objects(verb.head)
        return []
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            # "Hawija, which the militants still hold": the relative pronoun is the noun above
            out.extend(conjuncts(_relative_head(verb) if c.lower_ in REL_PRONOUNS else c))
    if not out:
        # "Iraqi troops recaptured Mosul": a place name misparsed as an adverb after the verb
        out = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i == verb.i + 1
               and c.ent_type_ in ("GPE", "LOC")]
    if not out:
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                sub = [d for d in c.children if d.dep_ == "dobj"]
                if sub and not any(d.dep_ == "nsubj" for d in c.children):
                    out.extend(conjuncts(sub[0]))
    return out


def agents(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive: "captured by Wagner fighters" -> fighters."""
    out = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(verb)):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


def prep_objects(tok: Token, preps: list[str], search_objects: bool = True) -> list[Token]:
    """Objects of the given prepositions on ``tok`` (or on its direct object).

    Multi-word prepositions are written with a space ("out of"); spaCy attaches
    "of" under "out".
    """
    heads = [tok]
    if search_objects:
        heads += [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("prep", "agent", "prt", "advmod", "dative"):
                continue
            for p in preps:
                words = p.split()
                if c.lower_ != words[0]:
                    continue
                node = c
                for w in words[1:]:
                    nxt = [d for d in node.children if d.lower_ == w]
                    if not nxt:
                        node = None
                        break
                    node = nxt[0]
                if node is None:
                    continue
                for d in node.children:
                    if d.dep_ == "pobj":
                        out.extend(conjuncts(d))
    return out


def has_child(tok: Token, deps: tuple[str, ...], words: frozenset | set | None = None) -> bool:
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in tok.children)


def clause_ancestors(tok: Token) -> Iterator[Token]:
    """The token's ancestors up to the sentence root."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        yield t
