"""Stories: documents that report one happening; event words linked within a story (event_coref)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsline.cli import main
from newsline.evaluation.analyse import analyse

from ..conftest import FIXTURES_DIR

STAGES = ["nlp", "timex", "published", "resolve_time", "events", "recognize_corpus", "link_entities",
          "stories", "event_coref"]


def test_two_stories_in_one_collection_keep_their_events_apart():
    docs = analyse([
        "Tara Reid checked into Promises Treatment Center in Malibu, her publicist said. Reid thanked fans.",
        "Actress Tara Reid checked into the Promises clinic on Tuesday. Reid had been filming in Malibu.",
        "Lindsay Lohan checked into the Betty Ford Center, her lawyer Mark Heller said. Lohan must stay 90 days.",
        "Lohan checked into Betty Ford on Thursday night, Mark Heller told reporters. Lohan was sentenced in May.",
    ], STAGES)
    stories = [d.story for d in docs]
    assert stories[0] == stories[1] != stories[2] == stories[3]
    checked = [next(m.event for m in d.event_mentions if m.lemma == "check") for d in docs]
    assert checked[0] == checked[1] != checked[2] == checked[3]


def test_one_event_in_other_words_and_forms_is_one_but_two_dated_days_are_two():
    docs = analyse([
        "A gunman shot three people at a school in Dayton, Ohio, on March 3, 2024. A quake had shaken the city.",
        "The shooting at the Dayton school on March 3, 2024 left three people hurt, Ohio police said.",
        "A strong earthquake shook Dayton, Ohio, on March 3, 2024, hours before the school shooting.",
        "Another school shooting in Dayton, Ohio, on March 9, 2024 left two people hurt.",
    ], STAGES)
    assert len({d.story for d in docs}) == 1

    def event(doc, word):
        return next(m.event for m in doc.event_mentions if m.text == word)

    assert event(docs[0], "shot") == event(docs[1], "shooting")  # one stem, one day
    assert event(docs[0], "quake") == event(docs[2], "earthquake")  # near-synonyms (MiniLM cosine 0.79)
    assert event(docs[3], "shooting") != event(docs[1], "shooting")  # March 9 is not March 3
    assert event(docs[0], "shot") != event(docs[2], "earthquake")


def test_the_event_coref_command_scores_newsline_beside_the_same_lemma_baseline():

    # three "checked into": Tara Reid's twice (one chain), Lindsay Lohan's once (another)
    folder = FIXTURES_DIR / "ecb_events"
    result = CliRunner().invoke(main, ["eval", "event-coref", str(folder)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["gold_mentions"], figures["gold_entities"]) == (3, 2)
    # the same lemma merges the two stays; newsline keeps them apart by story
    assert figures["newsline"]["conll_f1"] == 1.0 > figures["same_lemma_baseline"]["conll_f1"]
