"""Names and what stands for them: mentions, references, descriptions, and the linked entities."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Span
from .events import Citation


class EntityMention(Span):
    label: Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"]
    entity: str | None = None
    """Canonical entity id, set by linking."""


class Reference(Span):
    """Words that stand for a named entity without naming it ("she", "the actress"), resolved to it."""

    entity: str
    kind: Literal["pronoun", "relative", "description", "described"] = "pronoun"
    antecedent: int
    """Start offset of the named mention it was resolved to."""


class Descriptor(Span):
    """How the text describes a named mention besides its title: an apposition ("Ferrante, a close
    ally of Holm,"), what it is said to be ("is a close ally of Putin"), a label before the name
    ("political strongman Lukashenko"), a description standing for it ("the Belarusian dictator"),
    or a term the text puts in scare quotes in the same sentence (the "elections")."""

    mention: int
    """Start offset of the named mention described."""
    kind: Literal["apposition", "attribute", "modifier", "description", "scare_quote"]


class Nominal(Span):
    """A noun phrase that is not a recognised name ("the actress", "the facility", "rehab"), with its
    head lemma and what the parse says of it: "the 23 points" is definite, plural, quantity "23"."""

    head: str
    head_start: int | None = None
    """Offset of the head word: "test" in "the alcohol test"."""
    plural: bool = False
    definite: bool = False
    """"the", "this", "that": a thing already known to the reader."""
    quantity: str | None = None
    """A number that tells it from others like it: "23" in "23 points"."""


class Pronoun(Span):
    """A pronoun with what the parse says of it: "she" is third person, singular, feminine; "who"
    in "the actress, who was arrested" is relative to "actress" (``relative_to``, its offset)."""

    person: int | None = None
    number: Literal["sing", "plur"] | None = None
    gender: Literal["masc", "fem", "neut"] | None = None
    relative_to: int | None = None


class RoleMention(Span):
    """What the text says a named person is: "Belarusian President", "Russia's ambassador to Belarus"."""

    mention: int
    """Start offset of the named mention it describes."""


class EntityRole(Model):
    text: str
    citations: list[Citation] = Field(default_factory=list)


class Entity(Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    mentions: int = 0
    description: str | None = None
    """From the user's alias table."""
    wikidata: str | None = None
    roles: list[EntityRole] = Field(default_factory=list)
    """As the documents state them, with citations."""
