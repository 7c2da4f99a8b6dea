"""The timeline: linked events by date, most widely reported first, with extractive summaries."""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, Event, TimelineEntry
from ..registry import Context, stage
from .entries import set_asides

SUMMARY_EVENTS = 3


def build_timeline(events: list[Event]) -> list[TimelineEntry]:
    """Entries by date, the events kept aside left out. A month's entry comes after the days of that
    month, so that what is known only to the month never stands before what is known to the day."""
    by_date: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.start and event.aside is None:
            by_date[event.start].append(event)
    entries = []
    for date in sorted(by_date, key=lambda d: (d + "-99-99")[:10]):
        ranked = sorted(by_date[date], key=lambda e: (-len({c.document for c in e.citations}), e.id))
        summary = list(dict.fromkeys(e.summary for e in ranked))[:SUMMARY_EVENTS]
        entries.append(TimelineEntry(date=date, events=[e.id for e in ranked], summary=summary))
    return entries


@stage("timeline", scope="corpus", reads=["corpus.events", "document.mentions", "document.published"],
       writes=["corpus.timeline", "corpus.events.aside"])
def timeline_stage(corpus: Corpus, ctx: Context) -> None:
    """Keep apart the events that are no entries of the story (questions, forecasts, comments,
    background, other subjects, years alone); order the rest by date into timeline entries."""
    set_asides(corpus)
    corpus.timeline = build_timeline(corpus.events)
