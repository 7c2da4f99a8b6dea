"""What each API endpoint answers, as typed models: the report's own models (``outputs/report.py``)
with the fields a view needs beside them (the outlet of each document, titles of cited documents,
counts), so that /openapi.json describes every field of every response."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import Field

from ..model import (
    Citation,
    ClaimRef,
    Comparison,
    Descriptor,
    DocumentFraming,
    Entity,
    EntityFraming,
    EntityMention,
    EventFacts,
    Flag,
    KeyDate,
    Modality,
    Model,
    ProblemReport,
    PublishedDate,
    Sentence,
)
from ..outputs.report import ReportDocument

T = TypeVar("T")


class Paged(Model, Generic[T]):
    """One page of a list: ``items`` from ``offset``, at most ``limit`` of them, out of ``total``."""

    total: int
    offset: int
    limit: int
    items: list[T]


class SemanticIndexState(Model):
    ready: bool
    embedded: int
    """Passages embedded so far."""
    passages: int


class StatsResponse(Model):
    documents: int
    entities: int
    events: int
    contradictions: int
    outlets: int
    failures: int
    first: str | None
    """The first day (or month, or year) an event is dated to."""
    last: str | None
    event_types: list[str]
    version: str
    semantic_index: SemanticIndexState


class FlagSummary(Model):
    kind: str
    score: float


class DocumentSummary(Model):
    id: str
    title: str | None
    path: str
    url: str | None
    outlet: str
    """Who published it: the URL's site, else the folder of a collection filed by day, else the file."""
    published: str | None
    """The publication date (YYYY-MM-DD), when known."""
    language: str | None
    story: str | None
    flags: list[FlagSummary]
    events: int
    characters: int


class DocumentText(DocumentSummary):
    """A document's summary, text and flags (``spans=false``)."""

    text: str
    flags: list[Flag]  # type: ignore[assignment]  # the full flags here, with their evidence


class EventMentionSpan(Model):
    start: int
    end: int
    text: str
    lemma: str
    type: str
    modality: Modality
    event: str | None


class DocumentDetail(ReportDocument):
    """One document as report.json has it, with its summary's fields and the other spans the views mark."""

    published: str | None  # type: ignore[assignment]  # the date; the whole record is published_detail
    published_detail: PublishedDate
    outlet: str
    story: str | None
    events: int
    characters: int
    sentences: list[Sentence]
    mentions: list[EntityMention]
    event_mentions: list[EventMentionSpan]
    descriptors: list[Descriptor]
    event_ids: list[str]


class OutletSummary(Model):
    outlet: str
    documents: int
    flags: dict[str, int]
    """How many of its documents raise each flag kind."""


class EntitySummary(Model):
    id: str
    name: str
    type: str
    mentions: int
    documents: int
    aliases: list[str]
    events: int
    framed: bool
    """Whether two outlets or more describe it (see its framing)."""


class FramedDocument(DocumentFraming):
    outlet: str


class EntityDetail(Entity):
    framing: list[FramedDocument]
    event_ids: list[str]
    document_titles: dict[str, str | None]


class CitedSentence(Citation):
    """A citation with the title and outlet of its document."""

    title: str | None = None
    outlet: str | None = None


class EventSummary(EventFacts):
    """An event as lists show it: its ``attributions`` are whom its reports cite, its ``outlets`` who
    published them."""

    duration_days: int | None
    outlets: list[str]
    """The outlets that published the reports."""
    documents: int
    names: dict[str, str]
    """Entity id to name, for the participants and places."""
    evidence: list[str] = Field(default_factory=list)
    """The dates its reports give when they disagree, and how many announced it against how many
    report it happened, in words."""


class EventDetail(EventSummary):
    citations: list[CitedSentence]


class EventsPage(Paged[EventSummary]):
    dates: dict[str, int] = Field(default_factory=dict)
    """How many matching events start on each date, over all pages."""


class KeyDateItem(KeyDate):
    sentences: list[CitedSentence] = Field(default_factory=list)  # type: ignore[assignment]


class CitedClaim(ClaimRef):
    title: str | None = None
    outlet: str | None = None


class ComparisonItem(Comparison):
    claims: list[CitedClaim]  # type: ignore[assignment]


class FramingItem(EntityFraming):
    documents: list[FramedDocument] = Field(default_factory=list)  # type: ignore[assignment]


class SnippetRun(Model):
    text: str
    match: bool


class SearchHit(Model):
    id: str
    title: str | None
    path: str | None
    outlet: str | None
    snippet: list[SnippetRun]
    score: float | None = None
    """Semantic search: the cosine of the passage and the query."""
    start: int | None = None
    end: int | None = None
    event: str | None = None


class SearchPage(Paged[SearchHit]):
    mode: Literal["text", "semantic"]


class JobResult(Model):
    """What an upload added: counts as `newsline run` gives them, failures, and the collection's size after it."""

    processed: int
    cached: int
    repeated: int
    failures: list[ProblemReport]
    documents: int


class JobRecord(Model):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    documents: list[str]
    """The uploads' labels."""
    result: JobResult | None
    error: str | None
    url: str
    seconds: float

