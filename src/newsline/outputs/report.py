"""report.json: the public, versioned contract, one typed model.

``Report`` is what ``newsline run`` writes as report.json and what report.html, the Markdown export,
``newsline show`` and the HTTP API's responses are made from. Its JSON Schema
(``schema/report.schema.json``) is generated from it (``python -m newsline.outputs.report``); a test
fails when the committed schema and the model differ.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from .. import __version__
from ..model import (
    ClaimRecord,
    Comparison,
    Corpus,
    Document,
    Entity,
    EntityFraming,
    Event,
    EventRecord,
    Flag,
    KeyDate,
    Model,
    PublishedDate,
    TimelineEntry,
    TimexValue,
)

# 1.1 added key_dates; 1.2 the attributions of events; 1.3 claims, contradictions, framing; 1.4 "source" kept for
# one meaning only: an event's "sources" are its "attributions", a date's "source" its "origin", and framing
# lists "documents"; 1.5 events' "aside" (why an event is kept out of the main timeline), "dates_reported",
# "reported_happened", "announced" and "evidence"
SCHEMA_VERSION = "1.5"
SCHEMA_ID = f"https://newsline.invalid/schema/report-{SCHEMA_VERSION}.json"


class RemovedText(Model):
    """Page furniture the cleaner took out, and why."""

    text: str
    reason: str


class DocumentProblem(Model):
    """A coded problem met while a document was analysed (W040: not English)."""

    code: str
    message: str
    stage: str | None = None
    hint: str = ""


class ReportDocument(Model):
    """One document: its cleaned text, where its date came from, what was removed, its flags, claims
    and time expressions; every ``start``/``end`` is an offset into ``text``."""

    id: str
    path: str
    """As given; ``file.jsonl:LINE`` for a JSONL record."""
    url: str | None
    title: str | None
    author: str | None
    format: Literal["text", "html", "jsonl"]
    encoding: str | None
    language: str | None
    published: PublishedDate
    text: str
    removed: list[RemovedText]
    flags: list[Flag]
    claims: list[ClaimRecord]
    errors: list[DocumentProblem]
    temporal_expressions: list[TimexValue]


class ReportEvent(EventRecord):
    documents: int
    """How many documents report it."""
    evidence: list[str] = Field(default_factory=list)
    """What the reports say of its date and whether it happened, in words: "3 reports say 28
    February 2023, 1 says 1 March 2023"; "announced in advance by 2, reported as happened by 1"."""


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _day_words(start: str, end: str | None) -> str:
    def one(value: str) -> str:
        parts = value.split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else value
    return one(start) if not end or end == start else f"{one(start)} to {one(end)}"


def _reports(n: int) -> str:
    return f"{n} reports say" if n != 1 else "1 says"


def evidence_words(event: Event) -> list[str]:
    """The event's evidence as a reader says it: the dates its reports give when they disagree, and
    how many announced it in advance against how many report it happened."""
    lines = []
    if event.dates_reported:
        said = [f"{_reports(len(r.documents))} {_day_words(r.start, r.end)}" for r in event.dates_reported]
        lines.append(", ".join(said))
    if event.announced:
        lines.append(f"announced in advance by {event.announced}, reported as happened by {event.reported_happened}")
    return lines


class Failure(Model):
    """An input that could not be read or analysed, with what to do about it."""

    code: str
    message: str
    path: str | None = None
    hint: str = ""


class Generator(Model):
    name: Literal["newsline"] = "newsline"
    version: str


class Stats(Model):
    documents: int
    entities: int
    events: int
    timeline_dates: int
    failures: int


class Report(Model):
    """What `newsline run` writes to DIR/report.json: a collection's documents, entities, events (the
    timeline), key dates, how the sources compare and frame things, and the inputs that failed.
    Offsets (start, end) are character offsets into the cleaned `text` of the document they name."""

    schema_version: str
    generator: Generator
    generated_at: str
    """When the report was made (ISO 8601, UTC)."""
    stats: Stats
    documents: list[ReportDocument]
    entities: list[Entity]
    events: list[ReportEvent]
    timeline: list[TimelineEntry]
    """Events by date, most widely reported first."""
    key_dates: list[KeyDate]
    """The date-wise summary: the days the articles point at most, in date order."""
    contradictions: list[Comparison]
    """Claims of two sources that differ: contradictions, updates and compatible differences."""
    agreements: list[Comparison]
    framing: list[EntityFraming]
    failures: list[Failure]


def document_record(doc: Document) -> ReportDocument:
    return ReportDocument(
        id=doc.id, path=doc.path, url=doc.url, title=doc.title, author=doc.author, format=doc.format,
        encoding=doc.encoding, language=doc.language, published=doc.published, text=doc.text,
        removed=[RemovedText(text=r.text, reason=r.reason) for r in doc.removed], flags=doc.flags,
        claims=[ClaimRecord.model_validate(c.model_dump(include=set(ClaimRecord.model_fields))) for c in doc.claims],
        errors=[DocumentProblem(code=e.code, message=e.message, stage=e.stage, hint=e.hint) for e in doc.errors],
        temporal_expressions=[TimexValue.model_validate(tx.model_dump(include=set(TimexValue.model_fields)))
                              for tx in doc.temporal_expressions],
    )


def build_report(corpus: Corpus) -> Report:
    events = [ReportEvent(**e.model_dump(include=set(EventRecord.model_fields)),
                          documents=len({c.document for c in e.citations}), evidence=evidence_words(e))
              for e in corpus.events]
    return Report(
        schema_version=SCHEMA_VERSION,
        generator=Generator(version=__version__),
        generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        stats=Stats(documents=len(corpus.documents), entities=len(corpus.entities), events=len(corpus.events),
                    timeline_dates=len(corpus.timeline), failures=len(corpus.failures)),
        documents=[document_record(d) for d in corpus.documents],
        entities=corpus.entities,
        events=events,
        timeline=corpus.timeline,
        key_dates=corpus.key_dates,
        contradictions=[c for c in corpus.comparisons if c.verdict != "agreement"],
        agreements=[c for c in corpus.comparisons if c.verdict == "agreement"],
        framing=corpus.framing,
        failures=[Failure(code=f.code, message=f.message, path=f.path, hint=f.hint) for f in corpus.failures],
    )


def report_json(report: Report) -> dict[str, Any]:
    """The report as report.json holds it: plain JSON values (enums as their values)."""
    return report.model_dump(mode="json")


def write_json(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report_json(report), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # never leave a half-written report behind


def generated_schema() -> dict[str, Any]:
    """The JSON Schema of report.json, from the model."""
    body = Report.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, "title": "newsline report",
            **body}


def schema() -> dict[str, Any]:
    """The committed schema (what ``python -m newsline.outputs.report`` last wrote)."""
    return json.loads(resources.files("newsline.outputs").joinpath("schema/report.schema.json").read_text("utf-8"))


if __name__ == "__main__":  # regenerate the committed schema
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("schema") / "report.schema.json"
    target.write_text(json.dumps(generated_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
