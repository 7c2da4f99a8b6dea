"""Semantic search: the sentences that report events, and each document's title and lead, embedded
with the pinned sentence encoder and searched by cosine.

Embedding a large collection takes a while on a CPU, so the index is built in a background
thread on one core when the server starts, and a search asked for before
it is ready gets a clear "building" answer with its progress instead of a hung request. The
vectors are then kept in the user's cache folder (``$NEWSLINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsline`` or ``~/.cache/newsline``) under a hash of the model and the passages'
texts, so the next start over the same analysis reads them back in a moment; the store itself is
never written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..pretrained import Embeddings
from .workspace import Snapshot

BATCH = 256  # passages between two progress reports
ONE_THREAD_BATCH = 64  # sentences encoded together; on one thread 128 took half as long again (48 s / 69 s per 2,048)
MODEL = "all-MiniLM-L6-v2"


def cache_dir() -> Path:
    given = os.environ.get("NEWSLINE_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsline"


@dataclass(frozen=True)
class Passage:
    document: str
    start: int
    end: int
    text: str
    event: str | None = None


def passages_of(snap: Snapshot) -> list[Passage]:
    """What semantic search looks through: every event citation, and each document's title and
    first sentence (so that a document with no dated event can still be found)."""
    found: dict[tuple[str, int, int], Passage] = {}
    for event in snap.corpus.events:
        for c in event.citations:
            found.setdefault((c.document, c.start, c.end), Passage(c.document, c.start, c.end, c.text, event.id))
    for doc in snap.corpus.documents:
        if doc.title:
            found.setdefault((doc.id, -1, -1), Passage(doc.id, -1, -1, doc.title))
        if doc.sentences:
            first = doc.sentences[0]
            found.setdefault((doc.id, first.start, first.end), Passage(doc.id, first.start, first.end, first.text))
    return [p for p in found.values() if p.text.strip()]


class SemanticIndex:
    """Vectors of a snapshot's passages, built once in the background."""

    def __init__(self, snap: Snapshot) -> None:
        self.generation = snap.generation
        self.passages = passages_of(snap)
        self.done = 0
        self.error: str | None = None
        self.from_cache = False
        self._stopping = threading.Event()
        digest = hashlib.sha256(MODEL.encode())
        for passage in self.passages:
            digest.update(b"\0" + passage.text.encode())
        self.cache_file = cache_dir() / f"semantic-{digest.hexdigest()[:32]}.npy"
        self._vectors: np.ndarray | None = None
        self._thread = threading.Thread(target=self._build, name="semantic-index", daemon=True)
        self._thread.start()

    @property
    def ready(self) -> bool:
        return self._vectors is not None

    def _build(self) -> None:
        cached = self._cached()
        if cached is not None:
            self.done, self.from_cache, self._vectors = len(self.passages), True, cached
            return
        try:
            import torch

            torch.set_num_threads(1)  # one core embeds; the other answers requests meanwhile
            parts = []
            for i in range(0, len(self.passages), BATCH):  # a batch at a time: progress, and a way to stop
                if self._stopping.is_set():
                    return
                texts = [" ".join(p.text.split()) for p in self.passages[i:i + BATCH]]
                parts.append(Embeddings().of(texts, batch_size=ONE_THREAD_BATCH))
                self.done = min(len(self.passages), i + BATCH)
            vectors = np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            return
        self._vectors = vectors
        self._keep(vectors)

    def _cached(self) -> np.ndarray | None:
        try:
            vectors = np.load(self.cache_file, allow_pickle=False)
        except (OSError, ValueError):
            return None
        return vectors if vectors.ndim == 2 and len(vectors) == len(self.passages) else None

    def _keep(self, vectors: np.ndarray) -> None:
        """Write the vectors to the cache, whole or not at all; a cache that cannot be written
        (a read-only home) only means the next start embeds again."""
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.cache_file.parent, suffix=".npy", delete=False) as out:
                np.save(out, vectors, allow_pickle=False)
            os.replace(out.name, self.cache_file)
        except OSError:
            pass

    def stop(self) -> None:
        """Let the build end after its current batch (a server shutting down waits that long)."""
        self._stopping.set()
        self._thread.join()

    def wait(self, seconds: float) -> bool:
        self._thread.join(seconds)
        return self.ready

    def search(self, query: str, limit: int, offset: int) -> tuple[int, list[tuple[float, Passage]]]:
        """(number of passages scored, the page of best passages with their cosine)."""
        assert self._vectors is not None
        if not len(self.passages):
            return 0, []
        scores = self._vectors @ Embeddings().of([query])[0]  # a fresh cache: queries are not kept
        order = np.argsort(-scores)[offset:offset + limit]
        return len(self.passages), [(float(scores[i]), self.passages[i]) for i in order]
