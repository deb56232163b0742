"""Small helpers over spaCy dependency parses: subjects, objects, prepositional arguments."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

REL_PRONOUNS = frozenset({"which", "that", "who", "whom"})
#: "accused X of shelling Y": verbs whose object, not subject, is the doer of the "of" gerund
ACCUSE_VERBS = frozenset("accuse blame suspect charge".split())
SUBJ = ("nsubj", "nsubjpass", "csubj")


#: plural place nouns that a list of names may modify: "Shire, Alamata and Korem towns"
_PLURAL_PLACE_HEADS = frozenset("town city village township district province region".split())


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Balaklia and Izium"); for "Gwa and
    Taungup towns", the names."""
    if tok.tag_ == "NNS" and tok.lemma_.lower() in _PLURAL_PLACE_HEADS:
        names = [m for c in tok.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                 and c.i < tok.i for m in conj_members(c)]
        if names:
            return names
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ == "PROPN":
            out.append(c)
    return out


def conj_members(first: Token) -> list[Token]:
    """``first`` and the words coordinated with it, in order; the parser chains a long list
    ("Kolwezi, Likasi, Kambove and Musoshi": each member hangs on the one before). Unlike
    :func:`conjuncts`, appositions are no members."""
    out = [first]
    for c in first.children:
        if c.dep_ == "conj":
            out.extend(conj_members(c))
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" or (c.dep_ == "auxpass" and not acronym_aux(c))
               for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_ not in ("be", "have")
        and not any(c.dep_ == "nsubj" for c in verb.children))   # "X: the city had been ..." is active


