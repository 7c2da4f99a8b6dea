"""Event linking: one event per real event across documents, with a citation from each.

Two dated reports are the same event when their event words were linked as one event within a
story (event_coref) and their dates overlap, or, across stories, when their types are compatible,
their dates overlap and they share a person or organisation (for statements: the same speaker on
the same day). Candidate pairs are blocked by month so large collections stay near-linear.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from ..model import Corpus, DateReport, Document, Event, EventMention, Modality
from ..registry import Context, stage
from ..union import UnionFind

COMPATIBLE = [{"visit", "meeting"}]
PARTICIPANT_LABELS = {"PERSON", "ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _kind(entity_id: str) -> str:
    return entity_id.split(":", 1)[0].upper()  # ids are "<type>:<slug>"


ReportArguments = tuple[list[str], list[str], list[str]]  # participants, places, attributions


def report_arguments(doc: Document) -> dict[str, ReportArguments]:
    """Participants, places and attributions of each report (by event id)."""
    dating = _dating_mentions(doc)
    return {event.id: _arguments(doc, event, dating.get(event.timex)) for event in doc.events}


def _dating_mentions(doc: Document) -> dict[int | None, EventMention]:
    """The event mention each report was dated through, by its date expression: the mention governs it."""
    return {m.timex: m for m in doc.event_mentions if m.timex is not None}


def _arguments(doc: Document, event: Event, mention: EventMention | None) -> ReportArguments:
    """A report's event word's own arguments first, then the other linked entities of its sentence;
    whom it is attributed to is not taking part in it."""
    cite = event.citations[0]
    own = [a for a in mention.arguments if a.entity] if mention else []
    said_by = [a for a in mention.arguments if a.role == "attribution"] if mention else []
    inside = [m.entity for m in doc.mentions if m.entity and cite.start <= m.start and m.end <= cite.end
              and not any(a.start <= m.start and m.end <= a.end for a in said_by)]
    ranked = list(dict.fromkeys([a.entity for a in own if a.entity and a.role != "attribution"] + inside))
    return ([e for e in ranked if _kind(e) in PARTICIPANT_LABELS], [e for e in ranked if _kind(e) in PLACE_LABELS],
            [a.text for a in said_by])


def fill_arguments(doc: Document) -> dict[str, str]:
    """Give each report its participants, places and attributions; returns each report's linked event
    (event_coref)."""
    dating = _dating_mentions(doc)
    linked = {}
    for event in doc.events:
        mention = dating.get(event.timex)
        event.participants, event.places, event.attributions = _arguments(doc, event, mention)
        if mention is not None and mention.event:
            linked[event.id] = mention.event
    return linked


def types_compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE)


def date_bounds(value: str, last: bool) -> str:
    """The first (or last) day a YYYY, YYYY-MM or YYYY-MM-DD date can mean, comparable as text."""
    if len(value) == 4:
        return value + ("-12-31" if last else "-01-01")
    if len(value) == 7:
        return value + ("-31" if last else "-01")
    return value


def dates_overlap(a: Event, b: Event) -> bool:
    if not a.start or not b.start:
        return False
    a0, a1 = date_bounds(a.start, False), date_bounds(a.end or a.start, True)
    b0, b1 = date_bounds(b.start, False), date_bounds(b.end or b.start, True)
    return a0 <= b1 and b0 <= a1


def same_event(a: Event, b: Event, linked: dict[str, str] | None = None) -> bool:
    """``linked``: each report's event from event_coref, which says "same" when it knows."""
    if linked and a.id in linked and linked.get(a.id) == linked.get(b.id):
        return dates_overlap(a, b)
    if not types_compatible(a.type, b.type) or not dates_overlap(a, b):
        return False
    if a.type == "statement":
        return bool(a.participants and b.participants and a.participants[0] == b.participants[0]
                    and a.start == b.start)
    coarse = len(a.start or "") < 10 or len(b.start or "") < 10
    if coarse and (a.start, a.end) != (b.start, b.end):
        return False  # coarse dates ("in 2020") only merge when they say the same thing
    return bool(set(a.participants) & set(b.participants))


def _precision(event: Event) -> tuple[int, int]:
    """Rank a report's dating: a day range beats a day beats a month beats a year."""
    size = len(event.start or "")
    return (size, 1 if event.end and event.end != event.start else 0)


def dates_by_weight(group: list[Event]) -> list[DateReport]:
    """The dates a group's reports give: the date most documents give first, then the one more of
    them report as happened (a report of the happening over one of it in advance), then the most
    exact (a span the text states, "a three-day visit", then a day, a span of days, a month, a year)."""
    given: dict[tuple[str, str | None], DateReport] = {}
    exactness: dict[tuple[str, str | None], int] = {}
    for event in group:
        if not event.start:
            continue
        key = (event.start, event.end)
        report = given.setdefault(key, DateReport(start=event.start, end=event.end))
        exactness[key] = min(exactness.get(key, 9), _exactness(event))
        for document in dict.fromkeys(c.document for c in event.citations):
            if document not in report.documents:
                report.documents.append(document)
                report.happened += event.modality == Modality.HAPPENED
    return sorted(given.values(), key=lambda r: (-len(r.documents), -r.happened, exactness[(r.start, r.end)],
                                                 r.start))


