"""Cross-document event coreference: the mentions of one real event, within a story.

Two event mentions of one story report the same event when they say the same thing and their
dates do not tell them apart:
- the same word up to its form ("shooting", "shoot"; "Oscars", "Oscar": one Porter stem), or
  words close in meaning to the sentence-embedding model ("murder", "kill"; "quake",
  "earthquake": cosine at least SYNONYM);
- not dated to different days ("talks on Monday", "talks on Thursday": two rounds).
Mentions are grouped by story and word stem, each group split where dates conflict; groups whose
words are near-synonyms are then merged, most alike first, unless their dates conflict.

What was tried on ECB+ and left out (`newsline eval event-coref`, validated mentions, CoNLL F1):
conflicting named agents, objects or places as a veto cost 0.3 to 1.3 points (reports name
different participants of one event: "police", "the sheriff"); a negated and a happened report
are one event told two ways (a disagreement to show, not two events), and splitting them cost
0.4; requiring alike sentences as well as alike words, or splitting one word's mentions by how
alike their sentences are, changed nothing: within a story, every sentence is alike.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Corpus, Document, EventMention
from ..pretrained import Embeddings, shared_embeddings, similar_pairs
from ..registry import Context, stage
from ..union import UnionFind

Key = tuple[int, int]  # (document, mention) indices

SYNONYM = 0.7  # cosine of two words' embeddings from which they may name one event (0.6: 0.2 lower,
# 0.8: 1.4 lower on ECB+)


@functools.lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem: the lemmatiser leaves "Oscars", "checks" (a verb tagged as a noun), "shooting"."""
    return _porter().stem(word.lower())


@dataclass
class Cluster:
    """Mentions taken for one event, with the days they are dated to."""

    members: list[Key] = field(default_factory=list)
    days: set[str] = field(default_factory=set)

    def add(self, key: Key, days: set[str]) -> None:
        self.members.append(key)
        self.days |= days

    def absorb(self, other: Cluster) -> None:
        self.members += other.members
        self.days |= other.days

    def conflicts(self, days: set[str]) -> bool:
        return bool(self.days and days and not self.days & days)


def days_of(doc: Document, mention: EventMention) -> set[str]:
    """The day a mention is dated to, when its date expression names a day."""
    if mention.timex is None or mention.timex >= len(doc.temporal_expressions):
        return set()
    tx = doc.temporal_expressions[mention.timex]
    return {tx.start_date} if tx.granularity == "day" and tx.start_date else set()


def link_arguments(doc: Document) -> None:
    """Each argument's entity: the linked name its words end on (its head), else inside it."""
    named = [m for m in doc.mentions if m.entity]
    for mention in doc.event_mentions:
        for argument in mention.arguments:
            inside = [m for m in named if argument.start <= m.start and m.end <= argument.end]
            ending = [m for m in inside if m.end == argument.end]
            argument.entity = (ending or inside)[0].entity if inside else None


def _split(keys: list[Key], days: dict[Key, set[str]]) -> list[Cluster]:
    """One word's mentions in a story, in clusters whose dates agree: each joins the first it fits."""
    clusters: list[Cluster] = []
    for key in keys:
        home = next((c for c in clusters if not c.conflicts(days[key])), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
        home.add(key, days[key])
    return clusters


def _merge_synonyms(clusters: list[Cluster], words: dict[Key, str], embeddings: Embeddings) -> list[Cluster]:
    """Clusters whose commonest words are near-synonyms, merged most alike first unless dates conflict."""
    named: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        named[Counter(words[k] for k in cluster.members).most_common(1)[0][0]].append(i)
    names = list(named)
    groups: UnionFind[int] = UnionFind()
    for _, x, y in similar_pairs(names, SYNONYM, embeddings):
        for i in named[names[x]]:
            for j in named[names[y]]:
                a, b = sorted((groups.find(i), groups.find(j)))
                if a != b and not clusters[a].conflicts(clusters[b].days):
                    clusters[a].absorb(clusters[b])  # the smaller index stays the root (UnionFind's rule)
                    groups.union(a, b)
    return [c for i, c in enumerate(clusters) if groups.find(i) == i]


def cluster_story(keys: list[Key], lemmas: dict[Key, str], days: dict[Key, set[str]],
                  embeddings: Embeddings | None) -> list[Cluster]:
    """The events of one story's mentions: by word stem, split where dates conflict, then clusters
    of near-synonyms merged (without ``embeddings``, by word form only)."""
    by_stem: dict[str, list[Key]] = defaultdict(list)
    for key in keys:
        by_stem[stem(lemmas[key])].append(key)
    clusters = [c for group in by_stem.values() for c in _split(group, days)]
    return _merge_synonyms(clusters, lemmas, embeddings) if embeddings is not None else clusters


def link_mentions(documents: list[Document], embeddings: Embeddings | None = None) -> None:
    """Set ``event`` on every event mention: mentions of one event share it, within a story."""
    by_story: dict[str, list[Key]] = defaultdict(list)
    lemmas, days = {}, {}
    for d, doc in enumerate(documents):
        link_arguments(doc)
        for k, mention in enumerate(doc.event_mentions):
            by_story[doc.story or doc.id].append((d, k))
            lemmas[d, k] = mention.lemma
            days[d, k] = days_of(doc, mention)
    for story, keys in by_story.items():
        for n, cluster in enumerate(cluster_story(keys, lemmas, days, embeddings)):
            for d, k in cluster.members:
                documents[d].event_mentions[k].event = f"{story}:ev{n}"


@stage("event_coref", scope="corpus",
       reads=["document.event_mentions", "document.story", "document.mentions", "corpus.entities",
              "document.temporal_expressions"],
       writes=["document.event_mentions.event", "document.event_mentions.arguments.entity"])
def event_coref_stage(corpus: Corpus, ctx: Context) -> None:
    """Link the event mentions that report one real event, across the documents of a story."""
    link_mentions(corpus.documents, shared_embeddings())
