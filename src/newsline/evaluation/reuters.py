"""Reuters-21578 (Distribution 1.0) as collections newsline can read.

The 22 SGML files hold 21,578 wire stories of 1987 with their wire timestamp (``<DATE>``), title,
dateline, body and topic labels. Stories with a body become JSONL records (``id``, ``title``,
``text``, ``published``) that ``newsline run`` reads as they are: a topic's stories are the coverage
of one running story by one wire (the ``crude`` topic: OPEC, prices, the Gulf), real copy none of
the project's rules was written on. An SGML reader is written here because no maintained package
reads this collection's dialect (``lewis.dtd``: unclosed ``&#3;`` markers, latin-1, malformed dates);
a regular expression per record is what its own documentation uses.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
# 333 <DATE> values carry trailing junk ("&#5;&#5;&#5;RM") or a double space (the collection's notes).
_WIRE_TIME = re.compile(r"(\d{1,2}-[A-Z]{3}-\d{4})\s+(\d{1,2}:\d\d:\d\d)")
_SIGN_OFF = re.compile(r"\s*\bReuter\s*$")


class ReutersError(ValueError):
    """A Reuters-21578 folder or file that cannot be read: the message names it and what to do."""


@dataclass(frozen=True)
class WireStory:
    newid: int
    published: str | None  # ISO date-time of the wire, None when its <DATE> is malformed
    title: str
    dateline: str
    body: str
    topics: tuple[str, ...]
    split: str  # LEWISSPLIT: TRAIN, TEST or NOT-USED


def _tag(record: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", record, re.S)
    return html.unescape(match.group(1)).replace("\x03", "").strip() if match else ""


def _wire_time(raw: str) -> str | None:
    match = _WIRE_TIME.search(raw)
    if match is None:
        return None
    try:
        when = datetime.strptime(f"{match.group(1)} {match.group(2)}", "%d-%b-%Y %H:%M:%S")
    except ValueError:
        return None  # NEWID 17192: "605:12:19", an hour that does not exist
    return when.isoformat()


def read_sgml(path: Path) -> Iterator[WireStory]:
    text = path.read_text(encoding="latin-1")  # one byte of reut2-017 is not UTF-8 (the notes)
    for match in _RECORD.finditer(text):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        record = match.group(2)
        body = _SIGN_OFF.sub("", _tag(record, "BODY"))
        yield WireStory(
            newid=int(attributes.get("NEWID", "0")),
            published=_wire_time(_tag(record, "DATE")),
            title=_tag(record, "TITLE"),
            dateline=_tag(record, "DATELINE").rstrip(" -"),
            body=body,
            topics=tuple(re.findall(r"<D>(.*?)</D>", _tag(record, "TOPICS"))),
            split=attributes.get("LEWISSPLIT", ""),
        )


def read_collection(directory: Path) -> Iterator[WireStory]:
    files = sorted(directory.glob("reut2-*.sgm"))
    if not files:
        raise ReutersError(f"{directory}: no reut2-NNN.sgm files; give the Reuters-21578 folder")
    for path in files:
        yield from read_sgml(path)


def topic_records(directory: Path, topic: str) -> list[dict]:
    """The stories labelled ``topic`` that have a body, as newsline's JSONL records."""
    records = []
    for story in read_collection(directory):
        if topic not in story.topics or not story.body:
            continue
        text = f"{story.dateline} - {story.body}" if story.dateline else story.body
        record = {"id": f"reuters-{story.newid}", "title": story.title, "text": text}
        if story.published:
            record["published"] = story.published
        records.append(record)
    if not records:
        raise ReutersError(f"{directory}: no story with a body is labelled {topic!r}")
    return records


def write_topic(directory: Path, topic: str, out: Path) -> int:
    """Write a topic's stories to ``out`` (JSONL); the number written."""
    records = topic_records(directory, topic)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)
