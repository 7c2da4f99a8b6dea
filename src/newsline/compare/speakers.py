"""Who a claim's speaker is, when the text says only "he", "she" or "the minister".

The claims stage keeps the speaker's words and where they are; once pronouns and descriptions are
resolved to named entities (``link_pronouns``), a speaker that is one of them is given the name of
the entity it stands for: '"We have waited eleven months," he said' is Tomas Brandt's.
"""

from __future__ import annotations

from ..model import Corpus, Document
from ..registry import Context, stage


def name_speakers(doc: Document, names: dict[str, str]) -> None:
    """Set ``speaker_name`` on the claims whose speaker is a resolved reference or a named mention."""
    at = {r.start: r.entity for r in doc.references}
    at.update({m.start: m.entity for m in doc.mentions if m.entity})
    for claim in doc.claims:
        entity = at.get(claim.speaker_start) if claim.speaker_start is not None else None
        name = names.get(entity) if entity else None
        claim.speaker_name = name if name and name != claim.speaker else None


@stage("claim_speakers", scope="corpus",
       reads=["document.claims", "document.references", "document.mentions", "corpus.entities"],
       writes=["document.claims.speaker_name"])
def claim_speakers_stage(corpus: Corpus, ctx: Context) -> None:
    """Name the speakers of claims that the text gives as a pronoun or a description."""
    names = {e.id: e.name for e in corpus.entities}
    for doc in corpus.documents:
        name_speakers(doc, names)
