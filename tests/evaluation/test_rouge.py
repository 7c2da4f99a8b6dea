"""The timeline scorer against the reference: 56 system timelines of seven published methods on the
Timeline17 development topics, each with the scores news-tls on tilse (ROUGE-1.5.5 -m -s) computed."""

from __future__ import annotations

import json

import pytest

from newsline.evaluation.rouge import align_rouge, date_prf
from newsline.evaluation.tls import read_timeline

from ..conftest import SHARED

REFERENCE = SHARED / "data" / "t17-reference-scores"
T17 = SHARED / "data" / "t17"


@pytest.fixture(scope="module")
def cases():
    if not (REFERENCE / "expected.json").is_file():
        pytest.skip("../shared/data/t17-reference-scores is not beside the repository")
    return json.loads((REFERENCE / "expected.json").read_text(encoding="utf-8"))


def _errors(case, name, got):
    want = case[name]
    return [abs(got.precision - want["precision"]), abs(got.recall - want["recall"]), abs(got.f1 - want["f1"])]


def test_the_scorer_reproduces_the_reference_on_56_published_timelines(cases):
    assert len(cases) == 56
    off = []
    for case in cases:
        system = read_timeline(REFERENCE / case["system"])
        gold = read_timeline(T17 / case["topic"] / "timelines" / case["gold"])
        assert max(_errors(case, "date", date_prf(system, gold))) < 1e-9, case["system"]
        assert max(_errors(case, "ar2", align_rouge(system, gold, 2))) < 1e-4, case["system"]
        ar1 = max(_errors(case, "ar1", align_rouge(system, gold, 1)))
        assert ar1 < 0.0015, case["system"]
        off += [case["system"]] if ar1 >= 1e-4 else []
    # Where it stands: AR-1 differs by 1e-4 to 0.0013 on 9 timelines of two topics (bpoil_bbc and
    # bpoil_guardian), all lower than the reference; every other figure agrees. Lower this bound as
    # those are found, never raise it.
    assert len(off) <= 9, off
