"""Fixes of the twenty-seventh round, from the wrong facts of the tuning sets.
Mechanisms other articles share:

- "established full control over X": the parser hangs "over X" on the verb instead of
  on "control"; X is still the place controlled.
- A line set in capitals (a wire headline) makes every word look like a name: there a
  word the gazetteer does not know is no place ("TROOPS ESTABLISH CONTROL OVER X" gives
  no place "CONTROL").
- Verbs the trigger table lacked: "strafed X", "rocketed X", "counterattacked X",
  "hurled themselves against X" are attacks; "came ashore at X" is a deployment. ("reached X" as a deployment was tried
  and dropped: over the tuning sets it added 7 right facts and 4 wrong ones, below the
  precision the extractor aims for; a deployment by something fired, "missiles
  reached X", stays excluded for the other deployment verbs.)
- "the junta" is the ruling military of the state the story is about, not always
  Myanmar's (the party table had it as a Myanmar alias).
- "the navy", like "the army", is the state's ("the navy shelled X from the river").
- A site's menu ("Home | World | Africa") is never a place name, so "the capital" cannot
  point back to it.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import facts_of, recall_tests

PUB = date(2002, 10, 14)

ASSERTED = [
    ("control-over-on-verb", "Angolan troops established full control over Jamba on Sunday.",
     ("Angola", "controls", "Jamba")),
    ("took-control-over", "Ethiopian troops took control over Zalambessa.",
     ("Ethiopia", "controls", "Zalambessa")),
    ("strafed", "Eritrean jets strafed Mekelle on Tuesday.", ("Eritrea", "attacked", "Mekelle")),
    ("rocketed", "Eritrean artillery rocketed Adigrat for two days.", ("Eritrea", "attacked", "Adigrat")),
    ("counterattacked", "Ethiopian troops counterattacked Tsorona at dawn.",
     ("Ethiopia", "attacked", "Tsorona")),
    ("junta-of-the-state", "Fighting spread across Myanmar. The junta shelled Loikaw on Monday.",
     ("Myanmar", "attacked", "Loikaw")),
    ("the-navy", "Rebels held Mullaitivu in Sri Lanka. The navy shelled Mullaitivu from the sea.",
     ("Sri Lanka", "attacked", "Mullaitivu")),
    ("hurled-against", "Eritrean brigades hurled themselves against Zalambessa twice.",
     ("Eritrea", "attacked", "Zalambessa")),
    ("came-ashore", "Eritrean marines came ashore at Assab on Monday.",
     ("Eritrea", "deployedTo", "Assab")),
]

NOT_ASSERTED = [
    ("control-on-its-own", "Ethiopian troops took control on Friday.",
     ("Ethiopia", "controls", "Friday")),
    ("junta-not-myanmar", "Greece was under military rule. The junta sent troops to Nicosia.",
     ("Myanmar", "deployedTo", "Nicosia")),
    ("missiles-arrived", "Eritrean missiles arrived in Mekelle on Tuesday.",
     ("Eritrea", "deployedTo", "Mekelle")),
    ("reached-agreement", "Ethiopian troops reached an agreement with the monitors.",
     ("Ethiopia", "deployedTo", "monitors")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)


def _labels(nlp, text):
    return facts_of(nlp, text, PUB, asserted_only=False)


def test_capitals_headline_word_is_no_place(nlp):
    text = ("ETHIOPIAN TROOPS ESTABLISH CONTROL OVER BADME\n"
            "ADDIS ABABA, 14 Oct. Ethiopian troops yesterday established full control over "
            "Badme, the ministry said.")
    facts = _labels(nlp, text)
    assert ("Ethiopia", "controls", "Badme") in facts
    assert not any(obj.isupper() for _, _, obj in facts), facts


def test_menu_line_is_no_place(nlp):
    text = ("Home | UK | World | Asia\n"
            "14:20 Witnesses say Nigerian troops now control most of the capital.")
    assert _labels(nlp, text) == set()      # "the capital" has no antecedent in the story
