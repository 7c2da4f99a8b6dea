"""``newsline eval timex``: TimeML reading and writing, the scorer, and the command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from newsline.cli import main
from newsline.evaluation.metrics import Counts
from newsline.evaluation.timeml import TimeMLDoc, Timex, parse_tml, read_tml, render_tml

from ..conftest import FIXTURES_DIR

FIXTURES = FIXTURES_DIR / "timeml"


def test_read_tml_keeps_offsets_into_the_tag_free_text():
    doc = read_tml(FIXTURES / "visit.tml")
    assert doc.dct == "2023-02-27"
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("three-day", "DURATION", "P3D"), ("Tuesday", "DATE", "2023-02-28"), ("Monday", "DATE", "2023-02-27"),
        ("last year", "DATE", "2022")]
    assert "Trade & investment" in doc.text  # entities are decoded


def test_scorer_counts_strict_relaxed_type_and_value():
    gold = [Timex(0, 9, "DATE", "2022"), Timex(20, 27, "DATE", "2023-02-28"), Timex(40, 46, "DURATION", "P3D")]
    system = [Timex(0, 9, "DATE", "2022"),  # exact, right value
              Timex(17, 27, "DATE", "2023-03-07"),  # overlaps, wrong value
              Timex(40, 46, "DATE", "P3D"),  # exact span, wrong type, right value
              Timex(60, 65, "DATE", "2023")]  # spurious
    scores = Counts()
    scores.add("doc", gold, system)
    result = scores.scores()
    assert result["strict"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert result["relaxed"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}
    assert result["type_accuracy"] == 0.6667
    assert result["value"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}


_words = st.lists(
    st.sampled_from(["said", "Friday", "a <b>", "&", "last", "year", "\n", "1998"]), min_size=1, max_size=12
)


@given(words=_words, data=st.data())
def test_rendered_tml_reads_back_to_the_same_text_and_tags(words, data):
    text = " ".join(words)
    cut = sorted(data.draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=6)))
    timexes = [Timex(a, b, "DATE", 'v"<&', text[a:b]) for a, b in zip(cut[::2], cut[1::2]) if a < b]
    doc = TimeMLDoc("x.tml", text, "1998-02-06", [], "x")
    back = parse_tml(render_tml(doc, timexes), Path("x.tml"))
    assert back.text == text
    assert [(t.start, t.end, t.value) for t in back.timexes] == [(t.start, t.end, t.value) for t in timexes]


def test_eval_timex_writes_system_files_and_prints_scores(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "visit.tml", corpus / "visit.tml")
    result = CliRunner().invoke(main, ["eval", "timex", str(corpus), "--out", str(tmp_path / "sys"),
                                       "--errors", str(tmp_path / "errors.jsonl")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] == 1 and scores["gold"] == 4
    assert scores["value"]["recall"] == 1.0 and scores["relaxed"]["f1"] == 1.0
    system = read_tml(tmp_path / "sys" / "visit.tml")
    assert [t.value for t in system.timexes] == ["P3D", "2023-02-28", "2023-02-27", "2022"]


def test_eval_timex_reports_a_broken_file_and_scores_the_others(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "visit.tml", corpus / "visit.tml")
    shutil.copy(FIXTURES / "broken.tml.txt", corpus / "broken.tml")
    result = CliRunner().invoke(main, ["eval", "timex", str(corpus), "--out", str(tmp_path / "sys")])
    assert result.exit_code == 1
    assert "broken.tml: not well-formed TimeML XML" in result.stderr
    assert json.loads(result.stdout)["documents"] == 1


def test_eval_timex_on_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", "timex", str(tmp_path / "nope"), "--out", str(tmp_path / "sys")])
    assert result.exit_code == 2 and "no such file or directory" in result.output