def _exactness(event: Event) -> int:
    start = event.start or ""
    if len(start) == 10 and event.duration_days:
        return 0
    if len(start) == 10 and (event.end or start) == start:
        return 1
    return {10: 2, 7: 3}.get(len(start), 4)


def _documents_with(group: list[Event], modality: Modality) -> int:
    return len({c.document for e in group if e.modality == modality for c in e.citations})


def _dissent(dates: list[DateReport]) -> list[DateReport]:
    """All the dates given, when one of them cannot be the date chosen (the first): "28 February" and
    "1 March" inside a stated 28 February to 2 March visit do not disagree with it, nor does the
    coarser "in March" that overlaps it; "27 February", or "27 February to 5 March", does."""
    first = dates[0] if dates else None
    if first is None:
        return []
    low, high = date_bounds(first.start, False), date_bounds(first.end or first.start, True)

    def disagrees(d: DateReport) -> bool:
        start, end = date_bounds(d.start, False), date_bounds(d.end or d.start, True)
        if end < low or start > high:
            return True
        return len(d.start) == 10 and not (low <= start and end <= high)  # days that stray outside

    return dates if any(disagrees(d) for d in dates[1:]) else []


def merge(group: list[Event]) -> Event:
    dates = dates_by_weight(group)
    weighted = [e for e in group if dates and (e.start, e.end) == (dates[0].start, dates[0].end)]
    best = max(weighted or group, key=_precision)
    types = Counter(e.type for e in group)
    kind = max(types, key=lambda t: (types[t], t == "visit"))
    modalities = Counter(e.modality for e in group)
    participants = Counter(p for e in group for p in e.participants)
    places = Counter(p for e in group for p in e.places)
    attributions = Counter(s for e in group for s in e.attributions)
    citations = [c for e in group for c in e.citations]
    key = "|".join(sorted(e.id for e in group))  # report ids are unique and stable
    return Event(
        id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12],
        type=kind,
        summary=best.summary,
        start=best.start,
        end=best.end,
        modality=Modality.HAPPENED if Modality.HAPPENED in modalities else modalities.most_common(1)[0][0],
        trigger=best.trigger,
        participants=[p for p, _ in participants.most_common()],
        places=[p for p, _ in places.most_common()],
        attributions=[s for s, _ in attributions.most_common()],
        citations=citations,
        timex=best.timex,
        duration_days=best.duration_days,
        dates_reported=_dissent(dates),
        reported_happened=_documents_with(group, Modality.HAPPENED),
        announced=_documents_with(group, Modality.PLANNED),
    )


def _next_month(month: str) -> str:
    if len(month) < 7:
        return ""
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


class _Days:
    """The single days a group's reports give, and the spans its reports state with a length ("a
    three-day visit"), which alone let one event hold several days."""

    def __init__(self, event: Event) -> None:
        single = event.start and len(event.start) == 10 and (event.end or event.start) == event.start
        self.days = {event.start} if single and event.start else set()
        self.spans = ([(event.start, event.end or event.start)]
                      if event.duration_days and event.start and len(event.start) == 10 else [])

    def joins(self, other: _Days) -> bool:
        """Can the two groups be one event? Not when that puts two different days in it that no
        stated span covers: "visited on 28 February" and "visited on 5 March" stay two events, even
        when a third report spans both ("from 28 February to 5 March") and overlaps each."""
        days = self.days | other.days
        if len(days) <= 1:
            return True
        return any(start <= min(days) and max(days) <= end for start, end in self.spans + other.spans)

    def absorb(self, other: _Days) -> None:
        self.days |= other.days
        self.spans += other.spans


def link_events(corpus: Corpus, linked: dict[str, str] | None = None) -> list[Event]:
    reports = [e for doc in corpus.documents for e in doc.events]
    groups_of: UnionFind[int] = UnionFind()
    days = {i: _Days(event) for i, event in enumerate(reports)}
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(reports):
        if event.start:
            blocks[event.start[:7]].append(i)
    for month, members in blocks.items():
        neighbours = blocks.get(_next_month(month), [])
        for x, i in enumerate(members):
            for j in members[x + 1:] + neighbours:
                a, b = groups_of.find(i), groups_of.find(j)
                if a != b and same_event(reports[i], reports[j], linked) and days[a].joins(days[b]):
                    groups_of.union(i, j)
                    root = groups_of.find(i)
                    days[root].absorb(days[b if root == a else a])
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(reports):
        groups[groups_of.find(i)].append(event)
    merged = [merge(g) for g in groups.values()]
    merged.sort(key=lambda e: (e.start or "9999", -len({c.document for c in e.citations}), e.id))
    return merged


@stage("link_events", scope="corpus",
       reads=["document.events", "document.event_mentions", "corpus.entities", "document.published"],
       writes=["corpus.events", "document.events.participants", "document.events.places",
               "document.events.attributions"])
def link_events_stage(corpus: Corpus, ctx: Context) -> None:
    """Merge the reports of one real event across documents, keeping every citation."""
    linked = {}
    for doc in corpus.documents:
        linked.update(fill_arguments(doc))
    corpus.events = link_events(corpus, linked)
