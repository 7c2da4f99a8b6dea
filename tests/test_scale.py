"""Scale and real data: many tiny files, the seeds, a Timeline17 slice."""

from __future__ import annotations

import pytest

from newsline.pipeline import run
from newsline.store import Store

from .conftest import SHARED, doc_by_name


@pytest.mark.slow
def test_a_folder_of_ten_thousand_tiny_files(tmp_path):
    folder = tmp_path / "tiny"
    for i in range(100):
        sub = folder / f"{i:03d}"
        sub.mkdir(parents=True)
        for j in range(100):
            (sub / f"{j:03d}.txt").write_text(f"Item {i * 100 + j}: talks were held in Minsk.")
    with Store(tmp_path / "t.db") as store:
        result = run([str(folder)], store, batch_size=256)
    assert result.failures == [] and result.processed == 10_000
    assert len(result.corpus.documents) == 10_000


def test_seed_acceptance(seeds_report):
    report = seeds_report
    names = {d["id"]: d["path"].rsplit("/", 1)[-1][:3] for d in report["documents"]}
    seed3 = doc_by_name(report, "003_868d7e59001e8792.txt")
    assert seed3["published"]["date"] != "2024-04-15"
    assert any(c["date"] == "2024-04-15" and c["reason"] for c in seed3["published"]["conflicts"])
    for junk in ("Please enter your comment", "Captcha", "We use cookies", "5 Days Trending", "More Related"):
        assert junk not in seed3["text"]
    assert "All five left Belarus following the unprecedented mass protests in 2020." in seed3["text"]
    visits = [e for e in report["events"] if (e["start"], e["end"]) == ("2023-02-28", "2023-03-02")]
    assert any({"002", "003"} <= {names[c["document"]] for c in e["citations"]} for e in visits)
    assert all("2024-04-16" not in (e["start"] or "") for e in report["events"])


def test_seed_quality_flags(seeds_report):
    kinds = {name: {f["kind"]: f for f in doc_by_name(seeds_report, name)["flags"]} for name in (
        "000_7dc091f8c0d58b3a.txt", "001_06d7fa380e70c9a1.txt", "002_c9e2c427beef9e33.txt",
        "003_868d7e59001e8792.txt", "004_843083b4ebb58cb4.txt")}
    seed4 = doc_by_name(seeds_report, "004_843083b4ebb58cb4.txt")
    spun = kinds["004_843083b4ebb58cb4.txt"]["spun"]
    assert "near alliance" in {seed4["text"][e["start"]:e["end"]] for e in spun["evidence"]}
    assert any("close ally" in e["note"] for e in spun["evidence"])
    translated = kinds["002_c9e2c427beef9e33.txt"]["machine_translated"]
    assert {"Tikhano Tikhano", "(Deutsche Welle Chinese website)"} <= {e["text"] for e in translated["evidence"]}
    assert "low_information" in kinds["001_06d7fa380e70c9a1.txt"]
    assert "date_conflict" in kinds["003_868d7e59001e8792.txt"]
    assert "spun" not in kinds["002_c9e2c427beef9e33.txt"] and "spun" not in kinds["003_868d7e59001e8792.txt"]
    assert "machine_translated" not in kinds["003_868d7e59001e8792.txt"]


