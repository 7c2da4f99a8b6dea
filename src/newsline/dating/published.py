"""Publication dates with provenance: every candidate, the winner, and why the others lost.

Candidates come from ingest (HTML metadata, a JSONL field, a date folder), from header lines the
cleaner took out, and from a dateline. Each is scored by its source and by what the text itself
says (a date the text reports in the past cannot be after publication; a "Saturday (February 25)"
fixes the year). Undated documents get no invented date: at most an estimate marked as one.
A corpus stage (``reconcile.py``) may later revise a weak date with evidence from other documents.
"""

from __future__ import annotations

import datetime as dt
import re

from ..ingest.clean import HEADER_DATE_REASON
from ..model import DateCandidate, DateOrigin, Document, PublishedDate, TemporalExpression, TimexParams, TimexType
from ..registry import Context, rerun_of, stage
from .assign import need
from .calendar import safe_day
from .find import find_expressions
from .timex import sentence_bounds

CHROME_NOTE = ("it is printed in the page chrome above the navigation, where sites show the day the "
               "page was viewed, so it may be the scrape date")
# "BEIJING, Feb 28, 2023 (Newswire) -", "MINSK (AP) —": a place in capitals opens the first paragraph.
_DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}\s*[,(:–—-]", re.M)


def header_candidates(doc: Document) -> list[DateCandidate]:
    out: list[DateCandidate] = []
    reasons = [r.reason for r in doc.removed]
    for index, removal in enumerate(doc.removed):
        if removal.reason != HEADER_DATE_REASON:
            continue
        in_chrome = "navigation crumbs" in reasons[index + 1:index + 3]
        for found in find_expressions(removal.text):
            day = _explicit_day(found.params)
            if day is None:
                continue
            out.append(DateCandidate(
                date=day.isoformat(), origin=DateOrigin.HEADER_LINE,
                confidence=0.5 if in_chrome else 0.65, evidence=removal.text.strip(),
                reason=CHROME_NOTE if in_chrome else "",
            ))
    return out


def dateline_candidates(doc: Document) -> list[DateCandidate]:
    head = doc.text[:600]
    for match in _DATELINE.finditer(head):
        line = head[match.start():].split("\n", 1)[0][:120]
        for found in find_expressions(line):
            day = _explicit_day(found.params)
            if day:
                return [DateCandidate(date=day.isoformat(), origin=DateOrigin.DATELINE, confidence=0.8,
                                      evidence=line.strip())]
    return []


def dateline_month_day(doc: Document) -> tuple[int, int, str] | None:
    """A dateline that gives the day but no year ("PORT ELDON, March 4 (Northwire) -"): wire copy
    leaves the year to the page around it. (month, day, the dateline) or None."""
    head = doc.text[:600]
    for match in _DATELINE.finditer(head):
        line = head[match.start():].split("\n", 1)[0][:120]
        for found in find_expressions(line):
            params = found.params
            if params.m is not None and params.d is not None and params.y is None:
                return params.m, params.d, line[:found.end].strip()
    return None


def in_dateline(text: str, start: int) -> bool:
    """Is ``start`` inside the dateline that opens the text ("MEREL, June 11 (Northwire) -")? The
    dateline dates the report, not an event of it."""
    match = next(_DATELINE.finditer(text[:600]), None)
    if match is None or start < match.start():
        return False
    line_end = text.find("\n", match.start())
    dash = re.search(r"\)\s*[-–—]|\s[-–—]\s", text[match.start():line_end if line_end > 0 else None])
    return dash is not None and start < match.start() + dash.start()


def _explicit_day(params: TimexParams) -> dt.date | None:
    if params.y is not None and params.m is not None and params.d is not None:
        return safe_day(params.y, params.m, params.d)
    return None


def content_penalty(candidate: dt.date, timexes: list[TemporalExpression]) -> tuple[float, str]:
    """How much the text argues against ``candidate``, and the words that do."""
    penalty, notes = 0.0, []
    for tx in timexes:
        p = tx.params
        day = _explicit_day(p)
        if day and tx.direction == "past" and day > candidate + dt.timedelta(days=1):
            penalty += 0.5
            notes.append(f"the text reports '{tx.text}' in the past tense, after {candidate}")
        if tx.rule == "month_day" and p.wd is not None:
            dated = safe_day(candidate.year, need(p.m), need(p.d))
            if dated and dated.weekday() != p.wd:
                penalty += 0.2
                notes.append(f"'{tx.text}' is not that weekday in {candidate.year}")
    return penalty, "; ".join(notes)


def recency_gap(candidate: dt.date, timexes: list[TemporalExpression]) -> int:
    """Days from the latest day the text reports in the past (year taken from the candidate)."""
    latest = None
    for tx in timexes:
        if tx.direction == "future" or tx.type != "DATE":
            continue
        p = tx.params
        day = _explicit_day(p)
        if day is None and tx.rule == "month_day":
            day = safe_day(candidate.year, need(p.m), need(p.d))
        if day and day <= candidate and (latest is None or day > latest):
            latest = day
    return (candidate - latest).days if latest else 30


def choose(doc: Document) -> PublishedDate:
    candidates = doc.date_candidates
    if not candidates:
        return estimate_undated(doc)
    scored = []
    for cand in candidates:
        day = dt.date.fromisoformat(cand.date)
        penalty, why = content_penalty(day, doc.temporal_expressions)
        gap = min(recency_gap(day, doc.temporal_expressions), 30)
        scored.append((cand.confidence - penalty - 0.002 * gap, cand, why))
    scored.sort(key=lambda item: -item[0])
    best_score, best, _ = scored[0]
    conflicts = []
    for _score, cand, why in scored[1:]:
        if cand.date == best.date:
            continue
        reason = why or (f"weaker origin ({cand.origin.value}) than {best.origin.value}"
                         if cand.confidence < best.confidence else
                         f"further from the latest day the text reports than {best.date}")
        conflicts.append(cand.model_copy(update={"reason": "; ".join(filter(None, [reason, cand.reason]))}))
    return PublishedDate(date=best.date, confidence=round(max(0.05, min(best_score, 1.0)), 3),
                         origin=best.origin, evidence=best.evidence, conflicts=conflicts)


def estimate_undated(doc: Document) -> PublishedDate:
    """No date is printed: bound it by what the text mentions, and mark it as an estimate.

    The floor is the latest year the text reports as past or present (plans "for 2030" do not count).
    A weekday printed with a day ("Monday, December 4") fits only some years: the first one from
    the floor is the estimate, the others are kept as alternatives. A corpus stage may later replace
    the guess with the date other documents give the same event.
    """
    years = [need(tx.params.y) for tx in doc.temporal_expressions  # printed years; none resolved yet
             if tx.params.y is not None and tx.direction != "future" and tx.type == TimexType.DATE]
    floor = max(years) if years else None
    for tx in doc.temporal_expressions:
        p = tx.params
        if tx.rule in ("month_day", "day_month") and p.wd is not None and floor is not None:
            fitting = [y for y in range(floor, floor + 29)
                       if (d := safe_day(y, need(p.m), need(p.d))) and d.weekday() == p.wd]
            if fitting:
                day = dt.date(fitting[0], need(p.m), need(p.d))
                others = [dt.date(y, day.month, day.day).isoformat() for y in fitting[1:3]]
                return PublishedDate(
                    date=day.isoformat(), confidence=0.3, origin=DateOrigin.CONTENT, estimated=True,
                    earliest=day.isoformat(), latest=day.isoformat(), alternatives=others,
                    evidence=(f"no date is printed; '{tx.text}' falls on that weekday in {fitting[0]}, the "
                              f"first such year from {floor}, the latest year the text reports; it also fits "
                              f"{', '.join(o[:4] for o in others)}"))
    return _bounded_by_years(doc, floor)


def _bounded_by_years(doc: Document, floor: int | None) -> PublishedDate:
    """The years a text reports as done bound its date from below; a year it speaks of in the present
    perfect ("has remained steady throughout 2023") or as still ahead ("will be held in 2025") from above."""
    printed = [
        tx for tx in doc.temporal_expressions if tx.params.y is not None and tx.type == TimexType.DATE
    ]
    ongoing = [tx for tx in printed if tx.params.perfect]
    ahead = [tx for tx in printed if tx.direction == "future"]
    ceiling_tx = min(ongoing + ahead, key=lambda tx: need(tx.params.y), default=None)
    ceiling = need(ceiling_tx.params.y) if ceiling_tx is not None else None
    if ceiling is not None and floor is not None and ceiling < floor:
        ceiling = None  # the clues disagree: keep the one that rests on reported facts
    if floor is None and ceiling is None:
        return PublishedDate(evidence="no date is printed and the text mentions no year")
    why = ["no date is printed"]
    if floor is not None:
        why.append(f"the text reports {floor}, so it is from {floor} or later")
    if ceiling is not None and ceiling_tx is not None:
        how = "as still going on" if ceiling_tx.params.perfect else "as still ahead"
        why.append(
            f"it speaks of {ceiling} {how} ('{_sentence_of(doc.text, ceiling_tx)}'), so it is from {ceiling} or earlier"
        )
    else:
        ahead_days = [tx for tx in doc.temporal_expressions if tx.rule in ("month_day", "day_month")
                      and tx.direction == "future" and not tx.params.y]
        why.append("nothing in it bounds it from above" + (
            f" ('{ahead_days[0].text}' is still ahead, but the text does not say of which year)" if ahead_days else ""))
    return PublishedDate(estimated=True, earliest=str(floor) if floor else None,
                         latest=str(ceiling) if ceiling else None, origin=DateOrigin.CONTENT,
                         evidence="; ".join(why))


def _sentence_of(text: str, tx: TemporalExpression, limit: int = 120) -> str:
    start, end = sentence_bounds(text, tx.start, tx.end)
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"


_URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?!\d)")


def url_candidates(doc: Document) -> list[DateCandidate]:
    """A date in the article's address: sites put the publication day there, rarely anything else."""
    match = _URL_DATE.search(doc.url or "")
    day = safe_day(int(match["y"]), int(match["m"]), int(match["d"])) if match else None
    if day is None:
        return []
    return [DateCandidate(date=day.isoformat(), origin=DateOrigin.URL, confidence=0.75, evidence=doc.url or "")]


@stage("published", scope="document",
       reads=["document.removed", "document.text", "document.given_dates", "document.temporal_expressions"],
       writes=["document.published", "document.date_candidates"])
def published_stage(documents: list[Document], ctx: Context) -> None:
    """Collect publication-date candidates and choose one, keeping the losers as conflicts."""
    for doc in documents:
        doc.date_candidates = doc.given_dates + header_candidates(doc) + dateline_candidates(doc) + url_candidates(doc)
        doc.published = choose(doc)


@rerun_of("published")
def take_up_collection_dates(documents: list[Document], ctx: Context) -> None:
    """Run again after the collection dated these documents: take its date up, with its evidence."""
    for doc in documents:
        given = doc.corpus_dating or doc.dateline_dating
        if given is not None:
            doc.published = given.published
