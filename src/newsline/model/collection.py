"""A document with everything the stages found in it, the collection, and the runs that made it."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field

from .base import Evidence, Model, ProblemReport, Removal, Sentence
from .claims import Claim, Comparison, EntityFraming
from .dating import CorpusDating, DateCandidate, PublishedDate, TemporalExpression
from .events import Event, EventMention, KeyDate, TimelineEntry
from .names import Descriptor, Entity, EntityMention, Nominal, Pronoun, Reference, RoleMention


class FlagKind(str, Enum):
    """Source-quality flag kinds, shared by every stage that raises flags."""

    BOILERPLATE = "boilerplate"
    DATE_CONFLICT = "date_conflict"
    DUPLICATE = "duplicate"
    SPUN = "spun"
    MACHINE_TRANSLATED = "machine_translated"
    LOW_INFORMATION = "low_information"
    UNVERIFIED_CLAIM = "unverified_claim"


class Flag(Model):
    kind: FlagKind
    score: float
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)


class Document(Model):
    """One article. Each field has one owner: the reader (``ingest/read.py``) for what the input gives,
    else the stage that declares it in ``writes`` (``newsline stages`` lists them)."""

    id: str
    path: str
    format: Literal["text", "html", "jsonl"]
    url: str | None = None
    given_title: str | None = None
    """The title the input states (HTML metadata, a JSONL field)"""
    title: str | None = None
    """That title, or else the one the cleaner reads off the text."""
    author: str | None = None
    encoding: str | None = None
    folder_date: str | None = None
    language: str | None = None
    raw_text: str = ""
    """Decoded input before cleaning (not written to the report)"""
    markup_chars: int | None = None
    """Characters of markup and page furniture the HTML extraction left out."""
    text: str = ""
    removed: list[Removal] = Field(default_factory=list)
    given_dates: list[DateCandidate] = Field(default_factory=list)
    """Publication dates the input states."""
    date_candidates: list[DateCandidate] = Field(default_factory=list)
    """Those and the ones the text gives."""
    published: PublishedDate = Field(default_factory=PublishedDate)
    # Dates the collection gives, while the corpus stages run (never stored): a year for a dateline
    # that gives only the day, then a weak date revised against explicit ones.
    dateline_dating: CorpusDating | None = Field(default=None, exclude=True)
    corpus_dating: CorpusDating | None = Field(default=None, exclude=True)
    sentences: list[Sentence] = Field(default_factory=list)
    tagged_mentions: list[EntityMention] = Field(default_factory=list)
    """Names as each text's parse finds them."""
    mentions: list[EntityMention] = Field(default_factory=list)
    """Corrected with the collection, then linked."""
    references: list[Reference] = Field(default_factory=list)
    """Pronouns resolved to named entities."""
    roles: list[RoleMention] = Field(default_factory=list)
    """Titles and appositions of named people."""
    descriptors: list[Descriptor] = Field(default_factory=list)
    """Labels and epithets of named mentions."""
    nominals: list[Nominal] = Field(default_factory=list)
    """Common-noun phrases, for references."""
    pronouns: list[Pronoun] = Field(default_factory=list)
    """With person, number, gender, for references."""
    event_mentions: list[EventMention] = Field(default_factory=list)
    """Every event word, dated or not."""
    story: str | None = None
    """The story the document belongs to in its collection, set by linking."""
    temporal_expressions: list[TemporalExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    """This document's own events."""
    claims: list[Claim] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    errors: list[ProblemReport] = Field(default_factory=list)


class Corpus(Model):
    """The state of one collection as it flows through the corpus-level stages."""

    documents: list[Document] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    key_dates: list[KeyDate] = Field(default_factory=list)
    comparisons: list[Comparison] = Field(default_factory=list)
    framing: list[EntityFraming] = Field(default_factory=list)
    failures: list[ProblemReport] = Field(default_factory=list)


class RunCounts(Model):
    """What a run did with its inputs."""

    processed: int = 0
    """Analysed by the document stages and stored."""
    cached: int = 0
    """Already in the store, analysed by this pipeline."""
    repeated: int = 0
    """The same content read twice in this run."""
    failed: int = 0
    """Inputs or documents refused, each with a coded problem."""


class RunRecord(Model):
    """One ``newsline run`` (or upload) as the store keeps it."""

    id: int
    started_at: str
    """ISO 8601, UTC."""
    finished_at: str | None = None
    """None: the run was interrupted."""
    inputs: list[str]
    newsline_version: str
    """The pipeline version string: package, document-stage revision, spaCy model, stages."""
    counts: RunCounts | None = None
    stage_seconds: dict[str, float] = Field(default_factory=dict)
    """Time spent in each stage."""
