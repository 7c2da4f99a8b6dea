"""Time: publication dates with their provenance, and time expressions with their values."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from .base import Model, Span


class DateOrigin(str, Enum):
    """Where a publication-date candidate was read, strongest kinds first."""

    METADATA = "metadata"  # HTML meta tags / structured data, via htmldate
    JSONL_FIELD = "jsonl_field"
    FOLDER_NAME = "folder_name"  # <YYYY-MM-DD>/<file> layout
    URL = "url"  # /2023/02/28/ or 2023-02-28 in the article's address
    DATELINE = "dateline"  # "BEIJING, Feb. 27 (Reuters) -" style opening
    HEADER_LINE = "header_line"  # a date printed above the article, maybe a scrape date
    CONTENT = "content"  # inferred from what the text says
    CORPUS = "corpus"  # inferred from events other documents date explicitly


class DateCandidate(Model):
    date: str
    """YYYY-MM-DD."""
    origin: DateOrigin
    """Where the date was read: metadata, a JSONL field, the folder, the URL, a dateline, a header line..."""
    confidence: float
    evidence: str
    """The text the date was read from."""
    reason: str = ""
    """Filled in for candidates that lost: why."""


class PublishedDate(Model):
    date: str | None = None
    """YYYY-MM-DD, or None when unknown."""
    confidence: float = 0.0
    origin: DateOrigin | None = None
    """Where the chosen date came from; None when no date is known."""
    estimated: bool = False
    """True when the date is an estimate, not read from the document."""
    earliest: str | None = None
    """Bounds of an estimate (YYYY, YYYY-MM or YYYY-MM-DD)"""
    latest: str | None = None
    alternatives: list[str] = Field(default_factory=list)
    """Other dates the same evidence allows."""
    evidence: str = ""
    conflicts: list[DateCandidate] = Field(default_factory=list)


class CorpusDating(Model):
    """A publication date the rest of the collection gives a document (``dating/reconcile.py``), which
    the dating stages then take up when they are run again over it."""

    published: PublishedDate
    moves_anchor: bool = True
    """False when the collection only confirms an estimate: nothing to re-resolve."""


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimexParams(Model):
    """What a time expression says, as its rule read it, independently of any anchor date: the parts
    it prints ("February 28": ``m=2, d=28``) and how it counts from an anchor ("two years ago":
    ``n=2, unit="year"``). Unset parts are None; only the set ones are stored."""

    y: int | None = None
    """A year the text prints."""
    m: int | None = None
    """Month, 1-12."""
    d: int | None = None
    """Day of the month."""
    wd: int | None = None
    """Weekday, Monday 0."""
    h: int | None = None
    """Clock hour, 0-24."""
    mi: int | None = None
    """Clock minute."""
    q: int | None = None
    """Quarter, 1-4."""
    half: int | None = None
    """Half of the year, 1 or 2."""
    decade: int | None = None
    """199 for the 1990s."""
    century: int | None = None
    """19 for the 20th century."""
    season: Literal["SP", "SU", "FA", "WI"] | None = None
    holiday: str | None = None
    """A key of calendar.HOLIDAYS: "christmas", "easter"."""
    part: str | None = None
    """Part of the day: "morning", "night"."""
    unit: str | None = None
    """What is counted: "day", "week", "month", "quarter", "year"..."""
    n: int | float | None = None
    """How many units; None when unstated ("for years")"""
    sign: int | None = None
    """-1 "earlier", +1 "later"."""
    offset: int | None = None
    """-1 "last", 0 "this", +1 "next"; days for "yesterday"."""
    year_offset: int | None = None
    """"last year's third quarter": -1."""
    every: int | None = None
    """A set: once every ``n`` units."""
    what: str | None = None
    """"the year-earlier quarter": the period compared."""
    mod: str | None = None
    """"the end of the year": "end"."""
    ref: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"] | None = None
    """A vague reference."""
    pair: Literal["open", "close"] | None = None
    """An end of an interval ("from May 2 to 4")"""
    anaphoric: bool = False
    """Counted from the time just mentioned ("the following year")"""
    year_back: bool = False
    """"the year-earlier quarter"."""
    ended: bool = False
    """"the quarter ended July 31" (not "ending")"""
    explicit: bool = False
    """A season named with a year, a modifier or "last"/"next"."""
    perfect: bool = False
    """In a present perfect clause: "has remained steady throughout 2023"."""

    @model_serializer(mode="wrap")
    def _set_parts_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        return {k: v for k, v in handler(self).items() if v is not None and v is not False}


class TimexValue(Span):
    """A time expression and what it resolves to."""

    type: TimexType
    value: str | None = None
    """TIMEX3 value, e.g. 2023-02-28, 2023-02, P3D, XXXX-12-04."""
    start_date: str | None = None
    """First day covered (YYYY-MM-DD), when resolvable."""
    end_date: str | None = None
    """Last day covered."""


class TemporalExpression(TimexValue):
    """A time expression with what is needed to resolve it again against another anchor.

    ``rule`` and ``params`` describe the expression independently of any anchor date, so a later
    stage that revises the publication date can re-resolve it without re-reading the text.
    """

    rule: str
    params: TimexParams = Field(default_factory=TimexParams)
    granularity: Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century",
                         "none"] = "none"
    anchored_to: Literal["text", "publication", "previous", "none"] = "none"
    direction: Literal["past", "future", "none"] = "none"
