"""Fixes of the thirty-fourth round: supply. On the tuning sets, suppliesVia had the lowest
recall of the five relations (24 of 157 required facts found); its missed evidence showed
goods that "reach" forces through a place, forces "sustained" or "maintained" through a
place, and hubs named "lifeline", "railhead", "airhead" or "conduit".

- "supplies for the Taliban reached the front through X", "arms reach them through X",
  "the port of X, through which Soviet arms reach the army": the party the goods are for
  is supplied via X.
- "the garrison was sustained (maintained) through X".
- "X became the main airhead through which the American force was supplied", "Y's
  lifeline remains the port of X" (the possessor is the party).
- A capitalised "Revolutionary" inside a unit's name ("the Second Revolutionary Army")
  does not make the unit the rebels'.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1988, 3, 20)

ASSERTED = [
    ("goods-reach-for", "Supplies and ammunition for the Taliban reached the front through Jabal "
     "Saraj.", ("Taliban", "suppliesVia", "Jabal Saraj")),
    ("goods-reach-which", "The Ethiopian army holds Keren. Addis Ababa's lifeline remains the Red "
     "Sea port of Massawa, through which Soviet arms and fuel reach the Ethiopian army.",
     ("Ethiopia", "suppliesVia", "Massawa")),
    ("sustained-through", "The Sri Lankan garrison was sustained by sea and air through the harbour "
     "at Kankesanthurai.", ("Sri Lanka", "suppliesVia", "Kankesanthurai")),
    ("airhead", "San Isidro became the main airhead through which the American force was supplied.",
     ("United States", "suppliesVia", "San Isidro")),
]

NOT_ASSERTED = [
    ("troops-reach", "Russian troops reached Izium on Monday.", ("Russia", "suppliesVia", "Izium")),
    ("sustained-losses", "Russian forces sustained heavy losses near Bakhmut.",
     ("Russia", "suppliesVia", "Bakhmut")),
    ("maintained-hold", "The Sri Lankan army maintained its hold on Jaffna.",
     ("Sri Lanka", "suppliesVia", "Jaffna")),
    ("named-revolutionary-army", "The Eritrean People's Liberation Front took Afabet. The Second "
     "Revolutionary Army still held Keren.", ("Eritrean People's Liberation Front", "controls", "Keren")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
