"""Turn anchor-independent time expressions into TIMEX3 values and day ranges.

Pure functions: the same expressions can be resolved again when a later stage revises the
publication date they are anchored to. Each rule's resolver comes with the rule (``patterns.RULES``):
``resolve_calendar.py`` for times named on the calendar, ``resolve_relative.py`` for times counted
from another. Explicit parts of an expression always win over inferred ones: a weekday printed next
to a date picks the year, a year printed in an interval dates both ends.
"""

from __future__ import annotations

import itertools

from ..model import TemporalExpression, TimexType
from .assign import clear, with_part
from .calendar import Day
from .patterns import RULES


def resolve_all(expressions: list[TemporalExpression], anchor: Day | None) -> None:
    """Resolve every expression of one document, in text order, against ``anchor``."""
    previous: list[TemporalExpression] = []
    for tx in expressions:
        clear(tx)
        resolve_one(tx, anchor, previous)
        with_part(tx)
        if tx.start_date and tx.type in (TimexType.DATE, TimexType.TIME):
            previous.append(tx)
    _close_intervals(expressions)


def _close_intervals(expressions: list[TemporalExpression]) -> None:
    """The opening end of "from February 28 to March 2" covers the whole interval."""
    for first, second in itertools.pairwise(expressions):
        if first.params.pair == "open" and second.params.pair == "close" and \
                first.start_date and second.end_date and second.end_date >= first.start_date:
            first.end_date = second.end_date


def resolve_one(tx: TemporalExpression, anchor: Day | None, previous: list[TemporalExpression]) -> None:
    """Resolve ``tx`` with its rule's resolver; a rule that no longer exists leaves it unresolved."""
    rule = RULES.get(tx.rule)
    if rule is not None and rule.resolve is not None:
        rule.resolve(tx, anchor, previous)
