"""Contradictions on real copy: what newsline raises over whole Timeline17 topics, against labels a
reader wrote (``evalsets/contradictions-t17/labels.json``).

The labels name each raised pair by its topic, the two articles (``<date folder>/<file>``), each
claim's words and the first words of its sentence, with true or false and why, in the reader's
own words; the articles are not copied. Topics are split before labelling into ``tune`` (read
while the gate in ``compare/conflicts.py`` was built) and ``blind`` (only counted while building,
labelled once the gate was frozen): precision on the blind topics is the figure nobody tuned on.
``missed`` lists true conflicts found by reading that newsline should raise, for recall.

A pair raised that no label names is counted as unjudged and listed, never scored as either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import Corpus
from ..store import Store
from .flags import CONTRADICTION_KINDS, FlagSetError, analyse_collection, load_labels_json

SENTENCE_KEY = 40  # characters of a sentence's start that name it in a label


def read_labels_file(path: Path, items: str) -> dict:
    """A labels file of the real-copy evaluations: JSON with disjoint ``tune`` and ``blind`` topic
    lists and a list of ``items``."""
    labels = load_labels_json(path, "write the real-copy labels there (see the README beside it)")
    splits = labels.get("topics", {})
    topics = [topic for split in splits.values() for topic in split]
    if not splits.get("tune") or not splits.get("blind") or len(topics) != len(set(topics)):
        raise FlagSetError(f"{path}: 'topics' needs non-empty 'tune' and 'blind' lists (and any later blind "
                           "round), disjoint: no topic in two")
    if not isinstance(labels.get(items, []), list):
        raise FlagSetError(f"{path}: '{items}' must be a list")
    labels.setdefault(items, [])
    return labels


def read_conflict_labels(path: Path) -> dict:
    labels = read_labels_file(path, items="judged")
    for item in labels.get("judged", []) + labels.get("missed", []):
        if len(item.get("claims", [])) != 2 or "topic" not in item:
            raise FlagSetError(f"{path}: {item}: a label needs a topic and two claims")
    return labels


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def claim_key(file: str, text: str, sentence: str) -> tuple[str, str, str]:
    return (file, _words(text), _words(" ".join(sentence.split())[:SENTENCE_KEY]))


def pair_key(topic: str, claims: list[dict]) -> tuple[str, frozenset]:
    return (topic, frozenset(claim_key(c["file"], c["text"], c["sentence"]) for c in claims))


def raised_pairs(topic: str, corpus: Corpus) -> list[dict]:
    """The contradictions newsline raised in one topic, each as a label would name it."""
    files = {d.id: "/".join(Path(d.path).parts[-2:]) for d in corpus.documents}
    pairs = []
    for c in corpus.comparisons:
        if c.verdict != "contradiction":
            continue
        claims = [{"file": files[r.document], "text": r.text, "sentence": " ".join(r.sentence.split())}
                  for r in c.claims]
        pairs.append({"topic": topic, "kind": CONTRADICTION_KINDS[c.kind.value], "explanation": c.explanation,
                      "dispute": f"{c.kind.value}: {c.about}: {' / '.join(sorted(r.value or '' for r in c.claims))}",
                      "claims": claims})
    return pairs


REUTERS_PREFIX = "reuters-"  # a topic "reuters-crude" is Reuters-21578's stories labelled "crude"


def topic_inputs(root: Path, topic: str, workdir: Path, reuters: Path | None) -> list[Path]:
    """The files ``newsline run`` reads for a topic: a Timeline17 topic's articles, or a Reuters-21578
    topic's stories written as one JSONL file."""
    if not topic.startswith(REUTERS_PREFIX):
        return sorted((root / topic / "InputDocs").glob("*/*"))
    if reuters is None:
        raise FlagSetError(f"topic {topic!r} is a Reuters-21578 topic: give the collection with --reuters DIR "
                           "(or its analysis with --stores)")
    from .reuters import ReutersError, write_topic

    out = workdir / topic / f"{topic}.jsonl"
    try:
        write_topic(reuters, topic.removeprefix(REUTERS_PREFIX), out)
    except ReutersError as exc:
        raise FlagSetError(str(exc)) from None
    return [out]


def topic_corpus(root: Path, topic: str, workdir: Path, stores: Path | None,
                 again: Callable[[Corpus], None], reuters: Path | None = None) -> Corpus:
    """A topic's analysis: from a store ``newsline run`` made of it (the stage under evaluation run
    ``again`` with the code at hand), or from a fresh run of its articles."""
    if stores is not None:
        db = stores / topic / "newsline.db"
        if not db.is_file():
            raise FlagSetError(f"{db}: missing; make it with newsline run <the topic's articles> "
                               f"--out {stores / topic}, or leave out --stores")
        with Store(db, read_only=True) as store:
            corpus = store.load_corpus()
        again(corpus)
        return corpus
    return analyse_collection(topic_inputs(root, topic, workdir, reuters), workdir, f"real-{topic}")


