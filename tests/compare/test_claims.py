"""Claims, their comparison across sources, and the amounts they state."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from newsline.compare.contradictions import compare_claims
from newsline.compare.quantities import read_amount, read_ordinal
from newsline.model import Claim, ClaimKind, Document, PublishedDate
from newsline.pretrained import shared_embeddings


@given(st.integers(min_value=0, max_value=10**12))
def test_a_written_number_reads_back_exactly(n):
    for written in (str(n), f"{n:,}"):
        amount = read_amount(written)
        assert amount is not None and amount.exact and amount.low == amount.high == n


def test_approximate_and_vague_amounts_are_ranges():
    about = read_amount("About 2,500")
    assert (about.low, about.high, about.exact) == (2250, 2750, False)
    assert read_amount("closer to 3,000").overlaps(about)
    assert not read_amount("4,000").overlaps(about)
    assert (read_amount("tens of thousands").low, read_amount("tens of thousands").high) == (20_000, 99_999)
    assert read_amount("more than 1,000").high == math.inf and not read_amount("more than 1,000").bounded_vague
    assert read_amount("thousands").bounded_vague and not read_amount("about 2,500").bounded_vague
    assert read_amount("40 million euros").low == 4e7 and read_amount("about 2 billions of euro").high == 2.2e9
    assert read_amount("only 25 million euros").low == 2.5e7
    assert read_amount("twenty-three").low == 23 and read_amount("2.4 billion").low == 2.4e9
    assert read_amount("the port") is None
    assert read_ordinal("third") == 3 and read_ordinal("21st") == 21 and read_ordinal("thirdly") is None


def _doc(name: str, date: str, sentence: str, *claims: Claim) -> Document:
    return Document(id=name, path=f"{name}.txt", format="text", text=sentence, story="s",
                    published=PublishedDate(date=date), claims=list(claims))


def _count(sentence: str, words: str, low: float, high: float, about: str, context: str) -> Claim:
    start = sentence.index(words)
    return Claim(kind=ClaimKind.QUANTITY, start=start, end=start + len(words), text=words, sentence_start=0,
                 sentence_end=len(sentence), value=f"{low:g}", low=low, high=high, about=about, context=context)


def _verdicts(docs: list[Document]) -> set[tuple[str, str, str]]:
    return {(c.verdict, c.claims[0].document, c.claims[1].document)
            for c in compare_claims(docs, shared_embeddings())}


def test_counts_that_cannot_both_hold_contradict_and_a_stated_rise_is_an_update():
    a = "The fire killed 11 workers at the textile plant."
    b = "The fire killed 14 workers at the textile plant."
    c = "The number of workers killed in the fire at the textile plant has risen to 14."
    docs = [
        _doc(
            "a",
            "2024-09-02",
            a,
            _count(a, "11 workers", 11, 11, "worker", "The fire killed N workers at the textile plant"),
        ),
        _doc(
            "b",
            "2024-09-02",
            b,
            _count(b, "14 workers", 14, 14, "worker", "The fire killed N workers at the textile plant"),
        ),
        _doc(
            "c",
            "2024-09-03",
            c,
            _count(c, "14", 14, 14, "worker", "workers killed in the fire at the textile plant has risen to N"),
        ),
    ]
    found = _verdicts(docs)
    assert ("contradiction", "a", "b") in found
    assert ("update", "a", "c") in found and ("contradiction", "a", "c") not in found
    assert ("agreement", "b", "c") in found


def test_ordinals_over_different_periods_are_compatible_not_contradictions():
    a = "It was his second visit to Kestria this year."
    b = "It was his third visit to Kestria in three years."
    c = "It was his third visit to Kestria this year."

    def ordinal(s: str, words: str, n: int, scope: str) -> Claim:
        start = s.index(words)
        return Claim(kind=ClaimKind.ORDINAL, start=start, end=start + len(words), text=words, sentence_start=0,
                     sentence_end=len(s), value=str(n), about="visit", scope=scope,
                     context=s.replace(words.split()[1], "N").rstrip("."))

    docs = [_doc("a", "2024-06-10", a, ordinal(a, "his second visit", 2, "2024-01-01/2024-12-31")),
            _doc("b", "2024-06-11", b, ordinal(b, "his third visit", 3, "P3Y")),
            _doc("c", "2024-06-10", c, ordinal(c, "his third visit", 3, "2024-01-01/2024-12-31"))]
    found = _verdicts(docs)
    assert ("compatible", "a", "b") in found and ("contradiction", "a", "c") in found
    said = next(c.explanation for c in compare_claims(docs, shared_embeddings()) if c.verdict == "compatible")
    assert said == "his second visit (2024) and his third visit (3 years) count over different periods"
    assert not any(v == "contradiction" and {x, y} == {"a", "b"} for v, x, y in found)
