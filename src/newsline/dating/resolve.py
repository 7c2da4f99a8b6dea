"""Turn anchor-independent time expressions into TIMEX3 values and day ranges.

Pure functions: the same expressions can be resolved again when a later stage revises the
publication date they are anchored to. Explicit parts of an expression always win over inferred
ones: a weekday printed next to a date picks the year, a year printed in an interval dates both ends.
"""

from __future__ import annotations

import datetime as dt
import itertools

from ..model import TemporalExpression, TimexType
from . import values as V
from .calendar import (
    HOLIDAYS,
    Day,
    add_months,
    holiday_near,
    month_end,
    quarter_of,
    safe_day,
    season_span,
    weekday_near,
    year_for,
    year_for_weekday,
)
from .lexicon import PARTS_OF_DAY as PARTS

ANAPHORA_REACH = 600  # characters: farther back, a "year earlier" is read from the document date
EXPLICIT_DAY_RULES = {"iso_date", "dotted_date", "slash_date", "month_day_year", "day_month_year"}


def _set(tx: TemporalExpression, first: Day, last: Day, granularity: str, value: str) -> None:
    tx.start_date, tx.end_date = first.isoformat(), last.isoformat()
    tx.granularity, tx.value = granularity, value  # type: ignore[assignment]


def _set_day(tx: TemporalExpression, day: Day) -> None:
    _set(tx, day, day, "day", V.day_value(day))


def _set_month(tx: TemporalExpression, year: int, month: int) -> None:
    _set(tx, Day(year, month, 1), month_end(year, month), "month", V.month_value(year, month))


def _set_year(tx: TemporalExpression, year: int) -> None:
    _set(tx, Day(year, 1, 1), Day(year, 12, 31), "year", V.year_value(year))


def _set_quarter(tx: TemporalExpression, year: int, quarter: int) -> None:
    first = Day(year, 3 * quarter - 2, 1)
    _set(tx, first, month_end(year, 3 * quarter), "quarter", V.quarter_value(year, quarter))


def _set_decade(tx: TemporalExpression, decade: int) -> None:
    _set(tx, Day(decade * 10, 1, 1), Day(decade * 10 + 9, 12, 31), "decade", f"{decade:03d}")


def _set_century(tx: TemporalExpression, century: int) -> None:
    _set(tx, Day(max(century * 100, 1), 1, 1), Day(century * 100 + 99, 12, 31), "century", f"{century:02d}")


