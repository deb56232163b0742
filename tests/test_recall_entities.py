"""Recall and precision at the level of entities: who a role noun, a pronoun or a bare
"coalition" stands for, parties missing from the lexicon, and names that are no places.

Every case is our own sentence about an event other than the ones in the tune splits.
All cases go through one ``extract_articles`` call; triples are ``(party key, relation,
place label)``.
"""
from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span

from kg._mentions import titled_person
from phrasings import recall_tests

PUB = date(2016, 3, 1)

# (id, text, triple that must be asserted)
ASSERTED = [
    ("agentless-passive-capture", "Ethiopian troops shelled Humera for three days. Shire was"
     " captured on Friday.", ("Ethiopia", "controls", "Shire")),
    # parties missing from the lexicon
    ("luhansk-republic", "Fighters of the Luhansk People's Republic captured Stakhanov after a week of shelling.",
     ("Luhansk People's Republic", "controls", "Stakhanov")),
    ("donetsk-republic-leader", "Denis Pushilin said his fighters had seized Marinka.",
     ("Donetsk People's Republic", "controls", "Marinka")),
    ("separatists-after-republic-named",
     "A spokesman for the Donetsk People's Republic spoke in the morning. The separatists launched"
     " their assault on the town of Vuhledar at dawn.",
     ("Donetsk People's Republic", "attacked", "Vuhledar")),
    ("abu-sayyaf-own-group", "Abu Sayyaf gunmen attacked Jolo in the morning.",
     ("Abu Sayyaf", "attacked", "Jolo")),
    # coalitions named only as "coalition"
    ("coalition-named-earlier",
     "The US-led coalition has bombed Islamic State positions since 2014. The coalition struck Raqqa on Monday.",
     ("US-led coalition", "attacked", "Raqqa")),
    # role nouns point back to the party that had the role
    ("attackers-are-the-besiegers",
     "Ethiopian troops besieged Mekelle for weeks. The attackers shelled Mekelle in April.",
     ("Ethiopia", "attacked", "Mekelle")),
    ("defenders-are-the-holders",
     "Armenian troops held Shusha for years. Azerbaijani troops surrounded the town."
     " The defenders pulled out of Shusha two days later.",
     ("Armenia", "withdrewFrom", "Shusha")),
    # the seat of a source is no antecedent for "the town"
    ("ministry-city-not-antecedent",
     "The Ministry of Defence in Baku said on Friday that its units had reached the outskirts of Shusha."
     " Azerbaijani forces began a large-scale offensive against the town in October.",
     ("Azerbaijan", "attacked", "Shusha")),
]

# (id, text, triple that must not be asserted)
NOT_ASSERTED = [
    ("agentless-passive-far-from-the-offensive", "Turkish jets bombed Afrin in January. The refugees"
     " moved east. Aid agencies asked for access. Tal Rifaat was captured in March.",
     ("Turkey", "controls", "Tal Rifaat")),
    ("their-is-the-unnamed-subject",
     "Russian jets bombed Aleppo on Sunday. Syrian rebels said their assault on Hama had begun.",
     ("Russia", "attacked", "Hama")),
    ("garrison-without-named-holder",
     "Turkish troops surrounded Afrin. The garrison withdrew from the town two days later.",
     ("Turkey", "withdrewFrom", "Afrin")),
    ("ministry-city-not-target",
     "The Ministry of Defence in Baku said on Friday that its units had reached the outskirts of Shusha."
     " Azerbaijani forces began a large-scale offensive against the town in October.",
     ("Azerbaijan", "attacked", "Baku")),
    ("numbered-division-names-no-army",
     "Reinforcements from the 1st Division have been sent to Kandahar from Helmand.",
     ("South Vietnam", "deployedTo", "Kandahar")),
]


extractions, test_entity_gives_fact, test_entity_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)


@pytest.mark.parametrize(("words", "ents", "person"), [
    (["against", "President", "Ahmad", "Kabbah"], [("GPE", 3, 4)], True),
    (["near", "Gen.", "Haftar"], [("GPE", 2, 3)], True),
    (["into", "General", "Santos"], [("GPE", 1, 3)], False),
    (["into", "Kabbah"], [("GPE", 1, 2)], False),
])
def test_name_after_a_title_is_a_person(nlp, words, ents, person):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for label, s, e in ents]
    names = [t for t in doc if t.i >= 1 and t.text[0].isupper()]
    assert titled_person(names) is person
