"""The one data model every stage shares.

Everything that points at text carries character offsets into the *cleaned* text of its
document (``Document.text``), never into the raw input, so a citation can always be checked by
slicing. Removal records are the one exception: they point into the decoded raw input, because
what they describe is no longer in the cleaned text.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class FlagKind(str, Enum):
    """Source-quality flag kinds, shared by every stage that raises flags."""

    BOILERPLATE = "boilerplate"
    DATE_CONFLICT = "date_conflict"
    DUPLICATE = "duplicate"
    SPUN = "spun"
    MACHINE_TRANSLATED = "machine_translated"
    LOW_INFORMATION = "low_information"
    UNVERIFIED_CLAIM = "unverified_claim"


class DateSource(str, Enum):
    """Where a publication-date candidate came from, strongest kinds first."""

    METADATA = "metadata"  # HTML meta tags / structured data, via htmldate
    JSONL_FIELD = "jsonl_field"
    FOLDER_NAME = "folder_name"  # <YYYY-MM-DD>/<file> layout
    URL = "url"  # /2023/02/28/ or 2023-02-28 in the article's address
    DATELINE = "dateline"  # "BEIJING, Feb. 27 (Reuters) -" style opening
    HEADER_LINE = "header_line"  # a date printed above the article, maybe a scrape date
    CONTENT = "content"  # inferred from what the text says
    CORPUS = "corpus"  # inferred from events other documents date explicitly


class Span(Model):
    start: int
    end: int
    text: str


class Sentence(Span):
    pass


class Removal(Model):
    """A piece of page furniture taken out of the text, and why."""

    start: int  # offsets into the decoded raw input
    end: int
    text: str
    reason: str


class DateCandidate(Model):
    date: str  # YYYY-MM-DD
    source: DateSource
    confidence: float
    evidence: str  # the text the date was read from
    reason: str = ""  # filled in for candidates that lost: why


class PublishedDate(Model):
    date: str | None = None  # YYYY-MM-DD, or None when unknown
    confidence: float = 0.0
    source: DateSource | None = None
    estimated: bool = False  # True when the date is an estimate, not read from the document
    earliest: str | None = None  # bounds of an estimate (YYYY, YYYY-MM or YYYY-MM-DD)
    latest: str | None = None
    alternatives: list[str] = Field(default_factory=list)  # other dates the same evidence allows
    evidence: str = ""
    conflicts: list[DateCandidate] = Field(default_factory=list)


class Evidence(Model):
    text: str
    start: int | None = None  # offsets into the document's cleaned text, when it is there
    end: int | None = None
    document: str | None = None  # another document this evidence points at
    note: str = ""


class Flag(Model):
    kind: FlagKind
    score: float
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)


class ProblemReport(Model):
    """A coded problem met while processing an input or one of its stages."""

    code: str
    message: str
    path: str | None = None
    stage: str | None = None
    hint: str = ""


class EntityMention(Span):
    label: Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"]
    entity: str | None = None  # canonical entity id, set by linking


class Reference(Span):
    """Words that stand for a named entity without naming it ("she", "the actress"), resolved to it."""

    entity: str
    kind: Literal["pronoun", "relative", "description", "described"] = "pronoun"
    antecedent: int  # start offset of the named mention it was resolved to


class Descriptor(Span):
    """How the text describes a named mention besides its title: an apposition ("Ferrante, a close
    ally of Holm,"), what it is said to be ("is a close ally of Putin"), a label before the name
    ("political strongman Lukashenko"), a description standing for it ("the Belarusian dictator"),
    or a term the text puts in scare quotes in the same sentence (the "elections")."""

    mention: int  # start offset of the named mention described
    kind: Literal["apposition", "attribute", "modifier", "description", "scare_quote"]


class Nominal(Span):
    """A noun phrase that is not a recognised name ("the actress", "the facility", "rehab"), with its
    head lemma and what the parse says of it: "the 23 points" is definite, plural, quantity "23"."""

    head: str
    head_start: int | None = None  # offset of the head word: "test" in "the alcohol test"
    plural: bool = False
    definite: bool = False  # "the", "this", "that": a thing already known to the reader
    quantity: str | None = None  # a number that tells it from others like it: "23" in "23 points"


class Pronoun(Span):
    """A pronoun with what the parse says of it: "she" is third person, singular, feminine; "who"
    in "the actress, who was arrested" is relative to "actress" (``relative_to``, its offset)."""

    person: int | None = None
    number: Literal["sing", "plur"] | None = None
    gender: Literal["masc", "fem", "neut"] | None = None
    relative_to: int | None = None


class RoleMention(Span):
    """What the text says a named person is: "Belarusian President", "Russia's ambassador to Belarus"."""

    mention: int  # start offset of the named mention it describes


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimexParams(Model):
    """What a time expression says, as its rule read it, independently of any anchor date: the parts
    it prints ("February 28": ``m=2, d=28``) and how it counts from an anchor ("two years ago":
    ``n=2, unit="year"``). Unset parts are None; only the set ones are stored."""

    y: int | None = None  # a year the text prints
    m: int | None = None  # month, 1-12
    d: int | None = None  # day of the month
    wd: int | None = None  # weekday, Monday 0
    h: int | None = None  # clock hour, 0-24
    mi: int | None = None  # clock minute
    q: int | None = None  # quarter, 1-4
    half: int | None = None  # half of the year, 1 or 2
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    season: Literal["SP", "SU", "FA", "WI"] | None = None
    holiday: str | None = None  # a key of calendar.HOLIDAYS: "christmas", "easter"
    part: str | None = None  # part of the day: "morning", "night"
    unit: str | None = None  # what is counted: "day", "week", "month", "quarter", "year"...
    n: int | float | None = None  # how many units; None when unstated ("for years")
    sign: int | None = None  # -1 "earlier", +1 "later"
    offset: int | None = None  # -1 "last", 0 "this", +1 "next"; days for "yesterday"
    year_offset: int | None = None  # "last year's third quarter": -1
    every: int | None = None  # a set: once every ``n`` units
    what: str | None = None  # "the year-earlier quarter": the period compared
    mod: str | None = None  # "the end of the year": "end"
    ref: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"] | None = None  # a vague reference
    pair: Literal["open", "close"] | None = None  # an end of an interval ("from May 2 to 4")
    anaphoric: bool = False  # counted from the time just mentioned ("the following year")
    year_back: bool = False  # "the year-earlier quarter"
    ended: bool = False  # "the quarter ended July 31" (not "ending")
    explicit: bool = False  # a season named with a year, a modifier or "last"/"next"
    perfect: bool = False  # in a present perfect clause: "has remained steady throughout 2023"

    @model_serializer(mode="wrap")
    def _set_parts_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        return {k: v for k, v in handler(self).items() if v is not None and v is not False}


class TemporalExpression(Span):
    """A time expression with what is needed to resolve it again against another anchor.

    ``rule`` and ``params`` describe the expression independently of any anchor date, so a later
    stage that revises the publication date can re-resolve it without re-reading the text.
    """

    type: TimexType
    rule: str
    params: TimexParams = Field(default_factory=TimexParams)
    value: str | None = None  # TIMEX3 value, e.g. 2023-02-28, 2023-02, P3D, XXXX-12-04
    start_date: str | None = None  # first day covered (YYYY-MM-DD), when resolvable
    end_date: str | None = None  # last day covered
    granularity: Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century",
                         "none"] = "none"
    anchored_to: Literal["text", "publication", "previous", "none"] = "none"
    direction: Literal["past", "future", "none"] = "none"


class Modality(str, Enum):
    HAPPENED = "happened"
    PLANNED = "planned"
    HEDGED = "hedged"
    NEGATED = "negated"


ArgumentRole = Literal["agent", "patient", "with", "place", "source"]


class Argument(Span):
    """Who or what takes part in an event mention, as written: its doer (agent), what it is done to
    (patient), with whom, where, and who reports it (source: "according to Xinhua", "X said")."""

    role: ArgumentRole
    entity: str | None = None  # the linked entity named in it, set by event linking


class EventMention(Span):
    """A word that reports something happening ("visited", "talks", "the explosion"), one per
    occurrence in the text; linking groups the mentions of one real event (``event``)."""

    lemma: str
    type: str = "other"
    modality: Modality = Modality.HAPPENED
    arguments: list[Argument] = Field(default_factory=list)
    timex: int | None = None  # the date expression it governs (index into temporal_expressions)
    event: str | None = None  # the event it is linked to, set by linking

    def argument(self, role: ArgumentRole) -> Argument | None:
        return next((a for a in self.arguments if a.role == role), None)


class ClaimKind(str, Enum):
    QUANTITY = "quantity"  # "4,000 workers", "more than 1,000 political prisoners", "tens of thousands"
    DATE = "date"  # an event word and the day the text gives it: "opened ... on Saturday"
    ORDINAL = "ordinal"  # "his third trip abroad this year"
    EVENT = "event"  # that something happened, or did not: "no evacuation order had been issued"
    QUOTE = "quote"  # words in quotation marks, with their speaker
    ATTRIBUTION = "attribution"  # a statement given as someone's: "according to Xinhua", "police said"


class Claim(Span):
    """A checkable statement: ``start``/``end`` cover its key words ("About 2,500 dockworkers"), the
    sentence holding it is ``sentence_start``/``sentence_end``. What it asserts is in ``value`` (a
    number, a day, an ordinal, "happened"/"did not happen"), bounded by ``low``/``high`` when the text
    is approximate ("about 2,500" is 2,250-2,750); ``about`` is what is counted or dated, written as
    the text words it, and ``context`` the clause it sits in with the value masked, for aligning it
    with other sources' claims."""

    kind: ClaimKind
    sentence_start: int
    sentence_end: int
    value: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""  # "percent", "pound", "metre"...; "" for a count
    about: str = ""
    predicate: str = ""  # what a count says happened to what it counts ("dead", "injured", "pledge")
    scope: str | None = None  # the period an ordinal counts in ("2024", "P3Y"), when given
    context: str = ""
    negated: bool = False
    speaker: str | None = None  # who the text says makes the claim, as written ("he", "police")
    speaker_start: int | None = None  # where the speaker's words are, for resolving "he" to a name
    speaker_name: str | None = None  # the named entity a pronoun or description speaker stands for
    mention: int | None = None  # the event mention it concerns (index into event_mentions)
    scope_timex: int | None = None  # the expression an ordinal's period comes from (temporal_expressions)


class Citation(Model):
    document: str
    text: str
    start: int
    end: int


class Event(Model):
    id: str
    type: str
    summary: str
    start: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    end: str | None = None
    modality: Modality = Modality.HAPPENED
    trigger: str = ""
    participants: list[str] = Field(default_factory=list)  # entity ids
    places: list[str] = Field(default_factory=list)  # entity ids
    sources: list[str] = Field(default_factory=list)  # whom the reports attribute it to, as written
    citations: list[Citation] = Field(default_factory=list)
    # Which temporal expression dated it, per citing document (index into that document's
    # temporal_expressions); kept so that a revised publication date can re-date the event.
    timex: int | None = None
    duration_days: int | None = None  # "a three-day visit"


class CorpusDating(Model):
    """A publication date the rest of the collection gives a document (``dating/reconcile.py``), which
    the dating stages then take up when they are run again over it."""

    published: PublishedDate
    moves_anchor: bool = True  # False when the collection only confirms an estimate: nothing to re-resolve


class Document(Model):
    """One article. Each field has one owner: the reader (``ingest/read.py``) for what the input gives,
    else the stage that declares it in ``writes`` (``newsline stages`` lists them)."""

    id: str
    path: str
    format: Literal["text", "html", "jsonl"]
    url: str | None = None
    given_title: str | None = None  # the title the input states (HTML metadata, a JSONL field)
    title: str | None = None  # that title, or else the one the cleaner reads off the text
    author: str | None = None
    encoding: str | None = None
    folder_date: str | None = None
    language: str | None = None
    raw_text: str = ""  # decoded input before cleaning (not written to the report)
    markup_chars: int | None = None  # characters of markup and page furniture the HTML extraction left out
    text: str = ""
    removed: list[Removal] = Field(default_factory=list)
    given_dates: list[DateCandidate] = Field(default_factory=list)  # publication dates the input states
    date_candidates: list[DateCandidate] = Field(default_factory=list)  # those and the ones the text gives
    published: PublishedDate = Field(default_factory=PublishedDate)
    # Dates the collection gives, while the corpus stages run (never stored): a year for a dateline
    # that gives only the day, then a weak date revised against explicit ones.
    dateline_dating: CorpusDating | None = Field(default=None, exclude=True)
    corpus_dating: CorpusDating | None = Field(default=None, exclude=True)
    sentences: list[Sentence] = Field(default_factory=list)
    tagged_mentions: list[EntityMention] = Field(default_factory=list)  # names as each text's parse finds them
    mentions: list[EntityMention] = Field(default_factory=list)  # corrected with the collection, then linked
    references: list[Reference] = Field(default_factory=list)  # pronouns resolved to named entities
    roles: list[RoleMention] = Field(default_factory=list)  # titles and appositions of named people
    descriptors: list[Descriptor] = Field(default_factory=list)  # labels and epithets of named mentions
    nominals: list[Nominal] = Field(default_factory=list)  # common-noun phrases, for references
    pronouns: list[Pronoun] = Field(default_factory=list)  # with person, number, gender, for references
    event_mentions: list[EventMention] = Field(default_factory=list)  # every event word, dated or not
    story: str | None = None  # the story the document belongs to in its collection, set by linking
    temporal_expressions: list[TemporalExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)  # this document's own events
    claims: list[Claim] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    errors: list[ProblemReport] = Field(default_factory=list)


class EntityRole(Model):
    text: str
    citations: list[Citation] = Field(default_factory=list)


class Entity(Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    mentions: int = 0
    description: str | None = None  # from the user's alias table
    wikidata: str | None = None
    roles: list[EntityRole] = Field(default_factory=list)  # as the documents state them, with citations


class TimelineEntry(Model):
    date: str
    events: list[str]
    summary: list[str]


class KeyDate(Model):
    """A day the collection points at, told in extractive sentences (the date-wise summary)."""

    date: str
    score: float  # sentences naming the day, plus half a point per article published that day
    sentences: list[Citation] = Field(default_factory=list)


class ClaimRef(Model):
    """One side of a comparison: a claim of a document, cited."""

    document: str
    claim: int  # index into the document's claims
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
    similarity: float  # how alike the two claims' contexts are (MiniLM cosine)
    claims: list[ClaimRef]


class FramingTerm(Model):
    """One way a source names or describes an entity, where it says so, and its loaded words."""

    text: str
    kind: Literal["title", "label", "scare_quote"]
    start: int
    end: int
    loaded: list[str] = Field(default_factory=list)  # evaluative words in it: "dictator", "illegitimate"


class SourceFraming(Model):
    document: str
    path: str
    terms: list[FramingTerm] = Field(default_factory=list)


class EntityFraming(Model):
    """How each source names and describes one entity."""

    entity: str
    name: str
    sources: list[SourceFraming] = Field(default_factory=list)


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

    processed: int = 0  # analysed by the document stages and stored
    cached: int = 0  # already in the store, analysed by this pipeline
    repeated: int = 0  # the same content read twice in this run
    failed: int = 0  # inputs or documents refused, each with a coded problem


class RunRecord(Model):
    """One ``newsline run`` (or upload) as the store keeps it."""

    id: int
    started_at: str  # ISO 8601, UTC
    finished_at: str | None = None  # None: the run was interrupted
    inputs: list[str]
    newsline_version: str  # the pipeline version string: package, document-stage revision, spaCy model, stages
    counts: RunCounts | None = None
    stage_seconds: dict[str, float] = Field(default_factory=dict)  # time spent in each stage
