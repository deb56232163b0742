"""Fixes of the twenty-eighth round: the voice of an official communiqué. Sorting the
tuning sets' missed facts by the subject of their sentence put "our ..." and "the enemy"
near the top. Mechanisms other articles share:

- A communiqué's heading may name its state by a demonym on the issuing body ("the
  Ethiopian Ministry of Defence") or by a force's name ("the Eritrean Defence Forces"),
  not only by the state's name; "our troops" are that state's.
- "the enemy", "enemy troops", "the aggressors", "the occupiers" in a communiqué: the
  party other than the issuer that the text names most often, leaving out the issuer's
  allies (parties named side by side with it, "Ethiopian and Somali units").
- "Translated from the Russian" names a language, not the issuing state.

Our own communiqués about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import facts_of

PUB = date(1977, 9, 14)


def _facts(nlp, text):
    return facts_of(nlp, text, PUB)


def test_our_troops_in_a_demonym_heading(nlp):
    text = ("Statement of the Ethiopian Ministry of Defence.\n\n"
            "On 12 September our troops repulsed Somali forces at Harar and liberated Dire Dawa.")
    assert ("Ethiopia", "controls", "Dire Dawa") in _facts(nlp, text)


def test_the_enemy_is_the_other_side(nlp):
    text = ("Statement of the Ethiopian Ministry of Defence.\n\n"
            "Somali forces shelled Harar on Sunday. Our units held their positions. "
            "On Monday the enemy withdrew from Jijiga in disorder.")
    facts = _facts(nlp, text)
    assert ("Somalia", "withdrewFrom", "Jijiga") in facts
    assert ("Ethiopia", "withdrewFrom", "Jijiga") not in facts


def test_an_ally_is_not_the_enemy(nlp):
    text = ("Communique of the Ethiopian general staff.\n\n"
            "Ethiopian and Cuban units held Harar. Cuban and Ethiopian gunners shelled the road. "
            "Cuban advisers arrived. Somali troops attacked Harar. "
            "The aggressors then retreated from Harar.")
    facts = _facts(nlp, text)
    assert ("Somalia", "withdrewFrom", "Harar") in facts
    assert ("Cuba", "withdrewFrom", "Harar") not in facts


def test_no_communique_no_enemy(nlp):
    text = ("ADDIS ABABA, Sept 14 (Reuters) - Somali troops shelled Harar on Sunday, "
            "residents said. The enemy withdrew from Jijiga on Monday, an Ethiopian officer said.")
    assert not any(rel == "withdrewFrom" for _, rel, _ in _facts(nlp, text))


def test_translated_from_a_language_is_no_issuer(nlp):
    text = ("[Translated from the Somali. Source: bulletin of the Ethiopian army.]\n\n"
            "Operational summary.\n\n"
            "Our troops entered Dire Dawa on 12 September.")
    facts = _facts(nlp, text)
    assert ("Ethiopia", "controls", "Dire Dawa") in facts
    assert ("Somalia", "controls", "Dire Dawa") not in facts
