"""Stages registered by name, each declaring what it reads and what it writes.

Two scopes: ``document`` stages see one batch of documents at a time (and hand the batch's spaCy
parses to later document stages through ``Context.parses``, declared as the field ``batch.parses``);
``corpus`` stages see the whole collection. A pipeline is checked when built: every field a stage reads must
be an input field or written by an earlier stage, and no document stage may follow a corpus stage,
so data flows one way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .errors import PipelineError
from .model import Corpus, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from .entities.aliases import AliasEntry

Scope = Literal["document", "corpus"]
StageFunction = Callable[..., None]  # (list[Document], Context) or (Corpus, Context)

# What ingest hands to the first stage.
INPUT_FIELDS = frozenset(
    {"document.raw_text", "document.path", "document.format", "document.title", "document.url",
     "document.folder_date", "document.date_candidates", "document.removed"}
)


@dataclass(frozen=True)
class Settings:
    """What a run is told besides its inputs."""

    aliases: tuple[AliasEntry, ...] = ()  # the user's alias table (``--aliases``)
    # Evaluation only: gold event spans per document id, which the ``gold_event_mentions`` stage of
    # ``eval event-coref`` takes as the event mentions.
    gold_event_spans: Mapping[str, Sequence[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class Context:
    """What stages share besides the data: the run's settings, the batch's parses, and timings."""

    settings: Settings = field(default_factory=Settings)
    parses: dict[str, SpacyDoc] = field(default_factory=dict)  # document id -> parse, for one batch only
    stage: str | None = None  # the stage running now, named in the problem report if it fails
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in each stage, for `make bench`


@dataclass(frozen=True)
class StageSpec:
    name: str
    scope: Scope
    reads: frozenset[str]
    writes: frozenset[str]
    func: Callable[..., None]
    doc: str


_REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, scope: Scope, reads: Sequence[str],
          writes: Sequence[str]) -> Callable[[StageFunction], StageFunction]:
    """Register a stage function under ``name``.

    A document stage is called as ``func(documents: list[Document], ctx)``; a corpus stage as
    ``func(corpus: Corpus, ctx)``. Both change their argument in place, and only the fields they
    declare in ``writes``.
    """

    def register(func: StageFunction) -> StageFunction:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage name '{name}' is already registered")
        _REGISTRY[name] = StageSpec(
            name, scope, frozenset(reads), frozenset(writes), func, (func.__doc__ or "").strip()
        )
        return func

    return register


def name_of(func: Callable[..., None]) -> str:
    """The name a stage function is registered under."""
    for spec in _REGISTRY.values():
        if spec.func is func:
            return spec.name
    raise PipelineError(f"{func.__qualname__} is not a registered stage")


def _default_stages_loaded() -> None:
    """The default stages register themselves when their modules are imported; ``stages.py`` imports
    them all, so that a pipeline can be named before anything else has loaded them."""
    from . import stages  # noqa: F401


def get_stage(name: str) -> StageSpec:
    if name not in _REGISTRY:
        _default_stages_loaded()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"no stage named '{name}' (known: {known})") from None


def registered_stages() -> dict[str, StageSpec]:
    _default_stages_loaded()
    return dict(_REGISTRY)


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, names: Sequence[str], given: Sequence[str] = ()) -> None:
        """``given``: fields the caller fills itself (an evaluation hands over ready-cleaned text)."""
        self.stages = [get_stage(n) for n in names]
        self._check_flow(set(given))

    def _check_flow(self, given: set[str]) -> None:
        available = set(INPUT_FIELDS) | given
        seen_corpus = False
        for spec in self.stages:
            if spec.scope == "document" and seen_corpus:
                raise PipelineError(f"document stage '{spec.name}' cannot follow a corpus stage")
            seen_corpus = seen_corpus or spec.scope == "corpus"
            missing = spec.reads - available
            if missing:
                raise PipelineError(
                    f"stage '{spec.name}' reads {sorted(missing)}, which no earlier stage writes"
                )
            available |= spec.writes

    @property
    def document_stages(self) -> list[StageSpec]:
        return [s for s in self.stages if s.scope == "document"]

    @property
    def corpus_stages(self) -> list[StageSpec]:
        return [s for s in self.stages if s.scope == "corpus"]

    def run_documents(self, documents: list[Document], ctx: Context) -> None:
        for spec in self.document_stages:
            _timed(spec, documents, ctx)
        ctx.parses.clear()  # parses live for one batch only

    def run_corpus(self, corpus: Corpus, ctx: Context) -> None:
        for spec in self.corpus_stages:
            _timed(spec, corpus, ctx)


def _timed(spec: StageSpec, data: Any, ctx: Context) -> None:
    ctx.stage = spec.name
    began = time.perf_counter()
    spec.func(data, ctx)
    ctx.seconds[spec.name] = ctx.seconds.get(spec.name, 0.0) + time.perf_counter() - began
