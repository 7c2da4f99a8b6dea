"""Turn anchor-independent time expressions into TIMEX3 values and day ranges.

Pure functions: the same expressions can be resolved again when a later stage revises the
publication date they are anchored to.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..model import TemporalExpression, TimexType

Day = dt.date


def month_end(year: int, month: int) -> Day:
    return Day(year, month, calendar.monthrange(year, month)[1])


def safe_day(year: int, month: int, day: int) -> Day | None:
    try:
        return Day(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int, anchor: Day, direction: str) -> int:
    """The year of a bare "February 25" seen from ``anchor``, by the tense of its clause."""
    candidates = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if safe_day(y, month, day)]
    if not candidates:
        return anchor.year
    if direction == "past":
        fitting = [y for y in candidates if safe_day(y, month, day) <= anchor + dt.timedelta(days=1)]
        return max(fitting) if fitting else min(candidates)
    if direction == "future":
        fitting = [y for y in candidates if safe_day(y, month, day) >= anchor - dt.timedelta(days=1)]
        return min(fitting) if fitting else max(candidates)
    return min(candidates, key=lambda y: abs((safe_day(y, month, day) - anchor).days))


def weekday_near(weekday: int, anchor: Day, direction: str) -> Day:
    """The weekday's date: on or before the anchor for past clauses, on or after for future ones."""
    if direction == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _set_day(tx: TemporalExpression, day: Day, end: Day | None = None) -> None:
    tx.start_date, tx.end_date = day.isoformat(), (end or day).isoformat()
    tx.granularity = "day"
    tx.value = day.isoformat()


def _set_month(tx: TemporalExpression, year: int, month: int) -> None:
    tx.start_date, tx.end_date = Day(year, month, 1).isoformat(), month_end(year, month).isoformat()
    tx.granularity, tx.value = "month", f"{year:04d}-{month:02d}"


def _set_year(tx: TemporalExpression, year: int, last_year: int | None = None) -> None:
    tx.start_date, tx.end_date = Day(year, 1, 1).isoformat(), Day(last_year or year, 12, 31).isoformat()
    tx.granularity, tx.value = "year", f"{year:04d}"


def _clear(tx: TemporalExpression) -> None:
    tx.value = tx.start_date = tx.end_date = None
    tx.granularity, tx.anchored_to = "none", "none"


def resolve_all(expressions: list[TemporalExpression], anchor: Day | None) -> None:
    """Resolve every expression of one document, in text order, against ``anchor``."""
    previous: list[TemporalExpression] = []
    for tx in expressions:
        _clear(tx)
        resolve_one(tx, anchor, previous)
        if tx.granularity == "day":
            previous.append(tx)


def resolve_one(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    p, rule = tx.params, tx.rule
    if tx.type == TimexType.DURATION:
        unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[str(p["unit"])]
        tx.value = f"P{p['n']}{unit}"
        return
    if rule in ("iso_date", "dotted_date", "month_day_year", "day_month_year"):
        day = safe_day(int(p["y"]), int(p["m"]), int(p["d"]))
        if day:
            _set_day(tx, day)
            tx.anchored_to = "text"
        return
    if rule == "month_year":
        _set_month(tx, int(p["y"]), int(p["m"]))
        tx.anchored_to = "text"
        return
    if rule == "year":
        _set_year(tx, int(p["y"]))
        tx.anchored_to = "text"
        return
    if rule == "year_range":
        _set_year(tx, int(p["y1"]), int(p["y2"]))
        tx.anchored_to = "text"
        return
    if rule in ("present_ref", "past_ref"):
        tx.value = str(p["ref"])
        return
    if rule == "anaphoric_day":
        _resolve_anaphoric(tx, anchor, previous)
        return
    if anchor is None:
        _unanchored_value(tx)
        return
    _resolve_relative(tx, anchor)


def _resolve_anaphoric(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    # "The day before" in past narration counts back from the last *past* reference time, not from
    # a future date quoted in the previous sentence ("said on Saturday that ... will visit from the 28th").
    offset = int(tx.params["offset"])
    usable = [t for t in previous if t.start_date]
    if offset < 0 and anchor is not None:
        usable = [t for t in usable if Day.fromisoformat(t.start_date) <= anchor] or usable
    if not usable:
        if tx.params["offset"] == 0 or anchor is None:
            return
        base = anchor
        tx.anchored_to = "publication"
    else:
        base = Day.fromisoformat(usable[-1].start_date)
        tx.anchored_to = "previous"
    _set_day(tx, base + dt.timedelta(days=offset))


def _unanchored_value(tx: TemporalExpression) -> None:
    p = tx.params
    if tx.rule == "month_day":
        tx.value = f"XXXX-{int(p['m']):02d}-{int(p['d']):02d}"
    elif tx.rule == "weekday":
        tx.value = f"XXXX-WXX-{int(p['wd']) + 1}"
    elif tx.rule == "month_alone":
        tx.value = f"XXXX-{int(p['m']):02d}"


def _resolve_relative(tx: TemporalExpression, anchor: Day) -> None:
    p, rule, direction = tx.params, tx.rule, tx.direction
    tx.anchored_to = "publication"
    if rule == "month_day":
        year = year_for(int(p["m"]), int(p["d"]), anchor, direction)
        day = safe_day(year, int(p["m"]), int(p["d"]))
        if day:
            _set_day(tx, day)
    elif rule == "day_range":
        year = int(p["y"]) if p.get("y") else year_for(int(p["m1"]), int(p["d1"]), anchor, direction)
        first = safe_day(year, int(p["m1"]), int(p["d1"]))
        last = safe_day(year + (1 if int(p["m2"]) < int(p["m1"]) else 0), int(p["m2"]), int(p["d2"]))
        if first and last and last >= first:
            _set_day(tx, first, last)
            tx.value = first.isoformat()
            if p.get("y"):
                tx.anchored_to = "text"
    elif rule == "weekday":
        _set_day(tx, weekday_near(int(p["wd"]), anchor, direction))
    elif rule == "relative_day":
        _set_day(tx, anchor + dt.timedelta(days=int(p["offset"])))
    elif rule == "month_alone":
        month = int(p["m"])
        year = anchor.year
        if direction != "future" and month > anchor.month:
            year -= 1
        elif direction == "future" and month < anchor.month:
            year += 1
        _set_month(tx, year, month)
    elif rule in ("relative_unit", "earlier_later"):
        _resolve_unit(tx, anchor, str(p["unit"]), int(p["offset"]))
    elif rule == "ago":
        _resolve_ago(tx, anchor, str(p["unit"]), int(p["n"]))


def _resolve_unit(tx: TemporalExpression, anchor: Day, unit: str, offset: int) -> None:
    if unit == "year":
        _set_year(tx, anchor.year + offset)
    elif unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        _set_month(tx, index // 12, index % 12 + 1)
    else:  # week
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        year, week, _ = monday.isocalendar()
        tx.start_date, tx.end_date = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        tx.granularity, tx.value = "day", f"{year:04d}-W{week:02d}"


def _resolve_ago(tx: TemporalExpression, anchor: Day, unit: str, n: int) -> None:
    if unit == "day":
        _set_day(tx, anchor - dt.timedelta(days=n))
    elif unit == "week":
        _resolve_unit(tx, anchor, "week", -n)
    elif unit == "month":
        _resolve_unit(tx, anchor, "month", -n)
    elif unit == "year":
        _set_year(tx, anchor.year - n)
    elif unit == "decade":
        tx.value = f"{(anchor.year - 10 * n) // 10:03d}"
        tx.granularity = "decade"
