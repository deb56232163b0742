"""Fixes of the thirty-second round, from the misses of tune32 (Rakhine 2024, Lahore 1965)
checked against all tuning sets.

- An acronym for a party the lexicon knows: defined ("the Arakan Army (AA)") or the plain
  initials of a party the article names ("Arakan Army fighters ... fell to the AA"). Only
  initials that fit one party named in the article.
- "Maungdaw township" is a place like "the town of X"; "Shire, Alamata and Korem towns"
  and "Rathedaung and Minbya townships" name each town.
- "X ended its truce ..., when it attacked Y": a subject pronoun of a "when"/"after"/"as"
  clause is the main clause's subject when the number agrees, not the party named last.
- "struck back at X", "hit at X" are attacks; "were thrown back from X" a withdrawal.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2024, 12, 23)

ASSERTED = [
    ("acronym-defined", "The Arakan Army (AA) ended its truce last year. On 20 December the AA "
     "announced that it had captured the town of Ann.", ("Arakan Army", "controls", "Ann")),
    ("initials-used", "Arakan Army fighters reached the coast in January. Kyauktaw fell to the AA "
     "in February.", ("Arakan Army", "controls", "Kyauktaw")),
    ("township", "The Arakan Army says it took full control of Maungdaw township on 8 December.",
     ("Arakan Army", "controls", "Maungdaw")),
    ("towns-list", "The Ethiopian army has taken control of Shire, Alamata and Korem towns.",
     ("Ethiopia", "controls", "Korem")),
    ("when-clause-it", "The Arakan Army ended an informal truce with the Myanmar military on 13 "
     "November, when it attacked security posts in Rathedaung and Minbya townships.",
     ("Arakan Army", "attacked", "Minbya")),
    ("struck-back-at", "Indian jets struck back at Sargodha on Tuesday.",
     ("India", "attacked", "Sargodha")),
    ("thrown-back-from", "The Indians had been thrown back from Dograi overnight.",
     ("India", "withdrewFrom", "Dograi")),
]

NOT_ASSERTED = [
    ("when-clause-other-side", "The Arakan Army ended an informal truce with the Myanmar military "
     "on 13 November, when it attacked security posts in Rathedaung.",
     ("Myanmar", "attacked", "Rathedaung")),
    ("initials-of-nothing", "AA guns fired at Kyauktaw overnight.",
     ("Arakan Army", "attacked", "Kyauktaw")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
