"""Each tagging and normalisation rule of the temporal engine, pinned with a small sentence."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsline.dating.calendar import HOLIDAYS, years_for_weekday
from newsline.dating.find import find_expressions
from newsline.dating.timex import tag_and_resolve
from newsline.dating.values import duration_value, is_valid
from newsline.pretrained import load_nlp

DCT = dt.date(1998, 2, 6)  # a Friday


@pytest.fixture(scope="module")
def parser():
    return functools.partial(load_nlp(), disable=["ner"])


def tags(parser, text: str, anchor: dt.date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(tx.text, tx.type.value, tx.value) for tx in tag_and_resolve(text, anchor, parser=parser)]


@pytest.mark.parametrize("text, expected", [
    # spans and types as TimeML annotators mark them
    ("Profit rose in the third quarter.", [("the third quarter", "DATE", "1997-Q3")]),  # not begun by DCT
    ("Profit fell in the fourth quarter.", [("the fourth quarter", "DATE", "1997-Q4")]),
    ("Third-quarter earnings fell.", [("Third-quarter", "DATE", "1997-Q3")]),
    ("Profit will rise in the third quarter.", [("the third quarter", "DATE", "1998-Q3")]),
    ("It happened in the 1990s.", [("the 1990s", "DATE", "199")]),
    ("The 20th century ended.", [("The 20th century", "DATE", "19")]),
    ("Sales grew last fall.", [("last fall", "DATE", "1997-FA")]),
    ("Output rose in the first half of 1997.", [("the first half of 1997", "DATE", "1997-H1")]),
    ("He left at 10:35 a.m.", [("10:35 a.m.", "TIME", "1998-02-06T10:35")]),
    ("Talks resumed this morning.", [("this morning", "TIME", "1998-02-06TMO")]),
    ("Rioting broke out last night.", [("last night", "TIME", "1998-02-05TNI")]),
    ("The paper is published daily.", [("daily", "SET", "P1D")]),
    ("They meet every week.", [("every week", "SET", "P1W")]),
    ("The club meets each Thursday.", [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("It costs $5 a year.", [("a year", "SET", "P1Y")]),
    ("Markets fell over the past two months.", [("the past two months", "DURATION", "P2M")]),
    ("He stayed for two decades.", [("two decades", "DURATION", "P20Y")]),
    ("In the last twenty four hours prices fell.", [("the last twenty four hours", "DURATION", "PT24H")]),
    ("It took several years.", [("several years", "DURATION", "PXY")]),
    ("Prices are rising now.", [("now", "DATE", "PRESENT_REF")]),
    ("Prices fell in recent years.", [("recent years", "DATE", "PAST_REF")]),
    ("Rates may rise in the near future.", [("the near future", "DATE", "FUTURE_REF")]),
    ("He retired in nineteen ninety-six.", [("nineteen ninety-six", "DATE", "1996")]),
    ("She returned on Christmas Eve.", [("Christmas Eve", "DATE", "1997-12-24")]),
    ("He arrived last Thanksgiving.", [("last Thanksgiving", "DATE", "1997-11-27")]),
    ("The deal closed in January this year.", [("January this year", "DATE", "1998-01")]),
    ("It closed two weeks ago.", [("two weeks ago", "DATE", "1998-W04")]),
    ("The fund was set up about two years ago.", [("about two years ago", "DATE", "1996")]),
])
def test_rule(parser, text, expected):
    assert tags(parser, text) == expected


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_back(parser):
    got = tags(parser, "Profit rose 5% in the third quarter from a year ago.", dt.date(1989, 10, 30))
    assert got == [("the third quarter", "DATE", "1989-Q3"), ("a year ago", "DATE", "1988-Q3")]


def test_a_year_earlier_counts_from_the_date_just_mentioned(parser):
    got = tags(parser, "Sales rose in March 1996. A year earlier they had fallen.")
    assert got[-1] == ("A year earlier", "DATE", "1995-03")


def test_the_quarter_refers_to_the_quarter_under_discussion_not_the_comparison(parser):
    text = "Net fell in the second quarter from a year ago. Sales in the quarter rose."
    assert tags(parser, text, dt.date(1989, 10, 30))[-1] == ("the quarter", "DATE", "1989-Q2")


@pytest.mark.parametrize("text, value", [
    ("The minister said Monday that talks failed.", "1998-02-02"),
    ("The minister will fly to Paris on Monday.", "1998-02-09"),
    ("The closing is expected in December.", "1998-12"),
    ("Shares were sold in December.", "1997-12"),
])
def test_tense_of_the_clause_picks_the_direction(parser, text, value):
    assert tags(parser, text)[0][2] == value


@pytest.mark.parametrize("text, value", [
    # DCT is Friday 1998-02-06
    ("The group would leave for Paris on Tuesday, he said.", "1998-02-10"),  # modal: ahead
    ("The summit may be held on April 24.", "1998-04-24"),
    ("Officials have scheduled a news conference Thursday.", "1998-02-12"),  # scheduling verb, active
    ("Trading is to resume in Paris Tuesday.", "1998-02-10"),  # "is to" + infinitive
    ("The offer had been due to expire Tuesday.", "1998-02-03"),  # a future seen from the past
    ("The company set Feb. 20 as the deadline for bids.", "1998-02-20"),
    ("The board declared a dividend, payable March 1.", "1998-03-01"),  # near after DCT, no year: this one
])
def test_modality_and_news_convention_pick_the_direction(parser, text, value):
    assert tags(parser, text)[-1][2] == value


def test_a_past_clause_about_a_month_just_ahead_means_this_year(parser):
    # From October 30, "early November" in a past-tense clause is days away, not a year back.
    got = tags(parser, "Guidelines were promised in early November.", dt.date(1989, 10, 30))
    assert got == [("early November", "DATE", "1989-11")]
    far = tags(parser, "Sales fell in August.", dt.date(1989, 2, 6))
    assert far == [("August", "DATE", "1988-08")]


def test_the_quarter_ended_a_date_is_the_calendar_quarter_it_closes(parser):
    got = tags(parser, "Jayark had 5.6 million shares in the quarter ended July 31.", dt.date(1989, 10, 30))
    assert got[0] == ("the quarter", "DATE", "1989-Q2")
    # "the year ended March 31" stays the duration TimeML annotators mark
    assert tags(parser, "Profit rose in the year ended March 31.", dt.date(1989, 10, 30))[0] == \
        ("the year", "DURATION", "P1Y")


def test_the_following_year_counts_from_the_year_just_mentioned(parser):
    text = "On May 22, 1995, he was made a general, and the following year he was sent to Paris."
    assert tags(parser, text, dt.date(1998, 4, 18))[-1] == ("the following year", "DATE", "1996")
    assert tags(parser, "Next year rates rise.", dt.date(1998, 4, 18)) == [("Next year", "DATE", "1999")]


@pytest.mark.parametrize("text, expected", [
    ("They must leave as soon as possible.", []),  # a conjunction, not a time
    ("He died soon after his capture.", []),
    ("Prices will rise soon.", [("soon", "DATE", "FUTURE_REF")]),
    ("A second group of directors met.", []),  # an ordinal, not one second
    ("The deal should close by year-end.", [("year-end", "DATE", "1998")]),
    ("Cuts are due by the end of the year.", [("the end of the year", "DATE", "1998")]),
    ("Sales for the full year rose.", [("the full year", "DATE", "1998")]),
    ("In a poll completed on Saturday, 69 percent agreed.", [("Saturday", "DATE", "1998-01-31")]),
    ("His name was crossed out that same day.", [("that same day", "DATE", None)]),
])
def test_conjunctions_ordinals_and_period_ends(parser, text, expected):
    assert tags(parser, text) == expected


def test_a_date_before_a_colon_is_still_a_date(parser):
    got = tags(parser, "The Times said in an editorial on Monday, Oct. 26: The murder shocked.", dt.date(1998, 10, 27))
    assert got == [("Monday, Oct. 26", "DATE", "1998-10-26")]


def test_the_latest_period_is_the_quarter_under_discussion(parser):
    got = tags(parser, "Net rose in the second quarter. Sales in the latest period rose.", dt.date(1989, 11, 2))
    assert got[-1] == ("the latest period", "DATE", "1989-Q2")


def test_decades_and_centuries_shift_from_the_time_just_mentioned(parser):
    got = tags(parser, "They met in 1980. Two decades earlier the war had ended. A century later it was forgotten.")
    assert [v for _, _, v in got] == ["1980", "196", "20"]


def test_last_and_next_weekday_skip_the_document_day(parser):
    got = dict((t, v) for t, _, v in tags(parser, "He came last Friday and leaves next Friday."))
    assert got == {"last Friday": "1998-01-30", "next Friday": "1998-02-13"}


def test_interval_between_two_bare_days_shares_the_month(parser):
    got = tags(parser, "Voting runs between May 3 and 5.", dt.date(1998, 4, 1))
    assert got == [("May 3", "DATE", "1998-05-03"), ("5", "DATE", "1998-05-05")]


def test_year_range_is_two_expressions():
    assert [f.text for f in find_expressions("Protests in 2020-2021 spread.")] == ["2020", "2021"]


def test_weekday_with_date_picks_the_year_that_fits(parser):
    # 4 December is a Monday in 2023, not in 2024: the printed weekday decides.
    assert tags(parser, "On Monday, December 4, they met.", dt.date(2024, 1, 10))[0][2] == "2023-12-04"


def test_years_where_a_weekday_date_fits():
    assert years_for_weekday(12, 4, 0, 2023, reach=6)[:3] == [2023, 2028, 2017]


def test_holidays_compute_their_day():
    assert HOLIDAYS["thanksgiving"](2023) == dt.date(2023, 11, 23)
    assert HOLIDAYS["easter"](2024) == dt.date(2024, 3, 31)
    assert HOLIDAYS["election day"](2024) == dt.date(2024, 11, 5)


@given(n=st.one_of(st.none(), st.integers(0, 500), st.floats(0.25, 50).map(lambda x: round(x, 2))),
       unit=st.sampled_from(["second", "minute", "hour", "day", "week", "weekend", "month", "quarter", "year",
                             "decade", "century"]))
def test_every_duration_value_is_valid_timex3(n, unit):
    assert is_valid(duration_value(n, unit))


_PHRASES = ["the third quarter", "last fall", "the 1990s", "10 p.m.", "this morning", "every week",
            "each Thursday", "two weeks ago", "a year earlier", "the weekend", "Christmas", "now",
            "recent years", "the past three months", "Monday night", "the day before", "next year",
            "the first half", "midnight Friday", "January", "Sept. 30", "1990-91"]


@given(anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1700, 3, 1), max_value=dt.date(2090, 12, 31))),
       phrases=st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=5))
def test_every_emitted_value_is_valid_timex3(anchor, phrases):
    text = "It happened " + ", then ".join(phrases) + "."
    for tx in tag_and_resolve(text, anchor):
        assert tx.value is None or is_valid(tx.value), (tx.text, tx.value)
        if tx.start_date:
            assert tx.start_date <= tx.end_date


def test_a_date_in_the_article_address_is_a_publication_date_candidate():
    from newsline.dating.published import url_candidates
    from newsline.model import Document

    doc = Document(id="d", path="p", format="html", raw_text="x", text="x", url="https://example.org/news/2023/02/28/visit.html")
    [candidate] = url_candidates(doc)
    assert (candidate.date, candidate.origin.value) == ("2023-02-28", "url")
    assert url_candidates(doc.model_copy(update={"url": "https://example.org/news/visit-1234"})) == []


def test_every_rule_carries_its_resolver_and_typed_parts():
    from pydantic import ValidationError

    from newsline.dating.patterns import PATTERNS, RULES
    from newsline.model import TimexParams

    for pattern in PATTERNS:
        dropped = pattern.kind == "IGNORE" or pattern.split is not None
        assert (pattern.resolve is None) == dropped, pattern.rule
        assert RULES[pattern.rule].resolve is pattern.resolve  # one resolver per rule name
    [found] = find_expressions("on Tuesday, February 28, 2023")
    assert (found.rule, found.params.y, found.params.m, found.params.d, found.params.wd) == (
        "month_day_year", 2023, 2, 28, 1)
    assert found.params.model_dump() == {"y": 2023, "m": 2, "d": 28, "wd": 1}  # only the parts it read
    with pytest.raises(ValidationError):
        TimexParams(weekday=1)  # a part no rule reads is refused, not carried along


@pytest.mark.parametrize("text, expected", [
    ("Flash forward to April 17 , 2010 .", ("April 17 , 2010", "DATE", "2010-04-17")),
    ("The rig sank on 22 April , 2010 .", ("22 April , 2010", "DATE", "2010-04-22")),
])
def test_a_comma_spaced_off_still_joins_the_year_to_its_day(parser, text, expected):
    # Tokenized copy spaces the comma; read alone, "April 17" took the 2011 report's year.
    assert tags(parser, text, dt.date(2011, 6, 7)) == [expected]
