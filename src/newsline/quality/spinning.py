"""`spun`: a copy of another text with its words swapped for near-synonyms ("state news agency"
becoming "condition news agency"), the work of article-spinning tools.

A spinner keeps the sentence and swaps words in place, so the copy and its source align word for
word around the swap. For each pair of sentences that share a run of words, difflib aligns their
words; a swap is one to three content words replaced one for one beside a long aligned run (or between
two shorter ones), where each pair of words is near-synonyms (MiniLM cosine) and none is a name, a
number or a function word, so a changed fact ("killed" for "injured", "Tuesday" for "Monday") is
not a swap. Which side is the copy: the later-published one, or failing dates, the one whose words
are rarer (wordfreq). A swap weighs more when language statistics say the copy's wording is
improbable: no other text of the collection uses its word pairs and none is a common English
bigram of the Google Web Trillion Word Corpus (as shipped by wordsegment), while the source's are.
A copy is scored against each source apart (see ``spun_flags``).

This needs the source, or other coverage using its wording, in the collection: no packaged n-gram
model is broad enough to find swaps in a text standing alone (see the README's weak points).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from nltk.stem.porter import PorterStemmer

from ..model import Corpus, Document, Evidence, Flag, FlagKind
from ..parse.nlp import regex_sentences
from ..pretrained import Embeddings, shared_embeddings
from ..registry import Context, stage
from .signals import combined

SYNONYM_COSINE = 0.45  # near-synonyms score 0.5-0.7 ("edges"/"sides" 0.52, "alliance"/"ally" 0.68)
# A thesaurus synonym in the wrong sense ("hearth" for "fire" 0.40, "floor" for "surface" 0.40) reads
# as less alike; it is kept only when the language statistics also find the copy's wording improbable.
WRONG_SENSE_COSINE = 0.35
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


def _sentence_of(doc: Document, words: list[Word]) -> list[int]:
    """The sentence each word is in (index into the document's sentences, or its regex sentences)."""
    bounds = [s.start for s in (doc.sentences or regex_sentences(doc.text))] or [0]
    return [bisect_right(bounds, w.start) - 1 for w in words]


def _sentence_pairs(keys_of: dict[str, list[str]], sentence_of: dict[str, list[int]]) -> dict[tuple[str, str],
                    set[tuple[int, int]]]:
    """For each pair of documents, the pairs of their sentences that share a run of SHARED_RUN words:
    a spinner keeps sentences whole, so aligning those sentences, not the whole texts, finds its
    swaps (and keeps the work linear in the shared wording, not quadratic in the texts' length)."""
    runs: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for doc_id, keys in keys_of.items():
        for i in range(len(keys) - SHARED_RUN + 1):
            run = tuple(keys[i:i + SHARED_RUN])
            if sum(k not in FUNCTION_WORDS for k in run) >= 2:
                runs[run].setdefault(doc_id, sentence_of[doc_id][i])
    pairs: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for where in runs.values():
        if 1 < len(where) <= 20:  # a run in every document is a formula, not a shared source
            ordered = sorted(where)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    pairs[a, b].add((where[a], where[b]))
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


def _aligned_replacements(a: list[Word], b: list[Word], a_keys: list[str], b_keys: list[str]
                          ) -> tuple[list[list[tuple[Word, Word]]], int]:
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
    return list(found.values()), sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")


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
    "near alliance" does) or with a name or a number: phrase statistics are about common words, and
    "Hayward told" is unseen only because the name is rare."""
    out = set()
    for word in run:
        i = index[word.start]
        for x, y in ((i - 1, i), (i, i + 1)):
            if x >= 0 and y < len(words) and _swappable(words[x]) and _swappable(words[y]):
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


def _sentence_spans(sentence_of: list[int]) -> dict[int, tuple[int, int]]:
    """Each sentence's first and past-the-end word index."""
    spans: dict[int, tuple[int, int]] = {}
    for i, sentence in enumerate(sentence_of):
        first = spans.get(sentence, (i, i))[0]
        spans[sentence] = (first, i + 1)
    return spans


