"""Read and write TimeML (.tml) documents: the text, its creation time and its TIMEX3 tags.

The standard library's ElementTree parses the XML (entities included); we walk ``<TEXT>`` to keep
character offsets of every TIMEX3 into the tag-free text, which no TimeML library on PyPI does
without also pulling a model or a download.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)
    docid: str = ""


class TimeMLError(ValueError):
    """A .tml file that cannot be read: names the file and what is wrong."""


def _walk(element: ET.Element, parts: list[str], timexes: list[Timex], offset: list[int]) -> None:
    def add(chunk: str | None) -> None:
        if chunk:
            parts.append(chunk)
            offset[0] += len(chunk)

    start = offset[0]
    add(element.text)
    for child in element:
        _walk(child, parts, timexes, offset)
        add(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start:offset[0]]
        timexes.append(Timex(start, offset[0], element.get("type", ""), element.get("value", ""), text))


def read_tml(path: Path) -> TimeMLDoc:
    return parse_tml(path.read_bytes(), path)


def parse_tml(content: bytes | str, path: Path) -> TimeMLDoc:
    """A TimeML document from its XML; ``path`` names it in errors and gives its file name."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise TimeMLError(f"{path}: not well-formed TimeML XML ({exc}); fix or remove the file") from exc
    text_el = root.find("TEXT")
    if text_el is None:
        raise TimeMLError(f"{path}: no <TEXT> element; is this a TimeML document?")
    parts: list[str] = []
    timexes: list[Timex] = []
    text_el.tail = None
    _walk(text_el, parts, timexes, [0])
    dct_el = root.find("DCT/TIMEX3")
    dct = dct_el.get("value") if dct_el is not None else None
    if dct and not re.fullmatch(r"\d{4}-\d\d-\d\d", dct[:10]):
        dct = None
    docid = (root.findtext("DOCID") or path.stem).strip()
    return TimeMLDoc(path.name, "".join(parts), dct[:10] if dct else None,
                     sorted(timexes, key=lambda t: t.start), docid)


def render_tml(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    """A TimeML document with ``timexes`` inline in ``<TEXT>`` (non-overlapping, any order)."""
    out, cursor = [], 0
    for n, tx in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if tx.start < cursor:
            continue  # TimeML TIMEX3 tags do not overlap
        out.append(escape(doc.text[cursor:tx.start]))
        out.append(f'<TIMEX3 tid="t{n}" type="{tx.type}" value={quoteattr(tx.value)}>'
                   f"{escape(doc.text[tx.start:tx.end])}</TIMEX3>")
        cursor = tx.end
    out.append(escape(doc.text[cursor:]))
    dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{doc.dct}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{doc.dct}</TIMEX3></DCT>\n') if doc.dct else ""
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(doc.docid)}</DOCID>\n{dct}'
            f"<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n")
