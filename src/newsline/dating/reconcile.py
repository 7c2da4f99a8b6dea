"""Publication dates checked against the rest of the corpus.

A document dated only by a weak source (a header line that may be a scrape date, or an estimate)
says "Tuesday" of an event that another, well-dated document dates explicitly. If the weak date
puts that Tuesday in another week than the explicit date, the weak date is wrong: the document
was written in the week before (or, for a past "Monday", the week after) that explicit date. The
revised date wins, the old one is kept as a conflict with the evidence, and the document is
flagged ``date_conflict``.

Neither stage here changes a publication date itself: each records what the collection says
(``Document.dateline_dating``, ``Document.corpus_dating``), and the pipeline then runs the dating
stages again over those documents (``stages.py``): ``published`` takes the date up, ``resolve_time``
resolves the text's expressions against it, ``events`` dates its events again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..events.link import report_arguments, types_compatible
from ..model import (
    Corpus,
    CorpusDating,
    DateCandidate,
    DateOrigin,
    Document,
    Event,
    Evidence,
    Flag,
    FlagKind,
    Modality,
    PublishedDate,
    TimexParams,
)
from ..registry import Context, stage
from .assign import need
from .calendar import safe_day
from .lexicon import ORDINAL_WORDS
from .occurrences import counted_occurrence
from .published import dateline_month_day

RELATIVE_RULES = {"weekday", "month_day"}
# How far a report of a counted occurrence can lie from it: the estimate is the nearer end.
ANNOUNCED_AHEAD, REPORTED_AFTER = 60, 180
# Events that recur too often to identify a day: someone "said on Monday" something every week.
UNSPECIFIC_TYPES = {"statement"}


@dataclass
class Anchor:
    event: Event  # in the weakly dated document
    expression: str
    other: Event  # the same event, dated explicitly elsewhere
    window: tuple[dt.date, dt.date]  # publication dates under which the expression fits
    reason: str = ""  # why the window holds, when it is not the expression's own day


def is_weak(doc: Document) -> bool:
    """Dated by nothing, by an estimate, or by a source we trust little (a header in page chrome)."""
    published = doc.published
    return published.date is None or published.estimated or published.confidence < 0.6


def _explicit_reports(corpus: Corpus, weak_ids: set[str]) -> list[tuple[Document, Event]]:
    """Day-dated reports we can trust: from well-dated documents, or dated in full by the text."""
    out = []
    for doc in corpus.documents:
        for event in doc.events:
            if not (event.start and len(event.start) == 10 and event.timex is not None):
                continue
            if doc.id not in weak_ids or doc.temporal_expressions[event.timex].anchored_to == "text":
                out.append((doc, event))
    return out


def _window(tx_rule: str, params: TimexParams, direction: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """Publication dates from which the expression would resolve to ``day``."""
    if tx_rule == "weekday":
        if day.weekday() != params.wd:
            return None
        if direction == "future":
            return day - dt.timedelta(days=6), day - dt.timedelta(days=1)
        return day, day + dt.timedelta(days=6)
    if tx_rule == "month_day" and (params.m, params.d) == (day.month, day.day):
        if direction == "future":
            return day - dt.timedelta(days=180), day - dt.timedelta(days=1)
        return day, day + dt.timedelta(days=180)
    return None


Participants = dict[str, list[str]]  # event id -> the entities taking part, as event linking reads them


def same_happening(event: Event, other: Event, participants: Participants) -> bool:
    """Two reports of one happening: the same kind of event with someone in common, or any two
    events that bring the same two named participants together (Xi "told visiting Lukashenko")."""
    shared = set(participants.get(event.id, [])) & set(participants.get(other.id, []))
    if len(shared) >= 2:
        return True
    return bool(shared) and types_compatible(event.type, other.type) and event.type not in UNSPECIFIC_TYPES


def find_anchors(doc: Document, explicit: list[tuple[Document, Event]], participants: Participants) -> list[Anchor]:
    anchors = []
    for event in doc.events:
        if event.timex is None:
            continue
        tx = doc.temporal_expressions[event.timex]
        if tx.rule not in RELATIVE_RULES or not participants.get(event.id):
            continue
        for other_doc, other in explicit:
            if other_doc.id == doc.id or not same_happening(event, other, participants):
                continue
            window = _window(tx.rule, tx.params, tx.direction, dt.date.fromisoformat(need(other.start)))
            if window:
                anchors.append(Anchor(event, tx.text, other, window))
                break
    return anchors


def ordinal_anchors(doc: Document, explicit: list[tuple[Document, Event]], participants: Participants) -> list[Anchor]:
    """An undated document's "second visit this year", placed by the visits of that year the
    collection dates (``occurrences.py``): on or after the one it counts, or before it if announced."""
    anchors = []
    for event in doc.events:
        if not participants.get(event.id) or event.type in UNSPECIFIC_TYPES:
            continue
        same = [(d, e) for d, e in explicit if d.id != doc.id and same_happening(event, e, participants)]
        counted = counted_occurrence(doc, event, same)
        if counted is None:
            continue
        occurrence, nth = counted.occurrence, ORDINAL_WORDS[counted.ordinal]
        days = ", ".join(str(o.first) for o in counted.occurrences)
        expression = doc.text[event.citations[0].start:event.citations[0].end].strip()[:80]
        reason = (f"the text reports the {nth} {event.type} of {counted.period} ('{expression}'); the collection "
                  f"dates {len(counted.occurrences)} in {counted.period} ({days}), the {nth} on {occurrence.first} "
                  f"in {occurrence.report[0].path}")
        if event.modality == Modality.PLANNED:
            window = occurrence.first - dt.timedelta(days=ANNOUNCED_AHEAD), occurrence.first - dt.timedelta(days=1)
        else:
            window = occurrence.first, occurrence.first + dt.timedelta(days=REPORTED_AFTER)
        anchors.append(Anchor(event, expression, occurrence.report[1], window, reason))
    return anchors


def agreeing_anchors(anchors: list[Anchor]) -> list[Anchor]:
    """The largest group of anchors whose windows overlap; none when there are several and no two
    of them can hold together."""
    def agreeing(base: Anchor) -> list[Anchor]:
        return [a for a in anchors if a.window[0] <= base.window[1] and base.window[0] <= a.window[1]]

    best = max((agreeing(a) for a in anchors), key=len)
    return [] if len(best) < len(anchors) and len(best) == 1 else best


def revised_date(anchors: list[Anchor]) -> dt.date | None:
    """The publication date under which all ``anchors`` hold."""
    if not anchors:
        return None
    low = max(a.window[0] for a in anchors)
    high = min(a.window[1] for a in anchors)
    if low > high:
        return None
    # A forward-looking anchor ("to begin Tuesday") puts the writing just before the event.
    return high if any(a.window[1] < dt.date.fromisoformat(need(a.other.start)) for a in anchors) else low


def reconcile(doc: Document, anchors: list[Anchor], corpus_paths: dict[str, str]) -> bool:
    """Record in ``doc.corpus_dating`` the date its anchors give (and flag the printed one it
    overrules), or a confirmation of its estimate; True when the date moves."""
    current = dt.date.fromisoformat(doc.published.date) if doc.published.date else None
    if current and all(a.window[0] <= current <= a.window[1] for a in anchors):
        if doc.published.estimated:
            doc.corpus_dating = CorpusDating(published=_confirmed(doc, anchors[0], corpus_paths), moves_anchor=False)
        return False
    agreed = agreeing_anchors(anchors)
    new = revised_date(agreed)
    if new is None:
        return False
    lead = agreed[0]  # the evidence cites an anchor the new date rests on, never an outvoted one
    source_path = _source_of(lead, corpus_paths)
    because = lead.reason or (f"'{lead.expression}' ({lead.event.type}) must be {lead.other.start}, the day "
                              f"{source_path} dates the same {lead.other.type} explicitly")
    conflicts = list(doc.published.conflicts)
    if current:
        old = DateCandidate(
            date=current.isoformat(), origin=doc.published.origin or DateOrigin.CONTENT,
            confidence=doc.published.confidence, evidence=doc.published.evidence,
            reason=f"it would put '{lead.expression}' in another week than {lead.other.start}; {because}",
        )
        conflicts.insert(0, old)
        prior_note = next((c.reason for c in doc.date_candidates if c.date == old.date and c.reason), "")
        if prior_note:
            old.reason += f"; {prior_note}"
    doc.corpus_dating = CorpusDating(published=PublishedDate(
        date=new.isoformat(), confidence=0.6, origin=DateOrigin.CORPUS, evidence=because,
        estimated=current is None,  # nothing printed: the corpus gives an estimate, not a reading
        # the text's own bounds still hold around an estimate ("throughout 2023": from 2023 or earlier)
        earliest=doc.published.earliest if current is None else None,
        latest=doc.published.latest if current is None else None,
        conflicts=[c for c in conflicts if c.date != new.isoformat()],
    ))
    doc.flags.append(Flag(
        kind=FlagKind.DATE_CONFLICT, score=0.8,
        explanation=(f"The printed date {current} contradicts the content: {because}." if current else
                     f"Undated; dated by the corpus: {because}."),
        evidence=[Evidence(text=lead.event.citations[0].text, start=lead.event.citations[0].start,
                           end=lead.event.citations[0].end, note="the relative date"),
                  Evidence(text=lead.other.citations[0].text, document=lead.other.citations[0].document,
                           note="the same event, dated explicitly")],
    ))
    return True


def _source_of(anchor: Anchor, corpus_paths: dict[str, str]) -> str:
    """The path of the document that dates the anchor's event explicitly."""
    document = anchor.other.citations[0].document
    return corpus_paths.get(document, document)


