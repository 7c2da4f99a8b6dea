"""`spun`: a copy of another text with its words swapped for near-synonyms ("state news agency"
becoming "condition news agency"), the work of article-spinning tools.

A spinner keeps the sentence and swaps words in place, so the copy and its source align word for
word around the swap. For each pair of documents that share wording, difflib aligns their words;
a swap is one to three content words replaced one for one beside a long aligned run (or between
two shorter ones), where each pair of words is near-synonyms (MiniLM cosine) and none is a name, a
number or a function word, so a changed fact ("killed" for "injured", "Tuesday" for "Monday") is
not a swap. Which side is the copy: the later-published one, or failing dates, the one whose words
are rarer (wordfreq). A swap weighs more when language statistics say the copy's wording is
improbable: no other text of the collection uses its word pairs and none is a common English
bigram of the Google Web Trillion Word Corpus (as shipped by wordsegment), while the source's are.

This needs the source, or other coverage using its wording, in the collection: no packaged n-gram
model is broad enough to find swaps in a text standing alone (see the README's weak points).
"""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from nltk.stem.porter import PorterStemmer

from ..link.wording import Embeddings, shared_embeddings
from ..model import Corpus, Document, Evidence, Flag, FlagKind
from ..registry import Context, stage
from .signals import combined

SYNONYM_COSINE = 0.45  # near-synonyms score 0.5-0.7 ("edges"/"sides" 0.52, "alliance"/"ally" 0.68)
THRESHOLD = 0.5
SHARED_RUN = 4  # words in a row two texts must share to be compared
# A swap to wording nobody else uses is what a spinner leaves; a swap between two ordinary phrasings
# ("the spread of the disease" / "of the virus") is what editors do, and weighs little.
IMPROBABLE_WEIGHT = 0.45
PLAIN_WEIGHT = 0.1
MAX_EVIDENCE = 8

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STEMMER = PorterStemmer()
# Written here rather than taken from spaCy's STOP_WORDS, which also holds content words that
# spinners do swap ("side", "last", "back", "full", "serious").
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from as into onto upon about over under after before between and or "
    "but nor so yet if than that this these those it its he she they them his her their we our you your i me my "
    "is are was were be been being am has have had do does did will would shall should can could may might must "
    "not no there here which who whom whose what when where why how all any both each few more most other some "
    "such only own same too very just also then once again further up down out off per via".split())


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Swap:
    copy: Document
    source: Document
    copy_words: tuple[Word, ...]
    source_words: tuple[Word, ...]
    weight: float


