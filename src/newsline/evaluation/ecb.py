"""`newsline eval entity-coref`: cross-document entity coreference on ECB+.

ECB+ (CAT XML) gives tokens, markables and coreference relations. Gold entity mentions are the
markables of the human, non-human and location classes (actions and times are left out); their
clusters come from CROSS_DOC_COREF and INTRA_DOC_COREF relations. Each topic folder is one
collection, as analysts would gather coverage of one story.

ECB+ validated coreference only in selected sentences (its authors evaluate on those, listed in
ECBplus_coreference_sentences.csv, which this copy lacks); there every mention is in a relation, a
singleton in one of its own. A markable in no relation lies outside them: "LaRue" annotated as a
mention but never chained to the "Fred LaRue" two lines up. The headline figures are therefore on
the mentions in a relation; the figures on all markables, the unchained ones as singletons (which
punishes every correct link to them), are reported beside them.

Systems are scored on the gold mentions: newsline puts a gold mention in the entity of the
newsline mention, pronoun or description that covers it (or leaves it alone), the baseline puts together gold mentions
with exactly the same words (case-insensitive). Scores: MUC, B-cubed, CEAF-e and their mean, the
CoNLL F1, from scorch (the CoNLL-2012 reference definitions).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_CLASSES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
EVENT_CLASSES = ("ACTION_", "NEG_ACTION_")  # occurrences, reporting, states... and their negations


class EcbError(ValueError):
    """An ECB+ file or folder that cannot be read: the message names it and what to do."""


@dataclass
class GoldMention:
    doc: str
    m_id: str
    start: int  # character offsets into the document text
    end: int
    text: str
    validated: bool = False  # in a coreference relation: in a sentence ECB+ validated for coreference


@dataclass
class EcbDocument:
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    clusters: dict[str, list[str]] = field(default_factory=dict)  # cluster id -> m_ids


def _text_of(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """Tokens joined by spaces, sentences by line breaks; each token's character span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    at, sentence = 0, None
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            at += 1
        elif parts:
            parts.append(" ")
            at += 1
        sentence = token.get("sentence")
        spans[token.get("t_id", "")] = (at, at + len(word))
        parts.append(word)
        at += len(word)
    return "".join(parts), spans


