"""Assigning a resolved value to a time expression: its TIMEX3 value, the days it covers and its
granularity, set together so they always agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from ..model import TemporalExpression, TimexType
from . import values as V
from .calendar import Day, month_end
from .lexicon import PARTS_OF_DAY as PARTS

T = TypeVar("T")
# A rule's resolver: the expression, the document's anchor date (None when unknown) and the
# expressions before it in the text, already resolved; it sets the expression's value.
Resolver = Callable[[TemporalExpression, Day | None, list[TemporalExpression]], None]


def need(value: T | None) -> T:
    """A part the rule always reads; its absence means the rule was applied to what it cannot resolve."""
    if value is None:
        raise ValueError("a part of the time expression that its rule needs is missing")
    return value


def set_span(tx: TemporalExpression, first: Day, last: Day, granularity: str, value: str) -> None:
    tx.start_date, tx.end_date = first.isoformat(), last.isoformat()
    tx.granularity, tx.value = granularity, value  # type: ignore[assignment]


def set_day(tx: TemporalExpression, day: Day) -> None:
    set_span(tx, day, day, "day", V.day_value(day))


def set_month(tx: TemporalExpression, year: int, month: int) -> None:
    set_span(tx, Day(year, month, 1), month_end(year, month), "month", V.month_value(year, month))


def set_year(tx: TemporalExpression, year: int) -> None:
    set_span(tx, Day(year, 1, 1), Day(year, 12, 31), "year", V.year_value(year))


def set_quarter(tx: TemporalExpression, year: int, quarter: int) -> None:
    first = Day(year, 3 * quarter - 2, 1)
    set_span(tx, first, month_end(year, 3 * quarter), "quarter", V.quarter_value(year, quarter))


def set_decade(tx: TemporalExpression, decade: int) -> None:
    set_span(tx, Day(decade * 10, 1, 1), Day(decade * 10 + 9, 12, 31), "decade", f"{decade:03d}")


def set_century(tx: TemporalExpression, century: int) -> None:
    set_span(tx, Day(max(century * 100, 1), 1, 1), Day(century * 100 + 99, 12, 31), "century", f"{century:02d}")


def set_week(tx: TemporalExpression, monday: Day, weekend: bool = False) -> None:
    if weekend:
        set_span(tx, monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week", V.weekend_value(monday))
    else:
        set_span(tx, monday, monday + dt.timedelta(days=6), "week", V.week_value(monday))


def clear(tx: TemporalExpression) -> None:
    tx.value = tx.start_date = tx.end_date = None
    tx.granularity, tx.anchored_to = "none", "none"


def with_part(tx: TemporalExpression) -> None:
    part = tx.params.part
    if part and tx.value and tx.granularity == "day":
        tx.value = V.time_value(tx.value, part=PARTS[str(part)])
        tx.type = TimexType.TIME


def number(value: int | float | None) -> int | float | None:
    return None if value is None else float(value) if not float(value).is_integer() else int(value)
