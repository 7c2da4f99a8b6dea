"""Framing: for every entity, how each source names and describes it, side by side.

Titles come from the roles stage ("Belarusian President"), labels and epithets and scare-quoted
terms from the descriptors stage ("political strongman", "a close ally of Russian President
Vladimir Putin", the "elections"). Each term carries its offsets and the loaded words in it. An
entity is shown when at least two sources describe it; what differs between them is the point.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Corpus, Document, DocumentFraming, EntityFraming, FramingTerm
from ..registry import Context, stage

# Evaluative words of political coverage. Written here because no packaged lexicon holds them: VADER
# (checked) has "strongman" at +0.7 and neither "dictator", "regime" nor "illegitimate".
LOADED = frozenset(
    "dictator dictatorship despot despotic tyrant tyranny autocrat autocratic authoritarian strongman regime junta "
    "illegitimate self-proclaimed so-called puppet thug thugs usurper warlord terrorist terrorists extremist "
    "extremists radical militant rogue brutal ruthless notorious corrupt disgraced embattled controversial "
    "beloved heroic historic brotherly glorious visionary great wise esteemed legitimate rigged sham fake "
    "reclusive crony cronies oligarch oligarchs propaganda mouthpiece".split())
KIND = {"apposition": "label", "attribute": "label", "modifier": "label", "description": "label",
        "scare_quote": "scare_quote"}
MIN_SOURCES = 2


def _loaded(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[a-z][a-z-]*", text.lower()) if w in LOADED})


def terms_by_entity(doc: Document) -> dict[str, list[FramingTerm]]:
    entity_at = {m.start: m.entity for m in doc.mentions if m.entity}
    found: dict[str, dict[tuple[int, int], FramingTerm]] = defaultdict(dict)
    for role in doc.roles:
        if role.mention in entity_at:
            found[entity_at[role.mention]][role.start, role.end] = FramingTerm(
                text=role.text, kind="title", start=role.start, end=role.end, loaded=_loaded(role.text))
    for d in doc.descriptors:
        if d.mention in entity_at:
            found[entity_at[d.mention]].setdefault((d.start, d.end), FramingTerm(
                text=d.text, kind=KIND[d.kind], start=d.start, end=d.end, loaded=_loaded(d.text)))
    return {entity: _first_of_each(terms.values()) for entity, terms in found.items()}


def _first_of_each(terms) -> list[FramingTerm]:
    """One term per wording (its first place in the text), in text order."""
    seen: dict[str, FramingTerm] = {}
    for term in sorted(terms, key=lambda t: t.start):
        seen.setdefault(re.sub(r"[“”\"]", '"', term.text.lower()), term)
    return list(seen.values())


def build_framing(corpus: Corpus) -> list[EntityFraming]:
    names = {e.id: e.name for e in corpus.entities}
    per_entity: dict[str, list[DocumentFraming]] = defaultdict(list)
    for doc in corpus.documents:
        for entity, terms in terms_by_entity(doc).items():
            per_entity[entity].append(DocumentFraming(document=doc.id, path=doc.path, terms=terms))
    framing = [EntityFraming(entity=entity, name=names.get(entity, entity), documents=framed)
               for entity, framed in per_entity.items() if len(framed) >= MIN_SOURCES]
    return sorted(framing, key=lambda f: (-len(f.documents), f.name))


@stage("framing", scope="corpus",
       reads=["document.roles", "document.descriptors", "document.mentions", "corpus.entities"],
       writes=["corpus.framing"])
def framing_stage(corpus: Corpus, ctx: Context) -> None:
    """Lay side by side, per entity and per source, the titles, labels and scare-quoted terms used."""
    corpus.framing = build_framing(corpus)