def acronym_aux(tok: Token) -> bool:
    """An acronym the tagger read as an auxiliary: "IS took over Sirte" ("IS" = Islamic State)."""
    return tok.dep_ in ("aux", "auxpass") and len(tok.text) > 1 and tok.text.isupper() and \
        tok.i < tok.head.i


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Grammatical subjects of ``verb``, inherited through coordination and control, with
    the partners acting beside them.

    "Kiev forces had advanced ... and recaptured X" gives "recaptured" the subject
    "forces"; "formations controlling X" gives "controlling" the noun it modifies;
    "which have supplied" gives the noun the relative clause is attached to; "the army,
    together with Fano and the militia, liberated X" gives the army, Fano and the militia.
    """
    found = _subjects(verb, depth)
    return found + [p for s in found for p in co_agents(s)]


#: "together with Y", "along with Y", "jointly with Y": Y acts beside the subject
_BESIDE_ADVERBS = frozenset({"together", "along", "jointly"})


def co_agents(subject: Token) -> list[Token]:
    """The partners named beside a subject: "X, together with Y and Z," and "X, alongside
    Y," give Y and Z. A bare "with" names an instrument or a companion ("troops with
    tanks"), so it needs one of the adverbs."""
    out: list[Token] = []
    for prep in subject.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "alongside" or (prep.lower_ == "along" and any(
                c.lower_ == "with" for c in prep.children)):
            heads = [prep] + [c for c in prep.children if c.lower_ == "with"]
        elif prep.lower_ == "with" and any(c.lower_ in _BESIDE_ADVERBS for c in prep.children):
            heads = [prep]
        else:
            continue
        out += [m for h in heads for c in h.children if c.dep_ == "pobj" for m in conj_members(c)]
    return out


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    dep = "nsubjpass" if is_passive(verb) else "nsubj"
    # with two subjects attached (a misparsed "X, for its part, says Y has ..."), the nearer one
    for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if c.dep_ == dep and _wordlike(c):      # not a bullet "•" taken for the subject
            if c.lower_ in REL_PRONOUNS:
                return conjuncts(_relative_head(verb))
            return conjuncts(c)
    if depth > 4:
        return []
    acronym = [c for c in verb.children if acronym_aux(c)]
    if acronym:
        return acronym
    first = coordinated_first_verb(verb)
    if first is not None:              # "entered and secured Kandahar": "secured" misparsed as amod
        return _subjects(first, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [verb.head]
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ == "ADP":          # "responded by firing": prep -> verb
            head = head.head
            if head.lemma_.lower() in ACCUSE_VERBS and verb.head.lower_ == "of":
                # "X accused government forces of shelling Y": the accused did it
                return [c for c in head.children if c.dep_ == "dobj"]
        if head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # object control: "forced the garrison to withdraw", "ordered troops to
                # leave": the one made to act is the object, not the one forcing (not
                # "kept its troops supplied through X": no "to", the keeper supplies)
                obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
                if obj is not None:
                    return conjuncts(obj)
            if verb.dep_ == "conj" and is_passive(head) != is_passive(verb):
                if verb.lemma_.lower() in ("be", "remain") and is_passive(head):
                    # "has been cleared and is under the control of X": one surface subject
                    return [c for t in head.children if t.dep_ == "nsubjpass" for c in conjuncts(t)]
                return []
            return _subjects(head, depth + 1)
    return []


#: nouns of a place phrase that a "which" clause after "near Y" / "in Y" describes
_PLACE_PHRASE_HEADS = frozenset("""base airbase airfield airport sector town city village port post
garrison fortress stronghold outpost""".split())


def _relative_head(verb: Token) -> Token:
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("relcl", "acl"):
        return t
    head = t.head
    if t.dep_ == "relcl" and head.dep_ == "pobj" and head.head.lower_ in ("in", "near", "outside", "at"):
        # "the Apiay air base near Villavicencio, which served as its base": the parser
        # hangs the clause on the nearest name; it describes the place phrase before it
        outer = head.head.head
        if outer.dep_ == "appos" and outer.head.pos_ == "PROPN":
            outer = outer.head             # "Hawija, a town in Kirkuk province, which ..."
        if outer.pos_ == "PROPN" or outer.lower_ in _PLACE_PHRASE_HEADS:
            return outer
    return head


def _relative_antecedents(verb: Token) -> list[Token]:
    """The nouns a relative clause describes: "Izium and Balakliia, which X held" both;
    "Koidu and Makeni, the largest town in the north, which X abandoned" only the one the
    description between them and "which" is about (the last)."""
    names = conjuncts(_relative_head(verb))
    last = max(names, key=lambda t: t.i)
    if len(names) > 1 and any(t.dep_ == "appos" and last.i < t.i < verb.i for t in last.doc[last.i: verb.i]):
        return [last]
    return names


def objects(verb: Token) -> list[Token]:
    """Direct objects (active) or the subject of a passive verb / passive participle."""
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                if c.lower_ in REL_PRONOUNS:
                    return conjuncts(_relative_head(verb))
                return conjuncts(c)
        if verb.dep_ in ("acl", "relcl"):
            head = verb.head         # "Novoazovsk, a town held by the separatists": Novoazovsk
            return [head.head] if head.dep_ == "appos" and head.head.pos_ == "PROPN" else [head]
        if verb.dep_ == "conj":
            return objects(verb.head)
        return []
    if coordinated_first_verb(verb) is not None:
        return conjuncts(verb.head)      # "entered and secured Kandahar"
    if verb.dep_ == "compound" and verb.head.i > verb.i and verb.head.pos_ in ("PROPN", "NOUN"):
        return conjuncts(verb.head)      # "brigades retook Abu Grein": the verb taken for a name part
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            # "Hawija, which the militants still hold": the relative pronoun is the noun above
            out.extend(_relative_antecedents(verb) if c.lower_ in REL_PRONOUNS else conjuncts(c))
    if out:     # "retook A in late July and B on 16 August": B hangs on the date
        out += [d for c in verb.children if c.dep_ == "prep" for p in c.children
                if p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME")
                for d in p.children if d.dep_ == "conj" and d.pos_ == "PROPN" and d.ent_type_ not in ("DATE", "TIME")]
        out += gapped_objects(verb, max(t.i for t in out))
    if not out:
        # "Iraqi troops recaptured Mosul": a place name misparsed as an adverb after the verb
        out = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i == verb.i + 1
               and (c.ent_type_ in ("GPE", "LOC") or c.pos_ == "PROPN" and c.ent_type_ in ("FAC", "ORG", ""))]
    if not out:     # "bombed IS positions in Raqqa": "IS" read as a verb "is"
        out = [a for c in verb.children if c.dep_ == "ccomp" and c.i == verb.i + 1 and c.pos_ == "AUX"
               and len(c.text) > 1 and c.text.isupper() for a in c.children if a.dep_ == "attr"]
    if not out:
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                sub = [d for d in c.children if d.dep_ == "dobj"]
                if sub and not any(d.dep_ == "nsubj" for d in c.children):
                    out.extend(conjuncts(sub[0]))
    if not out:
        # "entered and secured Kandahar": the object hangs on the first verb as a conjunct
        out = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
               and any(getattr(coordinated_first_verb(a), "i", -1) == verb.i for a in c.children)]
    if not out and verb.dep_ == "relcl" and _gap_relative(verb):
        out = [_described(verb.head)]    # "Lysychansk, the last city it held"
    return out


