"""Stories, and the event mentions of one event within a story.

A collection gathered on one subject mixes stories: ECB+ puts two actresses' rehab stays in one
topic, an analyst's folder on a president holds several of his trips. Two documents tell the same
story when the named entities they are about overlap: each document is a TF-IDF vector over the
entities it mentions (an entity every document mentions tells nothing), and documents whose
vectors are close enough are joined, transitively.

Within a story, event words with the same lemma ("checked into", "checks into") report the same
event; across stories they do not, since the same verb then names another happening.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..model import Corpus, Document
from ..registry import Context, stage
from .union import UnionFind

SAME_STORY = 0.2  # cosine of the entity vectors above which two documents tell one story
BLOCK = 100  # pairs are found through entities in at most this many documents: near-linear on big
# collections; an entity in more documents weighs little and tells no story apart anyway


def _vectors(documents: list[Document]) -> list[dict[str, float]]:
    counts = [Counter(m.entity for m in doc.mentions if m.entity) for doc in documents]
    seen_in = Counter(entity for c in counts for entity in c)
    n = len(documents)
    vectors = []
    for c in counts:
        vector = {e: (1 + math.log(k)) * math.log((1 + n) / (1 + seen_in[e])) for e, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({e: v / norm for e, v in vector.items()})
    return vectors


def stories(documents: list[Document]) -> list[int]:
    """The story (an index) of each document: documents joined when their entity vectors are close."""
    groups = UnionFind()
    vectors = _vectors(documents)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for entity in vector:
            postings[entity].append(i)
    pairs = {(i, j) for docs in postings.values() if len(docs) <= BLOCK
             for x, i in enumerate(docs) for j in docs[x + 1:]}
    for i, j in sorted(pairs):
        a, b = vectors[i], vectors[j]
        if sum(v * b.get(e, 0.0) for e, v in a.items()) >= SAME_STORY:
            groups.union(i, j)
    return [groups.find(i) for i in range(len(documents))]


@stage("stories", scope="corpus", reads=["document.mentions", "document.event_mentions", "corpus.entities"],
       writes=["document.story", "document.event_mentions"])
def stories_stage(corpus: Corpus, ctx: Context) -> None:
    """Group documents into stories by the entities they are about; link same-lemma event words within a story."""
    roots = stories(corpus.documents)
    ids = {root: f"story-{k}" for k, root in enumerate(dict.fromkeys(roots))}
    for doc, root in zip(corpus.documents, roots):
        doc.story = ids[root]
        for mention in doc.event_mentions:
            mention.event = f"{doc.story}:{mention.lemma}"
