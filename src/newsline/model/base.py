"""The base of every model, and the spans of text everything else points at."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_attribute_docstrings=True)


class Span(Model):
    start: int
    end: int
    text: str


class Sentence(Span):
    pass


class Removal(Model):
    """A piece of page furniture taken out of the text, and why."""

    start: int
    """Offsets into the decoded raw input."""
    end: int
    text: str
    reason: str


class Evidence(Model):
    text: str
    start: int | None = None
    """Offsets into the document's cleaned text, when it is there."""
    end: int | None = None
    document: str | None = None
    """Another document this evidence points at."""
    note: str = ""


class ProblemReport(Model):
    """A coded problem met while processing an input or one of its stages."""

    code: str
    message: str
    path: str | None = None
    stage: str | None = None
    hint: str = ""
