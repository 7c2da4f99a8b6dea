"""The embedded SQLite store, behind one interface.

Two states of each document are kept: ``stage_data``, the output of the document stages (a cache:
an interrupted or repeated run skips documents already there), and ``final_data``, the state after
the corpus stages, which the report, ``show`` and ``export`` read. Corpus stages always start again
from ``stage_data``, so running twice gives the same result and adds nothing. Full-text search uses
an FTS5 index kept in step by triggers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import (
    Comparison,
    Corpus,
    Document,
    Entity,
    EntityFraming,
    Event,
    KeyDate,
    ProblemReport,
    RunCounts,
    RunRecord,
    TimelineEntry,
)

# Left out of a document's final state: the raw input, and the mentions as the parse found them (the
# corrected ones are kept; the parse's stay in the document-stage cache).
FINAL_EXCLUDED = {"raw_text", "tagged_mentions"}
STORE_VERSION = 2  # 2: runs are recorded (counts, seconds per stage)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    language TEXT,
    published TEXT,
    text TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    stage_data TEXT NOT NULL,
    final_data TEXT,
    added_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT, "end" TEXT, summary TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS citations (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_document ON citations(document_id);
CREATE TABLE IF NOT EXISTS timeline (
    position INTEGER PRIMARY KEY, date TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS key_dates (
    position INTEGER PRIMARY KEY, date TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comparisons (
    position INTEGER PRIMARY KEY, kind TEXT NOT NULL, verdict TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS framing (
    entity TEXT PRIMARY KEY, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, hint TEXT NOT NULL,
    PRIMARY KEY (path, code, message)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, inputs TEXT NOT NULL,
    newsline_version TEXT NOT NULL, processed INTEGER, cached INTEGER, repeated INTEGER, failed INTEGER,
    stage_seconds TEXT
);
"""


class StoreError(Exception):
    pass


