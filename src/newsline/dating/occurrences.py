"""Undated documents placed by the happening they count: "his second visit to China this year".

A text with no printed date that reports the second visit of a year, when the collection dates
that year's visits by the same people from other, well-dated reports, was written on or after the
second of them. The occurrences are the collection's explicit reports of the same kind of happening
with someone in common (``reconcile.same_happening``), grouped by day (reports a few days apart, or
inside one stated span, are one occurrence), counted in the period the text gives ("this year",
"in 2023"). Only an ordinal inside a bounded period places a document: "visited China" alone would
fit any visit, and an ordinal without a period counts visits the collection may not hold.

Answers the seed failure of issue 19: an undated report of Lukashenko's "second trip to China within
the year" stayed undated although two other documents date his February and December visits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..events.link import date_bounds
from ..model import Document, Event, Modality
from .assign import need
from .lexicon import ORDINALS

SAME_OCCURRENCE_DAYS = 3  # reports this close are one happening: a visit's arrival, talks and departure
# "second visit", "second official trip": the ordinal counts the event word itself; "the second
# time he visits", "second round of talks" count something else.
_OTHER_COUNTED = r"(?!time|day|round|phase|stage|half|term)"
_ORDINAL_BEFORE = re.compile(r"\b(" + "|".join(ORDINALS) + rf")\s+(?:{_OTHER_COUNTED}[\w-]+\s+)?$", re.I)


@dataclass(frozen=True)
class Occurrence:
    first: dt.date
    last: dt.date
    report: tuple[Document, Event]  # the earliest explicit report of it


def ordinal_of(doc: Document, event: Event) -> int | None:
    """The ordinal the text gives the event's own word: "second visit", "second official trip"."""
    cite = event.citations[0]
    for mention in doc.event_mentions:
        # A report is one sentence's mention of its type (``events/extract.py``).
        if not (cite.start <= mention.start < cite.end and mention.type == event.type):
            continue
        found = _ORDINAL_BEFORE.search(doc.text[max(0, mention.start - 40):mention.start])
        if found:
            return ORDINALS[found.group(1).lower()]
    return None


def occurrences(reports: list[tuple[Document, Event]]) -> list[Occurrence]:
    """Explicit reports of one kind of happening, grouped into distinct occurrences, earliest first."""
    dated = sorted(((dt.date.fromisoformat(need(e.start)), dt.date.fromisoformat(e.end or need(e.start)), (d, e))
                    for d, e in reports), key=lambda item: item[0])
    found: list[Occurrence] = []
    for first, last, report in dated:
        if found and (first - found[-1].last).days <= SAME_OCCURRENCE_DAYS:
            found[-1] = Occurrence(found[-1].first, max(found[-1].last, last), found[-1].report)
        else:
            found.append(Occurrence(first, last, report))
    return found


def period_of(doc: Document, event: Event) -> str | None:
    """The period an ordinal counts in (YYYY or YYYY-MM): the event's own year or month, else the
    document's bounds when they name a single year; None when unbounded."""
    if event.start and len(event.start) in (4, 7):
        return event.start
    low, high = doc.published.earliest, doc.published.latest
    return low[:4] if low and high and low[:4] == high[:4] else None


@dataclass(frozen=True)
class Counted:
    ordinal: int
    period: str
    occurrences: list[Occurrence]

    @property
    def occurrence(self) -> Occurrence:
        return self.occurrences[self.ordinal - 1]


def counted_occurrence(doc: Document, event: Event, reports: list[tuple[Document, Event]]) -> Counted | None:
    """The occurrence an undated document's ordinal names, among the collection's occurrences of the
    same happening in the period; None when the text gives no ordinal or period, or the collection
    knows fewer occurrences than the ordinal counts."""
    if event.modality not in (Modality.HAPPENED, Modality.PLANNED):
        return None
    ordinal = ordinal_of(doc, event)
    period = period_of(doc, event) if ordinal else None
    if ordinal is None or period is None:
        return None
    low, high = date_bounds(period, last=False), date_bounds(period, last=True)
    found = occurrences([(d, e) for d, e in reports if low <= date_bounds(need(e.start), last=False) <= high])
    return Counted(ordinal, period, found) if len(found) >= ordinal else None