def find_swaps(documents: list[Document], embeddings: Embeddings) -> list[Swap]:
    by_id = {d.id: d for d in documents}
    words = {d.id: words_of(d.text) for d in documents}
    keys = {doc_id: [w.key for w in doc_words] for doc_id, doc_words in words.items()}  # once, not per pair
    sentence_of = {d.id: _sentence_of(d, words[d.id]) for d in documents}
    spans = {doc_id: _sentence_spans(of) for doc_id, of in sentence_of.items()}
    found: list[tuple[Document, Document, tuple[Word, ...], tuple[Word, ...]]] = []
    for (a_id, b_id), sentence_pairs in sorted(_sentence_pairs(keys, sentence_of).items()):
        for sa, sb in sorted(sentence_pairs):
            (a1, a2), (b1, b2) = spans[a_id][sa], spans[b_id][sb]
            replaced, _ = _aligned_replacements(words[a_id][a1:a2], words[b_id][b1:b2],
                                                keys[a_id][a1:a2], keys[b_id][b1:b2])
            for pairs in replaced:
                if not all(_swappable(x) and _swappable(y) for x, y in pairs):
                    continue
                a_run, b_run = tuple(x for x, _ in pairs), tuple(y for _, y in pairs)
                if any(_STEMMER.stem(x.key) == _STEMMER.stem(y.key) for x, y in pairs):
                    continue  # an inflection or a spelling, not a swap
                found.append((by_id[a_id], by_id[b_id], a_run, b_run))
    if not found:
        return []
    swapped = sorted({w.key for _, _, a, b in found for w in a + b})
    vectors = dict(zip(swapped, embeddings.of(swapped)))
    seen_in: dict[str, int] = defaultdict(int)  # how many documents use each word pair
    for doc_words in words.values():
        for pair in {f"{x.key} {y.key}" for x, y in itertools.pairwise(doc_words)}:
            seen_in[pair] += 1
    used_by: dict[str, int] = defaultdict(int)  # how many documents use each word
    for doc_words in words.values():
        for key in {w.key for w in doc_words}:
            used_by[key] += 1
    index = {doc_id: {w.start: i for i, w in enumerate(words[doc_id])}
             for doc_id in {d.id for a, b, _, _ in found for d in (a, b)}}
    swaps = []
    for a, b, a_run, b_run in found:
        cosines = [float(vectors[x.key] @ vectors[y.key]) for x, y in zip(a_run, b_run)]
        if min(cosines) < WRONG_SENSE_COSINE:
            continue  # different words, maybe a different fact: not a synonym swap
        copy, source, copy_run, source_run = (a, b, a_run, b_run) if _is_copy(a, b, a_run, b_run) else \
            (b, a, b_run, a_run)
        improbable = _improbable(_content_bigrams(copy_run, words[copy.id], index[copy.id]),
                                 _content_bigrams(source_run, words[source.id], index[source.id]), seen_in)
        if min(cosines) < SYNONYM_COSINE and not (improbable and all(used_by[w.key] == 1 for w in copy_run)):
            # A synonym in another sense ("hearth" for "fire") counts only where the wording is odd and
            # the word foreign to the rest of the coverage; "flu" for "fever" is the story's own word.
            continue
        swaps.append(Swap(copy, source, copy_run, source_run, IMPROBABLE_WEIGHT if improbable else PLAIN_WEIGHT))
    return swaps


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around a span, within its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if text.find("\n", end) != -1 else len(text)
    left = max(line_start, text.rfind(" ", line_start, max(line_start, start - width)) + 1)
    right = text.find(" ", min(line_end, end + width), line_end)
    return text[left:right if right != -1 else line_end].strip()


def _pair_score(swaps: list[Swap]) -> float:
    return combined([min(s.weight * len(s.copy_words), 0.7) for s in swaps])  # each word swapped weighs


def spun_flags(documents: list[Document], embeddings: Embeddings) -> dict[str, Flag]:
    """Score each copy against each of its sources apart and keep its best source: a spinner
    rewrites one text, while an editor's independent version differs by a word or two from each of
    many others, which summed over all of them would look like a rewrite."""
    by_pair: dict[tuple[str, str], dict[int, Swap]] = defaultdict(dict)
    for swap in find_swaps(documents, embeddings):
        by_pair[swap.copy.id, swap.source.id].setdefault(swap.copy_words[0].start, swap)  # one per place
    best: dict[str, list[Swap]] = {}
    for (copy_id, _), places in sorted(by_pair.items()):
        swaps = sorted(places.values(), key=lambda s: s.copy_words[0].start)
        if copy_id not in best or _pair_score(swaps) > _pair_score(best[copy_id]):
            best[copy_id] = swaps
    flags = {}
    for doc_id, swaps in best.items():
        score = _pair_score(swaps)
        if score < THRESHOLD:
            continue
        source = swaps[0].source
        shown = sorted(sorted(swaps, key=lambda s: (-s.weight, -len(s.copy_words)))[:MAX_EVIDENCE],
                       key=lambda s: s.copy_words[0].start)
        improbable = sum(s.weight == IMPROBABLE_WEIGHT for s in swaps)
        flags[doc_id] = Flag(
            kind=FlagKind.SPUN, score=round(score, 3),
            explanation=(f"{sum(len(s.copy_words) for s in swaps)} words of {source.path} swapped for "
                         f"near-synonyms, {improbable} of the swaps into wording no other text uses"),
            evidence=[_swap_evidence(s) for s in shown],
        )
    return flags


def _swap_evidence(swap: Swap) -> Evidence:
    copy, source = swap.copy, swap.source
    start, end = swap.copy_words[0].start, swap.copy_words[-1].end
    note = (f"“{_context(copy.text, start, end)}” where {source.path} has "
            f"“{_context(source.text, swap.source_words[0].start, swap.source_words[-1].end)}”")
    if swap.weight == IMPROBABLE_WEIGHT:
        note += ("; no other text uses the copy's wording, while the source's is used by other texts "
                 "or is common English")
    return Evidence(text=copy.text[start:end], start=start, end=end, document=source.id, note=note)


@stage("spun", scope="corpus", reads=["document.text", "document.sentences", "document.published"],
       writes=["document.flags.spun"])
def spun_stage(corpus: Corpus, ctx: Context) -> None:
    """Flag documents that copy another text of the collection with words swapped for near-synonyms."""
    flags = spun_flags(corpus.documents, shared_embeddings())
    for doc in corpus.documents:
        if doc.id in flags:
            doc.flags.append(flags[doc.id])
