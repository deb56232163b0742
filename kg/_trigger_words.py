"""Which tokens of a Doc the relation patterns may fire on, judged once per word.

:meth:`kg.relations.RelationFinder.in_sentence` visits only these tokens: every one of
its patterns first asks whether a token's (adjusted) lemma or lower-case form is one of
its words, so the other tokens yield nothing.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc


def lemma_variants(lemma: str) -> list[str]:
    """What a verb lemma may stand for when the small model's lemmatizer got it wrong or
    the word is a re- form of a trigger: "reoccupie" (for "reoccupied") -> "reoccupy",
    then "occupy"; "re-enter" -> "enter"; "liberated" (an adjective) -> "liberate". The
    lemma itself comes first."""
    out = [lemma]
    if lemma.endswith("ie") and len(lemma) > 4:
        out.append(lemma[:-2] + "y")
    elif lemma.endswith("ed") and len(lemma) > 5:    # a participle kept as an adjective
        out += [lemma[:-1], lemma[:-2]]
    for v in list(out):
        for prefix in ("re-", "re"):
            if v.startswith(prefix) and len(v) - len(prefix) > 3:
                out.append(v[len(prefix):])
                break
    return out


def place_verb(lemma: str, verbs: dict) -> str | None:
    """The trigger verb a lemma stands for: itself, or a variant (:func:`lemma_variants`)
    whose every frame takes its place as the object ("reoccupy" -> "occupy"; not
    "remove" -> "move", whose place follows a preposition)."""
    if lemma in verbs:
        return lemma
    for v in lemma_variants(lemma)[1:]:
        if v in verbs and all(f["frame"] == "obj" for f in verbs[v]):
            return v
    return None


class TriggerWords:
    """The tokens whose form is one of ``forms`` or whose lemma (``lemma_forms`` first,
    then the lower-cased lemma) is one of ``lemmas``. Judged by string hash, each form and
    lemma once per process."""

    def __init__(self, lemma_forms: dict[str, str], lemmas: frozenset[str], forms: frozenset[str],
                 verbs: dict | None = None):
        self.lemma_forms = lemma_forms
        self.verbs = verbs or {}
        self.lemmas = lemmas
        self.forms = forms
        self.by_form: dict[int, bool | None] = {}     # None: the lemma decides
        self.by_lemma: dict[int, bool] = {}

    def positions(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        strings = doc.vocab.strings
        lemmas = doc.to_array(LEMMA).tolist()
        out = []
        for i, form in enumerate(doc.to_array(LOWER).tolist()):
            hit = self.by_form.get(form, 0)
            if hit == 0:                               # a form not seen before
                hit = self.by_form[form] = self._form_verdict(strings[form])
            if hit is None:
                lemma = lemmas[i]
                hit = self.by_lemma.get(lemma)
                if hit is None:
                    text = strings[lemma].lower()
                    hit = self.by_lemma[lemma] = text in self.lemmas or place_verb(
                        text, self.verbs) is not None
            if hit:
                out.append(i)
        return out

    def _form_verdict(self, lower: str) -> bool | None:
        if lower in self.forms:
            return True
        if lower in self.lemma_forms:                  # a form the lemmatizer misses
            return self.lemma_forms[lower] in self.lemmas
        return None


#: id of a triggers table -> (the table, its TriggerWords); the table is kept so its id stays its own
_BY_TABLE: dict[int, tuple[dict, TriggerWords]] = {}


def for_table(table: dict, build: Callable[[], TriggerWords]) -> TriggerWords:
    """The :class:`TriggerWords` of a triggers table, built by ``build`` the first time."""
    known = _BY_TABLE.get(id(table))
    if known is None:
        known = _BY_TABLE[id(table)] = (table, build())
    return known[1]