def _values(doc: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for tx in doc["temporal_expressions"]:
        out.setdefault(tx["text"], set()).add(tx["value"])
    return out


def test_seed_time_expressions_and_undated_estimates(seeds_report):
    seed2 = _values(doc_by_name(seeds_report, "002_c9e2c427beef9e33.txt"))
    assert seed2["Saturday (February 25)"] == {"2023-02-25"} and seed2["The day before"] == {"2023-02-24"}
    seed3 = doc_by_name(seeds_report, "003_868d7e59001e8792.txt")
    values3 = _values(seed3)
    assert values3["Sunday"] == {"2023-02-26"} and values3["Tuesday"] == {"2023-02-28"}
    assert values3["19-year"] == {"P19Y"} and values3["three-day"] == {"P3D"}  # durations, never dates
    assert {"date_conflict"} <= {f["kind"] for f in seed3["flags"]}
    seed4 = doc_by_name(seeds_report, "004_843083b4ebb58cb4.txt")
    assert _values(seed4)["Monday, December 4"] == {"2023-12-04"}
    published4 = seed4["published"]
    assert published4["estimated"] and published4["date"] == "2023-12-04"
    assert published4["alternatives"] and all(a.endswith("-12-04") for a in published4["alternatives"])
    seed1 = doc_by_name(seeds_report, "001_06d7fa380e70c9a1.txt")["published"]
    # 001 reports "his second trip to China within the year" of 2023 ("has remained steady throughout
    # 2023" closes the range); 002 and 004 date the visits of 2023: the second is 4 December
    assert (seed1["date"], seed1["origin"], seed1["estimated"]) == ("2023-12-04", "corpus", True)
    assert (seed1["earliest"], seed1["latest"]) == ("2023", "2023")
    assert "the second visit of 2023" in seed1["evidence"] and "004_843083b4ebb58cb4.txt" in seed1["evidence"]
    # 000 only says "January 26" is ahead
    seed0 = doc_by_name(seeds_report, "000_7dc091f8c0d58b3a.txt")["published"]
    assert seed0["estimated"] and seed0["earliest"] and seed0["date"] is None
    assert seed0["latest"] is None and "'January 26' is still ahead" in seed0["evidence"]


def test_seed_entities_one_per_person_across_spellings(seeds_report):
    people = {e["name"]: {e["name"], *e["aliases"]} for e in seeds_report["entities"] if e["type"] == "PERSON"}
    lukashenko = [n for n in people.values() if "Lukashenko" in n]
    assert len(lukashenko) == 1 and {"Alexander Lukashenko", "Aleksandr Lukashenko"} <= lukashenko[0]
    [wife] = [n for n in people.values() if "Sviatlana Tsikhanouskaya" in n]
    assert {"Tsikhanouskaya", "Tikhanovskaya"} <= wife and "Tikhanovsky" not in wife
    assert any("Tikhanovsky" in n for n in people.values())  # her husband, a person of his own
    for name in ("Xi Jinping", "Pavel Latushka", "Hua Chunying", "Mao Ning", "Qin Gang", "Sergei Aleinik",
                 "Boris Gryzlov"):
        assert name in people, name
    assert not any(e["type"] != "PERSON" and "Tsikhanou" in e["name"] for e in seeds_report["entities"])


T17 = SHARED / "data" / "t17" / "bpoil_bbc" / "InputDocs"


@pytest.mark.slow
@pytest.mark.skipif(not T17.is_dir(), reason="shared Timeline17 data not present")
def test_timeline17_date_folders(tmp_path):
    days = sorted(p for p in T17.iterdir() if p.is_dir())[:3]
    with Store(tmp_path / "t17.db") as store:
        result = run([str(d) for d in days], store)
    assert result.failures == []
    for doc in result.corpus.documents:
        folder = doc.path.split("/")[-2]
        assert doc.published.date == folder and doc.published.origin.value == "folder_name"


def test_seed_framing_shows_each_source_s_labels_for_lukashenko(seeds_report):
    framing = next(f for f in seeds_report["framing"] if f["name"] == "Alexander Lukashenko")
    by_seed = {s["path"].rsplit("/", 1)[-1][:3]: {t["text"] for t in s["terms"]} for s in framing["documents"]}
    assert {"000", "002", "003", "004"} <= set(by_seed)
    assert "illegitimate president of Belarus" in by_seed["000"] and "Belarusian dictator" in by_seed["000"]
    assert "Belarusian political strongman" in by_seed["002"]
    assert any("close ally of Russian leader Vladimir Putin" in t for t in by_seed["003"])
    assert "Belarusian President" in by_seed["003"] and "politely reclusive president" in by_seed["004"]
    loaded = {w for s in framing["documents"] for t in s["terms"] for w in t["loaded"]}
    assert {"dictator", "illegitimate", "strongman"} <= loaded


def test_seed_html_marks_flag_evidence_and_shows_framing(seeds_model):
    from newsline.outputs.html import render_html

    page = render_html(seeds_model)
    assert "<mark>near alliance</mark>" in page  # the swapped words, marked inside their sentence
    assert 'id="contradictions"' in page and 'id="framing"' in page
    assert "Belarusian political strongman" in page
