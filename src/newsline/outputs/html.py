"""report.html: one self-contained page (no scripts, no external assets), every text escaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .report import Report, report_json

_ENV = Environment(loader=PackageLoader("newsline", "outputs/templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    full_stop = text.rfind(". ", 0, start)
    left = max(full_stop + 2 if full_stop != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return left, (min(stops) + 1 if stops else len(text))


def excerpt(texts: dict[str, str], document: str, start: int | None, end: int | None, fallback: str = "") -> Markup:
    """The sentence around ``start:end`` of a document, the span itself marked: the evidence is
    shown where it stands, so a reader can check it."""
    text = texts.get(document, "")
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return Markup(escape(fallback))
    left, right = _sentence_bounds(text, start, end)
    return Markup(f"{escape(text[left:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:right])}")


def render_html(model: Report) -> str:
    """The page, from the report as report.json holds it (the template reads plain values)."""
    report = report_json(model)
    texts = {d["id"]: d["text"] for d in report["documents"]}
    return _ENV.get_template("report.html").render(
        **report,
        excerpt=lambda document, start, end, fallback="": excerpt(texts, document, start, end, fallback),
        events_by_id={e["id"]: e for e in report["events"]},
        entity_names={e["id"]: e["name"] for e in report["entities"]},
        doc_titles={d["id"]: d["title"] or d["path"] for d in report["documents"]},
    )


def write_html(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_html(report), encoding="utf-8")
    tmp.replace(path)
