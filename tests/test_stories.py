"""Stories: documents grouped by the entities they are about; event words linked within a story."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsline.cli import main
from newsline.evaluation.analyse import analyse

STAGES = ["nlp", "timex", "events", "recognize_corpus", "link_entities", "stories"]


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


def test_the_event_coref_command_scores_newsline_beside_the_same_lemma_baseline():
    from pathlib import Path

    # three "checked into": Tara Reid's twice (one chain), Lindsay Lohan's once (another)
    folder = Path(__file__).parent / "fixtures" / "ecb_events"
    result = CliRunner().invoke(main, ["eval", "event-coref", str(folder)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["gold_mentions"], figures["gold_entities"]) == (3, 2)
    # the same lemma merges the two stays; newsline keeps them apart by story
    assert figures["newsline"]["conll_f1"] == 1.0 > figures["same_lemma_baseline"]["conll_f1"]
