"""The records the API answers with, built for one page at a time from the workspace's snapshot:
paging, events with their outlets, documents with their summary and spans, search snippets."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel

from ..model import Document, Event
from ..outputs.report import document_record as report_document_record
from ..outputs.report import evidence_words
from .workspace import Snapshot

MAX_LIMIT = 500  # items per page at most
SNIPPET_MARKS = ("\x02", "\x03")  # around matched words; never in text, so never confused with it


class Page(BaseModel):
    offset: int = 0
    limit: int = 50


def page_params(offset: Annotated[int, Query(ge=0)] = 0,
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50) -> Page:
    return Page(offset=offset, limit=limit)


def paged(items: list, page: Page, record=None, **extra: Any) -> dict[str, Any]:
    """One page of ``items``; ``record`` turns only that page's items into JSON records, so a
    filter over thousands of events costs a loop, not thousands of records."""
    chosen = items[page.offset:page.offset + page.limit]
    return {"total": len(items), "offset": page.offset, "limit": page.limit,
            "items": [record(item) for item in chosen] if record else chosen, **extra}


def in_range(start: str | None, end: str | None, first: str | None, last: str | None) -> bool:
    """Does an event dated ``start``..``end`` (YYYY, YYYY-MM or YYYY-MM-DD) meet [first, last]?"""
    if start is None:
        return first is None and last is None
    end = end or start
    return (first is None or end >= first[:len(end)]) and (last is None or start[:len(last)] <= last)


def event_record(snap: Snapshot, event: Event, full: bool = False) -> dict[str, Any]:
    record = event.model_dump(mode="json", exclude={"timex", "citations"} if not full else {"timex"})
    record["outlets"] = snap.event_outlets(event)  # who published the reports; "attributions": whom they cite
    record["documents"] = len({c.document for c in event.citations})
    record["evidence"] = evidence_words(event)
    record["names"] = {e: snap.entities[e].name for e in [*event.participants, *event.places] if e in snap.entities}
    if full:
        for citation in record["citations"]:
            doc = snap.documents.get(citation["document"])
            citation["title"] = doc.title if doc else None
            citation["outlet"] = snap.outlets.get(citation["document"])
    return record


def document_summary(snap: Snapshot, doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "path": doc.path, "url": doc.url, "outlet": snap.outlets[doc.id],
            "published": doc.published.date, "language": doc.language, "story": doc.story,
            "flags": [{"kind": f.kind.value, "score": f.score} for f in doc.flags],
            "events": len(snap.events_of_document.get(doc.id, [])), "characters": len(doc.text)}


def document_record(snap: Snapshot, doc: Document) -> dict[str, Any]:
    """A document as report.json has it (text, flags, claims, time expressions...), with the
    summary's fields and the other spans the views mark: all offsets into ``text``."""
    reported = report_document_record(doc).model_dump(mode="json")
    return {**reported, **document_summary(snap, doc), "flags": reported["flags"],
            "published_detail": reported["published"],
            "sentences": [s.model_dump(mode="json") for s in doc.sentences],
            "mentions": [m.model_dump(mode="json") for m in doc.mentions],
            "event_mentions": [m.model_dump(mode="json", include={"start", "end", "text", "lemma", "type",
                                                                   "modality", "event"}) for m in doc.event_mentions],
            "descriptors": [d.model_dump(mode="json") for d in doc.descriptors],
            "event_ids": snap.events_of_document.get(doc.id, [])}


def marked_runs(snippet: str) -> list[dict[str, Any]]:
    """A snippet as runs of text, matched or not, so a client never has to parse markup."""
    runs = []
    for i, part in enumerate(re.split(f"[{''.join(SNIPPET_MARKS)}]", snippet)):
        if part:
            runs.append({"text": part, "match": i % 2 == 1})
    return runs


def widened_day(given: str | None, start: bool) -> str | None:
    """YYYY or YYYY-MM widened to the first or last day it covers."""
    if given is None or len(given) == 10:
        return given
    if len(given) == 4:
        return f"{given}-01-01" if start else f"{given}-12-31"
    return f"{given}-01" if start else f"{given}-31"