def gapped_objects(verb: Token, last: int) -> list[Token]:
    """Names that continue a verb's object list after an inserted phrase, which the parser
    hangs anywhere: "seized A on 26 October, then B and C", "took A and B, and by the end
    of October C", "captured A and, after fierce fighting, B". A name after the last object
    counts when an "and" of the verb or a "then" comes between them and no other verb does."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    out: list[Token] = []
    joined = False
    for t in doc[last + 1:end]:
        if t.pos_ in ("VERB", "AUX") or t.dep_ in SUBJ:
            break           # "took A and shelled B": B is another verb's
        if (t.dep_ == "cc" and t.head.i == verb.i) or (t.lower_ == "then" and t.pos_ == "ADV"):
            joined = True
            continue
        if joined and t.pos_ == "PROPN" and t.dep_ != "compound" and \
                t.ent_type_ not in ("DATE", "TIME", "PERSON", "NORP") and \
                all(c.text[:1].isupper() for c in t.children if c.dep_ == "compound") and \
                _gap_path(t, verb):
            out.append(t)
    return out


def _gap_path(name: Token, verb: Token) -> bool:
    """Whether the words between a verb and a gapped name may be inserted ones: prepositions
    and dates ("by the end of October C"), and at most one noun the name is "of", "in" or
    "at" ("and the settlement of C"). No other verb and no other noun ("the gateway to
    Saigon")."""
    path = [a for a in name.ancestors if a.i != verb.i and verb in a.ancestors]
    nouns = [k for k, a in enumerate(path) if a.pos_ in ("VERB", "AUX", "NOUN")
             and a.ent_type_ not in ("DATE", "TIME")]
    if not nouns:
        return True
    k = nouns[0]
    return len(nouns) == 1 and path[k].pos_ == "NOUN" and k == 1 and path[0].lower_ in ("of", "in", "at")


def coordinated_first_verb(verb: Token) -> Token | None:
    """The first verb of "entered and secured X" when the parser made the second verb an
    adjective of X (amod right after the conjunction, which hangs on the first verb or on
    its object)."""
    if verb.dep_ != "amod" or verb.pos_ != "VERB" or verb.i == 0:
        return None
    cc = verb.doc[verb.i - 1]
    if cc.dep_ == "cc" and cc.head.pos_ == "VERB" and verb.head.head.i == cc.head.i:
        return cc.head
    # "crossed the border and captured Novoazovsk": the name taken for a second object of
    # the first verb, and the second verb for its adjective
    obj = cc.head
    if cc.dep_ == "cc" and obj.dep_ in ("dobj", "obj") and obj.head.pos_ == "VERB" and \
            verb.head.dep_ == "conj" and verb.head.head.i == obj.i and verb.head.pos_ == "PROPN":
        return obj.head
    return None


def _gap_relative(verb: Token) -> bool:
    """A relative clause with its own subject and no relative word or object: "the city it held"."""
    kids = list(verb.children)
    return (any(c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS for c in kids)
            and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in kids)
            and not any(c.lower_ in REL_PRONOUNS or c.tag_ in ("WDT", "WP", "WRB")
                        for c in verb.subtree))


def _described(noun: Token) -> Token:
    """The name a descriptive noun is said of: "X, the last city ..." / "X is the city ..."."""
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return subj[0] if subj else noun
    return noun


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
            # "to the border and near the town of X": a coordinated preposition shares the role
            shared = [d for d in c.children if d.dep_ == "conj" and d.pos_ == "ADP"]
            if c.lower_ == "from" and "from" not in preps:   # "from Gabon to N'Djamena"
                out.extend(o for d in c.children if d.dep_ == "prep" and d.lower_ in preps
                           for o in d.children if o.dep_ == "pobj")
            for p in preps:
                words = p.split()
                if c.lower_ != words[0]:
                    continue
                for d in shared:
                    out.extend(o for o in d.children if o.dep_ == "pobj")
                node = c
                for w in words[1:]:
                    nxt = [d for d in node.children if d.lower_ == w]
                    if not nxt:
                        node = None
                        break
                    node = nxt[0]
                if node is None and len(words) == 2 and c.dep_ in ("prt", "advmod"):
                    # "pulled back overnight to X": the parser hangs "to" on the verb, beside "back"
                    node = next((d for d in h.children if d.dep_ == "prep" and d.lower_ == words[1]
                                 and d.i > c.i), None)
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


def verbal_noun(tok: Token) -> bool:
    """A verb the tagger took for a noun: "Kunduz was overrun by ..." (a passive auxiliary,
    passive subject or agent hangs on it)."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(
        c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children)


def _wordlike(tok: Token) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def fronted_pp_subject(verb: Token) -> list[Token]:
    """A subject the parser swallowed into a fronted phrase: "In late March Houthi forces
    launched ..." (the forces parsed as part of "In late March")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and _wordlike(c) for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "prep" and c.i < verb.i and c.right_edge.i < verb.i and not any(
                _wordlike(t) for t in verb.doc[verb.sent.start: c.i]):     # "• On Friday Russia sent"
            between = verb.doc[c.right_edge.i + 1: verb.i]
            if all(t.is_punct or t.pos_ in ("ADV", "AUX", "PART") for t in between):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                return conjuncts(objs[0]) if objs else []
    return []


def left_neighbour(verb: Token) -> list[Token]:
    """A noun right before a verb the parser left without a subject ("IS took over X")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and _wordlike(c) for c in verb.children):
        return []
    for t in reversed(list(verb.doc[max(verb.sent.start, verb.i - 3): verb.i])):
        if t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "AUX" and t.text.isupper()):
            return [t]
        if t.pos_ not in ("ADV", "AUX", "PART"):
            break
    return []


DECLARE_VERBS = frozenset("declare announce proclaim pronounce report".split())


def declared_participle(verb: Token) -> bool:
    """A bare past participle in a small clause: "declared Mosul retaken", "the city was
    declared liberated" (where the tagger may call it an adjective)."""
    return (verb.tag_ in ("VBN", "VBD", "JJ") and verb.dep_ in ("ccomp", "xcomp", "oprd", "conj")
            and verb.head.lemma_.lower() in DECLARE_VERBS
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children))
