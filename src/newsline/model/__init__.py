"""The one data model every stage shares.

Everything that points at text carries character offsets into the *cleaned* text of its
document (``Document.text``), never into the raw input, so a citation can always be checked by
slicing. Removal records are the one exception: they point into the decoded raw input, because
what they describe is no longer in the cleaned text.
"""

from .base import Evidence, Model, ProblemReport, Removal, Sentence, Span
from .claims import Claim, ClaimKind, ClaimRecord, ClaimRef, Comparison, DocumentFraming, EntityFraming, FramingTerm
from .collection import Corpus, Document, Flag, FlagKind, RunCounts, RunRecord
from .dating import (
                     CorpusDating,
                     DateCandidate,
                     DateOrigin,
                     PublishedDate,
                     TemporalExpression,
                     TimexParams,
                     TimexType,
                     TimexValue,
)
from .events import (
                     Argument,
                     ArgumentRole,
                     Citation,
                     DateReport,
                     Event,
                     EventFacts,
                     EventMention,
                     EventRecord,
                     KeyDate,
                     Modality,
                     TimelineEntry,
)
from .names import Descriptor, Entity, EntityMention, EntityRole, Nominal, Pronoun, Reference, RoleMention

__all__ = [
                     "Argument",
                     "ArgumentRole",
                     "Citation",
                     "Claim",
                     "ClaimKind",
                     "ClaimRecord",
                     "ClaimRef",
                     "Comparison",
                     "Corpus",
                     "CorpusDating",
                     "DateCandidate",
                     "DateOrigin",
                     "DateReport",
                     "Descriptor",
                     "Document",
                     "DocumentFraming",
                     "Entity",
                     "EntityFraming",
                     "EntityMention",
                     "EntityRole",
                     "Event",
                     "EventFacts",
                     "EventMention",
                     "EventRecord",
                     "Evidence",
                     "Flag",
                     "FlagKind",
                     "FramingTerm",
                     "KeyDate",
                     "Modality",
                     "Model",
                     "Nominal",
                     "ProblemReport",
                     "Pronoun",
                     "PublishedDate",
                     "Reference",
                     "Removal",
                     "RoleMention",
                     "RunCounts",
                     "RunRecord",
                     "Sentence",
                     "Span",
                     "TemporalExpression",
                     "TimelineEntry",
                     "TimexParams",
                     "TimexType",
                     "TimexValue",
]
