"""What a text calls the people and organisations it names, besides their titles: appositions
("Ferrante, a close ally of Holm,"), attributes ("Lukashenko is a close ally of Putin", "is widely
recognized as ..."), labels before the name ("political strongman Lukashenko"), descriptions
standing for a person named just before ("the Belarusian dictator's third trip"), and terms the
text puts in scare quotes (the "elections"). Read from the spaCy parse; framing (compare/framing.py)
lays them side by side per source.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from ..model import Descriptor, Document, EntityMention
from ..parse.roles import ROLE_WORDS
from ..registry import Context, stage

DESCRIBED_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
SEEN_AS = {"recognize", "recognise", "regard", "see", "describe", "consider", "know", "call", "brand", "label"}
# Nouns that stand for a person in a description ("the dictator", "the strongman"), beyond titles.
PERSON_NOUNS = ROLE_WORDS | {"strongman", "autocrat", "despot", "tyrant", "ally", "regime", "man", "woman", "head"}
_SCARE_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,30})[”\"]")
DESCRIPTION_REACH = 400  # characters back to the person a description stands for


def _root(parsed: SpacyDoc, mention: EntityMention) -> Token | None:
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _span(tokens, text: str, mention: EntityMention, kind: str) -> Descriptor | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    while end > start and text[end - 1] in ",;:":
        end -= 1
    if end - start < 3 or mention.start <= start < mention.end:
        return None
    return Descriptor(start=start, end=end, text=text[start:end], mention=mention.start, kind=kind)


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without the clauses hanging off it ("which adds ...")."""
    cut = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl", "advcl") and c.i != head.i for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut]


def _described(root: Token, mention: EntityMention, text: str) -> list[Descriptor]:
    found = []
    for child in root.children:
        if child.dep_ == "appos":
            found.append(_span(_phrase(child), text, mention, "apposition"))
        elif child.dep_ in ("amod", "compound") and child.idx < mention.start and child.pos_ in ("ADJ", "NOUN"):
            found.append(_span([t for t in child.subtree if t.idx < mention.start], text, mention, "modifier"))
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "be":
        found += [_span(_phrase(c), text, mention, "attribute") for c in verb.children if c.dep_ == "attr"]
    if root.dep_ == "nsubjpass" and verb.lemma_ in SEEN_AS:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            found += [_span(_phrase(o), text, mention, "attribute") for o in prep.children if o.dep_ == "pobj"]
    return [d for d in found if d is not None]


def _descriptions(parsed: SpacyDoc, text: str, people: list[EntityMention], subject_at: set[int]) -> list[Descriptor]:
    """ "the Belarusian dictator('s)", "the politely reclusive president": a definite phrase headed by a
    person noun, naming no one, stands for the person named last before it (within DESCRIPTION_REACH)."""
    found = []
    for head in parsed:
        if head.lemma_.lower() not in PERSON_NOUNS or head.pos_ != "NOUN" or head.ent_type_:
            continue
        left = [t for t in head.subtree if t.i <= head.i]
        if not any(t.lower_ in ("the", "this", "that") for t in left) or any(
            t.ent_type_ in ("PERSON", "ORG") for t in left
        ):
            continue
        words = [t for t in left if t.lower_ not in ("the", "this", "that") and t.tag_ != "POS"]
        before = [m for m in people if m.end <= head.idx and head.idx - m.end < DESCRIPTION_REACH]
        subjects = [m for m in before if m.start in subject_at]  # who the text was about, not whom he met
        if before and len(words) > 1:  # "the president" alone says nothing of how he is framed
            found.append(_span(words, text, (subjects or before)[-1], "description"))
    return [d for d in found if d is not None]


def _scare_quotes(parsed: SpacyDoc, text: str, named: list[EntityMention]) -> list[Descriptor]:
    """Short quoted terms (not quotations: three words at most) tied to the names of their sentence."""
    found = []
    for match in _SCARE_QUOTE.finditer(text):
        if len(match.group(1).split()) > 3 or re.search(r"\d", match.group(1)):
            continue  # a quotation, or a quoted figure ("more than 120"), not a scare quote
        sentence = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        for mention in (m for m in named if sent.start_char <= m.start < sent.end_char):
            found.append(Descriptor(start=match.start(), end=match.end(), text=match.group(0),
                                    mention=mention.start, kind="scare_quote"))
    return found


def find_descriptors(doc: Document, parsed: SpacyDoc) -> list[Descriptor]:
    named = [m for m in doc.tagged_mentions if m.label in DESCRIBED_LABELS]
    found = []
    subject_at = set()  # the names that are a clause's subject: who a text is about
    for mention in named:
        root = _root(parsed, mention)
        if root is not None:
            found += _described(root, mention, doc.text)
            if root.dep_ in ("nsubj", "nsubjpass"):
                subject_at.add(mention.start)
    found += _descriptions(parsed, doc.text, [m for m in named if m.label == "PERSON"], subject_at)
    found += _scare_quotes(parsed, doc.text, named)
    unique = {(d.start, d.end, d.mention): d for d in found}
    return sorted(unique.values(), key=lambda d: (d.start, d.mention))


@stage("descriptors", scope="document", reads=["batch.parses", "document.tagged_mentions"],
       writes=["document.descriptors"])
def descriptors_stage(documents: list[Document], ctx: Context) -> None:
    """Find the labels, epithets and scare-quoted terms attached to the named mentions of each text."""
    parses = ctx.parses
    for doc in documents:
        parsed = parses.get(doc.id)
        doc.descriptors = find_descriptors(doc, parsed) if parsed is not None else []