def _set_week(tx: TemporalExpression, monday: Day, weekend: bool = False) -> None:
    if weekend:
        _set(tx, monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week", V.weekend_value(monday))
    else:
        _set(tx, monday, monday + dt.timedelta(days=6), "week", V.week_value(monday))


def _clear(tx: TemporalExpression) -> None:
    tx.value = tx.start_date = tx.end_date = None
    tx.granularity, tx.anchored_to = "none", "none"


def _with_part(tx: TemporalExpression) -> None:
    part = tx.params.get("part")
    if part and tx.value and tx.granularity == "day":
        tx.value = V.time_value(tx.value, part=PARTS[str(part)])
        tx.type = TimexType.TIME


def resolve_all(expressions: list[TemporalExpression], anchor: Day | None) -> None:
    """Resolve every expression of one document, in text order, against ``anchor``."""
    previous: list[TemporalExpression] = []
    for tx in expressions:
        _clear(tx)
        resolve_one(tx, anchor, previous)
        _with_part(tx)
        if tx.start_date and tx.type in (TimexType.DATE, TimexType.TIME):
            previous.append(tx)
    _close_intervals(expressions)


def _close_intervals(expressions: list[TemporalExpression]) -> None:
    """The opening end of "from February 28 to March 2" covers the whole interval."""
    for first, second in itertools.pairwise(expressions):
        if first.params.get("pair") == "open" and second.params.get("pair") == "close" and \
                first.start_date and second.end_date and second.end_date >= first.start_date:
            first.end_date = second.end_date


def resolve_one(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    if tx.type == TimexType.DURATION:
        tx.value = V.duration_value(_num(tx.params.get("n")), str(tx.params["unit"]))
        return
    if tx.type == TimexType.SET:
        _resolve_set(tx)
        return
    resolver = RESOLVERS.get(tx.rule)
    if resolver is not None:
        resolver(tx, anchor, previous)


def _num(value: object) -> float | None:
    return None if value is None else float(value) if not float(value).is_integer() else int(value)  # type: ignore[arg-type]


def _resolve_set(tx: TemporalExpression) -> None:
    p = tx.params
    if tx.rule == "set_day":
        part = f"T{PARTS[str(p['part'])]}" if p.get("part") else ""
        tx.value = f"XXXX-WXX-{int(p['wd']) + 1}{part}"
    elif tx.rule == "set_month":
        tx.value = f"XXXX-{int(p['m']):02d}"
    else:
        tx.value = V.duration_value(_num(p.get("n")), str(p["unit"]))


def _explicit_day(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    p = tx.params
    day = safe_day(int(p["y"]), int(p["m"]), int(p["d"])) if p.get("y") else None
    if day:
        _set_day(tx, day)
        tx.anchored_to = "text"
    elif not p.get("y"):
        _month_day(tx, anchor, previous)


def _month_day(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    p = tx.params
    month, day_of_month, weekday = int(p["m"]), int(p["d"]), p.get("wd")
    opening = previous[-1] if previous and p.get("pair") == "close" else None
    if opening is not None and opening.params.get("pair") == "open" and opening.start_date:
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
        _set_day(tx, day)


def _text_year(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    if tx.rule == "month_year":
        _set_month(tx, int(p["y"]), int(p["m"]))
    elif tx.rule == "year":
        _set_year(tx, int(p["y"]))
    elif tx.rule == "decade":
        _set_decade(tx, int(p["decade"]))
    elif tx.rule == "century":
        _set_century(tx, int(p["century"]))
    tx.anchored_to = "text"


def _month_of_year(tx: TemporalExpression, anchor, previous) -> None:
    if tx.params.get("y"):
        _text_year(tx, anchor, previous)
    elif (year := _year_of(tx, anchor)) is not None:
        _set_month(tx, year, int(tx.params["m"]))
    else:
        tx.value = f"XXXX-{int(tx.params['m']):02d}"


def _year_of(tx: TemporalExpression, anchor: Day | None) -> int | None:
    p = tx.params
    if p.get("y"):
        tx.anchored_to = "text"
        return int(p["y"])
    if anchor is None:
        return None
    tx.anchored_to = "publication"
    return anchor.year + int(p.get("year_offset") or 0)


def _quarter(tx: TemporalExpression, anchor, previous) -> None:
    year = _year_of(tx, anchor)
    if year is None:
        tx.value = f"XXXX-Q{int(tx.params['q'])}"
        return
    quarter = int(tx.params["q"])
    if tx.anchored_to == "publication" and not tx.params.get("year_offset") and tx.direction != "future" \
            and Day(year, 3 * quarter - 2, 1) > anchor:
        year -= 1  # a quarter not yet begun, reported in the past tense or without tense: last year's
    _set_quarter(tx, year, quarter)


def _quarter_relative(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    mentioned = _recent(tx, previous, {"quarter"})
    if p.get("year_back"):
        base = quarter_of(Day.fromisoformat(mentioned.start_date)) if mentioned else \
            (quarter_of(anchor, -1) if anchor else None)
        if base:
            _set_quarter(tx, base[0] - 1, base[1])
            tx.anchored_to = "previous" if mentioned else "publication"
        return
    if mentioned is not None and p.get("anaphoric"):
        year, quarter = quarter_of(Day.fromisoformat(mentioned.start_date))
        tx.anchored_to = "previous"
    elif anchor is not None:
        year, quarter = quarter_of(anchor, int(p["offset"]))
        tx.anchored_to = "publication"
    else:
        return
    _set_quarter(tx, year, quarter)


def _period_ended(tx: TemporalExpression, anchor, previous) -> None:
    """ "the quarter ended July 31" is the quarter most of whose days lie before July 31: Q2."""
    p = tx.params
    month, day_of_month = int(p["m"]), int(p["d"])
    if p.get("y"):
        year = int(p["y"])
    elif anchor is not None:
        year = year_for(month, day_of_month, anchor, "past" if p.get("ended") else tx.direction)
    else:
        return
    last = safe_day(year, month, day_of_month)
    if last is None:
        return
    tx.anchored_to = "text" if p.get("y") else "publication"
    _set_quarter(tx, *quarter_of(last - dt.timedelta(days=45)))


def _half(tx: TemporalExpression, anchor, previous) -> None:
    year = _year_of(tx, anchor)
    half = int(tx.params["half"])
    if year is None:
        tx.value = f"XXXX-H{half}"
        return
    first = Day(year, 1 if half == 1 else 7, 1)
    _set(tx, first, month_end(year, 6 if half == 1 else 12), "month", f"{year:04d}-H{half}")


def _season(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    season = str(p["season"])
    if p.get("y"):
        year = int(p["y"])
        tx.anchored_to = "text"
    elif anchor is None:
        tx.value = f"XXXX-{season}"
        return
    else:
        year = _season_year(season, anchor, p.get("offset"), tx.direction)
        tx.anchored_to = "publication"
    first, last = season_span(year, season)
    _set(tx, first, last, "season", f"{year:04d}-{season}")


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


def _month_alone(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    month = int(p["m"])
    if anchor is None:
        tx.value = f"XXXX-{month:02d}"
        return
    offset = p.get("offset")
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
    _set_month(tx, year, month)
    tx.anchored_to = "publication"


def _weekday(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    wd = int(p["wd"])
    if anchor is None:
        tx.value = f"XXXX-WXX-{wd + 1}"
        return
    offset = p.get("offset")
    if offset == -1:
        day = weekday_near(wd, anchor - dt.timedelta(days=1), "past")
    elif offset == 1:
        day = weekday_near(wd, anchor + dt.timedelta(days=1), "future")
    elif offset == 0:
        day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=wd)
    else:
        day = weekday_near(wd, anchor, tx.direction)
    _set_day(tx, day)
    tx.anchored_to = "publication"


def _weekend(tx: TemporalExpression, anchor, previous) -> None:
    """"the weekend": the one just past in past clauses, the coming one otherwise."""
    if anchor is None:
        tx.value = "XXXX-WXX-WE"
        return
    saturday = weekday_near(5, anchor, "future" if tx.direction == "future" else "past")
    if tx.direction == "none" and anchor.weekday() < 5 and (anchor - saturday).days > 3:
        saturday += dt.timedelta(days=7)
    _set_week(tx, saturday - dt.timedelta(days=5), weekend=True)
    tx.anchored_to = "publication"


def _holiday(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    name = str(p["holiday"])
    if p.get("y"):
        day = HOLIDAYS[name](int(p["y"]))
        tx.anchored_to = "text"
    elif anchor is None:
        return
    else:
        offset = p.get("offset")
        direction = "past" if offset == -1 else "future" if offset == 1 else tx.direction
        day = holiday_near(name, anchor, direction)
        tx.anchored_to = "publication"
    _set_day(tx, day)


def _relative_day(tx: TemporalExpression, anchor, previous) -> None:
    if anchor is None:
        return
    _set_day(tx, anchor + dt.timedelta(days=int(tx.params["offset"])))
    tx.anchored_to = "publication"


def _clock(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    if p.get("m") and anchor is not None:
        day = safe_day(year_for(int(p["m"]), int(p["d"]), anchor, tx.direction), int(p["m"]), int(p["d"]))
    elif p.get("wd") is not None and anchor is not None:
        day = weekday_near(int(p["wd"]), anchor, tx.direction)
    elif anchor is not None:
        day = anchor + dt.timedelta(days=int(p.get("offset") or 0))
    else:
        day = None
    if day is None:
        tx.value = f"XXXX-XX-XXT{int(p['h']):02d}:{int(p['mi']):02d}"
        return
    _set(tx, day, day, "time", V.time_value(day, int(p["h"]), int(p["mi"])))
    tx.anchored_to = "publication"


def _relative_unit(tx: TemporalExpression, anchor, previous) -> None:
    """"next year" counts from the document date; "the following year" from the time just mentioned."""
    mentioned = _recent(tx, previous, set(ORDER)) if tx.params.get("anaphoric") else None
    if mentioned is not None:
        base = Day.fromisoformat(mentioned.start_date)
        tx.anchored_to = "previous"
    elif anchor is not None:
        base = anchor
        tx.anchored_to = "publication"
    else:
        return
    _shift_to(tx, base, str(tx.params["unit"]), int(tx.params["offset"]))


def _shift_to(tx: TemporalExpression, base: Day, unit: str, offset: int) -> None:
    """The ``unit`` containing ``base`` moved by ``offset`` units."""
    if unit == "day":
        _set_day(tx, base + dt.timedelta(days=offset))
    elif unit in ("week", "weekend"):
        _set_week(tx, base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset), unit == "weekend")
    elif unit == "month":
        moved = add_months(base, offset)
        _set_month(tx, moved.year, moved.month)
    elif unit == "quarter":
        year, quarter = quarter_of(base, offset)
        _set_quarter(tx, year, quarter)
    elif unit == "year":
        _set_year(tx, base.year + offset)
    elif unit == "decade":
        _set_decade(tx, base.year // 10 + offset)
    elif unit == "century":
        _set_century(tx, base.year // 100 + offset)


SHIFT_RULES = {"ago", "shifted"}


def _recent(tx: TemporalExpression, previous: list[TemporalExpression], granularities: set[str]):
    """The last time the text mentioned at one of ``granularities``, not itself a comparison
    ("a year ago"): "the quarter" and "a year earlier" refer to the period under discussion."""
    for candidate in reversed(previous):
        if tx.start - candidate.end > ANAPHORA_REACH:
            return None
        if candidate.granularity in granularities and not candidate.params.get("ref") \
                and candidate.rule not in SHIFT_RULES and not candidate.params.get("year_back"):
            return candidate
    return None


def _ago(tx: TemporalExpression, anchor, previous) -> None:
    """"two years ago" counts back from the document date; "a year ago" after a quarter means that quarter."""
    p = tx.params
    n = _num(p.get("n"))
    if n is None or not float(n).is_integer():
        tx.value = "PAST_REF"
        return
    unit = str(p["unit"])
    quarter = _recent(tx, previous, {"quarter"}) if unit == "year" else None
    if quarter is not None:
        year, q = quarter_of(Day.fromisoformat(quarter.start_date))
        _set_quarter(tx, year - int(n), q)
        tx.anchored_to = "previous"
        return
    if anchor is None or unit in ("hour", "minute", "second"):
        tx.value = "PAST_REF"
        return
    _shift_to(tx, anchor, unit, -int(n))
    tx.anchored_to = "publication"


def _shifted(tx: TemporalExpression, anchor, previous) -> None:
    """"a year earlier", "two days later": counted from the time the text just mentioned."""
    p = tx.params
    n, unit = _num(p.get("n")), str(p["unit"])
    if n is None or not float(n).is_integer() or unit in ("hour", "minute", "second"):
        tx.value = "PAST_REF" if int(p["sign"]) < 0 else "FUTURE_REF"
        return
    base_tx = _recent(tx, previous, {"day", "week", "month", "quarter", "year", "time"})
    base = Day.fromisoformat(base_tx.start_date) if base_tx else anchor
    if base is None:
        return
    # Keep the scale of the time mentioned when it is finer: "a year earlier" than a quarter is a quarter.
    scale = base_tx.granularity if base_tx and _coarser(base_tx.granularity, unit) else unit
    _shift_to(tx, _moved(base, unit, int(n) * int(p["sign"])), scale, 0)
    tx.anchored_to = "previous" if base_tx else "publication"


def _moved(day: Day, unit: str, count: int) -> Day:
    """``day`` moved by ``count`` units: "two decades earlier", "a century later"."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    return add_months(day, months * count) if months else day


ORDER = ["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]


def _coarser(granularity: str, unit: str) -> bool:
    """True when a month or quarter is mentioned and the shift is by a longer unit."""
    return granularity in ORDER and unit in ORDER and ORDER.index(granularity) < ORDER.index(unit) \
        and granularity in ("quarter", "month")


def _anaphoric(tx: TemporalExpression, anchor, previous) -> None:
    p = tx.params
    unit, offset = str(p.get("unit", "day")), int(p["offset"])
    usable = [t for t in previous if t.start_date and tx.start - t.end <= 4 * ANAPHORA_REACH]
    if offset < 0 and anchor is not None and unit == "day":
        # "The day before" in past narration counts back from the last *past* reference time, not
        # from a future date quoted in the previous sentence.
        usable = [t for t in usable if Day.fromisoformat(t.start_date) <= anchor] or usable
    if usable:
        base = Day.fromisoformat(usable[-1].start_date)
        tx.anchored_to = "previous"
    elif anchor is not None and offset != 0:
        base = anchor
        tx.anchored_to = "publication"
    else:
        return
    _shift_to(tx, base, unit, offset)


def _ref(tx: TemporalExpression, anchor, previous) -> None:
    tx.value = str(tx.params["ref"])


RESOLVERS = {
    **{rule: _explicit_day for rule in EXPLICIT_DAY_RULES}, "month_day": _month_day, "day_month": _month_day,
    "month_year": _month_of_year, "year": _text_year, "decade": _text_year, "century": _text_year,
    "quarter": _quarter, "quarter_relative": _quarter_relative, "period_ended": _period_ended,
    "year_end": _relative_unit, "half": _half, "season": _season,
    "month_alone": _month_alone, "weekday": _weekday, "relative_day": _relative_day, "part_of_day": _relative_day,
    "clock": _clock, "relative_unit": _relative_unit, "ago": _ago, "shifted": _shifted,
    "anaphoric_day": _anaphoric, "weekend": _weekend, "holiday": _holiday,
    **{rule: _ref for rule in ("present_ref", "past_ref", "future_ref", "vague_ref")},
}
