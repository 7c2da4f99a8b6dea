"""The timeline stage: linked events by date, the most widely reported first, undated ones left out."""

from __future__ import annotations

from newsline.model import Citation, Corpus, Event
from newsline.registry import Context
from newsline.timeline.by_date import timeline_stage


def _event(event_id: str, start: str | None, summary: str, documents: list[str]) -> Event:
    return Event(id=event_id, type="visit", summary=summary, start=start,
                 citations=[Citation(document=d, text=summary, start=0, end=len(summary)) for d in documents])


def test_events_are_grouped_by_date_most_reported_first_and_undated_ones_left_out():
    corpus = Corpus(events=[
        _event("a", "2023-03-01", "Talks in Beijing.", ["d1"]),
        _event("b", "2023-03-01", "State visit begins.", ["d1", "d2", "d3"]),
        _event("c", "2023-02", "A month of preparations.", ["d2"]),
        _event("d", None, "Undated remark.", ["d4"]),
        _event("e", "2023", "The year of the visit.", ["d1", "d2"]),
    ])
    timeline_stage(corpus, Context())
    assert [(t.date, t.events) for t in corpus.timeline] == [
        ("2023", ["e"]), ("2023-02", ["c"]), ("2023-03-01", ["b", "a"])]
    assert corpus.timeline[-1].summary == ["State visit begins.", "Talks in Beijing."]
