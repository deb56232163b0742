"""Fixes of the twelfth round, found by reading the errors of tune21 to tune24 after their
first, blind read. Mechanisms other articles share:

- A strike names the town it hit: "fired rockets into Israel, hitting Haifa" is an attack
  on Haifa, not also on the country (a country alone, as in "shelled Iran", still counts).
- "troops moved into X" (no object): a deployment, besides the takeover it may be.
- "Moscow" from the revolution of 1917 stands for Soviet Russia, as it does until 1991.
- "the town of Ras al-Ain": a name whose particle the parser splits into siblings is the
  whole name the NER model found.
- A surname of a person named in full earlier ("Symon Petliura" ... "Petliura's
  government") is no place for "the city" to point back to.
- "the island" is no "Black Sea", "the town" no "X River": a place whose name says its
  kind is no antecedent for an anaphor of another kind.
- A compass word alone ("the command \"South\"") is no place.
- Snake Island (Zmiinyi, Zmeiny) is in the gazetteer.

Our own sentences about other wars than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2021, 6, 1)

ASSERTED = [
    ("strike-names-town", "Hezbollah fired rockets into Israel on Tuesday, hitting Haifa.",
     ("Hezbollah", "attacked", "Haifa")),
    ("moved-into-deploys", "Ethiopian troops moved into Baidoa on Sunday.", ("Ethiopia", "deployedTo", "Baidoa")),
    ("particle-name-of", "Turkish drones pounded the town of Ras al-Ain.", ("Turkey", "attacked", "Ras al-Ain")),
    ("particle-name-anaphor", "Kurdish fighters held a strip between Tal Abyad and Ras al-Ain. Ras al-Ain, "
     "Serekaniye to Kurds, lasted longer. Turkish artillery pounded the town for a week.",
     ("Turkey", "attacked", "Ras al-Ain")),
    ("island-not-sea", "Russian marines landed on Zmiinyi Island in February. Kyiv says mines still block "
     "the Black Sea ports. The island came under the control of Russian forces on 24 February.",
     ("Russia", "controls", "Snake Island")),
    ("surname-not-place", "Polish troops and forces of the Ukrainian People's Republic under Symon Petliura "
     "entered Kiev in May. Pilsudski promised to help Petliura's government. Ukrainian units were then "
     "moved into the city.", ("Ukraine", "deployedTo", "Kyiv")),
]

NOT_ASSERTED = [
    ("strike-not-country", "Hezbollah fired rockets into Israel on Tuesday, hitting Haifa.",
     ("Hezbollah", "attacked", "Israel")),
    ("particle-name-not-cut", "Turkish drones pounded the town of Ras al-Ain.", ("Turkey", "attacked", "Ras al")),
    ("sea-not-island", "Russian marines landed on Zmiinyi Island in February. Kyiv says mines still block "
     "the Black Sea ports. The island came under the control of Russian forces on 24 February.",
     ("Russia", "controls", "Black Sea")),
    ("compass-not-place", "The Ukrainian command \"South\" said Russian units had abandoned the island. "
     "Russian troops shelled Kherson.", ("Russia", "withdrewFrom", "South")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)


def test_moscow_in_1919_is_soviet(nlp):
    from kg.extract import extract_articles
    from kg.types import Article
    art = Article(id="m", text="MOSCOW, 16 November 1919. Our troops liberated Omsk.", published=date(1919, 11, 16))
    ex = next(iter(extract_articles([art], nlp)))
    assert ("Soviet Union", "controls") in {(f.subject, f.relation) for f in ex.facts if f.is_asserted}
