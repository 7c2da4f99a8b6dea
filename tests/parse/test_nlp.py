"""Recognition corrections that read the document: recased headlines, datelines, people named after
their role, places that play as teams."""

from __future__ import annotations

import pytest

from newsline.model import Document, EntityMention
from newsline.parse.nlp import is_dateline_place, nlp_stage
from newsline.parse.recase import recase
from newsline.parse.teams import teams_in_play
from newsline.registry import Context


def mentions_of(text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", path="t.txt", format="text", text=text, language="en")
    nlp_stage([doc], Context())
    return [(m.text, m.label) for m in doc.tagged_mentions]


def test_a_capitalised_headline_is_recased_without_moving_any_offset():
    text = "LUKASHENKO FLIES TO BEIJING FOR U.S. TALKS\nAlexander Lukashenko left Minsk for Beijing."
    recased = recase(text)
    assert recased.split("\n")[0] == "Lukashenko flies to Beijing for U.S. talks"
    assert len(recased) == len(text) and recased.split("\n")[1] == text.split("\n")[1]


def test_text_without_capitalised_lines_is_left_alone():
    assert recase("NATO met in Brussels. The EU did not.") == "NATO met in Brussels. The EU did not."


@pytest.mark.parametrize("text, expected", [
    ("LONDON 1996-08-30\nShares fell.", True),
    ("BEIJING, Feb 28 (Newswire) - Talks began.", True),
    ("Talks in LONDON 1996-08-30 ended.", False),  # not at the start of a line
    ("LONDON is big.", False),
])
def test_a_name_opening_a_line_before_a_date_is_the_dateline_place(text, expected):
    place = "BEIJING" if "BEIJING" in text else "LONDON"
    start = text.index(place)
    assert is_dateline_place(text, start, start + len(place)) is expected


def test_a_name_after_a_role_word_is_a_person_and_the_organisation_before_it_stays():
    got = mentions_of("Belarusian opposition leader Sviatlana Tsikhanouskaya met Italian ministers in Rome. "
                      "Chinese Foreign Ministry spokeswoman Hua Chunying said talks went well.")
    assert ("Sviatlana Tsikhanouskaya", "PERSON") in got and ("Hua Chunying", "PERSON") in got
    assert any(label == "ORG" and name.endswith("Foreign Ministry") for name, label in got)


def test_a_name_that_swallowed_a_role_is_cut_back_to_the_organisation_before_it():
    # the tagger reads "Colts QB" as a person; the team is an organisation, the role no name at all
    got = mentions_of("Colts QB Andrew Luck threw a touchdown.")
    assert got == [("Colts", "ORG"), ("Andrew Luck", "PERSON")]


def test_a_role_word_that_opens_a_name_is_not_a_role():
    assert ("General Motors", "ORG") in mentions_of("General Motors said on Monday that profits rose.")


def _m(text: str, name: str, label: str) -> EntityMention:
    start = text.index(name)
    return EntityMention(start=start, end=start + len(name), text=name, label=label)


def test_a_club_that_plays_is_a_team_everywhere_in_the_document_but_a_country_stays_a_place():
    text = "Somerset beat Kent by 39 runs.\nFrance 2 Germany 1\nSomerset now lead the table. Kent is in England."
    mentions = [_m(text, "Somerset", "GPE"), _m(text, "Kent", "GPE"), _m(text, "France", "GPE"),
                _m(text, "Germany", "GPE"), _m(text, "England", "GPE")]
    mentions.append(EntityMention(start=text.rindex("Somerset"), end=text.rindex("Somerset") + 8,
                                  text="Somerset", label="GPE"))
    labels = [(m.text, m.label) for m in teams_in_play(text, mentions)]
    assert labels == [("Somerset", "ORG"), ("Kent", "ORG"), ("France", "GPE"), ("Germany", "GPE"),
                      ("England", "GPE"), ("Somerset", "ORG")]


def test_a_place_followed_by_a_distance_or_a_year_does_not_play():
    text = "Kenya 15 km north of the border. Belarus 2023 was a hard year for Minsk 3 times over."
    mentions = [_m(text, "Kenya", "GPE"), _m(text, "Belarus", "GPE")]
    assert [m.label for m in teams_in_play(text, mentions)] == ["GPE", "GPE"]


def test_every_name_after_a_plural_role_is_a_person_but_a_day_is_not():
    got = mentions_of("The court sentenced exiled opposition leaders Sviatlana Tsikhanouskaya and Pavel Latushka "
                      "in absentia. The division leaders Friday lost again.")
    assert ("Sviatlana Tsikhanouskaya", "PERSON") in got and ("Pavel Latushka", "PERSON") in got
    assert ("Friday", "PERSON") not in got