def _compare_again(corpus: Corpus) -> None:
    from ..compare.contradictions import compare_claims
    from ..pretrained import shared_embeddings

    corpus.comparisons = compare_claims(corpus.documents, shared_embeddings())


def score_split(raised: list[dict], labels: dict, topics: list[str], articles: int) -> dict:
    judged = {pair_key(item["topic"], item["claims"]): item for item in labels.get("judged", [])}
    true_pairs = {k for k, item in judged.items() if item["true"] and k[0] in topics}
    true_pairs |= {pair_key(m["topic"], m["claims"]) for m in labels.get("missed", []) if m["topic"] in topics}
    verdicts: Counter[str] = Counter()
    unjudged: list[dict] = []
    false_alarms: list[dict] = []
    disputes: dict[tuple[str, str], list[bool]] = {}
    found = set()
    for pair in raised:
        key = pair_key(pair["topic"], pair["claims"])
        found.add(key)
        item = judged.get(key)
        if item is None:
            verdicts["unjudged"] += 1
            unjudged.append(pair)
            continue
        verdicts["true" if item["true"] else "false"] += 1
        disputes.setdefault((pair["topic"], pair["dispute"]), []).append(bool(item["true"]))
        if not item["true"]:
            false_alarms.append({**pair, "why": item.get("why", "")})
    judged_count = verdicts["true"] + verdicts["false"]
    return {
        "topics": topics, "articles": articles, "raised": len(raised),
        "per_100_articles": round(100 * len(raised) / articles, 1) if articles else None,
        "true": verdicts["true"], "false": verdicts["false"], "unjudged": verdicts["unjudged"],
        "precision": round(verdicts["true"] / judged_count, 3) if judged_count else None,
        "disputes": len(disputes), "true_disputes": sum(all(v) for v in disputes.values()),
        "recall": round(len(true_pairs & found) / len(true_pairs), 3) if true_pairs else None,
        "true_pairs_known": len(true_pairs),
        "false_alarms": false_alarms, "unjudged_pairs": unjudged,
    }


def per_split(root: Path, labels: dict, workdir: Path, stores: Path | None, again: Callable[[Corpus], None],
              found_in: Callable[[str, Corpus], list[Any]], reuters: Path | None = None
              ) -> dict[str, tuple[list[Any], int]]:
    """For each split of the topics apart (``tune``, ``blind``, and any later blind round): what
    ``found_in`` finds in each topic's analysis, and how many articles the topics hold."""
    result = {}
    for split, topics in labels["topics"].items():
        found: list[Any] = []
        articles = 0
        for topic in topics:
            corpus = topic_corpus(root, topic, workdir, stores, again, reuters)
            articles += len(corpus.documents)
            found += found_in(topic, corpus)
        result[split] = (found, articles)
    return result


def evaluate_real_conflicts(root: Path, labels_path: Path, workdir: Path, stores: Path | None = None,
                            reuters: Path | None = None) -> dict:
    """Raise contradictions over each labelled topic and score them against the labels, per split."""
    labels = read_conflict_labels(labels_path)
    splits = per_split(root, labels, workdir, stores, _compare_again, raised_pairs, reuters)
    return {split: score_split(raised, labels, labels["topics"][split], articles)
            for split, (raised, articles) in splits.items()}


def ecb_conflicts(directory: Path, workdir: Path) -> dict:
    """The contradictions raised over ECB+ (each topic's texts as one collection of plain-text
    reports): how many, per 100 texts, and every pair for reading. ECB+ is real news about pairs of
    like events (two quakes, two shootings), mostly undated: the copy where time tells least."""
    from .ecb import read_ecb, topics

    raised: list[dict] = []
    texts = 0
    for topic, files in topics(directory).items():
        folder = workdir / f"ecb-{topic}"
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for file in files:
            path = folder / f"{file.stem}.txt"
            path.write_text(read_ecb(file).text + "\n", encoding="utf-8")
            paths.append(path)
        corpus = analyse_collection(paths, workdir, f"ecb-{topic}")
        texts += len(corpus.documents)
        raised += raised_pairs(topic, corpus)
    return {"texts": texts, "raised": len(raised),
            "per_100_texts": round(100 * len(raised) / texts, 1) if texts else None,
            "by_kind": dict(Counter(p["kind"] for p in raised)), "pairs": raised}
