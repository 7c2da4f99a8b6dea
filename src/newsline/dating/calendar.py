"""Calendar arithmetic the resolver needs and the standard library lacks (quarters, seasons, months)."""

from __future__ import annotations

import calendar
import datetime as dt

Day = dt.date
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def month_end(year: int, month: int) -> Day:
    return Day(year, month, calendar.monthrange(year, month)[1])


def safe_day(year: int, month: int, day: int) -> Day | None:
    try:
        return Day(year, month, day)
    except ValueError:
        return None


def add_months(day: Day, months: int) -> Day:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return Day(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def quarter_of(day: Day, offset: int = 0) -> tuple[int, int]:
    index = day.year * 4 + (day.month - 1) // 3 + offset
    return index // 4, index % 4 + 1


def season_span(year: int, season: str) -> tuple[Day, Day]:
    """Meteorological seasons; winter YYYY runs from December YYYY to February YYYY+1."""
    first = Day(year, SEASON_START[season], 1)
    last = add_months(first, 2)
    return first, month_end(last.year, last.month)


# A bare "Nov. 10" in a past clause that falls this close after the anchor is still this year's:
# "has set Nov. 10 as the deadline", "payable Dec. 1". News gives the year for dates a year back.
NEAR_FUTURE_DAYS = 45


def year_for(month: int, day: int, anchor: Day, direction: str) -> int:
    """The year of a bare "February 25" seen from ``anchor``, by the tense of its clause.

    Without a tense the occurrence nearest the anchor is taken.
    """
    this_year = safe_day(anchor.year, month, day)
    if this_year is None:  # February 29 outside a leap year: the nearest leap year
        candidates = [y for y in (anchor.year - 1, anchor.year + 1) if safe_day(y, month, day)]
        return candidates[0] if candidates else anchor.year
    if direction == "past":
        return anchor.year if this_year <= anchor + dt.timedelta(days=NEAR_FUTURE_DAYS) else anchor.year - 1
    if direction == "future":
        return anchor.year if this_year >= anchor - dt.timedelta(days=1) else anchor.year + 1
    candidates = [y for y in (anchor.year - 1, anchor.year + 1) if safe_day(y, month, day)] + [anchor.year]
    return min(candidates, key=lambda y: abs((safe_day(y, month, day) or anchor) - anchor).days)


def years_for_weekday(month: int, day: int, weekday: int, around: int, reach: int = 14) -> list[int]:
    """Years within ``reach`` of ``around`` in which ``month``/``day`` falls on ``weekday``, nearest first."""
    years = [y for y in range(around - reach, around + reach + 1)
             if (d := safe_day(y, month, day)) is not None and d.weekday() == weekday]
    return sorted(years, key=lambda y: (abs(y - around), -y))


def year_for_weekday(month: int, day: int, weekday: int, anchor: Day | None) -> int | None:
    """"Monday, December 4" seen from ``anchor``: the nearest year where that day is a Monday."""
    if anchor is None:
        return None
    years = years_for_weekday(month, day, weekday, anchor.year, reach=1)
    return years[0] if years else None


def weekday_near(weekday: int, anchor: Day, direction: str) -> Day:
    """The weekday's date: on or before the anchor for past clauses, on or after for future ones."""
    if direction == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> Day:
    first = Day(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> Day:
    from dateutil.easter import easter  # the Gregorian computus, as dateutil implements it

    return easter(year)


# Holidays news refers to by name; each maps a year to its day.
HOLIDAYS = {
    "new year's day": lambda y: Day(y, 1, 1),
    "new year's eve": lambda y: Day(y, 12, 31),
    "christmas eve": lambda y: Day(y, 12, 24),
    "christmas day": lambda y: Day(y, 12, 25),
    "christmas": lambda y: Day(y, 12, 25),
    "boxing day": lambda y: Day(y, 12, 26),
    "valentine's day": lambda y: Day(y, 2, 14),
    "independence day": lambda y: Day(y, 7, 4),
    "halloween": lambda y: Day(y, 10, 31),
    "may day": lambda y: Day(y, 5, 1),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 6, 0, 1) - dt.timedelta(days=7),  # last Monday in May
    "easter sunday": _easter,
    "easter": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
}


def holiday_near(name: str, anchor: Day, direction: str) -> Day:
    """The holiday's date in the year the clause points to: the last one for past, the next for future."""
    days = [HOLIDAYS[name](y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        return max([d for d in days if d <= anchor + dt.timedelta(days=1)], default=days[1])
    if direction == "future":
        return min([d for d in days if d >= anchor - dt.timedelta(days=1)], default=days[1])
    return min(days, key=lambda d: abs((d - anchor).days))
