"""The headline linking measure: precision and recall of Wikidata QIDs, by what a
mention literally names, over the entities whose QID the gazetteer holds.

Protocol (run on gold mentions with their context; NER is not involved):

- **Scope.** Every gold mention, except party mentions that do not name the party
  itself: metonyms and demonym phrases ("Moscow", "Kremlin", "Russian forces",
  "401st Brigade") are the extractor's business, not the linker's. A mention of a
  Party entity is in scope only when its surface is the entity's id or a name (not a
  demonym) of the gazetteer entry that holds the party's gold QID ("Russia",
  "RUSSIA", "Russian Federation", "Britain").
- **Precision** = correct / judged, over in-scope mentions linked to a QID. A link is
  correct when the QID is one the gold accepts; when the gold entity has no QID (cities
  and groups in ``eval/dev``), when the linked entry is that entity (same name). Gold
  NIL linked to anything and a wrong QID are false positives. A link on a mention whose
  gold names neither an entity nor a QID ("not annotated") cannot be judged: it is
  counted apart (``unjudged``) and in the worst-case precision as a false positive.
- **Recall** = found / held, over in-scope mentions whose gold QID the gazetteer
  holds (``Gazetteer.by_qid``); found = linked to an accepted QID.

>>> score_qid_links([LinkCase("Russia", "Russia", frozenset({"Q159"}), "Q159", "Russia")],
...                 held=frozenset({"Q159"})).as_dict()["precision"]
1.0
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, norm

#: One line saying how the headline row is counted (printed by ``kg eval --links``).
PROTOCOL = ("QIDs over gold mentions that name their entity literally (party metonyms and "
            "demonyms left out); P over judged links, R over mentions whose gold QID the "
            "gazetteer holds")


@dataclass(frozen=True)
class LinkCase:
    """One gold mention and the linker's answer for it.

    ``gold_qids``: accepted QIDs, empty for NIL or when the gold gives none;
    ``entity``: gold entity id, None when not annotated; ``nil``: gold says it names nothing.
    """

    surface: str
    entity: str | None
    gold_qids: frozenset[str]
    pred_qid: str | None
    pred_key: str | None = None
    pred_names: frozenset[str] = frozenset()  # normalised names of the linked entry
    nil: bool = False
    doc: str = ""


@dataclass(frozen=True)
class QidLinkScores:
    """Counts of the headline measure; ``errors`` lists what went wrong, for the report."""

    correct: int = 0
    wrong: int = 0
    unjudged: int = 0
    held: int = 0
    found: int = 0
    out_of_scope: int = 0
    errors: tuple[str, ...] = field(default=())

    @property
    def precision(self) -> float:
        judged = self.correct + self.wrong
        return self.correct / judged if judged else 1.0

    @property
    def worst_precision(self) -> float:
        linked = self.correct + self.wrong + self.unjudged
        return self.correct / linked if linked else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.held if self.held else 1.0

    def as_dict(self) -> dict[str, object]:
        return {"protocol": PROTOCOL, "correct": self.correct, "wrong": self.wrong,
                "unjudged": self.unjudged, "held": self.held, "found": self.found,
                "out_of_scope": self.out_of_scope,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "worst_precision": round(self.worst_precision, 4),
                "errors": list(self.errors)}


def names_party(surface: str, entity: str, gold_qids: Iterable[str], gazetteer: Gazetteer) -> bool:
    """Whether a party mention's surface is the party's own name, not a metonym or demonym."""
    key = norm(surface)
    if key == norm(entity):
        return True
    for qid in gold_qids:
        entry = gazetteer.by_qid(qid)
        if entry is not None and key in {norm(n) for n in (entry.key, entry.label, *entry.aliases)}:
            return True
    return False


def _verdict(case: LinkCase) -> str | None:
    """"correct", "wrong" or None (cannot be judged) for a mention linked to a QID."""
    if case.nil:
        return "wrong"
    if case.gold_qids:
        return "correct" if case.pred_qid in case.gold_qids else "wrong"
    if case.entity is None:
        return None
    same = case.pred_key == case.entity or norm(case.entity) in case.pred_names
    return "correct" if same else "wrong"


def score_qid_links(cases: Iterable[LinkCase], held: frozenset[str],
                    out_of_scope: int = 0) -> QidLinkScores:
    """Score in-scope cases; ``held`` is the set of QIDs the gazetteer holds."""
    correct = wrong = unjudged = n_held = found = 0
    errors: list[str] = []
    for case in cases:
        where = f"{case.doc}: {case.surface!r}" if case.doc else repr(case.surface)
        gold = f"{'NIL' if case.nil else case.entity or '(no entity)'}/{sorted(case.gold_qids)}"
        if case.pred_qid is not None:
            verdict = _verdict(case)
            if verdict == "correct":
                correct += 1
            elif verdict == "wrong":
                wrong += 1
                errors.append(f"wrong link  {where} -> {case.pred_key} {case.pred_qid}; "
                              f"gold {gold}")
            else:
                unjudged += 1
        is_held = not case.nil and bool(case.gold_qids & held)
        if is_held:
            n_held += 1
            if case.pred_qid in case.gold_qids:
                found += 1
            elif case.pred_qid is None:
                errors.append(f"missed      {where} -> {case.pred_key or 'NIL'}; gold {gold}")
    return QidLinkScores(correct, wrong, unjudged, n_held, found, out_of_scope, tuple(errors))


def held_qids(gazetteer: Gazetteer) -> frozenset[str]:
    """Every QID the gazetteer holds."""
    return frozenset(e.qid for e in gazetteer if e.qid)


def cases_in_scope(cases: Iterable[LinkCase], entity_types: Mapping[str, str],
                   gazetteer: Gazetteer) -> tuple[list[LinkCase], int]:
    """The cases the headline scores, and how many party metonyms/demonyms were left out."""
    kept: list[LinkCase] = []
    left_out = 0
    for case in cases:
        if (case.entity is not None and entity_types.get(case.entity) == "Party"
                and not names_party(case.surface, case.entity, case.gold_qids, gazetteer)):
            left_out += 1
        else:
            kept.append(case)
    return kept, left_out
