"""`newsline eval event-coref`: cross-document event coreference on ECB+.

Gold event mentions are the ACTION_ and NEG_ACTION_ markables, chained as in ecb.py, and scored on
the mentions in a coreference relation (the validated sentences) and on every markable. Both
systems link the gold mentions, as on ECB+ the literature does, so that linking is measured apart
from finding the words:
- the baseline is same-lemma: mentions whose head word has the same lemma (spaCy) are one event,
  within a topic, a known strong baseline on ECB+;
- newsline runs its own stages with the gold mentions as its event mentions (each at its head
  word, with the arguments, source and date its own mention finder would give it): stories, then
  event_coref.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..events.extract import event_type_of
from ..events.words import attribution_of, attributions_in, mention_at
from ..model import Document
from ..registry import Context, Settings, stage
from .ecb import EVENT_CLASSES, EcbDocument, evaluate_coref

STAGES = ["nlp", "timex", "published", "resolve_time", "events", "gold_event_mentions",
          "recognize_corpus", "link_entities", "stories", "event_coref"]


@stage("gold_event_mentions", scope="document", reads=["batch.parses", "document.event_mentions"],
       writes=["document.event_mentions"], replaces=["document.event_mentions"])
def gold_event_mentions(documents: list[Document], ctx: Context) -> None:
    """The evaluation's gold event spans (``Settings.gold_event_spans``: document id -> spans) as
    the event mentions, each at its head word: linking scored apart from finding the words, as on
    ECB+ the literature and the same-lemma baseline do."""
    spans = ctx.settings.gold_event_spans
    for doc in documents:
        parsed = ctx.parses[doc.id]
        times = {m.start: m.timex for m in doc.event_mentions}  # what the events stage dated
        heads = (parsed.char_span(start, end, alignment_mode="expand") for start, end in spans.get(doc.id, []))
        frames = {}  # each sentence's reporting frames, read once
        doc.event_mentions = []
        for span in heads:
            if span is None:
                continue
            sentence = span.root.sent
            if sentence.start not in frames:
                frames[sentence.start] = attributions_in(sentence, doc.text)
            source = attribution_of(span.root, *frames[sentence.start])
            doc.event_mentions.append(mention_at(span.root, doc.text, event_type_of, source))
        for mention in doc.event_mentions:
            mention.timex = times.get(mention.start)


def lemma_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    from ..pretrained import load_nlp

    by_lemma: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for doc, parsed in zip(docs, load_nlp().pipe(d.text for d in docs)):
        for m in doc.mentions:
            span = parsed.char_span(m.start, m.end, alignment_mode="expand")
            lemma = span.root.lemma_.lower() if span is not None else m.text.lower()
            by_lemma[lemma].add((m.doc, m.m_id))
    return list(by_lemma.values())


def newsline_event_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    from .analyse import analyse

    spans = {d.name: [(m.start, m.end) for m in d.mentions] for d in docs}
    analysed = analyse([d.text for d in docs], STAGES, ids=[d.name for d in docs],
                       settings=Settings(gold_event_spans=spans))
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
