"""Which anchors a revised publication date rests on when other documents disagree."""

from __future__ import annotations

import datetime as dt

from newsline.dating.reconcile import Anchor, agreeing_anchors, revised_date
from newsline.model import Event

D = dt.date


def _anchor(name: str, low: D, high: D) -> Anchor:
    event = Event(id=name, type="visit", summary=name)
    return Anchor(event=event, expression=name, other=event.model_copy(update={"start": high.isoformat()}),
                  window=(low, high))


def test_an_outvoted_anchor_is_left_out_and_the_date_rests_on_the_rest():
    tuesday = _anchor("Tuesday", D(2023, 2, 22), D(2023, 2, 27))
    monday = _anchor("Monday", D(2023, 2, 20), D(2023, 2, 26))
    stray = _anchor("Friday", D(2023, 12, 1), D(2023, 12, 7))
    agreed = agreeing_anchors([stray, tuesday, monday])
    assert agreed == [tuesday, monday]
    assert revised_date(agreed) == D(2023, 2, 22)


def test_two_anchors_that_cannot_both_hold_give_no_date():
    assert (
        agreeing_anchors([_anchor("a", D(2023, 2, 1), D(2023, 2, 5)), _anchor("b", D(2023, 6, 1), D(2023, 6, 5))]) == []
    )
    assert revised_date([]) is None
