"""Recall rules found on the tune2 articles (eval/tune2), each checked on our own sentences
about other wars than the article that revealed it.

All cases go through one ``extract_articles`` call; triples are ``(party key, relation,
place label)``.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2016, 3, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    # "insert" is a deployment verb; a passive "by helicopter" names the means, not the party
    ("inserted-by-helicopter", "Iraqi commandos were inserted by helicopter into Tikrit.",
     ("Iraq", "deployedTo", "Tikrit")),
    ("sent-by-air", "French paratroopers were sent by air to Bamako.",
     ("France", "deployedTo", "Bamako")),
    # "the X area" stands for X even when the model tags X as a person
    ("name-before-area", "Afghan troops were sent into the Sangin area.",
     ("Afghanistan", "deployedTo", "Sangin")),
    # a flag over a building stands for the town the building is in
    ("flag-over-building-in-town",
     "Iraqi soldiers raised the national flag over the district centre in Ramadi.",
     ("Iraq", "controls", "Ramadi")),
    # "including" lists the places taken
    ("including-after-object", "Houthi fighters seized several towns, including Amran and Dhamar.",
     ("Houthis", "controls", "Dhamar")),
    ("including-after-quantity", "By 2014 the Islamic State held most of Anbar, including the city of Fallujah.",
     ("Islamic State", "controls", "Fallujah")),
    # "rear bases" are supply bases, said of the places in a relative clause
    ("rear-bases-relative-clause",
     "Ukrainian brigades fought on, backed by Kramatorsk and Sloviansk, which have served as their rear bases for months.",
     ("Ukraine", "suppliesVia", "Sloviansk")),
    # the pronoun subject of a reported clause is the speaker
    ("reported-clause-pronoun", "Iraqi border guards said they had pulled out of Rutba.",
     ("Iraq", "withdrewFrom", "Rutba")),
]

# (id, text, triple that must not be asserted)
NOT_ASSERTED = [
    # "including" after positions or equipment lists no towns taken
    ("including-after-positions",
     "Russian troops abandoned positions they had held for months, including the Antonovsky bridge area.",
     ("Russia", "controls", "Antonovsky")),
    # "are to be sent" is an arrangement, not a deployment
    ("be-to-plan", "British troops are to be sent to Basra next month.",
     ("United Kingdom", "deployedTo", "Basra")),
]


extractions, test_phrasing_gives_fact, test_phrasing_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
