"""Find inputs and turn each into a ``Document`` (or a specific ``InputError``).

Formats: ``.txt``; ``.html``/``.htm`` through trafilatura; ``.jsonl`` with one article a line;
any of them gzipped; folders of them, recursively, including the ``<YYYY-MM-DD>/<file>`` layout
whose folder name is a publication date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from ..errors import InputError
from ..model import DateCandidate, DateOrigin, Document
from .decode import decode, read_bytes

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_BYTES = 10_000_000
_DATE_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body)", re.I)


def kind_of(path: Path) -> str | None:
    """'text', 'html', 'jsonl' or None, from the name (a .gz takes its inner suffix)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in TEXT_SUFFIXES:
        return "text"
    if last in HTML_SUFFIXES:
        return "html"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    return None


def discover(inputs: list[str]) -> Iterator[tuple[Path, str] | InputError]:
    """Yield (path, shown path) for every supported file under the inputs, in a stable order.

    A file named explicitly with an unsupported suffix is an error; inside a folder such files are
    skipped, as are hidden files.
    """
    for given in inputs:
        path = Path(given)
        if not os.path.lexists(given):
            yield InputError("E001", given)
        elif path.is_dir():
            yield from _walk(path, given)
        elif kind_of(path) is None:
            yield InputError("E003", given, suffix="".join(path.suffixes) or "(none)")
        else:
            yield path, given


def _walk(folder: Path, shown: str) -> Iterator[tuple[Path, str] | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError("E002", shown, detail=exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child_shown = os.path.join(shown, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield InputError("E002", child_shown, detail=exc.strerror or str(exc))
            continue
        if is_dir:
            yield from _walk(Path(entry.path), child_shown)
        elif kind_of(Path(entry.name)) is not None:
            yield Path(entry.path), child_shown


def content_id(kind: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def folder_date(path: Path) -> str | None:
    match = _DATE_FOLDER.match(path.parent.name)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def read_path(path: Path, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every document in one file (several for JSONL), or the errors met reading it."""
    kind = kind_of(path)
    try:
        text, encoding = decode(read_bytes(path, shown, max_bytes), shown)
    except InputError as err:
        yield err
        return
    folder = folder_date(path)
    if kind == "jsonl":
        yield from _jsonl_documents(text, shown, encoding)
        return
    if kind == "text" and _HTML_START.match(text[:512]):
        kind = "html"  # saved pages often come as .txt
    try:
        doc = html_document(text, shown) if kind == "html" else text_document(text, shown)
    except InputError as err:
        yield err
        return
    doc.encoding = encoding
    doc.folder_date = folder
    if folder:
        doc.given_dates.append(
            DateCandidate(date=folder, origin=DateOrigin.FOLDER_NAME, confidence=0.9,
                          evidence=path.parent.name)
        )
    yield doc


def text_document(text: str, shown: str, doc_id: str | None = None) -> Document:
    return Document(id=doc_id or content_id("text", text), path=shown, format="text", raw_text=text)


def html_document(html: str, shown: str, doc_id: str | None = None, url: str | None = None) -> Document:
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        # Metadata only: the extensive search turns any year in the page into a "date".
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or isinstance(extracted, dict):  # a dict only when asked for one
        raise InputError("E030", shown)
    body = (extracted.text or "").strip()
    if not body:
        raise InputError("E030", shown)
    doc = Document(
        id=doc_id or content_id("html", html), path=shown, format="html", raw_text=body,
        given_title=extracted.title, url=url or extracted.url, author=extracted.author,
        markup_chars=len(html) - len(body),
    )
    if extracted.date:
        doc.given_dates.append(DateCandidate(
            date=extracted.date, origin=DateOrigin.METADATA, confidence=0.85,
            evidence="HTML metadata (htmldate)",
        ))
    return doc


def _jsonl_documents(text: str, shown: str, encoding: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError("E020", shown, line=number, detail=exc.msg)
            continue
        try:
            doc = _jsonl_document(record, where, number)
        except InputError as err:
            yield err
            continue
        doc.encoding = encoding
        yield doc


def _jsonl_document(record: object, where: str, number: int) -> Document:
    shown = where.rsplit(":", 1)[0]
    if not isinstance(record, dict):
        raise InputError("E021", shown, line=number, detail="not a JSON object")
    body, html = record.get("text"), record.get("html")
    if not isinstance(body, str) and not isinstance(html, str):
        raise InputError("E021", shown, line=number, detail="has neither 'text' nor 'html' as a string")
    given_id = record.get("id")
    doc_id = f"{given_id}" if given_id not in (None, "") else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    if isinstance(body, str) and body.strip():
        doc = text_document(body, where, doc_id)
        doc.format = "jsonl"
    elif isinstance(html, str):
        doc = html_document(html, where, doc_id, url)
        doc.format = "jsonl"
    else:
        raise InputError("E021", shown, line=number, detail="'text' is empty")
    doc.url = url or doc.url
    if isinstance(record.get("title"), str) and record["title"].strip():
        doc.given_title = record["title"].strip()
    published = record.get("published")
    if published not in (None, ""):
        day = _iso_day(published)
        if day is None:
            raise InputError("E022", shown, line=number, detail=published)
        doc.given_dates.append(DateCandidate(
            date=day, origin=DateOrigin.JSONL_FIELD, confidence=0.9, evidence=str(published)
        ))
    return doc


def _iso_day(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().replace("Z", "+00:00")
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return (parsed.date() if isinstance(parsed, dt.datetime) else parsed).isoformat()
    return None
