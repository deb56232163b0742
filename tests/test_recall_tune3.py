"""Recall rules found on the eval/tune3 articles: an agentless passive capture in a relative
clause on the object of an assault, "whose supply line ran through X", "ordered troops to X"
and "crossed the river at X"; with the plans, denials and wrong-agent readings they must not give.

Every case is our own sentence about a war other than the tune3 article that revealed the
rule. All cases go through one ``extract_articles`` call; triples are
``(party key, relation, place label)``.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2016, 3, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    ("relative-passive-after-storming", "Indian troops stormed Jessore, which was taken within two days.",
     ("India", "controls", "Jessore")),
    ("relative-passive-after-assault-plural", "Iraqi troops assaulted Ramadi, which was retaken in late December.",
     ("Iraq", "controls", "Ramadi")),
    ("whose-supply-line-ran-through", "Hezbollah fighters, whose supply line ran through Qusayr, held the hills for weeks.",
     ("Hezbollah", "suppliesVia", "Qusayr")),
    ("ordered-troops-to-place", "The Pentagon ordered 3,000 more U.S. troops to Kuwait.",
     ("United States", "deployedTo", "Kuwait")),
    ("crossed-river-at-place", "Syrian troops crossed the Euphrates at Raqqa before dawn.",
     ("Syria", "deployedTo", "Raqqa")),
]

# (id, text, triple that must NOT be asserted)
NOT_ASSERTED = [
    ("relative-passive-after-abandoning", "Syrian troops abandoned Palmyra, which was captured by nightfall.",
     ("Syria", "controls", "Palmyra")),
    ("relative-passive-planned", "Indian troops stormed Jessore, which was to be taken within two days.",
     ("India", "controls", "Jessore")),
    ("ordered-to-stay-out", "Ankara ordered Turkish troops to stay out of Manbij.",
     ("Turkey", "deployedTo", "Manbij")),
    ("ordered-hedged", "Washington may order more U.S. troops to Kuwait.",
     ("United States", "deployedTo", "Kuwait")),
    ("crossing-planned", "Syrian troops were preparing to cross the Euphrates at Raqqa.",
     ("Syria", "deployedTo", "Raqqa")),
]


extractions, test_phrasing_gives_fact, test_phrasing_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
