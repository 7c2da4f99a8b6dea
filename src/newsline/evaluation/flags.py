"""`newsline eval flags`: source-quality flags against a labelled set, and their false-positive rate
on professional copy.

A labelled set is a folder of stories, each a sub-folder of documents run as one collection (the
`spun` flag compares a document with the others of its collection, as a user's collection would),
and ``labels.json``::

    {"documents": {"<story>/<file>": {"flags": ["spun", ...]}, ...},
     "contradictions": [...]}

Every document of the set must be labelled (an empty list is a clean control). Precision and
recall are counted per flag kind over documents, and per contradiction kind (number, date,
ordinal, polarity) over the pairs of documents of a story that contradict each other: a pair found
with a contradiction of the labelled kind is a hit, any other pair found is a false alarm. Stories
listed under ``held_out`` in labels.json are also scored apart: written after the detectors were
frozen, they give the figure nobody tuned on.

The real-article check runs a sample of Timeline17 articles, spread evenly over its topics, each
topic as one collection, and reports the share of articles that raise each flag, and the
contradictions found among them, for reading (professional coverage of a running story disagrees
now and then for real, so these are not all false alarms).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Corpus, FlagKind
from ..store import Store

EVALUATED = [k.value for k in FlagKind]
TEXT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


class FlagSetError(ValueError):
    """A labelled set that cannot be used: the message names the file and what to do."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict] = field(default_factory=list)

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f = 2 * p * r / (p + r) if p and r else None
        return {"precision": _round(p), "recall": _round(r), "f1": _round(f), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def load_labels_json(path: Path, missing: str) -> dict:
    """A labels file, or a FlagSetError naming it and what to do (``missing``: where it belongs)."""
    if not path.is_file():
        raise FlagSetError(f"{path}: missing; {missing}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FlagSetError(f"{path}: not valid JSON ({exc})") from None


def read_labels(directory: Path) -> dict:
    path = directory / "labels.json"
    labels = load_labels_json(path, "a labelled set needs labels.json beside its story folders")
    documents = labels.get("documents", {})
    on_disk = {p.relative_to(directory).as_posix() for p in directory.glob("*/*") if p.suffix in TEXT_SUFFIXES}
    unlabelled, missing = sorted(on_disk - set(documents)), sorted(set(documents) - on_disk)
    if unlabelled or missing:
        raise FlagSetError(f"{path}: labels and files differ: unlabelled {unlabelled[:5]}, missing {missing[:5]}")
    for name, label in documents.items():
        unknown = set(label.get("flags", [])) - {k.value for k in FlagKind}
        if unknown:
            raise FlagSetError(f"{path}: {name}: unknown flag kinds {sorted(unknown)}")
    return labels


def analyse_collection(paths: list[Path], workdir: Path, name: str) -> Corpus:
    """Run ``paths`` as one collection through the default pipeline, in a store of its own."""
    from ..pipeline import run

    with Store(workdir / f"{name}.db") as store:
        return run([str(p) for p in paths], store).corpus


CONTRADICTION_KINDS = {"quantity": "number", "date": "date", "ordinal": "ordinal", "event": "polarity"}


def _gold_contradictions(labels: dict) -> set[tuple[str, str, frozenset[str]]]:
    gold = set()
    for item in labels.get("contradictions", []):
        if item.get("kind") not in CONTRADICTION_KINDS.values() or len(item.get("documents", [])) != 2:
            raise FlagSetError(f"labels.json: contradiction {item}: needs a kind among "
                               f"{sorted(CONTRADICTION_KINDS.values())} and two documents")
        gold.add((item["story"], item["kind"], frozenset(item["documents"])))
    return gold


def _found_contradictions(story: str, corpus: Corpus) -> dict[tuple[str, str, frozenset[str]], str]:
    names = {d.id: Path(d.path).name for d in corpus.documents}
    found: dict[tuple[str, str, frozenset[str]], str] = {}
    for c in corpus.comparisons:
        if c.verdict == "contradiction":
            key = (story, CONTRADICTION_KINDS[c.kind.value], frozenset(names[r.document] for r in c.claims))
            found.setdefault(key, f"{c.claims[0].text!r} / {c.claims[1].text!r}: {c.explanation}")
    return found


PairKey = tuple[str, str, frozenset[str]]  # story, kind, the two documents


def _score_contradictions(gold: set[PairKey], found: dict[PairKey, str]) -> dict[str, Counts]:
    counts = {kind: Counts() for kind in CONTRADICTION_KINDS.values()}
    # In a fixed order, so that two runs list the misses alike (a set's order changes with the hash seed).
    for key in sorted(gold | set(found), key=lambda k: (k[0], k[1], sorted(k[2]))):
        story, kind, pair = key
        c = counts[kind]
        where = f"{story}: {' / '.join(sorted(pair))}"
        if key in gold and key in found:
            c.tp += 1
        elif key in found:
            c.fp += 1
            c.errors.append({"documents": where, "error": "false positive", "explanation": found[key]})
        else:
            c.fn += 1
            c.errors.append({"documents": where, "error": "missed"})
    return counts


def _score_flags(outcomes: list[tuple[str, str, set[str], dict]]) -> dict[str, Counts]:
    """``outcomes``: (story, document, labelled kinds, raised flags by kind) per document."""
    counts = {kind: Counts() for kind in EVALUATED}
    for _story, name, gold, raised in outcomes:
        for kind in EVALUATED:
            hit, wanted, c = kind in raised, kind in gold, counts[kind]
            if hit and wanted:
                c.tp += 1
            elif hit:
                c.fp += 1
                c.errors.append({"document": name, "error": "false positive", "explanation": raised[kind].explanation})
            elif wanted:
                c.fn += 1
                c.errors.append({"document": name, "error": "missed"})
    return counts


def _summary(outcomes: list, gold_pairs: set, found: dict) -> dict:
    flags = _score_flags(outcomes)
    contradictions = _score_contradictions(gold_pairs, found)
    overall = Counts(tp=sum(c.tp for c in contradictions.values()), fp=sum(c.fp for c in contradictions.values()),
                     fn=sum(c.fn for c in contradictions.values()))
    return {"documents": len(outcomes), "stories": len({story for story, *_ in outcomes}),
            "flags": {kind: c.scores() for kind, c in flags.items()},
            "contradictions": {kind: c.scores() for kind, c in contradictions.items()},
            "contradictions_overall": overall.scores(),
            "errors": {kind: c.errors for kind, c in flags.items() if c.errors},
            "contradiction_errors": {kind: c.errors for kind, c in contradictions.items() if c.errors}}


def _held_out(labels: dict, stories: list[Path]) -> set[str]:
    held = set(labels.get("held_out", []))
    unknown = held - {s.name for s in stories}
    if unknown:
        raise FlagSetError(f"labels.json: held_out names stories that are not folders of the set: {sorted(unknown)}")
    return held


def score_labelled(directory: Path, workdir: Path) -> dict:
    """Scores over the whole set and, when ``labels.json`` lists ``held_out`` stories (written after
    the detectors were frozen), over those stories alone: the figure that was not tuned on."""
    all_labels = read_labels(directory)
    labels = all_labels["documents"]
    gold_pairs = _gold_contradictions(all_labels)
    stories = sorted(p for p in directory.iterdir() if p.is_dir())
    held = _held_out(all_labels, stories)
    found: dict = {}
    outcomes = []
    for story in stories:
        corpus = analyse_collection(sorted(story.iterdir()), workdir, story.name)
        found.update(_found_contradictions(story.name, corpus))
        for doc in corpus.documents:
            name = Path(doc.path).resolve().relative_to(directory.resolve()).as_posix()
            outcomes.append((story.name, name, set(labels[name].get("flags", [])),
                             {f.kind.value: f for f in doc.flags}))
        # A file whose content another file of the story repeats byte for byte is stored once; its
        # labels still count, as misses, so that dropping a document cannot raise a score.
        analysed = {o[1] for o in outcomes}
        for name in sorted(n for n in labels if n.startswith(f"{story.name}/") and n not in analysed):
            outcomes.append((story.name, name, set(labels[name].get("flags", [])), {}))
    result = _summary(outcomes, gold_pairs, found)
    if held:
        result["held_out"] = _summary([o for o in outcomes if o[0] in held],
                                      {g for g in gold_pairs if g[0] in held},
                                      {k: v for k, v in found.items() if k[0] in held})
    return result


def t17_sample(root: Path, size: int) -> dict[str, list[Path]]:
    """``size`` articles spread evenly over the topics under ``root`` and, within each, over time."""
    topics = sorted(p for p in root.iterdir() if (p / "InputDocs").is_dir())
    if not topics:
        raise FlagSetError(f"{root}: no Timeline17 topics (<topic>/InputDocs/<date>/<article>) found")
    sample = {}
    for rank, topic in enumerate(topics):
        files = sorted((topic / "InputDocs").glob("*/*"))
        share = size // len(topics) + (1 if rank < size % len(topics) else 0)
        step = max(1, len(files) // max(share, 1))
        sample[topic.name] = files[::step][:share]
    return sample


def false_positive_rates(root: Path, size: int, workdir: Path) -> dict:
    raised: Counter[str] = Counter()
    examples: dict[str, list[dict]] = {}
    contradictions: Counter[str] = Counter()
    contradiction_examples: list[dict] = []
    total = 0
    for topic, files in t17_sample(root, size).items():
        corpus = analyse_collection(files, workdir, f"t17-{topic}")
        total += len(corpus.documents)
        for c in corpus.comparisons:  # unlabelled: counted, and shown for reading, not scored
            if c.verdict == "contradiction":
                contradictions[CONTRADICTION_KINDS[c.kind.value]] += 1
                contradiction_examples.append({"topic": topic, "kind": CONTRADICTION_KINDS[c.kind.value],
                                               "explanation": c.explanation,
                                               "sentences": [r.sentence[:200] for r in c.claims]})
        for doc in corpus.documents:
            for flag in {f.kind.value: f for f in doc.flags}.values():
                raised[flag.kind.value] += 1
                examples.setdefault(flag.kind.value, []).append(
                    {"document": doc.path, "score": flag.score, "explanation": flag.explanation,
                     "evidence": [e.text[:160] for e in flag.evidence[:3]]})
    return {"articles": total,
            "rate": {kind: round(raised[kind] / total, 3) if total else None for kind in EVALUATED},
            "flagged": {kind: raised[kind] for kind in EVALUATED},
            "examples": examples,
            "contradictions": dict(contradictions), "contradiction_examples": contradiction_examples}


def evaluate(directory: Path, real: Path | None = None, sample: int = 200) -> dict:
    with tempfile.TemporaryDirectory(prefix="newsline-flags-") as tmp:
        result = {"labelled": score_labelled(directory, Path(tmp))}
        if real is not None:
            result["real"] = false_positive_rates(real, sample, Path(tmp))
    return result
