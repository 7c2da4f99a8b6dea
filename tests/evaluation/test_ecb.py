"""`newsline eval entity-coref`: ECB+ reading, gold clusters, the baseline and the command."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsline.cli import main
from newsline.evaluation.ecb import coref_scores, exact_match_clusters, gold_clusters, read_ecb

from ..conftest import FIXTURES_DIR

TOPIC = FIXTURES_DIR / "ecb" / "1"


def test_entity_mentions_and_their_chains_are_read_and_actions_and_times_left_out():
    doc = read_ecb(TOPIC / "1_1ecb.xml")
    assert doc.text == "Opposition leader Pavel Latushka left Minsk .\nLatushka spoke in Vilnius ."
    assert [(m.m_id, m.text) for m in doc.mentions] == [("1", "Pavel Latushka"), ("2", "Minsk"),
                                                        ("3", "Latushka"), ("4", "Vilnius")]


def test_gold_chains_cross_documents_and_unchained_mentions_stand_alone():
    docs = [read_ecb(TOPIC / "1_1ecb.xml"), read_ecb(TOPIC / "1_2ecbplus.xml")]
    clusters = sorted(sorted(c) for c in gold_clusters(docs))
    assert clusters == [[("1_1ecb.xml", "1"), ("1_1ecb.xml", "3"), ("1_2ecbplus.xml", "1")],
                        [("1_1ecb.xml", "2")],
                        [("1_1ecb.xml", "4"), ("1_2ecbplus.xml", "2")]]


def test_exact_match_joins_only_identical_words():
    docs = [read_ecb(TOPIC / "1_1ecb.xml"), read_ecb(TOPIC / "1_2ecbplus.xml")]
    got = sorted(sorted(c) for c in exact_match_clusters(docs))
    assert [("1_1ecb.xml", "1"), ("1_2ecbplus.xml", "1")] in got and [("1_1ecb.xml", "3")] in got


def test_scores_are_perfect_for_the_gold_partition_and_lower_for_a_split():
    key = [{1, 2, 3}, {4}]
    assert coref_scores(key, key)["conll_f1"] == 1.0
    split = coref_scores(key, [{1, 2}, {3}, {4}])
    assert split["muc"] == {"precision": 1.0, "recall": 0.5, "f1": round(2 / 3, 4)}


def test_the_command_scores_newsline_beside_the_baseline():
    result = CliRunner().invoke(main, ["eval", "entity-coref", str(TOPIC.parent)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    # "Minsk" is a markable in no relation: outside the validated sentences, left out of the headline
    assert (figures["documents"], figures["gold_mentions"], figures["gold_entities"]) == (2, 5, 2)
    assert (figures["all_markables"]["gold_mentions"], figures["all_markables"]["gold_entities"]) == (6, 3)
    # "Latushka" after "Pavel Latushka" is the same man: newsline links it, exact match cannot
    assert figures["newsline"]["conll_f1"] == 1.0 > figures["exact_match_baseline"]["conll_f1"]
    assert figures["all_markables"]["newsline"]["conll_f1"] == 1.0


def test_only_mentions_in_a_relation_count_as_validated():
    doc = read_ecb(TOPIC / "1_1ecb.xml")
    assert [(m.text, m.validated) for m in doc.mentions] == [("Pavel Latushka", True), ("Minsk", False),
                                                             ("Latushka", True), ("Vilnius", True)]


def test_a_missing_folder_is_refused_clearly(tmp_path):
    result = CliRunner().invoke(main, ["eval", "entity-coref", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such folder" in result.output
