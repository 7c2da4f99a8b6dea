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
    for case in cases:
        system = read_timeline(REFERENCE / case["system"])
        gold = read_timeline(T17 / case["topic"] / "timelines" / case["gold"])
        assert max(_errors(case, "date", date_prf(system, gold))) < 1e-6, case["system"]
        assert max(_errors(case, "ar1", align_rouge(system, gold, 1))) < 1e-6, case["system"]
        assert max(_errors(case, "ar2", align_rouge(system, gold, 2))) < 1e-6, case["system"]


def test_rouge_stems_as_rouge_1_5_5_does():
    from newsline.evaluation.rouge_stem import stem

    # the 2004 change in ROUGE's Perl stemmer: after "-ement", "-ment" and "-ent" are tried in turn,
    # so "settlement" ends as "settlem" (nltk keeps "settlement" whole)
    assert [stem(w) for w in ("settlement", "agreement", "government", "relational", "conditional")] == [
        "settlem", "agreem", "govern", "relat", "condit"]
    assert [stem(w) for w in ("caresses", "ponies", "hopping", "filing", "yearly", "happy")] == [
        "caress", "poni", "hop", "file", "yearli", "happi"]
