"""Document stages that find time expressions and resolve them against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Document, TemporalExpression, TimexType
from ..registry import Context, stage
from .find import Found, find_expressions
from .resolve import resolve_all
from .tense import direction_of, in_present_perfect, span_for

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Rules whose value depends on which way the clause looks (past or future).
DIRECTED_RULES = {
    "month_day",
    "day_month",
    "weekday",
    "month_alone",
    "season",
    "clock",
    "weekend",
    "holiday",
    "quarter",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])|\n\s*\n|\n(?=[A-Z\"'“(])")


def _needs_direction(found: Found) -> bool:
    return found.rule in DIRECTED_RULES and found.params.offset is None and found.params.y is None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, cut by punctuation and line breaks (no parse needed)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 1500), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def tag_text(text: str, parsed: Doc | None = None,
             parser: Callable[[str], Doc] | None = None) -> list[TemporalExpression]:
    """Time expressions of ``text``, each with the direction of its clause.

    The direction comes from ``parsed`` (the whole document's parse) when the pipeline has one, or
    else from ``parser`` run on just the sentences that need it: most expressions do not.
    """
    out: list[TemporalExpression] = []
    parsed_sentences: dict[tuple[int, int], Doc] = {}
    for found in find_expressions(text):
        kind = "TIME" if found.kind == "DATE" and found.params.part else found.kind
        tx = TemporalExpression(start=found.start, end=found.end, text=found.text, type=TimexType(kind),
                                rule=found.rule, params=found.params)
        if (parsed is not None and kind in ("DATE", "TIME")) or _needs_direction(found):
            tx.direction = _direction(text, found, parsed, parser, parsed_sentences)  # type: ignore[assignment]
        if parsed is not None and found.params.y and (span := span_for(parsed, found.start, found.end)) \
                and in_present_perfect(span):
            tx.params.perfect = True  # "has remained steady throughout 2023" bounds an undated text's date
        out.append(tx)
    return out


def _direction(text: str, found: Found, parsed: Doc | None, parser: Callable[[str], Doc] | None,
               cache: dict[tuple[int, int], Doc]) -> str:
    if parsed is not None:
        span = span_for(parsed, found.start, found.end)
        return direction_of(span) if span is not None else "none"
    if parser is None:
        return "none"
    left, right = sentence_bounds(text, found.start, found.end)
    if (left, right) not in cache:
        cache[(left, right)] = parser(text[left:right])
    span = span_for(cache[(left, right)], found.start - left, found.end - left)
    return direction_of(span) if span is not None else "none"


def tag_and_resolve(text: str, anchor: dt.date | None, parsed: Doc | None = None,
                    parser: Callable[[str], Doc] | None = None) -> list[TemporalExpression]:
    """Tag ``text`` and resolve every expression against ``anchor`` (the evaluation entry point)."""
    expressions = tag_text(text, parsed, parser)
    resolve_all(expressions, anchor)
    return expressions


@stage("timex", scope="document", reads=["document.text", "batch.parses"],
       writes=["document.temporal_expressions"])
def timex_stage(documents: list[Document], ctx: Context) -> None:
    """Find time expressions and the tense of the clause each one sits in."""
    parses = ctx.parses
    for doc in documents:
        doc.temporal_expressions = tag_text(doc.text, parses.get(doc.id))


def anchor_of(doc: Document) -> dt.date | None:
    return dt.date.fromisoformat(doc.published.date) if doc.published.date else None


@stage("resolve_time", scope="document", reads=["document.temporal_expressions", "document.published"],
       writes=["document.temporal_expressions.value", "document.temporal_expressions.start_date",
               "document.temporal_expressions.end_date", "document.temporal_expressions.granularity",
               "document.temporal_expressions.anchored_to"])
def resolve_time_stage(documents: list[Document], ctx: Context) -> None:
    """Normalise every time expression against the document's publication date."""
    for doc in documents:
        resolve_all(doc.temporal_expressions, anchor_of(doc))
