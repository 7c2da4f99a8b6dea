"""Exact and near-duplicate documents, found with MinHash LSH (datasketch) over word 5-shingles."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from ..model import Corpus, Document, Evidence, Flag, FlagKind
from ..registry import Context, stage

THRESHOLD = 0.7
NUM_PERM = 64


def shingles(text: str, size: int = 5) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _signature(items: set[str]) -> MinHash:
    sig = MinHash(num_perm=NUM_PERM, seed=7)
    for item in items:
        sig.update(item.encode("utf-8"))
    return sig


def _order_key(doc: Document) -> tuple[str, str]:
    return (doc.published.date or "9999", doc.path)


def find_duplicates(documents: list[Document]) -> list[tuple[Document, Document, float]]:
    """(copy, original, Jaccard) pairs; the original is the earlier-dated (then first-named) one."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    items: dict[str, set[str]] = {}
    by_id = {doc.id: doc for doc in documents}
    pairs = []
    for doc in sorted(documents, key=_order_key):
        doc_shingles = shingles(doc.text)
        if len(doc_shingles) < 8:
            continue  # too short to call a copy
        sig = _signature(doc_shingles)
        best = None
        for other_id in lsh.query(sig):
            other = items[other_id]
            jaccard = len(doc_shingles & other) / len(doc_shingles | other)
            if jaccard >= THRESHOLD and (best is None or jaccard > best[1]):
                best = (other_id, jaccard)
        if best:
            pairs.append((doc, by_id[best[0]], best[1]))
        lsh.insert(doc.id, sig)
        items[doc.id] = doc_shingles
    return pairs


@stage("duplicates", scope="corpus", reads=["document.text", "document.published"], writes=["document.flags.duplicate"])
def duplicates_stage(corpus: Corpus, ctx: Context) -> None:
    """Flag documents that copy an earlier document of the collection."""
    for copy, original, jaccard in find_duplicates(corpus.documents):
        copy.flags.append(Flag(
            kind=FlagKind.DUPLICATE, score=round(jaccard, 3),
            explanation=(f"{jaccard:.0%} of its five-word sequences also appear in {original.path}"
                         + (", published earlier" if original.published.date else "")),
            evidence=[Evidence(text=original.title or original.path, document=original.id, note="the original")],
        ))
