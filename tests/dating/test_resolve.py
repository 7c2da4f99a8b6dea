"""Time expressions: found with TimeML-like spans, resolved by the tense of their clause."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsline.dating.resolve import resolve_all
from newsline.dating.timex import tag_text
from newsline.dating.values import is_valid
from newsline.model import TemporalExpression, TimexType
from newsline.pretrained import load_nlp

MONDAY = dt.date(2023, 2, 27)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def resolved(nlp, text: str, anchor: dt.date | None = MONDAY) -> dict[str, TemporalExpression]:
    expressions = tag_text(text, nlp(text))
    resolve_all(expressions, anchor)
    return {tx.text: tx for tx in expressions}


def test_weekday_looks_forward_in_a_planned_clause_and_back_after_said(nlp):
    got = resolved(nlp, "Lukashenko is due in Beijing to begin a three-day state visit Tuesday, "
                        "a spokesperson said Monday.")
    assert got["Tuesday"].start_date == "2023-02-28" and got["Tuesday"].direction == "future"
    assert got["Monday"].start_date == "2023-02-27" and got["Monday"].direction == "past"


def test_past_weekday_is_the_most_recent_one(nlp):
    assert resolved(nlp, "On Sunday, guerrillas attacked an air base.")["Sunday"].start_date == "2023-02-26"


def test_participle_takes_the_tense_of_its_clause(nlp):
    got = resolved(nlp, "Xi told visiting President Lukashenko on Monday that ties would deepen.",
                   anchor=dt.date(2023, 12, 5))
    assert got["Monday"].start_date == "2023-12-04"


def test_explicit_date_in_brackets_beats_the_weekday(nlp):
    got = resolved(nlp, "The spokeswoman said on Saturday (February 25) that the visit was agreed.",
                   anchor=dt.date(2023, 2, 26))
    assert got["Saturday (February 25)"].value == "2023-02-25"


def test_interval_and_the_day_before_counts_from_the_last_past_date(nlp):
    text = ("Hua said on Saturday (February 25) that Lukashenko will visit from February 28 to March 2. "
            "The day before, Qin Gang said in a phone call that ties were strong.")
    got = resolved(nlp, text, anchor=dt.date(2023, 2, 26))
    opening, closing = got["February 28"], got["March 2"]  # TimeML marks an interval as two TIMEX3s
    assert (opening.value, closing.value) == ("2023-02-28", "2023-03-02")
    assert (opening.start_date, opening.end_date) == ("2023-02-28", "2023-03-02")
    assert got["The day before"].value == "2023-02-24"


def test_future_bare_date_rolls_into_next_year(nlp):
    got = resolved(nlp, "The election will be held on January 26.", anchor=dt.date(2024, 12, 10))
    assert got["January 26"].value == "2025-01-26"


@pytest.mark.parametrize("phrase, value", [
    ("last year", "2022"), ("this month", "2023-02"), ("in September 2022", "2022-09"),
    ("a year ago", "2022"), ("next week", "2023-W10"), ("yesterday", "2023-02-26"),
])
def test_relative_and_partial_expressions(nlp, phrase, value):
    text = f"Officials said the plan was made {phrase}."
    got = resolved(nlp, text)
    [tx] = [t for t in got.values() if t.type == TimexType.DATE]
    assert tx.value == value


@pytest.mark.parametrize("text", [
    "Prosecutors demanded 19-year prison sentences.",
    "He began a three-day visit.",
    "Beijing claims neutrality in the year-old war.",
    "More than 120 trips were made, and 1,000 prisoners remain; $2023 was paid.",
    "A 6-year-old boy and a man, 52 years old, were hurt.",
    "About three-quarters of voters agreed.",
])
def test_durations_ages_and_counts_are_never_dates(nlp, text):
    assert [tx.text for tx in resolved(nlp, text).values() if tx.start_date] == []


def test_undated_text_gets_unknown_year_values(nlp):
    got = resolved(nlp, "On Monday, December 4, the leaders met.", anchor=None)
    assert got["Monday, December 4"].value == "XXXX-12-04" and got["Monday, December 4"].start_date is None


def test_spans_leave_out_prepositions(nlp):
    assert set(resolved(nlp, "They met on Friday in March 2023.")) == {"Friday", "March 2023"}


@given(
    anchor=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    month=st.integers(1, 12), day=st.integers(1, 31),
    weekday=st.sampled_from(["Monday", "Tuesday", "Sunday"]),
    rel=st.sampled_from(["last year", "this month", "next week", "two days ago", "a decade ago", "yesterday"]),
)
def test_every_resolved_value_is_valid_timex3(anchor, month, day, weekday, rel):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    name = months[month - 1]
    text = f"On {weekday}, {name} {day}, and {rel}, from {name} {day} to 30, it happened in {anchor.year}."
    expressions = tag_text(text)
    resolve_all(expressions, anchor)
    for tx in expressions:
        assert tx.value is None or is_valid(tx.value), tx
        if tx.start_date:
            assert dt.date.fromisoformat(tx.start_date) <= dt.date.fromisoformat(tx.end_date)
