"""The timeline stage: linked events by date, the most widely reported first, undated ones left out."""

from __future__ import annotations

from newsline.model import Citation, Corpus, Event
from newsline.registry import Context
from newsline.timeline.by_date import timeline_stage


def _event(event_id: str, start: str | None, summary: str, documents: list[str]) -> Event:
    return Event(id=event_id, type="visit", summary=summary, start=start,
                 citations=[Citation(document=d, text=summary, start=0, end=len(summary)) for d in documents])


def test_events_are_grouped_by_date_most_reported_first_and_undated_ones_and_years_left_out():
    corpus = Corpus(events=[
        _event("a", "2023-03-01", "Talks in Beijing.", ["d1"]),
        _event("b", "2023-03-01", "State visit begins.", ["d1", "d2", "d3"]),
        _event("c", "2023-02", "A month of preparations.", ["d2"]),
        _event("d", None, "Undated remark.", ["d4"]),
        _event("e", "2023", "The year of the visit.", ["d1", "d2"]),
    ])
    timeline_stage(corpus, Context())
    assert [(t.date, t.events) for t in corpus.timeline] == [("2023-02", ["c"]), ("2023-03-01", ["b", "a"])]
    kept_apart = {e.id: e.aside for e in corpus.events if e.aside}
    assert kept_apart == {"d": "not dated", "e": "known only to the year"}
    assert corpus.timeline[-1].summary == ["State visit begins.", "Talks in Beijing."]


def test_a_month_entry_comes_after_the_days_of_its_month():
    corpus = Corpus(events=[_event("m", "2023-03", "Talks went on all month.", ["d1"]),
                            _event("x", "2023-03-14", "The treaty was signed.", ["d2"]),
                            _event("y", "2023-02-27", "The delegation arrived.", ["d3"])])
    timeline_stage(corpus, Context())
    assert [t.date for t in corpus.timeline] == ["2023-02-27", "2023-03-14", "2023-03"]
