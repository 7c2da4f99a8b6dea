"""The API's date filters, checked against calendar arithmetic on generated dates (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsline.serve.records import in_range, widened_day

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _as(day: dt.date, precision: int) -> str:
    return day.isoformat()[:precision]  # 4: YYYY, 7: YYYY-MM, 10: YYYY-MM-DD


@given(days, st.sampled_from([4, 7, 10]), days, days)
def test_an_event_meets_a_range_exactly_when_the_days_it_covers_overlap_it(day, precision, a, b):
    first, last = min(a, b), max(a, b)
    event = _as(day, precision)
    covered_from = dt.date.fromisoformat(widened_day(event, start=True))
    covered_to = widened_day(event, start=False)
    # a month's "last day" is written -31 whatever the month; as a bound it compares as a string
    overlaps = covered_from <= last and covered_to >= first.isoformat()
    assert in_range(event, None, first.isoformat(), last.isoformat()) == overlaps


@given(days, st.sampled_from([4, 7, 10]))
def test_a_widened_day_bounds_the_period_it_names(day, precision):
    given_ = _as(day, precision)
    low, high = widened_day(given_, start=True), widened_day(given_, start=False)
    assert low <= day.isoformat() <= high and low.startswith(given_) and high.startswith(given_)
    assert widened_day(None, start=True) is None
