"""`newsline eval ner`: the CoNLL reader, the entity-level scorer and the command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from newsline.cli import main
from newsline.evaluation.conll import (
    ConllError,
    ConllSentence,
    read_conll,
    score,
    spans_from_tags,
    split_documents,
    tags_from_spans,
)
from newsline.evaluation.ner import as_text, to_tags

from ..conftest import FIXTURES_DIR

FIXTURES = FIXTURES_DIR / "conll"


def test_documents_split_at_each_dateline_with_their_headline():
    docs = split_documents(read_conll(FIXTURES / "tiny.txt"))
    assert [" ".join(d[0].tokens) for d in docs] == ["MINSK TALKS END WITHOUT DEAL", "XI HOSTS LUKASHENKO"]
    assert [len(d) for d in docs] == [4, 3]


def test_docstart_lines_split_documents_when_present():
    sentences = [ConllSentence(["-DOCSTART-"], ["O"]), ConllSentence(["A"], ["O"]),
                 ConllSentence(["-DOCSTART-"], ["O"]), ConllSentence(["B"], ["O"])]
    assert [[s.tokens for s in d] for d in split_documents(sentences)] == [[["A"]], [["B"]]]


def test_iob1_and_iob2_give_the_same_entities():
    assert spans_from_tags(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    assert spans_from_tags(["I-PER", "I-PER", "O", "I-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    assert spans_from_tags(["I-PER", "B-PER"]) == {(0, 1, "PER"), (1, 2, "PER")}  # two adjacent people


@given(st.lists(st.tuples(st.integers(1, 3), st.sampled_from(["PER", "ORG", "LOC", "MISC"]), st.integers(0, 2)),
                max_size=6))
def test_spans_survive_a_round_trip_through_tags(pieces):
    spans, at = [], 0
    for length, kind, gap in pieces:
        at += gap
        spans.append((at, at + length, kind))
        at += length
    assert spans_from_tags(tags_from_spans(at + 1, spans)) == set(spans)


def test_an_entity_counts_only_with_its_whole_span_and_type():
    gold = [ConllSentence(["Xi", "Jinping", "met", "Lukashenko", "in", "Beijing"],
                          ["B-PER", "I-PER", "O", "B-PER", "O", "B-LOC"])]
    system = [["B-PER", "O", "O", "B-PER", "O", "B-ORG"]]  # half a name, one right, one wrong type
    result = score(gold, system)
    assert result["overall"] == {"precision": round(1 / 3, 4), "recall": round(1 / 3, 4), "f1": round(1 / 3, 4)}
    assert result["per_type"]["PER"]["recall"] == 0.5 and result["per_type"]["LOC"]["recall"] == 0.0


def test_character_spans_map_back_onto_the_tokens():
    doc = as_text([ConllSentence(["Xi", "Jinping", "met", "Lukashenko", "."], ["O"] * 5)])
    assert doc.text == "Xi Jinping met Lukashenko ."
    tags = to_tags(doc, [(0, 10, "PERSON"), (15, 25, "PERSON"), (26, 27, "CARDINAL")])
    assert tags == [["B-PER", "I-PER", "O", "B-PER", "O"]]


def test_a_malformed_line_is_named_with_its_file_and_line():
    with pytest.raises(ConllError, match=r"broken.txt:2: expected 'token TAG"):
        read_conll(FIXTURES / "broken.txt")


def test_eval_ner_prints_both_systems_and_writes_conlleval_columns(tmp_path):
    out = tmp_path / "sys.txt"
    result = CliRunner().invoke(main, ["eval", "ner", str(FIXTURES / "tiny.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 2 and figures["tokens"] == 43
    assert {"spacy_baseline", "newsline"} <= set(figures)
    assert set(figures["newsline"]["overall"]) == {"precision", "recall", "f1"}
    rows = [line.split() for line in out.read_text().splitlines() if line]
    gold_rows = [line.split() for line in (FIXTURES / "tiny.txt").read_text().splitlines() if line]
    assert [r[:2] for r in rows] == [g[:2] for g in gold_rows]  # same tokens, gold kept beside
    assert ["Tsikhanouskaya", "I-PER", "I-PER"] in rows  # after "opposition leader": a person


def test_eval_ner_refuses_a_broken_file_clearly():
    result = CliRunner().invoke(main, ["eval", "ner", str(FIXTURES / "broken.txt"), "--out", "/tmp/x.txt"])
    assert result.exit_code == 2 and "broken.txt:2" in result.output
