"""`newsline eval tls`: timeline summarisation on Timeline17-layout folders.

A topic folder holds ``InputDocs/<YYYY-MM-DD>/<article>`` (the folder is the publication date) and
``timelines/<name>.txt``, the gold timelines in tilse's text format: a date line, one sentence a
line, a line of dashes. For each gold timeline, newsline summarises the topic's articles published
between its first and last date into as many dates (all within that span) and the rounded mean
number of sentences per gold date, writes it to ``OUT/<topic>/<name>`` in the same format and
scores it (rouge.py). Each topic's analysed articles are kept in ``OUT/<topic>.db``, so a second
run only redoes the corpus stages and the summaries.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from .rouge import Timeline, align_rouge, date_prf, mean

DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DASHES = re.compile(r"^-{5,}$")


class TlsError(ValueError):
    """A topic folder or timeline file that cannot be used: the message names it and what to do."""


def read_timeline(path: Path) -> Timeline:
    """A timeline in tilse's text format. A date given twice keeps its later entry, as the reference
    (tilse's reader) keeps it: Timeline17's gold timelines repeat some dates, and the reference's
    scores count only the later entry's sentences."""
    timeline: Timeline = {}
    date = None
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = line.strip()
        if not line or DASHES.match(line):
            date = None if DASHES.match(line or "") else date
        elif date is None:
            if not DATE_LINE.match(line):
                raise TlsError(f"{path}:{number}: expected a date line (YYYY-MM-DD), found {line[:40]!r}")
            date = line
            timeline[date] = []  # a repeated date starts again
        else:
            timeline[date].append(line)
    if not timeline:
        raise TlsError(f"{path}: no dated entries; a timeline is date lines, sentences and dashed lines")
    return timeline


def write_timeline(timeline: Timeline, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for date in sorted(timeline):
        lines += [date, *timeline[date], "-" * 32]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Topic:
    name: str
    inputs: Path
    timelines: list[Path]


def topic_of(folder: Path) -> Topic:
    inputs, gold = folder / "InputDocs", sorted((folder / "timelines").glob("*.txt"))
    if not inputs.is_dir() or not gold:
        raise TlsError(f"{folder}: not a Timeline17-layout topic; it needs InputDocs/<date>/ and timelines/*.txt")
    return Topic(folder.name, inputs, gold)


def sentences_per_date(gold: Timeline) -> int:
    return max(1, round(sum(len(s) for s in gold.values()) / len(gold)))


def evaluate_topic(topic: Topic, out: Path) -> list[dict]:
    from ..pipeline import run
    from ..store import Store
    from ..timeline.key_dates import summarise

    out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    with Store(out / f"{topic.name}.db") as store:
        corpus = run([str(topic.inputs)], store).corpus
    analysed = time.perf_counter() - began
    results = []
    for path in topic.timelines:
        gold = read_timeline(path)
        first, last = min(gold), max(gold)
        summaries = summarise(corpus, max_dates=len(gold), sentences_per_date=sentences_per_date(gold),
                              first=first, last=last)
        system = {s.date: [" ".join(c.text.split()) for c in s.sentences] for s in summaries}
        write_timeline(system, out / topic.name / path.name)
        results.append({"topic": topic.name, "timeline": path.name, "gold_dates": len(gold),
                        "system_dates": len(system), "seconds_analysis": round(analysed, 1),
                        "scores": {"date": date_prf(system, gold), "rouge1": align_rouge(system, gold, 1),
                                   "rouge2": align_rouge(system, gold, 2)}})
    return results


def evaluate(folders: list[Path], out: Path) -> dict:
    topics = [topic_of(f) for f in folders]
    rows = [row for topic in topics for row in evaluate_topic(topic, out)]
    overall = {name: mean([r["scores"][name] for r in rows]).as_dict() for name in ("date", "rouge1", "rouge2")}
    for row in rows:
        row["scores"] = {name: prf.as_dict() for name, prf in row["scores"].items()}
    return {"timelines": rows, "mean": overall}
