"""Timeline summarisation and its evaluation: tilse format, Date-F1, alignment ROUGE, date selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsline.cli import main
from newsline.evaluation.rouge import PRF, align_rouge, date_prf, mean, tokens
from newsline.evaluation.tls import TlsError, read_timeline, write_timeline

from ..conftest import FIXTURES_DIR

TOPIC = FIXTURES_DIR / "t17" / "harbour_fire"


def test_a_timeline_file_round_trips_and_a_bad_date_line_is_named(tmp_path):
    gold = read_timeline(TOPIC / "timelines" / "harbour.txt")
    assert list(gold) == ["2024-03-03", "2024-03-11"] and len(gold["2024-03-03"]) == 1
    write_timeline(gold, tmp_path / "t.txt")
    assert read_timeline(tmp_path / "t.txt") == gold
    (tmp_path / "bad.txt").write_text("March 3\nA fire.\n----------\n")
    with pytest.raises(TlsError, match=r"bad.txt:1: expected a date line"):
        read_timeline(tmp_path / "bad.txt")


def test_rouge_tokens_drop_stopwords_and_stem_as_rouge_does():
    # hyphens split words ("well" is a stopword), "'s" leaves an "s" that starts no word ROUGE keeps
    assert tokens("The explosions were reported, and BP's well-head leaked!") == [
        "explos", "report", "bp", "head", "leak"]
    # WordNet's irregular forms before Porter; words of three letters or fewer are left alone
    assert tokens("The children were flown to Paris by the men.") == ["child", "fly", "pari", "men"]


def test_date_f1_counts_shared_dates():
    prf = date_prf({"2024-03-03": [], "2024-03-05": []}, {"2024-03-03": [], "2024-03-11": [], "2024-03-12": []})
    assert (prf.precision, prf.recall) == (0.5, pytest.approx(1 / 3))


def test_alignment_rouge_is_perfect_on_the_gold_and_halved_one_day_off():
    gold = {"2024-03-03": ["A fire breaks out at the warehouse"], "2024-03-11": ["Wiring blamed for the fire"]}
    for n in (1, 2):
        same = align_rouge(gold, gold, n)
        assert (same.precision, same.recall) == (1.0, 1.0)
    shifted = {"2024-03-04": gold["2024-03-03"], "2024-03-11": gold["2024-03-11"]}
    # the shifted date still aligns to its own words, one day off: its matches count 1/2
    got = align_rouge(shifted, gold, 1)
    words_first, words_second = len(tokens(gold["2024-03-03"][0])), len(tokens(gold["2024-03-11"][0]))
    expected = (words_first / 2 + words_second) / (words_first + words_second)
    assert got.precision == pytest.approx(expected) and got.recall == pytest.approx(expected)


def test_alignment_prefers_the_date_that_says_the_same_thing():
    gold = {"2024-03-03": ["fire breaks out at warehouse"], "2024-03-05": ["minister resigns over budget"]}
    system = {"2024-03-04": ["minister resigns over budget"]}
    # equidistant from both gold dates: aligned by content to 03-05, so all its words match at 1/2
    assert align_rouge(system, gold, 1).precision == pytest.approx(0.5)


def test_mean_takes_f_from_the_averaged_precision_and_recall():
    got = mean([PRF(1.0, 0.0), PRF(0.0, 1.0)])
    assert (got.precision, got.recall, got.f1) == (0.5, 0.5, 0.5)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    out = tmp_path_factory.mktemp("tls")
    result = CliRunner().invoke(main, ["eval", "tls", str(TOPIC), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output), out


def test_the_day_most_pointed_at_is_chosen_and_told_by_a_sentence_naming_it(evaluated):
    figures, out = evaluated
    system = read_timeline(out / "harbour_fire" / "harbour.txt")
    # two gold dates: March 3 (named by every article) and ... the second most pointed-at day
    assert len(system) == 2 and "2024-03-03" in system
    assert all(day <= "2024-03-11" for day in system)  # never past the gold span (April 19 is)
    assert any("March 3" in s or "Sunday" in s for s in system["2024-03-03"])
    [row] = figures["timelines"]
    assert row["gold_dates"] == 2 and row["scores"]["date"]["precision"] >= 0.5


def test_a_folder_without_the_timeline17_layout_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["eval", "tls", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a Timeline17-layout topic" in result.output


@pytest.fixture(scope="module")
def harbour_db(tmp_path_factory):
    from newsline.pipeline import run
    from newsline.store import Store

    db = tmp_path_factory.mktemp("harbour") / "n.db"
    with Store(db) as store:
        run([str(TOPIC / "InputDocs")], store)
    return db


def test_the_key_dates_command_prints_the_most_pointed_day_with_its_sentences(harbour_db):
    result = CliRunner().invoke(main, ["key-dates", str(harbour_db), "--max-dates", "1", "--json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.output)
    assert entry["date"] == "2024-03-03" and entry["sentences"]
    for cite in entry["sentences"]:
        text = Path(cite["path"]).read_text(encoding="utf-8")
        assert " ".join(cite["text"].split()) in " ".join(text.split())


def test_a_query_keeps_only_the_sentences_with_its_words(harbour_db):
    result = CliRunner().invoke(main, ["key-dates", str(harbour_db), "--query", "wiring", "--json"])
    dates = [e["date"] for e in json.loads(result.output)]
    # the report on wiring names March 3 and March 11, and its headline appeared on March 12;
    # no sentence of the fire's own days mentions wiring
    assert dates == ["2024-03-03", "2024-03-11", "2024-03-12"]
    result = CliRunner().invoke(main, ["key-dates", str(harbour_db), "--from", "March 3"])
    assert result.exit_code == 2 and "not a date" in result.output
