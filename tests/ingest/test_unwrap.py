"""Hard-wrapped text joined into paragraphs, and every other text left as it is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsline.ingest.clean import clean_text
from newsline.ingest.unwrap import unwrap

WIRE = """PORTA, March 2 - Valdoria raised the contract price it pays for
crude oil by 50 cts a barrel, effective today, the state oil company
said in a statement issued at its headquarters in the capital.
    The increase brings its posted price for Porta Light to 18.00
dlrs a barrel, the highest since the accord was signed in December,
traders said.
    Output was 410,000 barrels a day.
"""


def test_a_hard_wrapped_story_becomes_one_line_per_paragraph():
    text, _ = clean_text(WIRE)
    assert text.split("\n") == [
        "PORTA, March 2 - Valdoria raised the contract price it pays for crude oil by 50 cts a barrel, effective "
        "today, the state oil company said in a statement issued at its headquarters in the capital.",
        "    The increase brings its posted price for Porta Light to 18.00 dlrs a barrel, the highest since the "
        "accord was signed in December, traders said.",
        "    Output was 410,000 barrels a day.",
    ]


def test_paragraph_per_line_copy_and_lists_are_left_alone():
    article = ("The ferry sank off Corva on Tuesday with 240 passengers on board, the company said in a statement.\n"
               "Rescuers took 212 survivors out of the water by nightfall, according to the coast guard.\n"
               "Port officials said the ship had not passed its June inspection.\n"
               "The coast guard declined to comment.\n")
    assert unwrap(article) == article
    listed = "Results of the vote in the region, by party:\n- Civic Union 34\n- Ostrian Front 58\n- others 8\n"
    assert unwrap(listed) == listed


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126) | st.just("\n"), max_size=400))
def test_unwrapping_only_turns_line_breaks_into_spaces(text):
    joined = unwrap(text)
    assert len(joined) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, joined, strict=True))
