"""The store: idempotent re-runs, resumable runs, consistent after failures, FTS5 search."""

from __future__ import annotations

import gzip
import sqlite3
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsline.model import Document, PublishedDate
from newsline.pipeline import run
from newsline.store import Store, StoreError

from .conftest import EXAMPLES


def table_counts(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "entities", "events", "citations", "timeline")}
    finally:
        conn.close()


def test_running_twice_adds_nothing_and_gives_the_same_analysis(examples_run, tmp_path):
    db = tmp_path / "again.db"
    with Store(db) as store:
        first = run([str(EXAMPLES)], store)
    counts = table_counts(db)
    with Store(db) as store:
        second = run([str(EXAMPLES)], store)
    assert table_counts(db) == counts
    assert second.processed == 0 and second.cached == first.processed
    assert [e.id for e in second.corpus.events] == [e.id for e in first.corpus.events]
    assert counts["documents"] == len(examples_run["report"]["documents"])


def test_each_run_is_recorded_with_its_counts_and_stage_seconds(tmp_path):
    db = tmp_path / "runs.db"
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    with Store(db) as store:
        run(files[:2], store)
        run([*files[:3], str(tmp_path / "missing.txt")], store)
        first, second = store.runs()
    assert first.inputs == files[:2] and second.inputs[-1].endswith("missing.txt")
    assert (first.counts.processed, first.counts.cached, first.counts.failed) == (2, 0, 0)
    assert (second.counts.processed, second.counts.cached, second.counts.failed) == (1, 2, 1)
    assert first.finished_at >= first.started_at and second.started_at >= first.finished_at
    assert set(first.stage_seconds) >= {"clean", "nlp", "link_events", "key_dates"}
    assert first.newsline_version.split(":")[1] in ("en_core_web_md", "en_core_web_sm")


def test_a_store_of_version_1_is_migrated_and_keeps_its_documents(tmp_path):
    db = tmp_path / "v1.db"
    with Store(db) as store:
        run([str(sorted(EXAMPLES.glob("*.txt"))[0])], store)
    conn = sqlite3.connect(db)  # back to what newsline wrote before runs were recorded
    with conn:
        conn.execute("DROP TABLE runs")
        conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, "
                     "inputs TEXT NOT NULL, documents INTEGER, failures INTEGER)")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    conn.close()
    with pytest.raises(StoreError, match=r"older newsline.*newsline run"):
        Store(db, read_only=True)
    with Store(db) as store:
        assert store.document_count() == 1 and store.runs() == []
        run([str(sorted(EXAMPLES.glob("*.txt"))[0])], store)
        [record] = store.runs()
    assert record.counts.cached == 1
    with Store(db, read_only=True) as store:
        assert store.document_count() == 1


def test_an_interrupted_run_resumes(tmp_path):
    db = tmp_path / "resume.db"
    files = sorted(p for p in EXAMPLES.glob("*.txt"))
    with Store(db) as store:
        run([str(p) for p in files[:3]], store)  # "interrupted" after three files
    with Store(db) as store:
        result = run([str(p) for p in files], store)
    assert result.cached == 3 and result.processed == len(files) - 3
    assert table_counts(db)["documents"] == len(files)


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Lukashenko met Xi Jinping in Beijing on Monday, officials said on Tuesday.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"Some text " * 100)[:30])
    (tmp_path / "feed.jsonl").write_text('{"text": "Talks were held on Friday in Minsk."}\n{oops\n')
    db = tmp_path / "s.db"
    with Store(db) as store:
        result = run([str(tmp_path), str(tmp_path / "missing.txt")], store)
    codes = sorted((f.path.rsplit("/", 1)[-1], f.code) for f in result.failures)
    assert codes == [("cut.txt.gz", "E014"), ("empty.txt", "E010"), ("feed.jsonl", "E020"), ("missing.txt", "E001")]
    assert table_counts(db)["documents"] == 2
    assert len(result.corpus.failures) == 4
    # Fixing a file and running again clears its failure.
    (tmp_path / "empty.txt").write_text("Protesters gathered in Minsk on Sunday.")
    with Store(db) as store:
        again = run([str(tmp_path / "empty.txt")], store)
    assert "empty.txt" not in {f.path.rsplit("/", 1)[-1] for f in again.corpus.failures}


def test_full_text_search(examples_run):
    with Store(examples_run["db"]) as store:
        hits = store.search("condition")
    assert [h["path"].rsplit("/", 1)[-1] for h in hits] == ["spun_copy.txt"]
    assert "[condition]" in hits[0]["snippet"]


_text = st.text(alphabet=string.ascii_letters + " .,\n\u00e9\u0436\u201c", min_size=1, max_size=200)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_text, min_size=1, max_size=5), title=st.none() | _text)
def test_documents_round_trip_through_the_store(tmp_path_factory, texts, title):
    db = tmp_path_factory.mktemp("rt") / "rt.db"
    docs = [Document(id=f"d{i}", path=f"p{i}.txt", format="text", text=t, title=title,
                     published=PublishedDate(date="2023-02-28", confidence=0.9)) for i, t in enumerate(texts)]
    with Store(db) as store:
        store.put_documents(docs, "v")
        store.put_documents(docs, "v")  # idempotent
        back = list(store.stage_documents())
    assert sorted(back, key=lambda d: d.id) == docs