class Store:
    """All reads and writes of a newsline SQLite file go through here."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (or create) the store at ``path``; ``read_only`` opens an existing one that
        nothing through this connection can change (what a server without --allow-write uses)."""
        self.path = Path(path)
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store")
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if read_only:
                self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                            check_same_thread=False)
                self.conn.execute("SELECT count(*) FROM documents")  # fails at once on a foreign file
            else:
                self.conn = sqlite3.connect(self.path)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsline store or damaged ({exc})") from None
        found = self.conn.execute("SELECT value FROM meta WHERE key='store_version'").fetchone()
        if read_only:
            self._refuse_incomplete(found)
        elif found is None:
            with self.conn:
                self.conn.execute("INSERT INTO meta VALUES ('store_version', ?)", (str(STORE_VERSION),))
        elif int(found[0]) < STORE_VERSION:
            found = self._migrate(int(found[0]))
        if found is not None and int(found[0]) != STORE_VERSION:
            raise StoreError(f"{self.path}: store version {found[0]}, this newsline reads {STORE_VERSION}")

    def _migrate(self, version: int) -> tuple[str]:
        """Bring a store made by an earlier newsline up to this one's version, keeping everything in it."""
        with self.conn:
            # Version 1 declared a runs table but never wrote a row to it: it is replaced whole.
            if version == 1 and self.conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 0:
                self.conn.execute("DROP TABLE runs")
                self.conn.executescript(SCHEMA)
                version = 2
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", (str(version),))
        return (str(version),)

    def _refuse_incomplete(self, version: tuple[str] | None) -> None:
        """A store opened read-only cannot be given the tables that this newsline has and the one
        that made it had not: say so, rather than fail on the first query that needs them."""
        if version is None:
            raise StoreError(f"{self.path}: not a newsline store (no version)")
        if int(version[0]) < STORE_VERSION:
            raise StoreError(f"{self.path}: made by an older newsline (store version {version[0]}); "
                             "run `newsline run` on it once to bring it up to date")
        tables = {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(set(re.findall(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", SCHEMA)) - tables)
        if missing:
            raise StoreError(f"{self.path}: made by an older newsline (no {', '.join(missing)}); "
                             "run `newsline run` on it once to bring it up to date")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # documents -------------------------------------------------------------------------------
    def cached_ids(self, pipeline: str) -> set[str]:
        rows = self.conn.execute("SELECT id FROM documents WHERE pipeline = ?", (pipeline,))
        return {row[0] for row in rows}

    def put_documents(self, documents: Iterable[Document], pipeline: str) -> None:
        """Insert or replace document-stage results, in one transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.conn:
            for doc in documents:
                self.conn.execute(
                    """INSERT INTO documents
                       (id, path, title, language, published, text, pipeline, stage_data, added_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET path=excluded.path, title=excluded.title,
                         language=excluded.language, published=excluded.published, text=excluded.text,
                         pipeline=excluded.pipeline, stage_data=excluded.stage_data, final_data=NULL""",
                    (
                        doc.id,
                        doc.path,
                        doc.title,
                        doc.language,
                        doc.published.date,
                        doc.text,
                        pipeline,
                        doc.model_dump_json(),
                        now,
                    ),
                )

    def stage_documents(self) -> Iterator[Document]:
        for (data,) in self.conn.execute("SELECT stage_data FROM documents ORDER BY path, id"):
            yield Document.model_validate_json(data)

    def document_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # analysis --------------------------------------------------------------------------------
    def save_analysis(self, corpus: Corpus) -> None:
        """Replace the corpus-level results (entities, events, timeline, key dates, final documents) at once."""
        with self.conn:
            for table in ("citations", "events", "entities", "timeline", "key_dates", "comparisons", "framing"):
                self.conn.execute(f"DELETE FROM {table}")
            for doc in corpus.documents:
                self.conn.execute("UPDATE documents SET final_data = ?, published = ? WHERE id = ?",
                                  (doc.model_dump_json(exclude=FINAL_EXCLUDED), doc.published.date, doc.id))
            self.conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?)",
                                  [(e.id, e.name, e.type, e.model_dump_json()) for e in corpus.entities])
            self.conn.executemany('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)',
                                  [(e.id, e.type, e.start, e.end, e.summary, e.model_dump_json())
                                   for e in corpus.events])
            self.conn.executemany(
                "INSERT INTO citations VALUES (?, ?, ?, ?, ?)",
                [(e.id, c.document, c.start, c.end, c.text) for e in corpus.events for c in e.citations],
            )
            self.conn.executemany("INSERT INTO timeline VALUES (?, ?, ?)",
                                  [(i, t.date, t.model_dump_json()) for i, t in enumerate(corpus.timeline)])
            self.conn.executemany("INSERT INTO key_dates VALUES (?, ?, ?)",
                                  [(i, k.date, k.model_dump_json()) for i, k in enumerate(corpus.key_dates)])
            self.conn.executemany("INSERT INTO comparisons VALUES (?, ?, ?, ?)",
                                  [(i, c.kind.value, c.verdict, c.model_dump_json())
                                   for i, c in enumerate(corpus.comparisons)])
            self.conn.executemany("INSERT INTO framing VALUES (?, ?)",
                                  [(f.entity, f.model_dump_json()) for f in corpus.framing])

    def put_failures(self, failures: Iterable[ProblemReport]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)",
                [(f.path or "", f.code, f.message, f.hint) for f in failures],
            )

    def clear_failures(self, paths: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany("DELETE FROM failures WHERE path = ?", [(p,) for p in paths])

    def load_corpus(self) -> Corpus:
        """The last analysed state of the whole collection."""
        documents = [Document.model_validate_json(data) for (data,) in self.conn.execute(
            "SELECT coalesce(final_data, stage_data) FROM documents ORDER BY path, id")]
        for doc in documents:
            doc.raw_text = ""
        return Corpus(
            documents=documents,
            entities=[Entity.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM entities")],
            events=[Event.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM events ORDER BY coalesce(start, '9999'), id")],
            timeline=[TimelineEntry.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM timeline ORDER BY position")],
            key_dates=[KeyDate.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM key_dates ORDER BY position")],
            comparisons=[Comparison.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM comparisons ORDER BY position")],
            framing=[EntityFraming.model_validate_json(d) for (d,) in self.conn.execute(
                "SELECT data FROM framing ORDER BY entity")],
            failures=[ProblemReport(path=p, code=c, message=m, hint=h) for p, c, m, h in self.conn.execute(
                "SELECT path, code, message, hint FROM failures ORDER BY path")],
        )

    def search(self, query: str, limit: int = 20, offset: int = 0,
               marks: tuple[str, str] = ("[", "]")) -> list[dict[str, str]]:
        """Full-text search over titles and cleaned texts (FTS5 query syntax), best first; each
        hit's snippet has the matched words between ``marks``."""
        try:
            rows = self.conn.execute(
                """SELECT d.id, d.path, d.title, snippet(documents_fts, 1, ?, ?, '…', 12)
                   FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                   WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
                (*marks, query, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from None
        return [{"id": r[0], "path": r[1], "title": r[2] or "", "snippet": r[3]} for r in rows]

    def search_count(self, query: str) -> int:
        try:
            return int(self.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                                         (query,)).fetchone()[0])
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from None

    def generation(self) -> tuple[object, ...]:
        """Changes whenever documents are added or a run or analysis finishes: what a reader that
        keeps the analysis in memory compares to know it is stale."""
        row = self.conn.execute(
            """SELECT (SELECT count(*) FROM documents), (SELECT max(added_at) FROM documents),
                      (SELECT max(id) FROM runs), (SELECT max(finished_at) FROM runs),
                      (SELECT count(*) FROM comparisons), (SELECT count(*) FROM events)""").fetchone()
        return tuple(row)

    # runs ------------------------------------------------------------------------------------
    def start_run(self, inputs: list[str], version: str) -> int:
        """Record that a run over ``inputs`` began; a run that never finishes keeps no finish time."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        with self.conn:
            cur = self.conn.execute("INSERT INTO runs (started_at, inputs, newsline_version) VALUES (?, ?, ?)",
                                    (now, json.dumps(inputs), version))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_run(self, run_id: int, counts: RunCounts, stage_seconds: dict[str, float]) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        seconds = {name: round(value, 3) for name, value in stage_seconds.items()}
        with self.conn:
            self.conn.execute(
                """UPDATE runs SET finished_at=?, processed=?, cached=?, repeated=?, failed=?, stage_seconds=?
                   WHERE id=?""",
                (now, counts.processed, counts.cached, counts.repeated, counts.failed, json.dumps(seconds), run_id))

    def runs(self) -> list[RunRecord]:
        """Every run recorded in this store, oldest first."""
        rows = self.conn.execute(
            """SELECT id, started_at, finished_at, inputs, newsline_version, processed, cached, repeated, failed,
                      stage_seconds FROM runs ORDER BY id""").fetchall()
        return [RunRecord(id=r[0], started_at=r[1], finished_at=r[2], inputs=json.loads(r[3]), newsline_version=r[4],
                          counts=RunCounts(processed=r[5] or 0, cached=r[6] or 0, repeated=r[7] or 0,
                                           failed=r[8] or 0) if r[2] else None,
                          stage_seconds=json.loads(r[9]) if r[9] else {}) for r in rows]
