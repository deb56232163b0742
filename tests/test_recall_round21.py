"""Fixes of the twenty-first round. Mechanisms other articles share:

- A retreat that names no place it left ("the garrison fled toward Keren", "LNA troops
  pulled back to the south") leaves the place its side was last said to hold, when that
  was said in this or the two sentences before. Not for a retreat still to come ("would
  pull back"), nor for a pronoun subject, nor when the text names the place left.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2019, 6, 28)

ASSERTED = [
    ("fled-toward", "Eritrean troops held Afabet. On Sunday the Eritrean garrison fled toward Keren.",
     ("Eritrea", "withdrewFrom", "Afabet")),
    ("pulled-back-to", "Libyan National Army fighters seized Gharyan in April. On Wednesday LNA troops "
     "pulled back to the south.", ("Libyan National Army", "withdrewFrom", "Gharyan")),
]

NOT_ASSERTED = [
    ("would-pull-back", "Libyan National Army fighters seized Gharyan in April. LNA troops would pull "
     "back to the south, a spokesman said.", ("Libyan National Army", "withdrewFrom", "Gharyan")),
    ("named-origin-wins", "Libyan National Army fighters seized Gharyan in April. On Wednesday LNA troops "
     "pulled back from Tarhuna.", ("Libyan National Army", "withdrewFrom", "Gharyan")),
    ("too-far-back", "Libyan National Army fighters seized Gharyan in April. The front was quiet in May. "
     "Talks began in June. Aid reached Tripoli in July. On Wednesday LNA troops pulled back to the south.",
     ("Libyan National Army", "withdrewFrom", "Gharyan")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)


def test_leader_name_with_particle(nlp):
    """"fighters of Abd el-Krim" in 1921: the leader's full name keeps its particle and
    hyphen; "the hilltop post of X" is X."""
    from kg.extract import extract_articles
    from kg.types import Article
    art = Article(id="rif", text="On 1 June, fighters of Abd el-Krim overran the hilltop post of Abarran.",
                  published=date(1921, 6, 2))
    ex = next(iter(extract_articles([art], nlp)))
    assert ("Republic of the Rif", "controls", "Abarran") in {
        (f.subject, f.relation, ex.entities[f.object].label) for f in ex.facts if f.is_asserted}