def words_of(text: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


@functools.lru_cache(maxsize=1)
def common_bigrams() -> frozenset[str]:
    import wordsegment

    path = os.path.join(os.path.dirname(wordsegment.__file__), "bigrams.txt")
    with open(path, encoding="utf-8") as lines:
        return frozenset(line.split("\t", 1)[0].lower() for line in lines)


def _swappable(word: Word) -> bool:
    key = word.key
    return key.isalpha() and key not in FUNCTION_WORDS and word.text[0].islower() and len(key) > 2


def _candidate_pairs(keys_of: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Pairs of documents sharing a run of SHARED_RUN words: the only ones worth aligning."""
    runs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for doc_id, keys in keys_of.items():
        for i in range(len(keys) - SHARED_RUN + 1):
            run = tuple(keys[i:i + SHARED_RUN])
            if sum(k not in FUNCTION_WORDS for k in run) >= 2:
                runs[run].add(doc_id)
    pairs = set()
    for ids in runs.values():
        if 1 < len(ids) <= 20:  # a run in every document is a formula, not a shared source
            ordered = sorted(ids)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:])
    return pairs


def _walk(a: list[Word], b: list[Word], i: int, j: int, step: int, room: int) -> list[tuple[Word, Word]]:
    """Word pairs stepping away from an aligned run, from a[i], b[j], while they are different
    content words; a pair of function words ends the walk ("a close ally" / "the near alliance")."""
    pairs = []
    for _ in range(min(room, 3)):
        x, y = a[i], b[j]
        if x.key == y.key or (x.key in FUNCTION_WORDS) != (y.key in FUNCTION_WORDS):
            break
        if x.key not in FUNCTION_WORDS:
            pairs.append((x, y))
        i, j = i + step, j + step
    return pairs if step > 0 else pairs[::-1]


def _aligned_replacements(a: list[Word], b: list[Word], a_keys: list[str], b_keys: list[str]) -> list[list[tuple[Word, Word]]]:
    """Runs of content words replaced one for one right beside an aligned run: up to three words
    ("near alliance" for "close ally"), next to SHARED_RUN aligned words, or between two aligned
    runs of two or more."""
    matcher = SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    ops = matcher.get_opcodes()
    found: dict[int, list[tuple[Word, Word]]] = {}
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            continue
        anchored = i2 - i1 >= SHARED_RUN
        before = ops[k - 1] if k > 0 else None
        if before and before[0] == "replace":
            sandwich = k > 1 and ops[k - 2][0] == "equal" and min(i2 - i1, ops[k - 2][2] - ops[k - 2][1]) >= 2 \
                and before[2] - before[1] == before[4] - before[3] <= 3
            if anchored or sandwich:
                pairs = _walk(a, b, i1 - 1, j1 - 1, -1, min(before[2] - before[1], before[4] - before[3]))
                if pairs:
                    found.setdefault(pairs[0][0].start, pairs)
        after = ops[k + 1] if k + 1 < len(ops) else None
        if after and after[0] == "replace" and anchored:
            pairs = _walk(a, b, i2, j2, 1, min(after[2] - after[1], after[4] - after[3]))
            if pairs:
                found.setdefault(pairs[0][0].start, pairs)
    return list(found.values())


def _is_copy(a: Document, b: Document, a_words: tuple[Word, ...], b_words: tuple[Word, ...]) -> bool:
    """Is ``a`` the copy of ``b``? The later one is; between texts of the same day, the rarer wording."""
    from wordfreq import zipf_frequency  # here, not at import: wordfreq costs every command 0.15 s

    da, db = a.published.date, b.published.date
    if da and db and da != db:
        return da > db
    rarity_a = sum(zipf_frequency(w.key, "en") for w in a_words)
    rarity_b = sum(zipf_frequency(w.key, "en") for w in b_words)
    return rarity_a < rarity_b if rarity_a != rarity_b else a.path > b.path


def _content_bigrams(run: tuple[Word, ...], words: list[Word], index: dict[int, int]) -> set[str]:
    """The word pairs a swapped run makes with its neighbours (``index``: a word's start offset to
    its place in ``words``), leaving out pairs with a function word ("the near" says nothing;
    "near alliance" does)."""
    out = set()
    for word in run:
        i = index[word.start]
        for x, y in ((i - 1, i), (i, i + 1)):
            if 0 <= x and y < len(words) and words[x].key not in FUNCTION_WORDS and words[y].key not in FUNCTION_WORDS:
                out.add(f"{words[x].key} {words[y].key}")
    return out


def _improbable(copy_pairs: set[str], source_pairs: set[str], seen_in: dict[str, int]) -> bool:
    """Language statistics say the copy's wording is the odd one: none of its word pairs is a common
    English bigram (Google Web Trillion Word Corpus, via wordsegment) or used by another document
    of the collection, while the source's wording is one or the other."""
    bigrams = common_bigrams()
    if not copy_pairs or any(p in bigrams or seen_in.get(p, 0) > 1 for p in copy_pairs):
        return False
    return any(p in bigrams or seen_in.get(p, 0) > 1 for p in source_pairs)


def find_swaps(documents: list[Document], embeddings: Embeddings) -> list[Swap]:
    by_id = {d.id: d for d in documents}
    words = {d.id: words_of(d.text) for d in documents}
    keys = {doc_id: [w.key for w in doc_words] for doc_id, doc_words in words.items()}  # once, not per pair
    found: list[tuple[Document, Document, tuple[Word, ...], tuple[Word, ...]]] = []
    for a_id, b_id in sorted(_candidate_pairs(keys)):
        for pairs in _aligned_replacements(words[a_id], words[b_id], keys[a_id], keys[b_id]):
            if not all(_swappable(x) and _swappable(y) for x, y in pairs):
                continue
            a_run, b_run = [x for x, _ in pairs], [y for _, y in pairs]
            if any(_STEMMER.stem(x.key) == _STEMMER.stem(y.key) for x, y in pairs):
                continue  # an inflection or a spelling, not a swap
            found.append((by_id[a_id], by_id[b_id], tuple(a_run), tuple(b_run)))
    if not found:
        return []
    swapped = sorted({w.key for _, _, a, b in found for w in a + b})
    vectors = dict(zip(swapped, embeddings.of(swapped)))
    seen_in: dict[str, int] = defaultdict(int)  # how many documents use each word pair
    for doc_words in words.values():
        for pair in {f"{x.key} {y.key}" for x, y in zip(doc_words, doc_words[1:])}:
            seen_in[pair] += 1
    index = {doc_id: {w.start: i for i, w in enumerate(words[doc_id])}
             for doc_id in {d.id for a, b, _, _ in found for d in (a, b)}}
    swaps = []
    for a, b, a_run, b_run in found:
        cosines = [float(vectors[x.key] @ vectors[y.key]) for x, y in zip(a_run, b_run)]
        if min(cosines) < SYNONYM_COSINE:
            continue  # different words, maybe a different fact: not a synonym swap
        copy, source, copy_run, source_run = (a, b, a_run, b_run) if _is_copy(a, b, a_run, b_run) else (b, a, b_run, a_run)
        improbable = _improbable(_content_bigrams(copy_run, words[copy.id], index[copy.id]),
                                 _content_bigrams(source_run, words[source.id], index[source.id]), seen_in)
        swaps.append(Swap(copy, source, copy_run, source_run, IMPROBABLE_WEIGHT if improbable else PLAIN_WEIGHT))
    return swaps


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around a span, within its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if text.find("\n", end) != -1 else len(text)
    left = max(line_start, text.rfind(" ", line_start, max(line_start, start - width)) + 1)
    right = text.find(" ", min(line_end, end + width), line_end)
    return text[left:right if right != -1 else line_end].strip()


def spun_flags(documents: list[Document], embeddings: Embeddings) -> dict[str, Flag]:
    by_copy: dict[str, dict[int, Swap]] = defaultdict(dict)
    for swap in find_swaps(documents, embeddings):
        by_copy[swap.copy.id].setdefault(swap.copy_words[0].start, swap)  # one swap per place in the copy
    flags = {}
    for doc_id, swaps in by_copy.items():
        weights = [s.weight * len(s.copy_words) for s in swaps.values()]  # each word swapped weighs
        score = combined([min(w, 0.7) for w in weights])
        if score < THRESHOLD:
            continue
        ordered = sorted(swaps.values(), key=lambda s: -s.weight)[:MAX_EVIDENCE]
        sources = sorted({s.source.path for s in swaps.values()})
        flags[doc_id] = Flag(
            kind=FlagKind.SPUN, score=round(score, 3),
            explanation=(f"{sum(len(s.copy_words) for s in swaps.values())} words swapped for near-synonyms "
                         f"in wording it shares with {', '.join(sources[:3])}{' and others' if len(sources) > 3 else ''}"),
            evidence=[Evidence(
                text=_context(s.copy.text, s.copy_words[0].start, s.copy_words[-1].end),
                start=s.copy_words[0].start, end=s.copy_words[-1].end, document=s.source.id,
                note=(f"“{' '.join(w.text for w in s.copy_words)}” where {s.source.path} has "
                      f"“{_context(s.source.text, s.source_words[0].start, s.source_words[-1].end)}”"
                      + ("; no other text uses the copy's wording, while the source's is used by other texts or is common English"
                         if s.weight == IMPROBABLE_WEIGHT else "")),
            ) for s in sorted(ordered, key=lambda s: s.copy_words[0].start)],
        )
    return flags


@stage("spun", scope="corpus", reads=["document.text", "document.published"], writes=["document.flags"])
def spun_stage(corpus: Corpus, ctx: Context) -> None:
    """Flag documents that copy another text of the collection with words swapped for near-synonyms."""
    flags = spun_flags(corpus.documents, shared_embeddings())
    for doc in corpus.documents:
        if doc.id in flags:
            doc.flags.append(flags[doc.id])
