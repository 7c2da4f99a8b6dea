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
