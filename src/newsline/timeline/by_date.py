"""The timeline: linked events by date, most widely reported first, with extractive summaries."""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, Event, TimelineEntry
from ..registry import Context, stage

SUMMARY_EVENTS = 3


def build_timeline(events: list[Event]) -> list[TimelineEntry]:
    by_date: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.start:
            by_date[event.start].append(event)
    entries = []
    for date in sorted(by_date, key=lambda d: (d + "-00-00")[:10]):
        ranked = sorted(by_date[date], key=lambda e: (-len({c.document for c in e.citations}), e.id))
        summary = list(dict.fromkeys(e.summary for e in ranked))[:SUMMARY_EVENTS]
        entries.append(TimelineEntry(date=date, events=[e.id for e in ranked], summary=summary))
    return entries


@stage("timeline", scope="corpus", reads=["corpus.events"], writes=["corpus.timeline"])
def timeline_stage(corpus: Corpus, ctx: Context) -> None:
    """Order the linked events by date into timeline entries."""
    corpus.timeline = build_timeline(corpus.events)
