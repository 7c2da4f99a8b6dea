"""The quality stages: flags read from each document's own text, and flags that need the collection."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from ..model import Document, Flag
from ..registry import Context, stage
from .boilerplate import boilerplate_flag
from .filler import low_information_flag
from .translation import translation_flag
from .unverified import unverified_flag


def text_flags(doc: Document, parsed: SpacyDoc | None) -> list[Flag]:
    found = [boilerplate_flag(doc), translation_flag(doc, parsed), low_information_flag(doc, parsed),
             unverified_flag(doc, parsed)]
    return [flag for flag in found if flag is not None]


@stage("flag_text", scope="document",
       reads=["document.text", "batch.parses", "document.temporal_expressions"],
       writes=["document.flags.boilerplate", "document.flags.machine_translated", "document.flags.low_information",
               "document.flags.unverified_claim"])
def flag_text_stage(documents: list[Document], ctx: Context) -> None:
    """Flag page furniture left in the text, translation marks, hedged filler and unverified claims."""
    parses = ctx.parses
    for doc in documents:
        doc.flags.extend(text_flags(doc, parses.get(doc.id)))