def read_ecb(path: Path, classes: tuple[str, ...] = ENTITY_CLASSES) -> EcbDocument:
    """The text of an ECB+ file and its markables of ``classes`` (entities by default), with chains."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EcbError(f"{path}: not readable ECB+ XML ({exc}); give the ecbplus folder of CAT XML files") from None
    text, spans = _text_of(root)
    doc = EcbDocument(path.name, text)
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [spans[a.get("t_id", "")] for a in element.findall("token_anchor") if a.get("t_id") in spans]
        if element.tag.startswith(classes) and anchors:
            start, end = min(a for a, _ in anchors), max(b for _, b in anchors)
            doc.mentions.append(GoldMention(path.name, element.get("m_id", ""), start, end, text[start:end]))
    kept_ids = {m.m_id for m in doc.mentions}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        sources = [s.get("m_id", "") for s in relation.findall("source") if s.get("m_id") in kept_ids]
        if not sources:
            continue
        # cross-document chains share their instance id; any other chain is this document's own
        key = relation.get("note") if relation.tag == "CROSS_DOC_COREF" else None
        doc.clusters.setdefault(key or f"{path.name}#{relation.get('r_id')}", []).extend(sources)
    chained = {m_id for m_ids in doc.clusters.values() for m_id in m_ids}
    for mention in doc.mentions:
        mention.validated = mention.m_id in chained
    return doc


def topics(directory: Path) -> dict[str, list[Path]]:
    if not directory.is_dir():
        raise EcbError(f"{directory}: no such folder; give the ECB+ folder (one sub-folder per topic)")
    found = {d.name: sorted(d.glob("*.xml")) for d in sorted(directory.iterdir()) if d.is_dir()}
    found = {name: files for name, files in found.items() if files}
    if not found:
        raise EcbError(f"{directory}: no topic folders with .xml files in it")
    return found


def gold_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    """Cross-document chains first, then within-document ones for mentions left, then singletons:
    a partition, as the scorers need."""
    clusters: dict[str, set[tuple[str, str]]] = defaultdict(set)
    clustered = set()
    relations = [(key, doc.name, m_ids) for doc in docs for key, m_ids in doc.clusters.items()]
    for key, name, m_ids in sorted(relations, key=lambda r: "#" in r[0]):  # cross-document first
        for m_id in m_ids:
            if (name, m_id) not in clustered:
                clusters[key].add((name, m_id))
                clustered.add((name, m_id))
    singles = [{(m.doc, m.m_id)} for doc in docs for m in doc.mentions if (m.doc, m.m_id) not in clustered]
    return [*clusters.values(), *singles]


def exact_match_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    by_words: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for doc in docs:
        for m in doc.mentions:
            by_words[" ".join(m.text.lower().split())].add((m.doc, m.m_id))
    return list(by_words.values())


def newsline_clusters(docs: list[EcbDocument]) -> list[set[tuple[str, str]]]:
    """Gold mentions grouped by the newsline entity of what covers each: a name that overlaps it, or a
    pronoun or noun phrase whose head word lies in it (head matching: "blood" in "the blood alcohol
    test" is not the test); the one covering most of it wins."""
    from .analyse import analyse

    analysed = analyse([d.text for d in docs], ["nlp", "recognize_corpus", "link_entities", "link_pronouns"],
                       ids=[d.name for d in docs])
    by_entity: dict[str, set[tuple[str, str]]] = defaultdict(set)
    alone = []
    for doc, result in zip(docs, analysed):
        spans = _covering_spans(result)
        for gold in doc.mentions:
            overlap = [(min(end, gold.end) - max(start, gold.start), entity)
                       for start, end, head, entity in spans
                       if start < gold.end and gold.start < end and (head is None or gold.start <= head < gold.end)]
            if overlap:
                by_entity[max(overlap)[1]].add((doc.name, gold.m_id))
            else:
                alone.append({(doc.name, gold.m_id)})
    return [*by_entity.values(), *alone]


def _covering_spans(result) -> list[tuple[int, int, int | None, str]]:
    """(start, end, head offset, entity) of each linked name and reference; a name has no one head
    word (None): any overlap counts."""
    heads = {(n.start, n.end): n.head_start for n in result.nominals if n.head_start is not None}
    spans: list[tuple[int, int, int | None, str]] = []
    for m in result.mentions:
        if m.entity:
            spans.append((m.start, m.end, None, m.entity))
    for r in result.references:
        spans.append((r.start, r.end, heads.get((r.start, r.end), r.start), r.entity))
    return spans


def coref_scores(key: list[set], response: list[set]) -> dict:
    from scorch import scores

    out = {}
    for name, metric in (("muc", scores.muc), ("b_cubed", scores.b_cubed), ("ceaf_e", scores.ceaf_e)):
        recall, precision, f1 = metric(key, response)
        out[name] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
    out["conll_f1"] = round(sum(out[m]["f1"] for m in ("muc", "b_cubed", "ceaf_e")) / 3, 4)
    return out


def _only(clusters: list[set], kept: set) -> list[set]:
    return [c & kept for c in clusters if c & kept]


def _scored(key: list[set], systems: dict[str, list[set]], kept: set) -> dict:
    key = _only(key, kept)
    return {"gold_mentions": len(kept), "gold_entities": len(key),
            **{name: coref_scores(key, _only(clusters, kept)) for name, clusters in systems.items()}}


def evaluate_coref(directory: Path, classes: tuple[str, ...],
                   systems: dict[str, Callable[[list[EcbDocument]], list[set]]]) -> dict:
    """Each system's clusters of the ``classes`` markables, topic by topic, scored on the mentions
    in a relation and (``all_markables``) on every markable."""
    key: list[set] = []
    found: dict[str, list[set]] = {name: [] for name in systems}
    validated, everything = set(), set()
    n_docs = 0
    for files in topics(directory).values():
        docs = [read_ecb(f, classes) for f in files]
        n_docs += len(docs)
        for doc in docs:
            everything |= {(m.doc, m.m_id) for m in doc.mentions}
            validated |= {(m.doc, m.m_id) for m in doc.mentions if m.validated}
        key += gold_clusters(docs)
        for name, clusters_of in systems.items():
            found[name] += clusters_of(docs)
    return {"folder": str(directory), "documents": n_docs, **_scored(key, found, validated),
            "all_markables": _scored(key, found, everything)}


def evaluate(directory: Path) -> dict:
    return evaluate_coref(directory, ENTITY_CLASSES,
                          {"exact_match_baseline": exact_match_clusters, "newsline": newsline_clusters})
