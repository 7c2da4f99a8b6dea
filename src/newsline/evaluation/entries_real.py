"""Timeline entries on real copy: the entries newsline puts on whole Timeline17 topics' timelines,
against entries a reader drew at random and labelled (``evalsets/timeline-t17/labels.json``).

An entry is good when it is a happening a source reports (done or scheduled), on the collection's
subject, dated as the source gives it. Labels name an entry by topic, article, date and the first
40 characters of its sentence. Samples drawn from the timeline before the selection in
``timeline/entries.py`` give the "before" figure; each split's precision "now" is over the labelled
entries still on the timeline (a random sample of it, as long as the labels were drawn from a
timeline that holds it); entries no label names are counted, not scored.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import Corpus
from .conflicts_real import claim_key, per_split, read_labels_file


def _timeline_again(corpus: Corpus) -> None:
    from ..registry import Context
    from ..timeline.by_date import timeline_stage

    timeline_stage(corpus, Context())


def entry_key(topic: str, file: str, date: str | None, sentence: str) -> tuple:
    return (topic, date, *claim_key(file, "", sentence))


def timeline_entries(topic: str, corpus: Corpus) -> list[tuple]:
    files = {d.id: "/".join(Path(d.path).parts[-2:]) for d in corpus.documents}
    on_timeline = {event_id for entry in corpus.timeline for event_id in entry.events}
    return [entry_key(topic, files[e.citations[0].document], e.start, e.citations[0].text)
            for e in corpus.events if e.id in on_timeline and e.citations]


def score_entries(entries: list[tuple], labels: dict, topics: list[str], articles: int) -> dict:
    judged = [j for j in labels["judged"] if j["topic"] in topics]
    by_key = {entry_key(j["topic"], j["file"], j["date"], j["sentence"]): j for j in judged}
    verdicts = Counter("unjudged" if k not in by_key else "good" if by_key[k]["good"] else "bad" for k in entries)
    scored = verdicts["good"] + verdicts["bad"]
    before = [j for j in judged if "before" in j.get("sample", "")]
    return {
        "topics": topics, "articles": articles, "entries": len(entries),
        "per_100_articles": round(100 * len(entries) / articles, 1) if articles else None,
        "good": verdicts["good"], "bad": verdicts["bad"], "unjudged": verdicts["unjudged"],
        "precision": round(verdicts["good"] / scored, 3) if scored else None,
        "before_sample": {"labelled": len(before), "good": sum(j["good"] for j in before),
                          "precision": round(sum(j["good"] for j in before) / len(before), 3) if before else None},
        "bad_entries": [{"file": by_key[k]["file"], "date": by_key[k]["date"], "why": by_key[k]["why"]}
                        for k in entries if k in by_key and not by_key[k]["good"]],
    }


def evaluate_entries(root: Path, labels_path: Path, workdir: Path, stores: Path | None = None,
                     reuters: Path | None = None) -> dict:
    labels = read_labels_file(labels_path, items="judged")
    splits = per_split(root, labels, workdir, stores, _timeline_again, timeline_entries, reuters)
    return {split: score_entries(entries, labels, labels["topics"][split], articles)
            for split, (entries, articles) in splits.items()}