def _confirmed(doc: Document, lead: Anchor, corpus_paths: dict[str, str]) -> PublishedDate:
    """An estimate the corpus agrees with: say so, and trust it a little more (still an estimate)."""
    source_path = _source_of(lead, corpus_paths)
    return doc.published.model_copy(update={
        "confidence": max(doc.published.confidence, 0.5),
        "evidence": (f"{doc.published.evidence}; the corpus agrees: {source_path} dates the same "
                     f"{lead.other.type} ('{lead.expression}') {lead.other.start}"),
    })


DATELINE_REACH = 31  # days between a wire report and the nearest dated coverage of it in the collection


def dateline_year(doc: Document, dated: list[Document]) -> PublishedDate | None:
    """An undated document whose dateline gives month and day but no year ("LORVIK, Jan 23
    (Northwire)"): the year is the one that puts that day nearest a dated document of the
    collection, if one lies within a month of it and the text names no later year."""
    found = dateline_month_day(doc) if doc.published.date is None else None
    if found is None:
        return None
    month, day, line = found
    earliest = int(doc.published.earliest[:4]) if doc.published.earliest else 0
    best: tuple[int, dt.date, Document] | None = None
    for other in dated:
        ref = dt.date.fromisoformat(need(other.published.date))
        for year in (ref.year - 1, ref.year, ref.year + 1):
            candidate = safe_day(year, month, day)
            if candidate and year >= earliest and (best is None or abs((candidate - ref).days) < best[0]):
                best = (abs((candidate - ref).days), candidate, other)
    if best is None or best[0] > DATELINE_REACH:
        return None
    distance, when, nearest = best
    return PublishedDate(
        date=when.isoformat(), confidence=0.6, origin=DateOrigin.DATELINE, estimated=False,
        evidence=(f"the dateline '{line}' gives the day but no year; {when.year} puts it {distance} days from "
                  f"{nearest.path}, dated {nearest.published.date}"))


