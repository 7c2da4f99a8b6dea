"""Timeline summarisation: which dates matter in a collection, and which sentences tell them.

The date-wise approach of Gholipour Ghalandari & Ifrim (ACL 2020), which beats clustering events
first on Timeline17: a date is important when many sentences of many articles point at it, so
dates are ranked by how often the collection's day-level time expressions resolve to them (and,
less, by how many articles appear that day), and each chosen date is told by the sentences that
refer to it, or that appeared that day without pointing elsewhere, picked nearest to what they
have in common (their TF-IDF centroid) and unlike each other.

Everything is extractive and cited: each sentence keeps its document and character offsets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import Citation, Corpus, Document, KeyDate
from ..registry import Context, stage

PUBLICATION_WEIGHT = 0.5  # an article appearing that day counts half a sentence pointing at the day
LEAD_SENTENCES = 10  # undated sentences of an article's start stand for its publication day
MIN_WORDS, MAX_WORDS = 6, 60  # to tell a date: shorter are headlines and captions, longer run-ons
REDUNDANT = 0.5  # cosine above which a sentence says again what a chosen one said


@dataclass
class Candidate:
    citation: Citation
    date: str
    pointed: bool  # the sentence names the date itself (else: it appeared that day)

    @property
    def tells(self) -> bool:
        """Fit to tell a date in a summary: a sentence, not a headline or a scraping run-on."""
        return MIN_WORDS <= len(self.citation.text.split()) <= MAX_WORDS


def _in_span(date: str | None, first: str | None, last: str | None) -> bool:
    return date is not None and bool(date) and (first is None or date >= first) and (last is None or date <= last)


def candidates(doc: Document, first: str | None = None, last: str | None = None) -> list[Candidate]:
    """Each sentence of ``doc`` under each day it names (day-level time expressions within
    [first, last]); a sentence near the start that names none stands for the publication day."""
    days: dict[int, set[str]] = defaultdict(set)
    starts = [s.start for s in doc.sentences]
    for tx in doc.temporal_expressions:
        if tx.granularity == "day" and tx.start_date and _in_span(tx.start_date, first, last):
            at = int(np.searchsorted(starts, tx.start, side="right")) - 1
            days[max(at, 0)].add(tx.start_date)
    published = doc.published.date
    out = []
    for i, sentence in enumerate(doc.sentences):
        cite = Citation(document=doc.id, text=sentence.text, start=sentence.start, end=sentence.end)
        if days.get(i):
            out += [Candidate(cite, day, True) for day in sorted(days[i])]
        elif i < LEAD_SENTENCES and _in_span(published, first, last):
            out.append(Candidate(cite, published or "", False))
    return out


def date_scores(found: list[Candidate], documents: list[Document]) -> dict[str, float]:
    """How much the collection points at each day: sentences naming it, plus half a point per
    article published that day."""
    scores: dict[str, float] = defaultdict(float)
    for c in found:
        if c.pointed:
            scores[c.date] += 1.0
    dates = {c.date for c in found}
    for doc in documents:
        if doc.published.date in dates:
            scores[doc.published.date] += PUBLICATION_WEIGHT
    return scores


def _vectors(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    return vectorizer.fit_transform(texts)


def summarise(corpus: Corpus, *, max_dates: int = 10, sentences_per_date: int = 1, first: str | None = None,
              last: str | None = None, query: str | None = None) -> list[KeyDate]:
    """The ``max_dates`` most pointed-at days between ``first`` and ``last`` (articles published
    outside them, or undated, are left out), each told in ``sentences_per_date`` cited sentences,
    in date order. With ``query``, only sentences sharing a word with it count and tell."""
    spanned = first is not None or last is not None  # else undated articles count too
    documents = [d for d in corpus.documents if not spanned or _in_span(d.published.date, first, last)]
    found = [c for doc in documents for c in candidates(doc, first, last)]
    if query:
        words = {w.lower() for w in query.split()}
        found = [c for c in found if words & {w.lower().strip(".,;:'\"") for w in c.citation.text.split()}]
    if not found:
        return []
    scores = date_scores(found, documents)
    by_date: dict[str, list[Candidate]] = defaultdict(list)
    for c in found:
        if c.tells:
            by_date[c.date].append(c)
    chosen = sorted(by_date, key=lambda d: (-scores[d], d))[:max_dates]  # days with something to tell
    texts = list(dict.fromkeys(c.citation.text for pool in by_date.values() for c in pool))
    row = {text: i for i, text in enumerate(texts)}
    matrix = _vectors(texts)
    out = []
    for date in sorted(chosen):
        picked = _pick(by_date[date], matrix, row, sentences_per_date)
        out.append(KeyDate(date=date, score=scores[date], sentences=picked))
    return out


def _pick(pool: list[Candidate], matrix, row: dict[str, int], k: int) -> list[Citation]:
    """Up to ``k`` sentences nearest the pool's centroid, none repeating a chosen one. Sentences
    naming the date and sentences of that day's articles compete alike: preferring the first
    lost a tenth of the ROUGE on Timeline17's development topics (a later article's look back is
    often a passing mention)."""
    unique = list({c.citation.text: c for c in pool}.values())
    rows = matrix[[row[c.citation.text] for c in unique]]
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    closeness = (rows @ centroid) / norm
    order = sorted(range(len(unique)), key=lambda i: -closeness[i])
    picked: list[int] = []
    for i in order:
        if len(picked) == k:
            break
        if all((rows[i] @ rows[j].T).toarray()[0, 0] < REDUNDANT for j in picked):
            picked.append(i)
    return [unique[i].citation for i in picked]


REPORT_DATES, REPORT_SENTENCES = 15, 2  # the report's summary: a screen of dates, two sentences each


@stage("key_dates", scope="corpus",
       reads=["document.sentences", "document.temporal_expressions", "document.published"],
       writes=["corpus.key_dates"])
def key_dates_stage(corpus: Corpus, ctx: Context) -> None:
    """Summarise the collection date-wise: the days it points at most, each in cited sentences."""
    corpus.key_dates = summarise(corpus, max_dates=REPORT_DATES, sentences_per_date=REPORT_SENTENCES)
