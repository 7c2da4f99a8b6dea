"""`newsline eval ner`: entity recognition scored on a CoNLL-2003 file.

Each CoNLL document is turned into text (tokens joined by spaces, sentences by line breaks), run
through the systems, and the systems' character spans are mapped back onto the CoNLL tokens. Two
systems run side by side: the pinned spaCy pipeline with the plain OntoNotes-to-CoNLL mapping (the
baseline), and newsline's recognition (the same pipeline plus its corrections and the corpus-level
stages that vote on labels and find recognised names again).

OntoNotes-to-CoNLL mapping: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP, EVENT,
WORK_OF_ART, LAW, LANGUAGE, PRODUCT -> MISC; all other labels (dates, numbers...) -> O.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .conll import ConllSentence, read_conll, score, split_documents, tags_from_spans, write_conll

TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
            "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}

CharSpan = tuple[int, int, str]  # start, end, OntoNotes or newsline label
Tagger = Callable[[list[str]], list[list[CharSpan]]]  # texts of a corpus -> spans per text


@dataclass
class ConllDoc:
    sentences: list[ConllSentence]
    text: str
    offsets: list[list[tuple[int, int]]]  # per sentence, per token: character span in ``text``


def as_text(sentences: list[ConllSentence]) -> ConllDoc:
    parts, offsets, at = [], [], 0
    for sentence in sentences:
        token_offsets = []
        for token in sentence.tokens:
            token_offsets.append((at, at + len(token)))
            at += len(token) + 1
        offsets.append(token_offsets)
        parts.append(" ".join(sentence.tokens))
    return ConllDoc(sentences, "\n".join(parts), offsets)


def to_tags(doc: ConllDoc, spans: list[CharSpan]) -> list[list[str]]:
    """System spans onto the CoNLL tokens: each span covers the tokens it overlaps."""
    tags = []
    for token_offsets in doc.offsets:
        token_spans = []
        for start, end, label in spans:
            conll = TO_CONLL.get(label)
            inside = [i for i, (a, b) in enumerate(token_offsets) if a < end and start < b]
            if conll and inside:
                token_spans.append((inside[0], inside[-1] + 1, conll))
        token_spans.sort()
        kept, last_end = [], 0
        for span in token_spans:  # overlapping spans: the first one wins
            if span[0] >= last_end:
                kept.append(span)
                last_end = span[1]
        tags.append(tags_from_spans(len(token_offsets), kept))
    return tags


def spacy_baseline() -> Tagger:
    """The pinned spaCy pipeline as it comes: its entities, nothing else."""
    from ..pretrained import load_nlp

    nlp = load_nlp()

    def tag(texts: list[str]) -> list[list[CharSpan]]:
        return [[(e.start_char, e.end_char, e.label_) for e in parsed.ents]
                for parsed in nlp.pipe(texts, batch_size=16)]

    return tag


def newsline_recognizer() -> Tagger:
    """newsline's mentions, through the pipeline's own stages (document, then corpus)."""
    from .analyse import analyse

    def tag(texts: list[str]) -> list[list[CharSpan]]:
        docs = analyse(texts, ["nlp", "recognize_corpus"])
        return [[(m.start, m.end, m.label) for m in doc.mentions] for doc in docs]

    return tag


def evaluate(path: Path, out: Path | None) -> dict:
    sentences = read_conll(path)
    docs = [as_text(d) for d in split_documents(sentences)]
    texts = [d.text for d in docs]
    result = {"file": str(path), "documents": len(docs), "sentences": len(sentences),
              "tokens": sum(len(s.tokens) for s in sentences)}
    for name, make in (("spacy_baseline", spacy_baseline), ("newsline", newsline_recognizer)):
        tagger = make()
        began = time.perf_counter()
        spans = tagger(texts)
        seconds = time.perf_counter() - began
        system = [tags for doc, doc_spans in zip(docs, spans) for tags in to_tags(doc, doc_spans)]
        result[name] = score(sentences, system) | {"seconds": round(seconds, 1)}
        if name == "newsline" and out is not None:
            write_conll(out, sentences, system)
    return result
