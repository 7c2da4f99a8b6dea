"""Which events are timeline entries: each kind kept apart, on hand-written sentences of the kinds
an editor found wrong on Timeline17 timelines, and the happenings that stay."""

from __future__ import annotations

import pytest

from newsline.model import (
    Citation,
    Corpus,
    Document,
    EntityMention,
    Event,
    Modality,
    PublishedDate,
    TemporalExpression,
    TimexType,
)
from newsline.registry import Context
from newsline.timeline.by_date import timeline_stage
from newsline.timeline.entries import aside_reason, subject_entities

SUBJECT = {"org:bp", "gpe:gulf-of-mexico"}
PUBLISHED = {"d1": "2010-06-08"}


def _event(sentence: str, start: str | None = "2010-06-07", end: str | None = None,
           modality: Modality = Modality.HAPPENED, participants: tuple[str, ...] = ("org:bp",),
           trigger: str = "") -> Event:
    return Event(id="e", type="other", summary=sentence, start=start, end=end or start, modality=modality,
                 trigger=trigger,
                 participants=list(participants),
                 citations=[Citation(document="d1", text=sentence, start=0, end=len(sentence))])


KEPT_APART = [
    ("BP said it had replaced 197 miles of pipeline.", {"start": "2009"}, "known only to the year"),
    ("What can we expect from BP on Monday?", {}, "a question"),
    ("BP did not start the test on Monday.", {"modality": Modality.NEGATED}, "reported as not having happened"),
    ("The leak could be sealed by BP on Monday.", {}, "a supposition or forecast, not a report"),
    ("On Monday I wrote to BP about the spill.", {}, "a personal account or comment"),
    ("Click the Play button and watch BP's slick grow from Monday.", {}, "page furniture or a list"),
    ("posted on Monday, 7 June 2010 | comment on this post BP again.", {}, "page furniture or a list"),
    ("BP agreed to the fund late last week.", {"start": "2010-05-31", "end": "2010-06-06"},
     "known only to a span of days, not a day"),
    ("BP merged with Amoco on 31 December 1998.", {"start": "1998-12-31"}, "background: long before its report"),
    ("Sanctions followed the invasion in May 2009.", {"start": "2009-05"}, "background: long before its report"),
    ("7 June - BP starts the next procedure on the well.", {"start": "2011-06-07"},
     "reported as done but dated after its reports"),
    ("A tropical cyclone hit Queensland on Monday.", {"participants": ("gpe:queensland",)},
     "another subject: names nothing the collection is about"),
    ("BP's output totalled 1.15 million barrels in May.", {"start": "2010-05", "trigger": "totalled"},
     "a level or a statistic, not a happening"),
]


@pytest.mark.parametrize("sentence,fields,reason", KEPT_APART, ids=[c[2] for c in KEPT_APART])
def test_events_that_are_no_entries_are_kept_apart_with_their_reason(sentence, fields, reason):
    assert aside_reason(_event(sentence, **fields), SUBJECT, PUBLISHED) == reason


@pytest.mark.parametrize("sentence,fields", [
    ("BP engineers guided a containment dome onto the well on Monday.", {}),
    ("BP will hold a board meeting on Monday, its spokesman said.", {"modality": Modality.PLANNED}),
    ("\"We will not stop until the well is sealed,\" BP's chief said on Monday.", {}),
    ("BP hired a new press secretary in May.", {"start": "2010-05"}),
    ("Divers went down on Monday.", {"participants": ()}),  # names nothing: cannot tell, kept
])
def test_happenings_of_the_story_stay_entries(sentence, fields):
    assert aside_reason(_event(sentence, **fields), SUBJECT, PUBLISHED) is None


def _document(doc_id: str, *entities: str) -> Document:
    mentions = [EntityMention(start=0, end=2, text=e, label="ORG", entity=e) for e in entities]
    return Document(id=doc_id, path=f"{doc_id}.txt", format="text", text="..",
                    published=PublishedDate(date="2010-06-08"), mentions=mentions)


def test_the_subject_is_what_several_documents_name_and_the_timeline_leaves_the_rest_apart():
    documents = [_document(f"d{i}", "org:bp", *(["org:nfl"] if i == 0 else [])) for i in range(5)]
    assert subject_entities(documents) == {"org:bp"}
    corpus = Corpus(documents=documents, events=[
        _event("The Saints won the title on Monday.", participants=("org:nfl",)),
        _event("BP capped the well on Monday.")])
    corpus.events[1].id = "capped"
    timeline_stage(corpus, Context())
    assert [t.events for t in corpus.timeline] == [["capped"]]
    assert corpus.events[0].aside == "another subject: names nothing the collection is about"


def _day_expression(rule: str) -> TemporalExpression:
    return TemporalExpression(start=0, end=6, text="June 2", type=TimexType.DATE, value="2011-06-02", rule=rule)


def test_a_day_without_its_year_put_long_after_its_report_is_kept_apart():
    # "2 June" in a fact box of a 15 June 2010 report, read as June 2011 (a Timeline17 entry)
    event = _event("2 June: BP begins the next procedure.", start="2011-06-02", modality=Modality.PLANNED)
    assert aside_reason(event, SUBJECT, PUBLISHED, _day_expression("month_day")) == \
        "a day without its year, put long after its reports"
    # the year written out is the text's own: a plan a year ahead stays an entry
    assert aside_reason(event, SUBJECT, PUBLISHED, _day_expression("month_day_year")) is None
    near = _event("BP will begin the next procedure on June 22.", start="2010-06-22", modality=Modality.PLANNED)
    assert aside_reason(near, SUBJECT, PUBLISHED, _day_expression("month_day")) is None
