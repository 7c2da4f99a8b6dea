"""Events: the words that report them, the linked events with their citations, and the dates."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field

from .base import Model, Span


class Modality(str, Enum):
    HAPPENED = "happened"
    PLANNED = "planned"
    HEDGED = "hedged"
    NEGATED = "negated"


ArgumentRole = Literal["agent", "patient", "with", "place", "attribution"]


class Argument(Span):
    """Who or what takes part in an event mention, as written: its doer (agent), what it is done to
    (patient), with whom, where, and whom it is attributed to (attribution: "according to Xinhua", "X said")."""

    role: ArgumentRole
    entity: str | None = None
    """The linked entity named in it, set by event linking."""


class EventMention(Span):
    """A word that reports something happening ("visited", "talks", "the explosion"), one per
    occurrence in the text; linking groups the mentions of one real event (``event``)."""

    lemma: str
    type: str = "other"
    modality: Modality = Modality.HAPPENED
    arguments: list[Argument] = Field(default_factory=list)
    timex: int | None = None
    """The date expression it governs (index into temporal_expressions)"""
    event: str | None = None
    """The event it is linked to, set by linking."""

    def argument(self, role: ArgumentRole) -> Argument | None:
        return next((a for a in self.arguments if a.role == role), None)


class Citation(Model):
    document: str
    text: str
    start: int
    end: int


class DateReport(Model):
    """One date the reports of an event give it, and which documents give it."""

    start: str
    end: str | None = None
    documents: list[str] = Field(default_factory=list)
    happened: int = 0
    """How many of those documents report it as having happened (not planned, hedged or denied)."""


class EventFacts(Model):
    """What is known of one real event, merged across the documents that report it."""

    id: str
    type: str
    summary: str
    start: str | None = None
    """YYYY-MM-DD, YYYY-MM or YYYY."""
    end: str | None = None
    modality: Modality = Modality.HAPPENED
    trigger: str = ""
    participants: list[str] = Field(default_factory=list)
    """Entity ids."""
    places: list[str] = Field(default_factory=list)
    """Entity ids."""
    attributions: list[str] = Field(default_factory=list)
    """Whom the reports attribute it to, as written ("Xinhua", "state media"); empty when a report
    states it itself. Not the outlets that publish the reports."""
    reported_happened: int = 0
    """Documents that report it as having happened."""
    announced: int = 0
    """Documents that report it in advance (planned, scheduled, expected)."""
    dates_reported: list[DateReport] = Field(default_factory=list)
    """When the reports disagree on the date: each date given, most reports first; ``start``/``end``
    are the first. Empty when they agree."""
    aside: str | None = None
    """Why the event is kept out of the main timeline ("a question", "known only to the year",
    "another subject: ..."); None for a timeline entry."""


class EventRecord(EventFacts):
    """One real event with a citation from each report."""

    citations: list[Citation] = Field(default_factory=list)


class Event(EventRecord):
    """An event with what re-dating it needs."""

    # Which temporal expression dated it, per citing document (index into that document's
    # temporal_expressions); kept so that a revised publication date can re-date the event.
    timex: int | None = None
    duration_days: int | None = None
    """"a three-day visit"."""


class TimelineEntry(Model):
    date: str
    events: list[str]
    summary: list[str]


class KeyDate(Model):
    """A day the collection points at, told in extractive sentences (the date-wise summary)."""

    date: str
    score: float
    """Sentences naming the day, plus half a point per article published that day."""
    sentences: list[Citation] = Field(default_factory=list)