@stage("date_datelines", scope="corpus", reads=["document.published", "document.text"],
       writes=["document.dateline_dating"])
def date_datelines_stage(corpus: Corpus, ctx: Context) -> None:
    """Give a year to datelines that print only the day, from the dated documents of the collection."""
    # Any printed date will do to place a dateline's year: a scrape date is off by days, not years.
    dated = [doc for doc in corpus.documents if doc.published.date and not doc.published.estimated]
    for doc in corpus.documents:
        found = dateline_year(doc, dated)
        doc.dateline_dating = CorpusDating(published=found) if found is not None else None


@stage("reconcile_dates", scope="corpus",
       reads=["document.published", "document.events", "document.event_mentions", "document.mentions.entity",
              "document.temporal_expressions", "corpus.entities"],
       writes=["document.corpus_dating", "document.flags.date_conflict"])
def reconcile_dates_stage(corpus: Corpus, ctx: Context) -> None:
    """Revise weak publication dates that contradict events other documents date explicitly."""
    participants = {event_id: found[0] for doc in corpus.documents
                    for event_id, found in report_arguments(doc).items()}
    weak = {doc.id for doc in corpus.documents if is_weak(doc)}
    explicit = _explicit_reports(corpus, weak)
    paths = {doc.id: doc.path for doc in corpus.documents}
    for doc in corpus.documents:
        doc.corpus_dating = None
        if doc.id in weak:
            anchors = find_anchors(doc, explicit, participants)
            if not anchors and doc.published.date is None:
                anchors = ordinal_anchors(doc, explicit, participants)
            if anchors:
                reconcile(doc, anchors, paths)


def dated_by_the_collection(doc: Document) -> bool:
    return doc.dateline_dating is not None


def revised_by_the_collection(doc: Document) -> bool:
    return doc.corpus_dating is not None


def moved_by_the_collection(doc: Document) -> bool:
    return doc.corpus_dating is not None and doc.corpus_dating.moves_anchor
