"""Fixes of the thirty-third round, from the misses of tune32 and tune33 and the tuning
sets' missed facts whose party is named elsewhere in the article.

- "stormed ashore at X" is an attack on X (as "came ashore at X" is a deployment).
- "marched into X" takes X, like "entered X" and "rolled into X"; "marched to X" is a
  deployment.
- "the ruins of X" is X, like "the outskirts of X".
- "concentrated four divisions around X", "shifted two brigades to X": deployments of the
  side the troops belong to.

Our own sentences about other wars.
"""
from __future__ import annotations

from datetime import date

from phrasings import recall_tests

PUB = date(1951, 1, 4)

ASSERTED = [
    ("stormed-ashore", "British and French troops stormed ashore at Port Said at dawn today.",
     ("France", "attacked", "Port Said")),
    ("marched-into", "Chinese and North Korean troops marched into Seoul today.",
     ("North Korea", "controls", "Seoul")),
    ("ruins-of", "Chinese troops entered the burning ruins of Seoul today.",
     ("China", "controls", "Seoul")),
    ("marched-to", "Two Turkish brigades marched to Kunu-ri overnight.",
     ("Turkey", "deployedTo", "Kunu-ri")),
    ("concentrated-around", "General Roatta concentrated four Italian divisions around Siguenza.",
     ("Italy", "deployedTo", "Siguenza")),
    ("shifted-to", "The commander shifted two Chinese divisions to Wonju in January.",
     ("China", "deployedTo", "Wonju")),
]

NOT_ASSERTED = [
    ("marched-into-no-deployment", "Chinese troops marched into Seoul today.",
     ("China", "deployedTo", "Seoul")),
    ("concentrated-fire", "Chinese guns concentrated their fire on Wonju.",
     ("China", "deployedTo", "Wonju")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
