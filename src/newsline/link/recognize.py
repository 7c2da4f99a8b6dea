"""Corpus-level corrections to entity recognition, before entities are linked.

The tagger decides each mention alone, so it contradicts itself: "Tsikhanouskaya" is a PERSON in
four sentences and an ORG in the fifth, and a name it found in one paragraph it misses in the next.
Two corrections use the whole collection:

- label voting: every mention of a name takes the label most of its mentions have;
- a corpus entity ruler: a name recognised somewhere is recognised everywhere it appears
  (same spelling, same capitalisation, whole words), unless a mention already covers the place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Corpus, Document, EntityMention
from ..registry import Context, stage
from .entities import fold

VOTING_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Capitalised words that start sentences or headlines and are not names on their own.
MIN_NAME_CHARS = 3


def voted_labels(corpus: Corpus) -> dict[str, str]:
    """The majority label of every folded name; ties go to the label seen first."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents:
        for m in doc.mentions:
            if m.label in VOTING_LABELS:
                votes[fold(m.text)][m.label] += 1
    return {form: counts.most_common(1)[0][0] for form, counts in votes.items() if form}


def relabel(corpus: Corpus, labels: dict[str, str]) -> int:
    changed = 0
    for doc in corpus.documents:
        for m in doc.mentions:
            label = labels.get(fold(m.text))
            if label and m.label in VOTING_LABELS and m.label != label:
                m.label = label  # type: ignore[assignment]
                changed += 1
    return changed


def _ruler_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_again(doc: Document, pattern: re.Pattern[str], label_of: dict[str, str]) -> int:
    """Add a mention wherever a recognised name appears and nothing covers it yet."""
    covered = sorted((m.start, m.end) for m in doc.mentions)
    added = []
    for match in pattern.finditer(doc.text):
        start, end = match.span()
        if any(a < end and start < b for a, b in covered):
            continue
        label = label_of.get(match.group())
        if label:
            added.append(EntityMention(start=start, end=end, text=match.group(), label=label))
    if added:
        doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.start)
    return len(added)


def names_to_find(corpus: Corpus, labels: dict[str, str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for doc in corpus.documents:
        for m in doc.mentions:
            label = labels.get(fold(m.text))
            if label and len(m.text) >= MIN_NAME_CHARS and m.text[0].isupper():
                names.setdefault(m.text, label)
    return names


@stage("recognize_corpus", scope="corpus", reads=["document.text", "document.mentions"],
       writes=["document.mentions"])
def recognize_corpus_stage(corpus: Corpus, ctx: Context) -> None:
    """Vote on each name's label across the collection, then find recognised names everywhere."""
    labels = voted_labels(corpus)
    relabel(corpus, labels)
    names = names_to_find(corpus, labels)
    pattern = _ruler_pattern(list(names))
    if pattern is not None:
        for doc in corpus.documents:
            find_again(doc, pattern, names)
