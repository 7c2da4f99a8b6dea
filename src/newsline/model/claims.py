"""Claims of each source, how the sources compare, and how they frame each entity."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field

from .base import Model, Span


class ClaimKind(str, Enum):
    QUANTITY = "quantity"  # "4,000 workers", "more than 1,000 political prisoners", "tens of thousands"
    DATE = "date"  # an event word and the day the text gives it: "opened ... on Saturday"
    ORDINAL = "ordinal"  # "his third trip abroad this year"
    EVENT = "event"  # that something happened, or did not: "no evacuation order had been issued"
    QUOTE = "quote"  # words in quotation marks, with their speaker
    ATTRIBUTION = "attribution"  # a statement given as someone's: "according to Xinhua", "police said"


class ClaimRecord(Span):
    """A checkable statement: ``start``/``end`` cover its key words ("About 2,500 dockworkers"), the
    sentence holding it is ``sentence_start``/``sentence_end``. What it asserts is in ``value`` (a
    number, a day, an ordinal, "happened"/"did not happen"), bounded by ``low``/``high`` when the text
    is approximate ("about 2,500" is 2,250-2,750); ``about`` is what is counted or dated, written as
    the text words it."""

    kind: ClaimKind
    sentence_start: int
    sentence_end: int
    value: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    """"percent", "pound", "metre"...; "" for a count."""
    about: str = ""
    predicate: str = ""
    """What a count says happened to what it counts ("dead", "injured", "pledge")"""
    scope: str | None = None
    """The period an ordinal counts in ("2024", "P3Y"), when given."""
    negated: bool = False
    speaker: str | None = None
    """Who the text says makes the claim, as written ("he", "police")"""
    speaker_name: str | None = None
    """The named entity a pronoun or description speaker stands for."""


class Claim(ClaimRecord):
    """A claim with what the stages after ``claims`` need to align it: ``context``, the clause it sits
    in with the value masked, and where its speaker and its period are."""

    context: str = ""
    speaker_start: int | None = None
    """Where the speaker's words are, for resolving "he" to a name."""
    mention: int | None = None
    """The event mention it concerns (index into event_mentions)"""
    scope_timex: int | None = None
    """The expression an ordinal's period comes from (temporal_expressions)"""


class ClaimRef(Model):
    """One side of a comparison: a claim of a document, cited."""

    document: str
    claim: int
    """Index into the document's claims."""
    text: str
    start: int
    end: int
    sentence: str
    value: str | None = None
    speaker: str | None = None


class Comparison(Model):
    """Two sources' claims about the same thing, side by side, and what the difference is: a
    ``contradiction`` (they cannot both be true), an ``update`` (a later report revises a count and
    says so), ``compatible`` (they differ but can both be true: different periods counted) or an
    ``agreement``."""

    kind: ClaimKind
    verdict: Literal["contradiction", "update", "compatible", "agreement"]
    about: str
    explanation: str
    similarity: float
    """How alike the two claims' contexts are (MiniLM cosine)"""
    claims: list[ClaimRef]


class FramingTerm(Model):
    """One way a source names or describes an entity, where it says so, and its loaded words."""

    text: str
    kind: Literal["title", "label", "scare_quote"]
    start: int
    end: int
    loaded: list[str] = Field(default_factory=list)
    """Evaluative words in it: "dictator", "illegitimate"."""


class DocumentFraming(Model):
    """The terms one document uses for an entity."""

    document: str
    path: str
    terms: list[FramingTerm] = Field(default_factory=list)


class EntityFraming(Model):
    """How each document that describes an entity names and describes it."""

    entity: str
    name: str
    documents: list[DocumentFraming] = Field(default_factory=list)
