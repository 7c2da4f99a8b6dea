"""Stages registered by name, each declaring what it reads and what it writes, in the manner of
spaCy's components (``requires`` / ``assigns``).

Two scopes: ``document`` stages see one batch of documents at a time (and hand the batch's spaCy
parses to later document stages through ``Context.parses``, declared as the field ``batch.parses``);
``corpus`` stages see the whole collection.

Every field has one owner: the reader for the input fields, else the one stage that declares it in
``writes``; a second stage declaring the same field is refused when it registers. A stage that sets
one attribute of items another stage made declares that attribute as a field of its own
(``document.mentions.entity``: the parse makes the mentions, entity linking says which entity each
is), and each flag kind is a field (``document.flags.spun``). A pipeline is checked when built: every
field a stage reads is an input or written by an earlier stage, and no document stage follows a
corpus stage, so data flows one way. When the collection revises what a document stage decided
(a publication date), the pipeline says so with a ``Rerun`` of the owning stages over the
documents concerned, never by a later stage writing the field itself.
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

# What the reader (ingest/read.py) hands to the first stage. ``document.flags`` is the list every
# flag kind goes into (each kind its own field); ``document.errors`` takes any stage's coded problem.
INPUT_FIELDS = frozenset(
    {"document.raw_text", "document.path", "document.format", "document.given_title", "document.url",
     "document.author", "document.encoding", "document.folder_date", "document.given_dates",
     "document.markup_chars", "document.flags", "document.errors"}
)
READER = "the reader"


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
    func: StageFunction
    doc: str
    # Fields an evaluation stage replaces wholesale with gold data (never in the default pipeline).
    replaces: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rerun:
    """Document stages run again, in the corpus phase, over the documents ``when`` selects: how a
    revision the collection makes (a publication date) reaches what those stages own. Each stage
    re-runs through its registered re-run function, or its own function if it needs no parse."""

    stages: tuple[str, ...]
    when: Callable[[Document], bool]
    why: str


_REGISTRY: dict[str, StageSpec] = {}
_RERUNS: dict[str, StageFunction] = {}


def stage(name: str, *, scope: Scope, reads: Sequence[str], writes: Sequence[str],
          replaces: Sequence[str] = ()) -> Callable[[StageFunction], StageFunction]:
    """Register a stage function under ``name``.

    A document stage is called as ``func(documents: list[Document], ctx)``; a corpus stage as
    ``func(corpus: Corpus, ctx)``. Both change their argument in place, and only the fields they
    declare in ``writes``, which no other stage may declare.
    """

    def register(func: StageFunction) -> StageFunction:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage name '{name}' is already registered")
        for written in set(writes) - set(replaces):
            owner = owner_of(written, exclude=name)
            if owner is not None:
                raise PipelineError(f"stage '{name}' writes {written}, which {owner} owns: one owner per "
                                    "field; declare an attribute of your own (document.mentions.entity)")
        _REGISTRY[name] = StageSpec(name, scope, frozenset(reads), frozenset(writes), func,
                                    (func.__doc__ or "").strip(), frozenset(replaces))
        return func

    return register


def rerun_of(name: str) -> Callable[[StageFunction], StageFunction]:
    """Register how stage ``name`` brings its fields up to date when run again without the batch's
    parses (``Rerun``)."""

    def register(func: StageFunction) -> StageFunction:
        _RERUNS[name] = func
        return func

    return register


def owner_of(written: str, exclude: str | None = None) -> str | None:
    """Who owns a field: the reader, a registered stage (other than ``exclude``), or no one yet."""
    if written in INPUT_FIELDS:
        return READER
    return next((f"stage '{s.name}'" for s in _REGISTRY.values()
                 if s.name != exclude and written in s.writes - s.replaces), None)


def unregister(name: str) -> None:
    """Forget a stage (tests that register one of their own clean up after themselves)."""
    _REGISTRY.pop(name, None)
    _RERUNS.pop(name, None)


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


Step = StageSpec | Rerun


class Pipeline:
    """An ordered, validated list of stages (and re-runs of document stages in the corpus phase)."""

    def __init__(self, names: Sequence[str | Rerun], given: Sequence[str] = ()) -> None:
        """``given``: fields the caller fills itself (an evaluation hands over ready-cleaned text)."""
        self.steps: list[Step] = [n if isinstance(n, Rerun) else get_stage(n) for n in names]
        self.stages = [s for s in self.steps if isinstance(s, StageSpec)]
        self._check_flow(set(given))

    def _check_flow(self, given: set[str]) -> None:
        available = set(INPUT_FIELDS) | given
        seen_corpus = False
        for step in self.steps:
            if isinstance(step, Rerun):
                self._check_rerun(step)
                continue
            if step.scope == "document" and seen_corpus:
                raise PipelineError(f"document stage '{step.name}' cannot follow a corpus stage")
            seen_corpus = seen_corpus or step.scope == "corpus"
            missing = step.reads - available
            if missing:
                raise PipelineError(f"stage '{step.name}' reads {sorted(missing)}, which no earlier stage writes")
            for written in step.writes:
                parents = [written.rsplit(".", k)[0] for k in range(1, written.count("."))]
                if parents and not any(parent in available for parent in parents):
                    raise PipelineError(f"stage '{step.name}' writes {written}, but no earlier stage makes "
                                        f"{parents[-1]}")
            available |= step.writes

    def _check_rerun(self, rerun: Rerun) -> None:
        earlier = {s.name: s for s in self.document_stages}
        for name in rerun.stages:
            spec = earlier.get(name)
            if spec is None:
                raise PipelineError(f"a re-run names '{name}', which is not a document stage of this pipeline")
            if name not in _RERUNS and "batch.parses" in spec.reads:
                raise PipelineError(f"stage '{name}' reads the batch's parses and has no re-run of its own")

    @property
    def document_stages(self) -> list[StageSpec]:
        return [s for s in self.stages if s.scope == "document"]

    @property
    def corpus_steps(self) -> list[Step]:
        return [s for s in self.steps if isinstance(s, Rerun) or s.scope == "corpus"]

    def run_documents(self, documents: list[Document], ctx: Context) -> None:
        for spec in self.document_stages:
            _timed(spec.name, spec.func, documents, ctx)
        ctx.parses.clear()  # parses live for one batch only

    def run_corpus(self, corpus: Corpus, ctx: Context) -> None:
        for step in self.corpus_steps:
            if isinstance(step, Rerun):
                chosen = [doc for doc in corpus.documents if step.when(doc)]
                for name in step.stages:
                    func = _RERUNS.get(name) or get_stage(name).func
                    _timed(f"{name} (again)", func, chosen, ctx)
            else:
                _timed(step.name, step.func, corpus, ctx)


def _timed(name: str, func: StageFunction, data: Any, ctx: Context) -> None:
    ctx.stage = name
    began = time.perf_counter()
    func(data, ctx)
    ctx.seconds[name] = ctx.seconds.get(name, 0.0) + time.perf_counter() - began
