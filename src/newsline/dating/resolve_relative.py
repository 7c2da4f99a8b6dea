"""Resolvers of the expressions that count from another time: the document date ("next year", "two
days ago") or the time the text just mentioned ("a year earlier", "the following week", "the
quarter"); of vague references, sets and durations."""

from __future__ import annotations

import datetime as dt

from ..model import TemporalExpression
from . import values as V
from .assign import need, number, set_century, set_day, set_decade, set_month, set_quarter, set_week, set_year
from .calendar import Day, add_months, quarter_of
from .lexicon import PARTS_OF_DAY as PARTS

ANAPHORA_REACH = 600  # characters: farther back, a "year earlier" is read from the document date
Previous = list[TemporalExpression]


def quarter_relative(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    mentioned = _recent(tx, previous, {"quarter"})
    if p.year_back:
        base = quarter_of(Day.fromisoformat(mentioned.start_date)) if mentioned else \
            (quarter_of(anchor, -1) if anchor else None)
        if base:
            set_quarter(tx, base[0] - 1, base[1])
            tx.anchored_to = "previous" if mentioned else "publication"
        return
    if mentioned is not None and p.anaphoric:
        year, quarter = quarter_of(Day.fromisoformat(mentioned.start_date))
        tx.anchored_to = "previous"
    elif anchor is not None:
        year, quarter = quarter_of(anchor, need(p.offset))
        tx.anchored_to = "publication"
    else:
        return
    set_quarter(tx, year, quarter)


def relative_unit(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    """"next year" counts from the document date; "the following year" from the time just mentioned."""
    mentioned = _recent(tx, previous, set(ORDER)) if tx.params.anaphoric else None
    if mentioned is not None:
        base = Day.fromisoformat(mentioned.start_date)
        tx.anchored_to = "previous"
    elif anchor is not None:
        base = anchor
        tx.anchored_to = "publication"
    else:
        return
    _shift_to(tx, base, need(tx.params.unit), need(tx.params.offset))


def _shift_to(tx: TemporalExpression, base: Day, unit: str, offset: int) -> None:
    """The ``unit`` containing ``base`` moved by ``offset`` units."""
    if unit == "day":
        set_day(tx, base + dt.timedelta(days=offset))
    elif unit in ("week", "weekend"):
        set_week(tx, base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset), unit == "weekend")
    elif unit == "month":
        moved = add_months(base, offset)
        set_month(tx, moved.year, moved.month)
    elif unit == "quarter":
        year, quarter = quarter_of(base, offset)
        set_quarter(tx, year, quarter)
    elif unit == "year":
        set_year(tx, base.year + offset)
    elif unit == "decade":
        set_decade(tx, base.year // 10 + offset)
    elif unit == "century":
        set_century(tx, base.year // 100 + offset)


SHIFT_RULES = {"ago", "shifted"}


def _recent(tx: TemporalExpression, previous: Previous, granularities: set[str]):
    """The last time the text mentioned at one of ``granularities``, not itself a comparison
    ("a year ago"): "the quarter" and "a year earlier" refer to the period under discussion."""
    for candidate in reversed(previous):
        if tx.start - candidate.end > ANAPHORA_REACH:
            return None
        if candidate.granularity in granularities and not candidate.params.ref \
                and candidate.rule not in SHIFT_RULES and not candidate.params.year_back:
            return candidate
    return None


def ago(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    """"two years ago" counts back from the document date; "a year ago" after a quarter means that quarter."""
    p = tx.params
    n = number(p.n)
    if n is None or not float(n).is_integer():
        tx.value = "PAST_REF"
        return
    unit = need(p.unit)
    quarter = _recent(tx, previous, {"quarter"}) if unit == "year" else None
    if quarter is not None:
        year, q = quarter_of(Day.fromisoformat(quarter.start_date))
        set_quarter(tx, year - int(n), q)
        tx.anchored_to = "previous"
        return
    if anchor is None or unit in ("hour", "minute", "second"):
        tx.value = "PAST_REF"
        return
    _shift_to(tx, anchor, unit, -int(n))
    tx.anchored_to = "publication"


def shifted(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    """"a year earlier", "two days later": counted from the time the text just mentioned."""
    p = tx.params
    n, unit = number(p.n), need(p.unit)
    if n is None or not float(n).is_integer() or unit in ("hour", "minute", "second"):
        tx.value = "PAST_REF" if need(p.sign) < 0 else "FUTURE_REF"
        return
    base_tx = _recent(tx, previous, {"day", "week", "month", "quarter", "year", "time"})
    base = Day.fromisoformat(base_tx.start_date) if base_tx else anchor
    if base is None:
        return
    # Keep the scale of the time mentioned when it is finer: "a year earlier" than a quarter is a quarter.
    scale = base_tx.granularity if base_tx and _coarser(base_tx.granularity, unit) else unit
    _shift_to(tx, _moved(base, unit, int(n) * need(p.sign)), scale, 0)
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


def anaphoric_day(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    unit, offset = str(p.unit), need(p.offset)
    usable = [t for t in previous if t.start_date and tx.start - t.end <= 4 * ANAPHORA_REACH]
    if offset < 0 and anchor is not None and unit == "day":
        # "The day before" in past narration counts back from the last *past* reference time, not
        # from a future date quoted in the previous sentence.
        usable = [t for t in usable if Day.fromisoformat(need(t.start_date)) <= anchor] or usable
    if usable:
        base = Day.fromisoformat(need(usable[-1].start_date))
        tx.anchored_to = "previous"
    elif anchor is not None and offset != 0:
        base = anchor
        tx.anchored_to = "publication"
    else:
        return
    _shift_to(tx, base, unit, offset)


def vague_ref(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    tx.value = need(tx.params.ref)


def set_value(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    p = tx.params
    if tx.rule == "set_day":
        part = f"T{PARTS[p.part]}" if p.part else ""
        tx.value = f"XXXX-WXX-{need(p.wd) + 1}{part}"
    elif tx.rule == "set_month":
        tx.value = f"XXXX-{need(p.m):02d}"
    else:
        tx.value = V.duration_value(number(p.n), need(p.unit))


def duration(tx: TemporalExpression, anchor: Day | None, previous: Previous) -> None:
    tx.value = V.duration_value(number(tx.params.n), need(tx.params.unit))
