"""``newsline eval timex``: tag TimeML documents and score the result against their TIMEX3 tags."""

from __future__ import annotations

import datetime as dt
import functools
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..dating.timex import tag_and_resolve
from .metrics import Counts
from .timeml import TimeMLDoc, TimeMLError, Timex, read_tml, render_tml

Tagger = Callable[[str, dt.date | None], list[Timex]]


def newsline_tagger() -> Tagger:
    """The pipeline's own tagger: one spaCy parse for tense, then patterns and resolution."""
    from ..pretrained import load_nlp

    nlp = load_nlp()
    # Only sentences whose tense matters are parsed, and without the entity recogniser.
    sentence_parser = functools.partial(nlp, disable=["ner"])

    def tag(text: str, dct: dt.date | None) -> list[Timex]:
        expressions = tag_and_resolve(text, dct, parser=sentence_parser)
        return [Timex(tx.start, tx.end, tx.type.value, tx.value, tx.text) for tx in expressions if tx.value]

    return tag


def tml_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise TimeMLError(f"{directory}: no such file or directory; give a folder of TimeML .tml files")
    files = sorted(directory.rglob("*.tml"))
    if not files:
        raise TimeMLError(f"{directory}: no .tml files in it; give a folder of TimeML documents")
    return files


def evaluate(directory: Path, out_dir: Path, tagger: Tagger | None = None,
             on_error: Callable[[str], None] = lambda message: None) -> tuple[dict, Counts]:
    """Tag every .tml under ``directory``, write system files to ``out_dir``, return the scores."""
    tagger = tagger or newsline_tagger()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts, seconds, chars, failed = Counts(), 0.0, 0, 0
    files = tml_files(directory)
    for doc in _documents(files, on_error):
        if doc is None:
            failed += 1
            continue
        started = time.perf_counter()
        system = tagger(doc.text, dt.date.fromisoformat(doc.dct) if doc.dct else None)
        seconds += time.perf_counter() - started
        chars += len(doc.text)
        (out_dir / doc.name).write_text(render_tml(doc, system), encoding="utf-8")
        counts.add(doc.name, doc.timexes, system)
    scored = len(files) - failed
    result = {"documents": scored, "failed": failed, **counts.scores(),
              "ms_per_document": round(1000 * seconds / scored, 2) if scored else None,
              "ms_per_1000_chars": round(1000 * seconds / chars * 1000, 2) if chars else None}
    return result, counts


def _documents(files: list[Path], on_error: Callable[[str], None]) -> Iterator[TimeMLDoc | None]:
    for path in files:
        try:
            yield read_tml(path)
        except (TimeMLError, OSError) as exc:
            on_error(str(exc))
            yield None


def write_errors(counts: Counts, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for error in counts.errors:
            fh.write(json.dumps(error, ensure_ascii=False) + "\n")
