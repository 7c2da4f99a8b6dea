"""`newsline eval event-coref`: cross-document event coreference on ECB+.

Gold event mentions are the ACTION_ and NEG_ACTION_ markables, chained as in ecb.py, and scored on
the mentions in a coreference relation (the validated sentences) and on every markable. The
baseline is same-lemma: mentions whose head word has the same lemma (spaCy) are one event, within
a topic, a known strong baseline on ECB+. newsline puts a gold mention in the event of its own
event mention whose word lies inside it (head matching), or leaves it alone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .ecb import EVENT_CLASSES, EcbDocument, _scored, gold_clusters, read_ecb, topics

STAGES = ["nlp", "timex", "published", "resolve_time", "events", "recognize_corpus", "link_entities", "stories"]


def lemma_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    from ..enrich.nlp import load_nlp

    by_lemma: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for doc, parsed in zip(docs, load_nlp().pipe(d.text for d in docs)):
        for m in doc.mentions:
            span = parsed.char_span(m.start, m.end, alignment_mode="expand")
            lemma = span.root.lemma_.lower() if span is not None else m.text.lower()
            by_lemma[lemma].add((m.doc, m.m_id))
    return list(by_lemma.values())


def newsline_event_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    from .analyse import analyse

    analysed = analyse([d.text for d in docs], STAGES, ids=[d.name for d in docs])
    by_event: dict[str, set[tuple[str, str]]] = defaultdict(set)
    alone = []
    for doc, result in zip(docs, analysed):
        for gold in doc.mentions:
            inside = [m for m in result.event_mentions if m.event and gold.start <= m.start < gold.end]
            if inside:
                by_event[inside[0].event or ""].add((doc.name, gold.m_id))
            else:
                alone.append({(doc.name, gold.m_id)})
    return [*by_event.values(), *alone]


def evaluate(directory: Path) -> dict:
    key, lemma, ours = [], [], []
    validated, everything = set(), set()
    n_docs = 0
    for files in topics(directory).values():
        docs = [read_ecb(f, EVENT_CLASSES) for f in files]
        n_docs += len(docs)
        for doc in docs:
            everything |= {(m.doc, m.m_id) for m in doc.mentions}
            validated |= {(m.doc, m.m_id) for m in doc.mentions if m.validated}
        key += gold_clusters(docs)
        lemma += lemma_clusters(docs)
        ours += newsline_event_clusters(docs)
    systems = {"same_lemma_baseline": lemma, "newsline": ours}
    return {"folder": str(directory), "documents": n_docs, **_scored(key, systems, validated),
            "all_markables": _scored(key, systems, everything)}
