"""The Markdown export, from a hand-built collection: dates, events with their attributions and
documents, values written as words (never as Python enum names), table cells escaped."""

from __future__ import annotations

from newsline.model import Citation, Corpus, DateOrigin, Document, Event, Modality, PublishedDate, TimelineEntry
from newsline.outputs.markdown import render_markdown
from newsline.outputs.report import build_report

EXPECTED = """# Timeline

## 2023-02-28

- **visit** _(planned)_: Lukashenko is due to arrive in Beijing. (according to his office) — Wire | report

# Documents

| Document | Published | Date from | Flags |
| --- | --- | --- | --- |
| Wire \\| report | 2023-02-27 (estimate) | content | — |
"""


def test_markdown_of_a_small_collection():
    summary = "Lukashenko is due to arrive in Beijing."
    doc = Document(id="d", path="d.txt", format="text", title="Wire | report", text=summary,
                   published=PublishedDate(date="2023-02-27", origin=DateOrigin.CONTENT, estimated=True))
    cited = Citation(document="d", text=summary, start=0, end=len(summary))
    event = Event(id="e", type="visit", summary=summary, start="2023-02-28", modality=Modality.PLANNED,
                  attributions=["his office"], citations=[cited])
    corpus = Corpus(documents=[doc], events=[event], timeline=[TimelineEntry(date="2023-02-28", events=["e"],
                                                                             summary=[summary])])
    assert render_markdown(build_report(corpus)) == EXPECTED
