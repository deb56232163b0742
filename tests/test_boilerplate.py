"""Site furniture of scraped pages: lists of links to other stories."""
from __future__ import annotations

import pytest

from kg.boilerplate import is_boilerplate, link_lists

PAGE = ("Troops entered the town on Monday.\n\nMost read\n- Rebels seize airport\n"
        "- Markets rally on ceasefire hopes\n\nThe army said more units would follow.")


def covered(text: str) -> list[str]:
    return [text[a:b] for a, b in link_lists(text)]


def test_heading_and_its_headlines_are_one_list():
    (block,) = covered(PAGE)
    assert block.startswith("Most read") and block.endswith("ceasefire hopes")


def test_reporting_after_the_blank_line_is_not_in_the_list():
    (a, b), = link_lists(PAGE)
    assert "The army said" not in PAGE[a:b] and "Troops entered" not in PAGE[a:b]


@pytest.mark.parametrize("heading", ["Related:", "Read more:", "See also", "More on this story",
                                     "Related analysis:", "You may also like"])
def test_headings(heading):
    text = f"Shelling resumed.\n\n{heading}\nArmy retakes bridge\n"
    assert covered(text) == [f"{heading}\nArmy retakes bridge\n"[:-1]]


def test_heading_with_links_on_its_own_line():
    text = "Shelling resumed.\nRelated: Who are the rebels? | Timeline of the war\nMore text."
    assert covered(text)[0].startswith("Related: Who are the rebels?")


@pytest.mark.parametrize("line", [
    "Related fighting broke out in the north.",              # a sentence, not a heading
    "See also the map of the front line below, which shows the positions.",
])
def test_sentences_that_start_like_headings_are_reporting(line):
    assert link_lists(f"Intro.\n{line}\nMore reporting.") == []


def test_a_long_line_ends_the_list():
    prose = "The army said it had retaken the bridge after two days of fighting, " * 3
    text = f"Read more:\nShort headline\n{prose}\n"
    (block,) = covered(text)
    assert block == "Read more:\nShort headline"


def test_sentence_level_patterns_still_apply():
    assert is_boilerplate("Sign up for our newsletter")
    assert not is_boilerplate("Troops entered the town.")
