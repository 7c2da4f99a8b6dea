"""Personal pronouns resolved to the person they stand for, within a document.

"Tara Reid checked herself into rehab ... She ..." : "herself" and "She" are Tara Reid. The rule
is the plain recency one (the last person named before the pronoun, in the same sentence or the
two before it); gender is not guessed from names. neuralcoref and coreferee, the spaCy coreference
components, do not run on spaCy 3.8, and no packaged model does, so this rule is written here.
"""

from __future__ import annotations

import bisect
import re

from ..model import Corpus, Document, Reference
from ..registry import Context, stage

PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
SENTENCES_BACK = 2


def _sentence_index(doc: Document, offset: int) -> int:
    starts = [s.start for s in doc.sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def resolve_pronouns(doc: Document) -> list[Reference]:
    people = sorted((m for m in doc.mentions if m.label == "PERSON" and m.entity), key=lambda m: m.end)
    if not people:
        return []
    ends = [m.end for m in people]
    out = []
    for match in PERSONAL.finditer(doc.text):
        at = bisect.bisect_right(ends, match.start()) - 1
        if at < 0:
            continue
        antecedent = people[at]
        if doc.sentences and _sentence_index(doc, match.start()) - _sentence_index(doc, antecedent.start) > SENTENCES_BACK:
            continue
        out.append(Reference(start=match.start(), end=match.end(), text=match.group(),
                             entity=antecedent.entity or "", antecedent=antecedent.start))
    return out


@stage("link_pronouns", scope="corpus", reads=["document.text", "document.sentences", "document.mentions"],
       writes=["document.references"])
def link_pronouns_stage(corpus: Corpus, ctx: Context) -> None:
    """Resolve personal pronouns to the person last named before them."""
    for doc in corpus.documents:
        doc.references = resolve_pronouns(doc)
