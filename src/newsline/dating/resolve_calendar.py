"""Resolvers of the expressions that name a time on the calendar: days, months, years, quarters,
halves, seasons, holidays, weekdays and clock times, read in full or with the year taken from the
anchor (the publication date) or from an interval's other end."""

from __future__ import annotations

import datetime as dt

from ..model import TemporalExpression
from . import values as V
from .assign import need, set_century, set_day, set_decade, set_month, set_quarter, set_span, set_week, set_year
from .calendar import (
    HOLIDAYS,
    Day,
    holiday_near,
    month_end,
    quarter_of,
    safe_day,
    season_span,
    weekday_near,
    year_for,
    year_for_weekday,
)

Previous = list[TemporalExpression]


def explicit_day(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    day = safe_day(need(p.y), need(p.m), need(p.d)) if p.y else None
    if day:
        set_day(tx, day)
        tx.anchored_to = "text"
    elif not p.y:
        month_day(tx, anchor, previous)


def month_day(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    month, day_of_month, weekday = need(p.m), need(p.d), p.wd
    opening = previous[-1] if previous and p.pair == "close" else None
    if opening is not None and opening.params.pair == "open" and opening.start_date:
        start = Day.fromisoformat(opening.start_date)
        year = start.year + (1 if month < start.month else 0)
        tx.anchored_to = opening.anchored_to
    elif weekday is not None and (found := year_for_weekday(month, day_of_month, int(weekday), anchor)):
        year = found
        tx.anchored_to = "text"
    elif anchor is not None:
        year = year_for(month, day_of_month, anchor, tx.direction)
        tx.anchored_to = "publication"
    else:
        tx.value = f"XXXX-{month:02d}-{day_of_month:02d}"
        return
    day = safe_day(year, month, day_of_month)
    if day:
        set_day(tx, day)


def year(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    set_year(tx, need(tx.params.y))
    tx.anchored_to = "text"


def decade(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    set_decade(tx, need(tx.params.decade))
    tx.anchored_to = "text"


def century(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    set_century(tx, need(tx.params.century))
    tx.anchored_to = "text"


def month_of_year(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    month = need(tx.params.m)
    if tx.params.y:
        set_month(tx, tx.params.y, month)
        tx.anchored_to = "text"
    elif (found := _year_of(tx, anchor)) is not None:
        set_month(tx, found, month)
    else:
        tx.value = f"XXXX-{month:02d}"


def _year_of(tx: TemporalExpression, anchor: Day | None) -> int | None:
    p = tx.params
    if p.y:
        tx.anchored_to = "text"
        return need(p.y)
    if anchor is None:
        return None
    tx.anchored_to = "publication"
    return anchor.year + int(p.year_offset or 0)


def quarter(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    year = _year_of(tx, anchor)
    if year is None:
        tx.value = f"XXXX-Q{need(tx.params.q)}"
        return
    quarter = need(tx.params.q)
    if tx.anchored_to == "publication" and not tx.params.year_offset and tx.direction != "future" \
            and anchor is not None and Day(year, 3 * quarter - 2, 1) > anchor:
        year -= 1  # a quarter not yet begun, reported in the past tense or without tense: last year's
    set_quarter(tx, year, quarter)


def period_ended(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    """ "the quarter ended July 31" is the quarter most of whose days lie before July 31: Q2."""
    p = tx.params
    month, day_of_month = need(p.m), need(p.d)
    if p.y:
        year = need(p.y)
    elif anchor is not None:
        year = year_for(month, day_of_month, anchor, "past" if p.ended else tx.direction)
    else:
        return
    last = safe_day(year, month, day_of_month)
    if last is None:
        return
    tx.anchored_to = "text" if p.y else "publication"
    set_quarter(tx, *quarter_of(last - dt.timedelta(days=45)))


def half(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    year = _year_of(tx, anchor)
    half = need(tx.params.half)
    if year is None:
        tx.value = f"XXXX-H{half}"
        return
    first = Day(year, 1 if half == 1 else 7, 1)
    set_span(tx, first, month_end(year, 6 if half == 1 else 12), "month", f"{year:04d}-H{half}")


def season(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    season = need(p.season)
    if p.y:
        year = need(p.y)
        tx.anchored_to = "text"
    elif anchor is None:
        tx.value = f"XXXX-{season}"
        return
    else:
        year = _season_year(season, anchor, p.offset, tx.direction)
        tx.anchored_to = "publication"
    first, last = season_span(year, season)
    set_span(tx, first, last, "season", f"{year:04d}-{season}")


def _season_year(season: str, anchor: Day, offset, direction: str) -> int:
    first, last = season_span(anchor.year, season)
    if offset is None:
        offset = -1 if direction == "past" else 1 if direction == "future" else 0
        if offset == -1 and first <= anchor:
            return anchor.year
        if offset == 1 and last >= anchor:
            return anchor.year
    if offset == -1:
        return anchor.year if last < anchor else anchor.year - 1
    if offset == 1:
        return anchor.year if first > anchor else anchor.year + 1
    return anchor.year


def month_alone(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    month = need(p.m)
    if anchor is None:
        tx.value = f"XXXX-{month:02d}"
        return
    offset = p.offset
    year = anchor.year
    if offset is None and tx.direction == "none":
        year = min((anchor.year - 1, anchor.year, anchor.year + 1),
                   key=lambda y: abs((y * 12 + month) - (anchor.year * 12 + anchor.month)))
    elif offset == -1:
        year -= 1 if month >= anchor.month else 0
    elif offset is None and tx.direction == "past":
        year = year_for(month, 1, anchor, "past")  # "in early November" seen from October 30 is this one
    elif offset == 1 or tx.direction == "future":
        year += 1 if month < anchor.month or (offset == 1 and month == anchor.month) else 0
    set_month(tx, year, month)
    tx.anchored_to = "publication"


def weekday(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    wd = need(p.wd)
    if anchor is None:
        tx.value = f"XXXX-WXX-{wd + 1}"
        return
    offset = p.offset
    if offset == -1:
        day = weekday_near(wd, anchor - dt.timedelta(days=1), "past")
    elif offset == 1:
        day = weekday_near(wd, anchor + dt.timedelta(days=1), "future")
    elif offset == 0:
        day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=wd)
    else:
        day = weekday_near(wd, anchor, tx.direction)
    set_day(tx, day)
    tx.anchored_to = "publication"


def weekend(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    """"the weekend": the one just past in past clauses, the coming one otherwise."""
    if anchor is None:
        tx.value = "XXXX-WXX-WE"
        return
    saturday = weekday_near(5, anchor, "future" if tx.direction == "future" else "past")
    if tx.direction == "none" and anchor.weekday() < 5 and (anchor - saturday).days > 3:
        saturday += dt.timedelta(days=7)
    set_week(tx, saturday - dt.timedelta(days=5), weekend=True)
    tx.anchored_to = "publication"


def holiday(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    name = need(p.holiday)
    if p.y:
        day = HOLIDAYS[name](need(p.y))
        tx.anchored_to = "text"
    elif anchor is None:
        return
    else:
        offset = p.offset
        direction = "past" if offset == -1 else "future" if offset == 1 else tx.direction
        day = holiday_near(name, anchor, direction)
        tx.anchored_to = "publication"
    set_day(tx, day)


def relative_day(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    if anchor is None:
        return
    set_day(tx, anchor + dt.timedelta(days=need(tx.params.offset)))
    tx.anchored_to = "publication"


def clock(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    if p.m and anchor is not None:
        day = safe_day(year_for(need(p.m), need(p.d), anchor, tx.direction), need(p.m), need(p.d))
    elif p.wd is not None and anchor is not None:
        day = weekday_near(need(p.wd), anchor, tx.direction)
    elif anchor is not None:
        day = anchor + dt.timedelta(days=int(p.offset or 0))
    else:
        day = None
    if day is None:
        tx.value = f"XXXX-XX-XXT{need(p.h):02d}:{need(p.mi):02d}"
        return
    set_span(tx, day, day, "time", V.time_value(day, need(p.h), need(p.mi)))
    tx.anchored_to = "publication"
