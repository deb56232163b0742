"""The list of towns (kg/towns.py, kg/data/towns.txt): a two-word name the NER model calls
a person is taken for a place in a place slot when a town of 15,000 or more inhabitants has
that name, and only then. Our own sentences."""
from __future__ import annotations

from datetime import date

import pytest

from kg.towns import DATA, MIN_POPULATION, build, is_town_name, town_country, town_names
from phrasings import recall_tests

PUB = date(1975, 5, 1)


def test_list_is_folded_and_attributed():
    head = DATA.read_text(encoding="utf-8").splitlines()[:2]
    assert all(line.startswith("#") for line in head) and "GeoNames" in head[1]
    names = town_names()
    assert len(names) > 20_000
    assert all(name == name.casefold().strip() and not name.startswith("#") and "\t" not in name
               for name in names)


@pytest.mark.parametrize("name", ["Svay Rieng", "Ras Tanura", "Tan-Tan", "Ciudad Bolívar"])
def test_towns_are_known(name):
    assert is_town_name(name)


@pytest.mark.parametrize("name", ["Abdul Malik Salem", "Saddam Hussein", "Citadel Hill", ""])
def test_people_are_not_towns(name):
    assert not is_town_name(name)


def test_build_keeps_towns_of_the_size_and_folds_them():
    cities = {"1": {"name": "Ciudad Bolívar", "population": MIN_POPULATION, "countrycode": "VE"},
              "2": {"name": "Small Village", "population": MIN_POPULATION - 1, "countrycode": "VE"},
              "3": {"name": "Tan-Tan", "population": 80_000, "countrycode": "MA"},
              "4": {"name": "San Roque", "population": 20_000, "countrycode": "ES"},
              "5": {"name": "San Roque", "population": 30_000, "countrycode": "PH"}}
    countries = {"VE": {"name": "Venezuela"}, "MA": {"name": "Morocco"}}
    keys = {"Venezuela": "Venezuela"}           # Morocco: not in this toy gazetteer
    assert build(cities, countries, keys.get) == ["ciudad bolivar\tVenezuela", "san roque\t",
                                                  "tan tan\t"]


def test_a_town_lies_in_its_country_unless_several_have_it():
    assert town_country("Stung Treng") == "Cambodia"
    assert town_country("Vicksburg") == "United States"
    assert town_country("San Fernando") is None          # in Spain, the Philippines, ...
    assert town_country("Saddam Hussein") is None


ASSERTED = [
    ("attack", "Houthi fighters struck Ras Tanura with drones on Sunday.",
     ("Houthis", "attacked", "Ras Tanura")),
    ("capture", "Khmer Rouge units captured Prey Veng in April.",
     ("Khmer Rouge", "controls", "Prey Veng")),
    ("first-of-a-list", "The Viet Minh seized Thai Nguyen and Ha Giang in 1945.",
     ("Viet Minh", "controls", "Thai Nguyen")),
]

NOT_ASSERTED = [
    ("person-captured", "Houthi fighters captured Abdul Malik Salem on Sunday.",
     ("Houthis", "controls", "Abdul Malik Salem")),
]

extractions, test_gives_fact, test_gives_no_fact = recall_tests(ASSERTED, NOT_ASSERTED, PUB)
