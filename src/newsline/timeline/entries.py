"""Which events are entries of the collection's timeline, and why the others are kept apart.

An entry is a happening a source reports, done or scheduled, on the collection's subject, dated to
a month or a day. Read by an editor, a third of the events newsline put on Timeline17 timelines
were good entries: the rest were questions, opinions, forecasts, background from years before,
readers' comments, page furniture ("Click the Play button and watch the slick grow") and other
stories from the same scraped page, and none dated only to a year was good. Each test below names
one such kind and keeps the event out of the main timeline with that reason (``Event.aside``);
the event stays in the analysis and the report, findable apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..events.link import date_bounds
from ..model import Corpus, Document, Event, Modality, TemporalExpression

# What a writer's own voice says outside quotation marks: a reader's comment, a blog, a column.
PERSONAL = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|mine|we|we're|we've|us|our|you|your|you're)\b")
QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|``.*?''")
# Page furniture: instructions to the reader ("Click the Play button", "Listen here", "Watch").
FURNITURE = re.compile(r"^\W*(?:click|watch|listen|read|see|follow|sign up|subscribe|share|scroll|tap|"
                       r"all posts|related|more on)\b", re.I)
# Captions, credits and blog furniture inside a sentence: "Photograph: PA", "(AP Photo/...)", "posted
# on Thursday, 28 May 2009 | comment on this post", "A version appeared on p33 of the Main section".
CAPTION = re.compile(r"\bphotograph\s*:|\bAP Photo\b|Getty Images|\bposted on\b|comment on this post|"
                     r"a version appeared on|\|\s*comment", re.I)
# Opinions and forecasts that date a happening nobody reports as done: "could be up to $875m".
NOT_ASSERTED = re.compile(r"\b(?:could|might|may|would|should|if|unless|likely|probably|perhaps|predict\w*|"
                          r"anticipat\w*|forecast\w*|expects?|expected)\b")
# Levels and statistics a report gives for a period or a moment: "output totalled 1.15 billion cubic
# metres in January", "Brent traded at 18.01 dlrs today", "the February total represented a 49 pct
# decrease" (Reuters-21578 entries, the second blind round: 8 of its 23 bad entries).
LEVEL = re.compile(r"^(?:total(?:l?ed|s|ling)?|amount(?:ed|s)|averag(?:ed|es|ing)|represent(?:ed|s)|stood|stands|"
                   r"traded|trades|trading|running)$", re.I)
MAX_WORDS = 60  # longer "sentences" are lists and teasers the splitter could not break
BACKGROUND_DAYS = 180  # an event half a year before every report of it is history told as background
SUBJECT_SHARE = 0.05  # an entity named by this share of the documents is part of the subject
MIN_SUBJECT_DOCUMENTS = 2
VAGUE_RULES = {"relative_unit", "earlier_later", "ago"}


YEARLESS_RULES = {"month_day", "day_month"}  # the dating rules that read a day without its year


def subject_entities(documents: list[Document]) -> set[str]:
    """The entities the collection is about: named by several of its documents."""
    named = Counter(e for doc in documents for e in {m.entity for m in doc.mentions if m.entity})
    floor = max(MIN_SUBJECT_DOCUMENTS, SUBJECT_SHARE * len(documents))
    return {entity for entity, n in named.items() if n >= floor}


def aside_reason(event: Event, subject: set[str], published: dict[str, str | None],
                 dated_by: TemporalExpression | None = None) -> str | None:
    """Why ``event`` is not an entry of the main timeline, or None if it is; ``dated_by`` is the
    expression that dates it, when known."""
    sentence = event.citations[0].text if event.citations else event.summary
    own_words = QUOTED.sub(" ", sentence)
    if event.type == "statement" and event.trigger in own_words:
        # what was said may be a forecast; that it was said on the day is the happening
        own_words = own_words[:own_words.index(event.trigger)]
    if not event.start:
        return "not dated"
    if len(event.start) == 4:
        return "known only to the year"
    if sentence.rstrip().rstrip("\"”'’)").endswith("?"):
        return "a question"
    if event.modality == Modality.NEGATED:
        return "reported as not having happened"
    if event.modality == Modality.HEDGED or NOT_ASSERTED.search(own_words):
        return "a supposition or forecast, not a report"
    if LEVEL.match(event.trigger or ""):
        return "a level or a statistic, not a happening"
    if PERSONAL.search(own_words):
        return "a personal account or comment"
    if FURNITURE.match(sentence) or CAPTION.search(sentence) or len(sentence.split()) > MAX_WORDS:
        return "page furniture or a list"
    if _span_days(event) > 1 and not event.duration_days and _vague(dated_by):
        return "known only to a span of days, not a day"  # "last week", "more than a decade ago"
    if _background(event, published):
        return "background: long before its report"
    if _after_reports(event, published):
        return "reported as done but dated after its reports"
    if _year_guessed_ahead(event, published, dated_by):
        return "a day without its year, put long after its reports"
    if (event.participants or event.places) and not (set(event.participants) | set(event.places)) & subject:
        return "another subject: names nothing the collection is about"
    return None


def _vague(tx: TemporalExpression | None) -> bool:
    """A span a relative expression gives ("last week", "a decade ago"), not one the text states
    day by day ("from February 28 to March 2")."""
    return tx is None or tx.granularity not in ("day", "time") or tx.rule in VAGUE_RULES


def _after_reports(event: Event, published: dict[str, str | None]) -> bool:
    """Said to have happened, yet dated after every report of it: a day without a year resolved to
    the year ahead ("June 7 - BP starts ..." in a December fact box read as next June), or a
    weekday resolved forward."""
    if event.modality != Modality.HAPPENED or not event.start:
        return False
    return _after_every_report(date_bounds(event.start, last=False), event, published, days=1)


def _year_guessed_ahead(event: Event, published: dict[str, str | None], tx: TemporalExpression | None) -> bool:
    """A day named without its year ("June 7", "2 June") that resolving put half a year or more after
    every report: news names a day that far ahead with its year, so the year is a wrong guess (a
    report of 15 June 2010 listing "2 June" in a fact box, read as June 2011: real Timeline17 entries)."""
    if tx is None or tx.rule not in YEARLESS_RULES or not event.start or len(event.start) != 10:
        return False
    return _after_every_report(event.start, event, published, days=BACKGROUND_DAYS)


def _after_every_report(day: str, event: Event, published: dict[str, str | None], days: int) -> bool:
    """``day`` (YYYY-MM-DD) falls more than ``days`` after the publication of every report of the
    event; False when a report is undated."""
    reported = [published.get(c.document) for c in event.citations]
    return bool(reported) and all(reported) and all(
        day > (dt.date.fromisoformat(on[:10]) + dt.timedelta(days=days)).isoformat() for on in reported if on)


def _span_days(event: Event) -> int:
    """How many days a day-dated event spans (0 for one day; months are their own precision)."""
    if not (event.start and event.end) or len(event.start) != 10 or len(event.end) != 10:
        return 0
    return (dt.date.fromisoformat(event.end) - dt.date.fromisoformat(event.start)).days


def _background(event: Event, published: dict[str, str | None]) -> bool:
    """Every report of it was published half a year or more after it ended."""
    end = date_bounds(event.end or event.start or "", last=True)
    days = [published.get(c.document) for c in event.citations]
    return all(days) and all(end < _days_before(day) for day in days if day)


def _days_before(day: str) -> str:
    return (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()


def set_asides(corpus: Corpus) -> None:
    subject = subject_entities(corpus.documents)
    published = {d.id: d.published.date for d in corpus.documents}
    documents = {d.id: d for d in corpus.documents}
    for event in corpus.events:
        event.aside = aside_reason(event, subject, published, _dated_by(event, documents))


def _dated_by(event: Event, documents: dict[str, Document]) -> TemporalExpression | None:
    """The expression that dated the event: ``timex`` indexes the report it was dated by, the
    one of its citations whose sentence holds that expression."""
    for citation in event.citations if event.timex is not None else []:
        doc = documents.get(citation.document)
        if doc is not None and event.timex is not None and event.timex < len(doc.temporal_expressions):
            tx = doc.temporal_expressions[event.timex]
            if citation.start <= tx.start < citation.end:
                return tx
    return None
