"""The command line: exit codes, show, export, and every command documented in the README."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from newsline.cli import main

from .conftest import ROOT


@pytest.fixture()
def runner():
    return CliRunner()


def test_run_exits_1_and_names_each_failure(runner, tmp_path):
    (tmp_path / "ok.txt").write_text("Lukashenko visited Beijing on Tuesday, officials said on Wednesday.")
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    assert "empty.txt: [E010] file is empty" in result.output
    assert json.loads((tmp_path / "out" / "report.json").read_text())["stats"]["documents"] == 1


def test_run_exits_0_and_says_where_the_report_is(runner, tmp_path):
    (tmp_path / "ok.txt").write_text("Lukashenko visited Beijing on Tuesday, officials said on Wednesday.")
    result = runner.invoke(main, ["run", str(tmp_path / "ok.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "report.html" in result.output and (tmp_path / "out" / "newsline.db").is_file()


@pytest.mark.parametrize("args", [["run"], ["run", "x.txt"], ["export", "db", "--format", "pdf"], ["nonsense"]])
def test_usage_errors_exit_2(runner, args):
    assert runner.invoke(main, args).exit_code == 2


def test_show_and_export_read_the_store(runner, examples_run):
    db = str(examples_run["db"])
    shown = runner.invoke(main, ["show", db])
    assert shown.exit_code == 0 and "2023-02-28" in shown.output
    assert "[visit]" in shown.output  # event types are shown, not swallowed as rich markup
    assert "Kept out of the timeline" in shown.output and "known only to the year" in shown.output
    assert "1994" not in shown.output.split("Kept out")[0]  # "clung to power since 1994" is no entry
    exported = runner.invoke(main, ["export", db, "--format", "json"])
    assert json.loads(exported.output)["stats"] == examples_run["report"]["stats"]
    markdown = runner.invoke(main, ["export", db, "--format", "md"]).output
    assert "## 2023-02-28" in markdown and "| Document | Published | Date from |" in markdown
    html = runner.invoke(main, ["export", db, "--format", "html"]).output
    assert html.startswith("<!doctype html>") and "<script" not in html


def test_show_on_a_missing_store_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["show", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no store" in result.output


def test_html_escapes_hostile_text(runner, tmp_path):
    (tmp_path / "evil.txt").write_text(
        "<script>alert(1)</script> Officials said on Monday that <img src=x onerror=alert(2)> talks began.")
    runner.invoke(main, ["run", str(tmp_path / "evil.txt"), "--out", str(tmp_path / "out"), "-q"])
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def _command_lines(group, prefix="newsline"):
    """Every command and subcommand, as typed: "newsline run", "newsline eval timex"."""
    for name, command in group.commands.items():
        yield f"{prefix} {name}"
        if hasattr(command, "commands"):
            yield from _command_lines(command, f"{prefix} {name}")


def test_every_command_and_subcommand_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    lines = list(_command_lines(main))
    assert "newsline eval flags" in lines and "newsline runs" in lines
    for line in lines:
        assert re.search(rf"{re.escape(line)}\b", readme), f"`{line}` is not in the README"


def test_runs_lists_each_run_of_the_store(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Talks opened in Minsk on Monday, officials said.")
    for _ in range(2):
        runner.invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q"])
    result = runner.invoke(main, ["runs", str(tmp_path / "out" / "newsline.db")])
    assert result.exit_code == 0
    assert "#1 " in result.output and "1 processed, 0 already stored" in result.output
    assert "#2 " in result.output and "0 processed, 1 already stored" in result.output
    records = json.loads(runner.invoke(main, ["runs", str(tmp_path / "out" / "newsline.db"), "--json"]).output)
    assert [r["counts"]["cached"] for r in records] == [0, 1]


def test_serve_refuses_a_missing_store_and_writes_without_a_strong_token(runner, tmp_path, examples_run, monkeypatch):
    missing = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store at" in missing.output
    monkeypatch.setenv("NEWSLINE_TOKEN", "short")
    weak = runner.invoke(main, ["serve", "--db", str(examples_run["db"]), "--allow-write"])
    assert weak.exit_code == 2 and "at least 16 characters" in weak.output


def test_serve_listens_on_localhost_unless_told_otherwise(runner, examples_run, monkeypatch):
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: seen.update(kwargs))
    assert runner.invoke(main, ["serve", "--db", str(examples_run["db"])]).exit_code == 0
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
