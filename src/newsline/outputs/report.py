"""report.json: the public, versioned contract (documented by ``schema/report.schema.json``)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import Corpus, Document

SCHEMA_VERSION = "1.3"  # 1.1 added key_dates; 1.2 the sources of events; 1.3 claims, contradictions, framing


def schema() -> dict[str, Any]:
    return json.loads(resources.files("newsline.outputs").joinpath("schema/report.schema.json").read_text("utf-8"))


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "url": doc.url,
        "title": doc.title,
        "author": doc.author,
        "format": doc.format,
        "encoding": doc.encoding,
        "language": doc.language,
        "published": doc.published.model_dump(mode="json"),
        "text": doc.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "flags": [f.model_dump(mode="json") for f in doc.flags],
        "claims": [
            c.model_dump(mode="json", exclude={"mention", "context", "scope_timex", "speaker_start"})
            for c in doc.claims
        ],
        "errors": [e.model_dump(mode="json", exclude={"path"}) for e in doc.errors],
        "temporal_expressions": [
            tx.model_dump(mode="json", include={"start", "end", "text", "type", "value", "start_date", "end_date"})
            for tx in doc.temporal_expressions
        ],
    }


def build_report(corpus: Corpus) -> dict[str, Any]:
    events = []
    for event in corpus.events:
        record = event.model_dump(mode="json", exclude={"timex", "duration_days"})
        record["documents"] = len({c.document for c in event.citations})
        events.append(record)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "newsline", "version": __version__},
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "stats": {
            "documents": len(corpus.documents),
            "entities": len(corpus.entities),
            "events": len(corpus.events),
            "timeline_dates": len(corpus.timeline),
            "failures": len(corpus.failures),
        },
        "documents": [document_record(d) for d in corpus.documents],
        "entities": [e.model_dump(mode="json") for e in corpus.entities],
        "events": events,
        "timeline": [t.model_dump(mode="json") for t in corpus.timeline],
        "key_dates": [k.model_dump(mode="json") for k in corpus.key_dates],
        "contradictions": [c.model_dump(mode="json") for c in corpus.comparisons if c.verdict != "agreement"],
        "agreements": [c.model_dump(mode="json") for c in corpus.comparisons if c.verdict == "agreement"],
        "framing": [f.model_dump(mode="json") for f in corpus.framing],
        "failures": [f.model_dump(mode="json", exclude={"stage"}) for f in corpus.failures],
    }


def write_json(report: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # never leave a half-written report behind
