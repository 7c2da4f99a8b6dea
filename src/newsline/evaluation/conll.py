"""CoNLL-2003 column files: reading, writing, and entity-level scores.

Entity-level scoring (an entity counts when its span and type both match, as conlleval counts)
is a few lines over IOB spans; seqeval, the usual library, would pull in scikit-learn for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .metrics import prf

CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]*\s\d{4}-\d\d-\d\d$")


class ConllError(ValueError):
    """A CoNLL file that cannot be read: the message names the file, the line and what to do."""


@dataclass
class ConllSentence:
    tokens: list[str]
    tags: list[str]  # gold IOB tags (IOB1 or IOB2)


def read_conll(path: Path) -> list[ConllSentence]:
    """Sentences of a ``token TAG ...`` file (blank lines between sentences, -DOCSTART- lines kept
    as one-token sentences so documents can be split on them)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConllError(f"{path}: cannot read it ({exc}); give a UTF-8 CoNLL-2003 column file") from None
    sentences: list[ConllSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if tokens:
                sentences.append(ConllSentence(tokens, tags))
                tokens, tags = [], []
            continue
        columns = line.split()
        if len(columns) < 2 or not re.fullmatch(r"O|[BI]-[A-Z]+", columns[1]):
            raise ConllError(f"{path}:{number}: expected 'token TAG ...' with an IOB tag in the second "
                             f"column, got {line[:60]!r}")
        tokens.append(columns[0])
        tags.append(columns[1])
    if tokens:
        sentences.append(ConllSentence(tokens, tags))
    if not sentences:
        raise ConllError(f"{path}: no sentences in it; give a CoNLL-2003 column file")
    return sentences


def split_documents(sentences: list[ConllSentence]) -> list[list[ConllSentence]]:
    """Documents: at -DOCSTART- lines when the file has them, or else at each dateline
    ("LONDON 1996-08-30"), which Reuters stories put right after their headline."""
    if any(s.tokens[0] == "-DOCSTART-" for s in sentences):
        docs: list[list[ConllSentence]] = []
        current: list[ConllSentence] = []
        for s in sentences:
            if s.tokens[0] == "-DOCSTART-":
                if current:
                    docs.append(current)
                current = []
            else:
                current.append(s)
        return [d for d in [*docs, current] if d]
    starts = {i - 1 for i, s in enumerate(sentences) if i and _DATELINE.match(" ".join(s.tokens))}
    docs, current = [], []
    for i, s in enumerate(sentences):
        if i in starts and current:
            docs.append(current)
            current = []
        current.append(s)
    return [*docs, current] if current else docs


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) token spans from IOB1 or IOB2 tags."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (tag == "O" or prefix == "B" or label != kind):
            spans.add((start, i, kind))
            start, kind = None, ""
        if tag != "O" and start is None:
            start, kind = i, label
    return spans


def tags_from_spans(n_tokens: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n_tokens
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def write_conll(path: Path, sentences: list[ConllSentence], system: list[list[str]]) -> None:
    """conlleval's input: token, gold tag, system tag; a blank line between sentences."""
    with path.open("w", encoding="utf-8") as out:
        for sentence, tags in zip(sentences, system):
            for token, gold, sys_tag in zip(sentence.tokens, sentence.tags, tags):
                out.write(f"{token} {gold} {sys_tag}\n")
            out.write("\n")


def score(sentences: list[ConllSentence], system: list[list[str]]) -> dict:
    """Entity-level precision, recall and F1, overall and per type."""
    gold_n: Counter[str] = Counter()
    sys_n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for sentence, tags in zip(sentences, system):
        gold, predicted = spans_from_tags(sentence.tags), spans_from_tags(tags)
        gold_n.update(k for _, _, k in gold)
        sys_n.update(k for _, _, k in predicted)
        hit.update(k for _, _, k in gold & predicted)
    kinds = sorted(set(gold_n) | set(sys_n))
    per_type = {k: prf(hit[k], sys_n[k], hit[k], gold_n[k]) for k in kinds}
    total = sum(hit.values())
    return {"overall": prf(total, sum(sys_n.values()), total, sum(gold_n.values())), "per_type": per_type,
            "gold_entities": sum(gold_n.values()), "system_entities": sum(sys_n.values())}
