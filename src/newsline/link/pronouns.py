"""Words that stand for a named entity without naming it, resolved within a document.

"Tara Reid checked herself into rehab ... The actress ... She ...": "herself", "The actress" and
"She" are Tara Reid; "the Belarusian leader" is Lukashenko; "the company" is the firm just named.
Three kinds are resolved:

- personal pronouns (he, her, himself...) -> a person named;
- descriptions ("the actress", "the Belarusian president", "the company", "the city") -> the
  person, organisation or place named, by the class of the head noun. The wording is kept: it is
  how the source chose to describe the entity;
- other common-noun phrases ("the quake", "the facility") -> a described, unnamed thing, one per
  head word in the collection.

The antecedent is looked for in the same sentence or the one before; among several, the one the
document has named most so far wins (news keeps returning to its protagonist). Gender is not
guessed from names. neuralcoref and coreferee, the spaCy coreference components, do not run on
spaCy 3.8 and no packaged model does, so these rules are written here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..enrich.roles import ABBREVIATED_TITLES, ROLE_WORDS
from ..model import Corpus, Document, EntityMention, Reference
from ..registry import Context, stage

PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
SENTENCES_BACK = 1
PERSON_NOUNS = ROLE_WORDS - ABBREVIATED_TITLES - {"vice", "prime", "chair"} | {
    "man", "woman", "boy", "girl", "star", "actress", "actor", "player", "suspect", "victim", "driver",
    "singer", "rapper", "musician", "comedian", "model", "officer", "soldier", "gunman", "pilot", "doctor",
    "father", "mother", "son", "daughter", "husband", "wife", "veteran", "teenager", "politician", "opponent",
}
ORG_NOUNS = {"company", "firm", "ministry", "agency", "group", "party", "government", "court", "team", "club",
             "bank", "organisation", "organization", "network", "studio", "band", "newspaper", "airline",
             "carrier", "manufacturer", "maker", "retailer", "regime", "alliance", "union", "council", "office"}
PLACE_NOUNS = {"city", "country", "capital", "town", "island", "region", "state", "province", "village",
               "republic", "nation", "kingdom", "county"}
_CLASS = {**{n: "PERSON" for n in PERSON_NOUNS}, **{n: "ORG" for n in ORG_NOUNS},
          **{n: "PLACE" for n in PLACE_NOUNS}}
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?:[A-Z][\w-]+|\d+-year-old|[a-z]+-[a-z]+|former|veteran|embattled|beleaguered|troubled|"
    r"longtime|late|young|new|top|chief|senior|powerful|authoritarian|self-styled)\s+){0,3}(?P<head>[a-z]+)\b")
_LABEL_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _last_named(starts: list[int], named: list[EntityMention], ends: list[int], before: int) -> EntityMention | None:
    """The entity named in reach before ``before``; when several are, the one the document has
    named most so far (news keeps returning to its protagonist), the latest on a tie. ``named`` is
    in order of ``ends``; ``starts`` are the sentence starts (none: the whole text is in reach)."""
    at = bisect.bisect_right(ends, before) - 1
    here = _sentence_of(starts, before)
    in_reach = [m for m in named[:at + 1] if here - _sentence_of(starts, m.start) <= SENTENCES_BACK]
    if not in_reach:
        return None
    so_far = Counter(m.entity for m in named[:at + 1])
    return max(reversed(in_reach), key=lambda m: so_far[m.entity])


def _candidates(doc: Document) -> list[tuple[int, int, str, str]]:
    """(start, end, head, kind) of every pronoun and common-noun phrase: the parser's noun phrases
    when the document was parsed, else definite descriptions found by pattern."""
    found = [(m.start(), m.end(), "he", "pronoun") for m in PERSONAL.finditer(doc.text)]
    if doc.nominals:
        found += [(n.start, n.end, n.head, "description") for n in doc.nominals]
    else:
        found += [(m.start(), m.end(), m["head"], "description") for m in _DESCRIPTION.finditer(doc.text)]
    return sorted(found)


def resolve_references(doc: Document) -> list[Reference]:
    """Pronouns and descriptions of a named entity resolve to it; other common-noun phrases stand
    for a described, unnamed thing ("the quake", "the facility"), one per head word in a collection,
    since reports of one story name the same unnamed things alike."""
    named = {k: sorted((m for m in doc.mentions if _LABEL_CLASS.get(m.label) == k and m.entity),
                       key=lambda m: m.end) for k in ("PERSON", "ORG", "PLACE")}
    ends = {k: [m.end for m in mentions] for k, mentions in named.items()}
    starts = [s.start for s in doc.sentences]
    covered = [(m.start, m.end) for m in doc.mentions]
    out = []
    for start, end, head, how in _candidates(doc):
        if any(a < end and start < b for a, b in covered):
            continue  # part of a name: "the White House"
        kind = "PERSON" if how == "pronoun" else _CLASS.get(head)
        antecedent = _last_named(starts, named[kind], ends[kind], start) if kind else None
        if antecedent is not None:
            out.append(Reference(start=start, end=end, text=doc.text[start:end], entity=antecedent.entity or "",
                                 kind=how, antecedent=antecedent.start))
        elif how == "description" and doc.nominals:
            out.append(Reference(start=start, end=end, text=doc.text[start:end], entity=f"described:{head}",
                                 kind="described", antecedent=start))
    return out


@stage("link_pronouns", scope="corpus",
       reads=["document.text", "document.sentences", "document.mentions", "document.nominals"],
       writes=["document.references"])
def link_pronouns_stage(corpus: Corpus, ctx: Context) -> None:
    """Resolve pronouns and descriptions ("the actress", "the company") to the entity last named."""
    for doc in corpus.documents:
        doc.references = resolve_references(doc)
