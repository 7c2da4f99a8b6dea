"""TIMEX3 value strings: formatters for each kind of value and the grammar they must satisfy."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import CLOCK_UNITS, UNITS

_Y = r"(?:\d{4}|\d{3}|\d{2}|X{4}|\d{2}XX|\d{3}X)"
_DATE = (rf"{_Y}(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?"
         r"|W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?")
_TIME = r"T(?:MO|AF|EV|NI|DT|(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?)"
_N = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = (rf"P(?:(?:{_N}(?:Y|M|W|D|Q|DE|CE|WE|H))+(?:T(?:{_N}[HMS])+)?|T(?:{_N}[HMS])+)")
VALUE = re.compile(rf"(?:{_DATE}(?:{_TIME})?|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)")


def is_valid(value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value (TimeML 1.2.1)."""
    return bool(VALUE.fullmatch(value))


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekend_value(day: dt.date) -> str:
    return f"{week_value(day)}-WE"


def quarter_value(year: int, quarter: int | None) -> str:
    return f"{year:04d}-Q{quarter if quarter else 'X'}"


def time_value(day: dt.date | str, hour: int | None = None, minute: int | None = None, part: str | None = None) -> str:
    base = day if isinstance(day, str) else day.isoformat()
    if part:
        return f"{base}T{part}"
    return f"{base}T{hour:02d}:{minute or 0:02d}"


def duration_value(n: float | None, unit: str) -> str:
    """``P3D``, ``PT2H``, ``P20Y`` (two decades), ``PXM`` (several months)."""
    letter, factor = UNITS[unit]
    if n is None:
        amount = "X"
    else:
        total = n * factor
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
        if unit in ("day", "hour") and not float(total).is_integer():
            # "half a day" is PT12H: TIMEX3 has no fractional days in common use.
            return f"PT{int(total * 24)}H" if unit == "day" else f"PT{int(total * 60)}M"
    return f"PT{amount}{letter}" if unit in CLOCK_UNITS else f"P{amount}{letter}"
