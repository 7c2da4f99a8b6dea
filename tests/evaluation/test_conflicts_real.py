"""Scoring the contradictions raised on real copy against a reader's labels: matched by article,
claim words and the start of the sentence; unlabelled pairs counted apart, never scored."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsline.cli import main
from newsline.evaluation.conflicts_real import read_conflict_labels, score_split
from newsline.evaluation.flags import FlagSetError

SANK_22 = {"file": "2010-05-02/1.txt", "text": "sank", "sentence": "The rig sank on 22 April , two days later ."}
SANK_20 = {"file": "2010-06-07/2.txt", "text": "sank", "sentence": "The rig sank on 20 April after an explosion ."}
LEAKS_3 = {"file": "2010-05-05/3.txt", "text": "three leaks", "sentence": "BP sealed one of three leaks ."}
LEAKS_2 = {"file": "2010-05-05/4.txt", "text": "only two leaks", "sentence": "Work goes on with only two leaks ."}
WORKERS = {"file": "2010-05-05/5.txt", "text": "11 workers", "sentence": "The blast killed 11 workers ."}


def _raised(*pairs: tuple[dict, dict], topic: str = "spill") -> list[dict]:
    return [{"topic": topic, "kind": "date", "explanation": "", "dispute": f"d{i}", "claims": list(pair)}
            for i, pair in enumerate(pairs)]


def _label(pair: tuple[dict, dict], true: bool, topic: str = "spill") -> dict:
    # a label keeps only the first 40 characters of each sentence, its spacing as it likes
    claims = [{**c, "sentence": " ".join(c["sentence"].split())[:40]} for c in pair]
    return {"topic": topic, "claims": claims[::-1], "true": true, "why": "read"}


def test_pairs_are_matched_to_labels_in_either_order_and_unlabelled_ones_are_not_scored():
    labels = {"judged": [_label((SANK_22, SANK_20), True), _label((LEAKS_3, LEAKS_2), False)],
              "missed": [{"topic": "spill", "claims": [WORKERS, SANK_20]}]}
    raised = _raised((SANK_22, SANK_20), (LEAKS_3, LEAKS_2), (WORKERS, LEAKS_2))
    got = score_split(raised, labels, ["spill"], articles=50)
    assert (got["true"], got["false"], got["unjudged"], got["precision"]) == (1, 1, 1, 0.5)
    assert got["per_100_articles"] == 6.0 and got["false_alarms"][0]["why"] == "read"
    assert got["recall"] == 0.5 and got["true_pairs_known"] == 2  # the missed pair was not raised


def test_labels_of_other_topics_do_not_count_in_a_split():
    labels = {"judged": [_label((SANK_22, SANK_20), True, topic="flu")], "missed": []}
    got = score_split(_raised((SANK_22, SANK_20)), labels, ["spill"], articles=10)
    assert got["unjudged"] == 1 and got["precision"] is None and got["recall"] is None


def test_a_label_file_without_disjoint_splits_is_refused(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"topics": {"tune": ["a", "b"], "blind": ["b"]}, "judged": []}))
    with pytest.raises(FlagSetError, match="disjoint"):
        read_conflict_labels(path)
    path.write_text("{")
    with pytest.raises(FlagSetError, match="not valid JSON"):
        read_conflict_labels(path)


def test_the_real_copy_options_need_real(tmp_path):
    result = CliRunner().invoke(main, ["eval", "flags", str(tmp_path), "--stores", str(tmp_path)])
    assert result.exit_code == 2 and "go with --real" in result.output


def test_the_shipped_labels_are_readable_and_keep_tune_and_blind_apart():
    from pathlib import Path

    labels = read_conflict_labels(Path(__file__).parents[2] / "evalsets" / "contradictions-t17" / "labels.json")
    topics = {item["topic"] for item in labels["judged"]}
    assert topics <= {topic for split in labels["topics"].values() for topic in split}
    assert labels["topics"]["blind-2"] == ["reuters-crude"]  # the second blind round, read once
    assert all(item["why"] and len(c["sentence"]) <= 40 for item in labels["judged"] for c in item["claims"])


def test_timeline_entries_are_scored_on_the_labelled_ones_still_on_the_timeline():
    from newsline.evaluation.entries_real import entry_key, score_entries

    labels = {"judged": [
        {"topic": "spill", "file": "a/1.txt", "date": "2010-06-07",
         "sentence": "BP capped the well on Monday, its engine", "good": True, "why": "", "sample": "tune, after"},
        {"topic": "spill", "file": "a/2.txt", "date": "2009", "sentence": "Last year BP laid pipe.",
         "good": False, "why": "a year", "sample": "tune, before"},
        {"topic": "spill", "file": "a/3.txt", "date": "2010-06-08", "sentence": "Click to watch the slick.",
         "good": False, "why": "furniture", "sample": "tune, after"}]}
    entries = [entry_key("spill", "a/1.txt", "2010-06-07", "BP  capped the well on Monday, its engineers said."),
               entry_key("spill", "a/3.txt", "2010-06-08", "Click to watch the slick."),
               entry_key("spill", "a/4.txt", "2010-06-09", "Nobody labelled this one.")]
    got = score_entries(entries, labels, ["spill"], articles=2)
    assert (got["good"], got["bad"], got["unjudged"], got["precision"]) == (1, 1, 1, 0.5)
    assert got["before_sample"] == {"labelled": 1, "good": 0, "precision": 0.0}
    assert got["per_100_articles"] == 150.0 and got["bad_entries"][0]["why"] == "furniture"


def _cat_xml(sentence: str) -> str:
    tokens = "".join(f'<token t_id="{i}" sentence="0">{word}</token>' for i, word in enumerate(sentence.split(), 1))
    return f'<?xml version="1.0"?><Document doc_name="x">{tokens}<Markables/><Relations/></Document>'


def test_ecb_conflicts_runs_each_topic_as_one_collection_and_lists_its_pairs(tmp_path):
    topic = tmp_path / "ecb" / "1"
    topic.mkdir(parents=True)
    # two undated reports of a quake that disagree on the injured (80, 120): aligned and raised without the
    # gate, but with no publication date there is no time to compare them by
    (topic / "1_1ecb.xml").write_text(_cat_xml("The quake on Qeshm island injured 80 people , officials said ."))
    (topic / "1_2ecb.xml").write_text(_cat_xml("The quake on Qeshm island injured 120 people , officials said ."))
    result = CliRunner().invoke(main, ["eval", "conflicts-ecb", str(tmp_path / "ecb")])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert (got["texts"], got["raised"], got["pairs"]) == (2, 0, [])
    empty = CliRunner().invoke(main, ["eval", "conflicts-ecb", str(tmp_path)])
    assert empty.exit_code == 2 and "no topic folders" in empty.output
