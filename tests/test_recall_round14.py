"""Fixes of the fourteenth round, from the first reads of tune25 to tune28. Mechanisms
other articles share:

- The Islamic State's provinces (ISWAP, the Islamic State in the Greater Sahara, ISKP,
  the Sinai, Central Africa and Mozambique provinces) are parties of their own, as
  analysts and the gold sets treat them, not the Islamic State of Iraq and Syria.
- "the military camp of X", "the X camp", "the garrison of X": X.
- An official communiqué's bare "troops", "units", "reinforcements" are the forces of the
  state its heading names ("REPUBLIC OF MALI ... OFFICIAL COMMUNIQUE"), even where another
  state's forces appear; a wire story's are not.

Our own sentences about other places than the articles that showed the gaps.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(2022, 6, 20)

COMMUNIQUE = ("REPUBLIC OF NIGER\n\nMINISTRY OF DEFENCE\nOFFICIAL COMMUNIQUE No. 12\n\n"
              "French troops left Ouallam on Sunday. Reinforcements were dispatched to Tillaberi.")
WIRE = ("Sahel roundup\n\nNIAMEY, June 20 - French troops left Ouallam on Sunday, residents said. "
        "Reinforcements were dispatched to Tillaberi.")

ASSERTED = [
    ("province-party", "ISWAP fighters attacked Monguno on Friday.",
     ("Islamic State West Africa Province", "attacked", "Monguno")),
    ("camp-of", "Malian troops took over the military camp of Tessalit.", ("Mali", "controls", "Tessalit")),
    ("x-camp", "Malian troops took over the Kidal camp on Sunday.", ("Mali", "controls", "Kidal")),
    ("issuer-troops", COMMUNIQUE, ("Niger", "deployedTo", "Tillabéri")),
]

NOT_ASSERTED = [
    ("province-not-isis", "ISWAP fighters attacked Monguno on Friday.", ("Islamic State", "attacked", "Monguno")),
    ("wire-no-issuer", WIRE, ("Niger", "deployedTo", "Tillabéri")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
