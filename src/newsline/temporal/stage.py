"""Document stages that find time expressions and resolve them against the publication date."""

from __future__ import annotations

import datetime as dt

from ..model import Document, TemporalExpression, TimexType
from ..registry import Context, stage
from .patterns import find_expressions
from .resolve import resolve_all
from .tense import direction_of, span_for


def tag_text(text: str, parsed=None) -> list[TemporalExpression]:
    """Time expressions of ``text``, each with the direction of its clause when a parse is given."""
    out = []
    for found in find_expressions(text):
        tx = TemporalExpression(
            start=found.start, end=found.end, text=found.text, type=TimexType(found.kind),
            rule=found.rule, params=found.params,
        )
        if parsed is not None and found.kind == "DATE":
            span = span_for(parsed, found.start, found.end)
            if span is not None:
                tx.direction = direction_of(span)  # type: ignore[assignment]
        out.append(tx)
    return out


@stage("timex", scope="document", reads=["document.text", "parse"],
       writes=["document.temporal_expressions"])
def timex_stage(documents: list[Document], ctx: Context) -> None:
    """Find time expressions and the tense of the clause each one sits in."""
    parses = ctx.scratch.get("parses", {})
    for doc in documents:
        doc.temporal_expressions = tag_text(doc.text, parses.get(doc.id))


def anchor_of(doc: Document) -> dt.date | None:
    return dt.date.fromisoformat(doc.published.date) if doc.published.date else None


@stage("resolve_time", scope="document", reads=["document.temporal_expressions", "document.published"],
       writes=["document.temporal_expressions"])
def resolve_time_stage(documents: list[Document], ctx: Context) -> None:
    """Normalise every time expression against the document's publication date."""
    for doc in documents:
        resolve_all(doc.temporal_expressions, anchor_of(doc))
