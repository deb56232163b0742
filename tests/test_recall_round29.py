"""Fixes of the twenty-ninth round, again the voice of a communiqué:

- "X was liberated", "the villages had been freed": an agentless takeover in an official
  communiqué, with no offensive named just before, is the issuing state's own (outside
  quotation marks; a wire report keeps no agent for it).
- The state a heading names as the foe ("the aggression of the Baathist regime of X",
  "the Zionist regime") is not the state that speaks.

- "the enemy" inside a quotation is the foe of the quoted speaker's side; in a wire
  report's own voice it stays unresolved.

Our own communiqués about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import facts_of

PUB = date(1971, 12, 12)


def _facts(nlp, text):
    return facts_of(nlp, text, PUB)


def test_passive_liberation_in_a_communique(nlp):
    text = ("Communique of the Indian Army headquarters.\n\n"
            "In the eastern sector, Sylhet was liberated on 11 December.")
    assert ("India", "controls", "Sylhet") in _facts(nlp, text)


def test_passive_liberation_in_a_wire_report_has_no_agent(nlp):
    text = ("DACCA, Dec 12 (Reuters) - In the eastern sector, Sylhet was liberated on 11 "
            "December, residents said.")
    assert not any(obj == "Sylhet" and rel == "controls" for _, rel, obj in _facts(nlp, text))


def test_a_state_named_as_foe_is_not_the_voice(nlp):
    text = ("Communique No. 9. In reply to the aggression of the military regime of Pakistan, "
            "the Indian Army opened operations in the east.\n\n"
            "In the eastern sector, Sylhet was liberated on 11 December.")
    facts = _facts(nlp, text)
    assert ("India", "controls", "Sylhet") in facts
    assert ("Pakistan", "controls", "Sylhet") not in facts


def test_the_enemy_in_a_quote_is_the_speakers_foe(nlp):
    quoted = ('Pakistani troops shelled Jessore on Monday. "The enemy has pulled back from Jessore," '
              'an Indian commander said.')
    assert ("Pakistan", "withdrewFrom", "Jessore") in _facts(nlp, quoted)
    unquoted = ("Pakistani troops shelled Jessore on Monday. The enemy has pulled back from Jessore, "
                "an Indian commander said.")
    assert not any(rel == "withdrewFrom" for _, rel, _ in _facts(nlp, unquoted))
