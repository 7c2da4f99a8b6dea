"""Evaluation texts through newsline's own stages, as the pipeline would run them.

Evaluation sets come as ready text, so the stages start after cleaning (``document.text`` is given)
and the language is stated rather than guessed: a short CoNLL document can look like another one.
"""

from __future__ import annotations

from ..model import Corpus, Document
from ..registry import Context, Pipeline, Settings

# What the evaluation hands over instead of the cleaner: the text as it is, nothing removed from it.
GIVEN = ["document.text", "document.removed", "document.title"]
BATCH = 32  # documents per document-stage batch, as in the pipeline: parses are freed per batch


def analyse(texts: list[str], stages: list[str], ids: list[str] | None = None,
            settings: Settings | None = None) -> list[Document]:
    """``texts`` as English documents run through ``stages`` (document stages, then corpus stages),
    with ``settings`` for the stages (``Context.settings``)."""
    pipeline = Pipeline(stages, given=GIVEN)
    names = ids or [f"doc-{i}" for i in range(len(texts))]
    docs = [Document(id=name, path=name, format="text", text=text, language="en") for name, text in zip(names, texts)]
    ctx = Context(settings=settings or Settings())
    for start in range(0, len(docs), BATCH):
        pipeline.run_documents(docs[start:start + BATCH], ctx)
    pipeline.run_corpus(Corpus(documents=docs), ctx)
    return docs
