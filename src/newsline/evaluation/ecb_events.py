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

from .ecb import EVENT_CLASSES, EcbDocument, evaluate_coref

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
    return evaluate_coref(directory, EVENT_CLASSES,
                          {"same_lemma_baseline": lemma_clusters, "newsline": newsline_event_clusters})
