"""A Markdown timeline: dates, events with their sources, then the documents' dates and flags."""

from __future__ import annotations

from .report import Report


def render_markdown(report: Report) -> str:
    events = {e.id: e for e in report.events}
    titles = {d.id: d.title or d.path for d in report.documents}
    lines = ["# Timeline", ""]
    for entry in report.timeline:
        lines.append(f"## {entry.date}")
        lines.append("")
        for event_id in entry.events:
            event = events[event_id]
            modality = event.modality.value
            marker = "" if modality == "happened" else f" _({modality})_"
            sources = "; ".join(dict.fromkeys(titles.get(c.document, c.document) for c in event.citations))
            said = f" (according to {'; '.join(event.attributions)})" if event.attributions else ""
            evidence = f" ({'; '.join(event.evidence)})" if event.evidence else ""
            lines.append(f"- **{event.type}**{marker}: {event.summary}{said}{evidence} — {sources}")
        lines.append("")
    lines += ["# Documents", "", "| Document | Published | Date from | Flags |", "| --- | --- | --- | --- |"]
    for doc in report.documents:
        published = doc.published
        date = published.date or "unknown"
        if published.estimated:
            date += " (estimate)"
        flags = ", ".join(f.kind.value for f in doc.flags) or "—"
        title = (doc.title or doc.path).replace("|", "\\|")
        origin = published.origin.value if published.origin else "—"
        lines.append(f"| {title} | {date} | {origin} | {flags} |")
    return "\n".join(lines) + "\n"
