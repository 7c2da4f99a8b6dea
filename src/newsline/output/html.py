"""report.html: one self-contained page (no scripts, no external assets), every text escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

_ENV = Environment(loader=PackageLoader("newsline", "output/templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def render_html(report: dict[str, Any]) -> str:
    return _ENV.get_template("report.html").render(
        **report,
        events_by_id={e["id"]: e for e in report["events"]},
        entity_names={e["id"]: e["name"] for e in report["entities"]},
        doc_titles={d["id"]: d["title"] or d["path"] for d in report["documents"]},
    )


def write_html(report: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_html(report), encoding="utf-8")
    tmp.replace(path)
