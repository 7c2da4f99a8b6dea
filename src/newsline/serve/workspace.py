"""The read model the server answers from: the store's last analysis, loaded once and indexed.

Every request asks the store how many runs and documents it holds (one cheap query); the analysis
is loaded again only when that changes, so a `newsline run` beside a running server shows up on
the next request, and a collection of thousands of articles is parsed once, not per request.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ..model import Corpus, Document, Entity, EntityFraming, Event, KeyDate
from ..store import Store

GENERIC_FOLDERS = {"inputdocs", "input", "inputs", "docs", "documents", "articles", "data", "raw", "html", "txt"}


def outlet_of(doc: Document) -> str:
    """What a reader calls where a document comes from: its site ("bbc.co.uk"); else, in a
    collection filed by day (``bpoil_bbc/InputDocs/2010-04-22/12.htm``), the folder above the days
    ("bpoil_bbc"); else its folder and file name ("seeds/003.html")."""
    if doc.url:
        host = urlparse(doc.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    path = Path(doc.path)
    if doc.folder_date:
        for folder in path.parents[1:]:
            if folder.name and folder.name.lower() not in GENERIC_FOLDERS and folder.name not in (".", ".."):
                return folder.name
    parts = path.parts
    return "/".join(parts[-2:]) if len(parts) > 1 else doc.path


@dataclass
class Snapshot:
    """One analysed state of the store, with the indices the views need."""

    corpus: Corpus
    generation: tuple
    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    framing: dict[str, EntityFraming] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)  # document id: the outlet that published it
    events_of_entity: dict[str, list[str]] = field(default_factory=dict)
    events_of_document: dict[str, list[str]] = field(default_factory=dict)
    entities_by_mentions: list[Entity] = field(default_factory=list)
    _summaries: dict[tuple[tuple[str, object], ...], Future[list[KeyDate]]] = field(default_factory=dict)
    _summaries_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, corpus: Corpus, generation: tuple) -> Snapshot:
        snap = cls(corpus=corpus, generation=generation)
        snap.documents = {d.id: d for d in corpus.documents}
        snap.entities = {e.id: e for e in corpus.entities}
        snap.events = {e.id: e for e in corpus.events}
        snap.framing = {f.entity: f for f in corpus.framing}
        snap.outlets = {d.id: outlet_of(d) for d in corpus.documents}
        snap.entities_by_mentions = sorted(corpus.entities, key=lambda e: (-e.mentions, e.name))
        of_entity: dict[str, list[str]] = defaultdict(list)
        of_document: dict[str, list[str]] = defaultdict(list)
        for event in corpus.events:
            for entity in dict.fromkeys([*event.participants, *event.places]):
                of_entity[entity].append(event.id)
            for document in dict.fromkeys(c.document for c in event.citations):
                of_document[document].append(event.id)
        snap.events_of_entity = dict(of_entity)
        snap.events_of_document = dict(of_document)
        return snap

    def event_outlets(self, event: Event) -> list[str]:
        return sorted({self.outlets.get(c.document, c.document) for c in event.citations})

    def summary(self, **options) -> list[KeyDate]:
        """The key dates (``newsline key-dates``), computed once per set of options: over
        thousands of articles it takes seconds, and the analysis it reads does not change. A
        request that asks while another computes the same summary waits for that one."""
        from ..timeline.key_dates import summarise

        key = tuple(sorted(options.items()))
        with self._summaries_lock:
            known = self._summaries.get(key)
            mine = known is None
            if known is None:
                if len(self._summaries) > 64:
                    self._summaries.clear()
                known = self._summaries[key] = Future()
            future = known
        if mine:
            try:
                future.set_result(summarise(self.corpus, **options))
            except Exception as exc:
                future.set_exception(exc)
                with self._summaries_lock:
                    self._summaries.pop(key, None)
        return future.result()


class Workspace:
    """The store behind the server, opened per request (SQLite connections are per thread) and
    read into a :class:`Snapshot` when it has changed."""

    def __init__(self, db: Path, read_only: bool = True) -> None:
        self.db = Path(db)
        self.read_only = read_only
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked: tuple | None = None

    def open(self) -> Store:
        return Store(self.db, read_only=self.read_only)

    def open_for_writing(self) -> Store:
        """The store writable; only the upload worker asks, one job at a time."""
        if self.read_only:
            raise PermissionError(f"{self.db}: opened read-only")
        return Store(self.db)

    def file_state(self) -> tuple[int | None, ...]:
        """The store file's and its write-ahead log's size and modification time: any write
        changes one of them, and reading them costs two stat calls, where asking SQLite costs a
        scan of a table of full texts (a tenth of a second on 2,000 articles)."""
        state: list[int | None] = []
        for path in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                found = os.stat(path)
                state += [found.st_size, found.st_mtime_ns]
            except FileNotFoundError:
                state += [None, None]
        return tuple(state)

    def snapshot(self) -> Snapshot:
        checked = self.file_state()
        with self._lock:
            if self._snapshot is not None and self._checked == checked:
                return self._snapshot
            with self.open() as store:
                generation = store.generation()
                if self._snapshot is None or self._snapshot.generation != generation:
                    self._snapshot = Snapshot.build(store.load_corpus(), generation)
            self._checked = checked
            return self._snapshot

