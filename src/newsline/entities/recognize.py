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

from ..dating.lexicon import CALENDAR_WORDS
from ..model import Corpus, Document, EntityMention
from ..parse.roles import is_role_word
from ..registry import Context, stage
from .aliases import AliasEntry
from .link import fold
from .names import name_key

VOTING_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
MIN_NAME_CHARS = 3


def _after_role(text: str, start: int) -> bool:
    words = text[max(0, start - 30):start].split()
    return bool(words) and is_role_word(words[-1])


def voted_labels(corpus: Corpus) -> dict[str, str]:
    """The majority label of every folded name. A PERSON reading right after a role word
    ("opposition leaders Sviatlana Tsikhanouskaya") counts double: it rests on the text, not on
    the tagger's guess."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents:
        for m in doc.mentions:
            if m.label in VOTING_LABELS:
                weight = 2 if m.label == "PERSON" and _after_role(doc.text, m.start) else 1
                votes[fold(m.text)][m.label] += weight
    return {form: counts.most_common(1)[0][0] for form, counts in votes.items() if form}


def gendered_surnames(corpus: Corpus, labels: dict[str, str]) -> set[str]:
    """Keys of Slavic gendered surnames (-skaya, -ski) that end a person's full name in the corpus:
    "Tikhanovskaya" alone is that person's surname even where the tagger saw a place."""
    keys = set()
    for doc in corpus.documents:
        for m in doc.mentions:
            words = m.text.split()
            if len(words) >= 2 and labels.get(fold(m.text)) == "PERSON":
                key = name_key(words[-1])
                if key.endswith(("+ska", "+ski")):
                    keys.add(key)
    return keys


def _document_votes(doc: Document) -> dict[str, str]:
    """Labels a document settles by itself: a clear majority among two or more of its own mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in doc.mentions:
        if m.label in VOTING_LABELS:
            votes[fold(m.text)][m.label] += 1
    settled = {}
    for form, counts in votes.items():
        ranked = counts.most_common(2)
        if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            settled[form] = ranked[0][0]
    return settled


def person_parts(doc: Document) -> dict[str, str]:
    """Parts of the full person names a document uses: "Wang" after "Wang Donghai" is him, whatever
    the tagger says of the lone word (the first part too: "Xi" for "Xi Jinping")."""
    parts: dict[str, str] = {}
    for m in doc.mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            for word in (words[0], words[-1]):
                if len(word) >= 2 and word[0].isupper():
                    parts.setdefault(word, "PERSON")
    return parts


def relabel(corpus: Corpus, labels: dict[str, str], surnames: frozenset[str] | set[str] = frozenset()) -> int:
    """The document's own majority first ("Wang" the player in a tennis report), else the corpus's."""
    changed = 0
    for doc in corpus.documents:
        local = _document_votes(doc) | {fold(w): label for w, label in person_parts(doc).items()}
        for m in doc.mentions:
            form = fold(m.text)
            label = "PERSON" if " " not in form and name_key(form) in surnames else local.get(form) or labels.get(form)
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
    """Recognised names worth finding again, never a day or month name ("Friday" taken once for a
    person must not become one everywhere)."""
    seen: set[str] = set()
    for doc in corpus.documents:
        for m in doc.mentions:
            if labels.get(fold(m.text)) and len(m.text) >= MIN_NAME_CHARS and m.text[0].isupper() \
                    and m.text.lower() not in CALENDAR_WORDS:
                seen.add(m.text)
    return {name: labels[fold(name)] for name in seen}


def table_labels(entries: list[AliasEntry]) -> dict[str, str]:
    """Every name of the user's alias table, with the table's type: found wherever it appears."""
    return {name: entry.type for entry in entries for name in entry.names}


@stage("recognize_corpus", scope="corpus", reads=["document.text", "document.tagged_mentions"],
       writes=["document.mentions"])
def recognize_corpus_stage(corpus: Corpus, ctx: Context) -> None:
    """Vote on each name's label across the collection, then find recognised names everywhere."""
    for doc in corpus.documents:  # the parse's mentions are kept as they were; these get corrected
        doc.mentions = [m.model_copy() for m in doc.tagged_mentions]
    labels = voted_labels(corpus)
    table = table_labels(list(ctx.settings.aliases))
    labels |= {fold(name): label for name, label in table.items()}  # the user's table overrides votes
    relabel(corpus, labels, gendered_surnames(corpus, labels))
    names = names_to_find(corpus, labels) | table
    pattern = _ruler_pattern(list(names))
    for doc in corpus.documents:
        if pattern is not None:
            find_again(doc, pattern, names)
        parts = person_parts(doc)
        short = _ruler_pattern(list(parts))
        if short is not None:
            find_again(doc, short, parts)  # "Latushka" alone, after "Pavel Latushka" in the same text
