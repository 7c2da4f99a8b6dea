"""Dated reports become timeline events: linked across documents through their event words,
with participants, places and sources from the words' own arguments."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse
from newsline.model import Modality

STAGES = ["nlp", "timex", "published", "resolve_time", "events", "recognize_corpus", "link_entities",
          "stories", "event_coref", "link_events"]


def _events(texts: list[str]):
    from newsline.events.link import link_events_stage
    from newsline.model import Corpus
    from newsline.registry import Context

    corpus = Corpus(documents=analyse(texts, STAGES[:-1]))
    link_events_stage(corpus, Context())
    return corpus.events


def test_one_event_told_in_other_words_is_one_event_with_each_source():
    events = _events(["Journalist Ivan Petrov was murdered in Minsk on May 5, 2023, police said.",
                      "The death of Ivan Petrov in Minsk on May 5, 2023 shocked reporters, according to Reuters."])
    [event] = [e for e in events if e.start == "2023-05-05"]
    # "murdered" (an attack) and "death" are linked as one event; by types alone they would be two
    assert {c.document for c in event.citations} == {"doc-0", "doc-1"}
    assert event.participants == ["person:ivan-petrov"] and event.places == ["gpe:minsk"]
    assert sorted(event.attributions) == ["Reuters", "police"]  # who reports it is not taking part in it


def test_a_planned_event_stays_planned_and_two_days_stay_two_events():
    events = _events(["Lukashenko will visit Beijing on March 10, 2030, his press service said.",
                      "Lukashenko visited Beijing on March 1, 2023, and met Xi Jinping."])
    visits = {e.start: e for e in events if e.type == "visit"}
    assert visits["2030-03-10"].modality == Modality.PLANNED
    assert visits["2023-03-01"].modality == Modality.HAPPENED
    assert visits["2030-03-10"].attributions == ["his press service"]


def _report(i: int, start: str, end: str | None = None, duration: int | None = None,
            modality: Modality = Modality.HAPPENED, kind: str = "visit"):
    from newsline.model import Citation, Event

    return Event(id=f"d{i}:e0", type=kind, summary=f"report {i}", start=start, end=end or start, modality=modality,
                 participants=["person:lukashenko"], duration_days=duration,
                 citations=[Citation(document=f"d{i}", text=f"report {i}", start=0, end=8)])


def _linked(*reports):
    from newsline.events.link import link_events
    from newsline.model import Corpus, Document

    documents = [Document(id=f"d{i}", path=f"{i}.txt", format="text", text="report", events=[r])
                 for i, r in enumerate(reports)]
    return sorted(((e.start, e.end, sorted(c.document for c in e.citations)) for e in link_events(Corpus(
        documents=documents))), key=str)


def test_a_span_no_report_states_does_not_chain_two_days_into_one_event():
    """A rival wire's "28 February to 5 March" overlaps the visit of 28 February and the one of
    5 March: it joins one of them, never both into a visit of a week."""
    found = _linked(_report(0, "2023-02-28"), _report(1, "2023-02-28", "2023-03-05"), _report(2, "2023-03-05"))
    assert ("2023-03-05", "2023-03-05", ["d2"]) in found and len(found) == 2


def test_days_inside_a_stated_visit_are_one_event_and_no_dissent():
    from newsline.events.link import link_events
    from newsline.model import Corpus, Document

    reports = [_report(0, "2023-02-28", "2023-03-02", duration=3), _report(1, "2023-03-01"), _report(2, "2023-02-28")]
    documents = [Document(id=f"d{i}", path=f"{i}.txt", format="text", text="r", events=[r]) for i, r in
                 enumerate(reports)]
    [event] = link_events(Corpus(documents=documents))
    assert (event.start, event.end) == ("2023-02-28", "2023-03-02") and event.dates_reported == []


def test_repeated_visits_strikes_and_yearly_events_stay_apart():
    assert len(_linked(_report(0, "2023-02-28"), _report(1, "2023-12-04"))) == 2  # February's visit, December's
    assert len(_linked(_report(0, "2024-06-03", kind="protest"), _report(1, "2024-06-10", kind="protest"))) == 2
    assert len(_linked(_report(0, "2022-05-12", kind="meeting"), _report(1, "2023-05-11", kind="meeting"))) == 2


def test_the_date_is_the_one_most_reports_give_and_the_dissent_is_kept():
    from newsline.events.link import link_events
    from newsline.model import Corpus, Document
    from newsline.outputs.report import evidence_words

    reports = [_report(0, "2023-02-28"), _report(1, "2023-02-28"), _report(2, "2023-02-28"),
               _report(3, "2023-02-27", "2023-03-05")]
    documents = [Document(id=f"d{i}", path=f"{i}.txt", format="text", text="r", events=[r]) for i, r in
                 enumerate(reports)]
    [event] = link_events(Corpus(documents=documents))
    assert (event.start, event.end) == ("2023-02-28", "2023-02-28")  # not stretched by the one vague report
    assert [(r.start, r.documents) for r in event.dates_reported] == [
        ("2023-02-28", ["d0", "d1", "d2"]), ("2023-02-27", ["d3"])]
    assert evidence_words(event)[0] == "3 reports say 28 February 2023, 1 says 27 February 2023 to 5 March 2023"


def test_an_event_every_report_announces_stays_planned_and_says_so():
    from newsline.events.link import link_events
    from newsline.model import Corpus, Document
    from newsline.outputs.report import evidence_words

    def merged(*reports):
        documents = [Document(id=f"d{i}", path=f"{i}.txt", format="text", text="r", events=[r]) for i, r in
                     enumerate(reports)]
        [event] = link_events(Corpus(documents=documents))
        return event

    ahead = Modality.PLANNED
    planned = merged(_report(0, "2023-02-28", modality=ahead), _report(1, "2023-02-28", modality=ahead))
    assert planned.modality == Modality.PLANNED
    assert evidence_words(planned) == ["announced in advance by 2, reported as happened by 0"]
    done = merged(_report(0, "2023-02-28", modality=ahead), _report(1, "2023-02-28"))
    assert done.modality == Modality.HAPPENED and (done.announced, done.reported_happened) == (1, 1)
    # as many reports each way: the report of the happening outweighs the one in advance
    told = merged(_report(0, "2023-03-01", modality=ahead), _report(1, "2023-03-01", "2023-03-02"))
    assert (told.start, told.end) == ("2023-03-01", "2023-03-02")
