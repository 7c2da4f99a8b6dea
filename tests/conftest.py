"""Shared fixtures: the examples corpus is run once per session (spaCy loads once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsline.pipeline import run
from newsline.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def examples_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples")
    with Store(out / "newsline.db") as store:
        result = run([str(EXAMPLES)], store)
    from newsline.outputs.report import build_report, report_json

    model = build_report(result.corpus)
    report = report_json(model)
    (out / "report.json").write_text(json.dumps(report))
    return {"result": result, "model": model, "report": report, "db": out / "newsline.db", "out": out}


@pytest.fixture(scope="session")
def seeds_model(tmp_path_factory):
    """The seeds' report as the typed model."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    out = tmp_path_factory.mktemp("seeds")
    with Store(out / "newsline.db") as store:
        result = run([str(SEEDS)], store)
    from newsline.outputs.report import build_report

    return build_report(result.corpus)


@pytest.fixture(scope="session")
def seeds_report(seeds_model):
    """The seeds' report as report.json holds it."""
    from newsline.outputs.report import report_json

    return report_json(seeds_model)


def doc_by_name(report: dict, name: str) -> dict:
    matches = [d for d in report["documents"] if Path(d["path"].split(":")[0]).name == name or d["path"].endswith(name)]
    assert len(matches) == 1, f"{name}: {[d['path'] for d in report['documents']]}"
    return matches[0]


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """Caches (the server's semantic index) go to a temporary folder, never the user's."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    os.environ["NEWSLINE_CACHE_DIR"] = str(folder)
    return folder
