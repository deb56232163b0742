"""Is a relation asserted, or only planned, hoped, denied, negated, failed or hypothetical?

Looks at the trigger and the verbs that govern it inside its sentence:
"did not capture" (negated), "failed to take" (failed), "denied withdrawing",
"rejected claims that X took Y", "reports that ... are baseless" (denied), "plans to capture" / "a planned counteroffensive" (planned), "could
advance", "if ... were to take", "warned against a takeover" (hypothetical), "prevented
the fall of X" (negated), "are to be sent" (planned). Hedges ("reportedly", "early
reports") keep a statement asserted but lower its confidence.
"""
from __future__ import annotations

from spacy.tokens import Token

PLAN = frozenset("""plan intend aim seek hope want try attempt prepare threaten vow pledge promise
aspire expect propose order urge call plot""".split())
PLAN_NOUNS = frozenset("plan plans intention bid attempt attempts threat prospect goal aim".split())
PLAN_ADJ = frozenset("planned possible potential expected imminent anticipated looming".split())
#: verbs whose object is made to do the deed: "forced the garrison to withdraw" happened
MAKE_DO = frozenset("force compel oblige help allow enable drive push get cause lead leave".split())
FAIL = frozenset("fail struggle".split())
DENY = frozenset("deny dismiss reject refute".split())
#: "warned against a takeover of X", "fear the fall of X": the event has not happened
WARN = frozenset("warn fear oppose caution".split())
#: verbs whose "that" clause is wished for, not reported ("demand that X withdraw")
DEMAND = frozenset("demand urge ask insist require request propose recommend call order".split())
#: "reports that ... are baseless": words that call a claim untrue
FALSE_WORDS = frozenset("baseless false untrue unfounded groundless fabricated fake incorrect lie lies nonsense".split())
#: nouns for what someone claims: "rejected the statements claiming that ..."
CLAIM_NOUNS = frozenset("report claim statement allegation accusation rumour rumor assertion suggestion".split())
#: "prevented the fall of X", "averted the capture of X": it did not happen
PREVENT = frozenset("prevent avert thwart foil forestall".split())
#: "refused to surrender", "declined to withdraw": the deed was not done
REFUSE = frozenset("refuse decline".split())
MODAL_HYPO = frozenset("could might may would should".split())
MODAL_FUTURE = frozenset({"will", "'ll", "shall"})
HEDGES = frozenset("reportedly allegedly apparently purportedly reports rumours rumors unconfirmed".split())


def _lemma(tok: Token) -> str:
    """The lemma, repairing the model's "hopes" -> "hop"."""
    lemma = tok.lemma_.lower()
    return "hope" if lemma == "hop" and tok.lower_.startswith("hope") else lemma


def disowned(trigger: Token) -> bool:
    """Whether the clause of ``trigger`` is a claim its sentence rejects: "rejects the
    statements claiming that X", "reports that X ... are totally baseless"."""
    ancestors = list(trigger.ancestors)
    for i, a in enumerate(ancestors):
        if _lemma(a) in DENY and any(_lemma(x) in CLAIM_NOUNS for x in ancestors[:i]):
            return True
    for v in ancestors + [c for c in trigger.children if c.dep_ == "conj"]:
        if v.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in FALSE_WORDS
                                    for c in v.children):
            return True
    return False


#: conjunctions of a clause that dates a past event ("after they captured X")
_TEMPORAL_MARKS = frozenset("after since when before once as".split())


def _past_temporal(verb: Token) -> bool:
    """A past-tense clause introduced by a time conjunction states what happened, whatever
    the clause it hangs on plans: "used the line to supply troops after they captured X"."""
    children = list(verb.children)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were") for c in children))
    return past and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in children)


def modality(trigger: Token) -> str:
    """One of kg.types.MODALITIES for the relation licensed by ``trigger``."""
    if disowned(trigger):
        return "denied"
    chain = [trigger]
    t = trigger
    while t.head.i != t.i and len(chain) < 8:
        if t.dep_ in ("ccomp",) and t.head.lemma_ not in DENY:
            if _lemma(t.head) in DEMAND and (t.tag_ == "VB" or any(
                    c.dep_ == "aux" and c.lower_ == "should" for c in t.children)):
                return "planned"         # "a resolution would demand that Uganda withdraw"
            break                        # a reported clause: "said (that) X" keeps its own modality
        if t.dep_ == "advcl" and _past_temporal(t):
            break                        # "to supply troops after they captured X": X was taken
        if t.dep_ == "relcl":
            break                        # "Lang Vei, which X overran, has not been retaken":
            #                              the relative clause states its own fact
        t = t.head
        chain.append(t)
    for i, tok in enumerate(chain):
        children = list(tok.children)
        if any(c.dep_ == "neg" for c in children) or any(
                c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det") for c in children):
            lemma = _lemma(tok)
            if lemma in PLAN or lemma in FAIL:
                return "asserted" if i else "negated"   # "did not fail to" is rare; keep simple
            return "negated"
        lemma = _lemma(tok)
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return "planned"             # "troops are to be sent to X": an arrangement, not a fact
        if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            return "planned"             # "launched an offensive to free the city": a purpose
        if tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and any(
                c.dep_ == "dobj" for c in tok.head.children) and _lemma(tok.head) not in MAKE_DO:
            return "planned"             # "continued the operation to free the city"
        if i > 0 and lemma in DENY:
            return "denied"
        if i > 0 and lemma in WARN:
            return "hypothetical"
        if i > 0 and (lemma in PREVENT or lemma in REFUSE):
            return "negated"
        if i > 0 and lemma in FAIL:
            return "failed"
        if i > 0 and (lemma in PLAN or (tok.pos_ == "NOUN" and lemma in PLAN_NOUNS)):
            return "planned"
        for c in children:
            if c.dep_ == "aux" and c.lower_ in MODAL_HYPO:
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in MODAL_FUTURE:
                return "planned"
            if c.dep_ in ("amod", "compound") and c.lower_ in PLAN_ADJ and tok.pos_ == "NOUN":
                return "planned"
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                return "hypothetical"
    return "asserted"

