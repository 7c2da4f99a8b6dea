"""The default pipeline and the run that drives it: ingest -> document stages -> store -> corpus stages.

Documents go through the document stages in batches; each batch is committed to the store before
the next is read, so an interrupted run loses at most one batch and a second run skips what is
already there. The corpus stages then run over the whole collection in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, pretrained
from .entities.aliases import AliasEntry
from .errors import InputError, problem
from .ingest.read import DEFAULT_MAX_BYTES, discover, read_path
from .model import Corpus, Document, ProblemReport, RunCounts
from .registry import Context, Pipeline, Settings
from .stages import DEFAULT_STAGES
from .store import Store

# Bumped whenever what a document stage writes changes, so that stored documents analysed by an
# earlier build are analysed again rather than read back in an old shape.
# 2: event mentions carry arguments, sources and their date; 3: text flags; 4: claims, descriptors;
# 5-6: claims carry predicates and their period's expression; 9: "2 billions of euro" counts what the
# clause says; 10: "wrote: No." denies nothing; 11: one owner per field (the parse's mentions apart from
# the corrected ones, the input's title and dates apart from the chosen ones, typed time-expression parts);
# 12: attributions are clean names (no brackets, quote marks or figures); 13: reader comment threads and glued
# sign-up footers are cut by the cleaner
DOCUMENT_STAGES_REVISION = 13


def pipeline_version(pipeline: Pipeline) -> str:
    return (f"{__version__}.{DOCUMENT_STAGES_REVISION}:{pretrained.model_name()}:"
            + ",".join(s.name for s in pipeline.document_stages))


@dataclass
class RunResult:
    corpus: Corpus
    failures: list[ProblemReport] = field(default_factory=list)  # this run's failed inputs
    processed: int = 0
    cached: int = 0
    repeated: int = 0  # inputs whose content was already read earlier in this run
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in each stage
    run_id: int | None = None  # the run's record in the store's runs table

    def counts(self) -> RunCounts:
        return RunCounts(processed=self.processed, cached=self.cached, repeated=self.repeated,
                         failed=len(self.failures))


Progress = Callable[[int, int, str], None]  # (done, total, current path)


def run(inputs: list[str], store: Store, *, max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = 32,
        stages: list[str] | None = None, progress: Progress | None = None,
        aliases: Sequence[AliasEntry] = (), named: list[tuple[Path, str]] | None = None) -> RunResult:
    """Read ``inputs`` (files and folders) and ``named`` files (read from the path, stored under
    the name: an upload's label, never the server's temporary path) into ``store``, run the
    document stages on what is new, then the corpus stages on the whole collection. The run is
    recorded in the store's runs table, with its counts and the seconds each stage took."""
    pipeline = Pipeline(stages or DEFAULT_STAGES)
    version = pipeline_version(pipeline)
    ctx = Context(settings=Settings(aliases=tuple(aliases)))
    result = RunResult(corpus=Corpus())
    result.run_id = store.start_run(list(inputs) + [label for _, label in named or []], version)
    found = list(discover(inputs)) + list(named or [])
    reader = _DocumentReader(store, pipeline, ctx, version, batch_size, result)
    for done, item in enumerate(found, start=1):
        if isinstance(item, InputError):
            result.failures.append(item.report())
            continue
        path, shown = item
        reader.read(read_path(path, shown, max_bytes))
        if progress:
            progress(done, len(found), shown)
    reader.flush()
    paths = [item[1] for item in found if not isinstance(item, InputError)]
    store.clear_failures(paths + [f.path for f in result.failures if f.path])
    store.put_failures(result.failures)
    analyse(store, pipeline, ctx)
    result.corpus = store.load_corpus()
    result.seconds = ctx.seconds
    store.finish_run(result.run_id, result.counts(), ctx.seconds)
    return result


class _DocumentReader:
    """Documents in, in batches through the document stages, into the store: what is new is analysed
    and stored a batch at a time (an interrupted run loses one batch), the rest only counted."""

    def __init__(self, store: Store, pipeline: Pipeline, ctx: Context, version: str, batch_size: int,
                 result: RunResult) -> None:
        self.store, self.pipeline, self.ctx, self.version = store, pipeline, ctx, version
        self.batch_size, self.result = batch_size, result
        self.cached = store.cached_ids(version)
        self.seen: set[str] = set()
        self.batch: list[Document] = []

    def read(self, documents: Iterable[Document | InputError]) -> None:
        for doc in documents:
            if isinstance(doc, InputError):
                self.result.failures.append(doc.report())
            elif doc.id in self.seen:
                self.result.repeated += 1
            elif doc.id in self.cached:
                self.seen.add(doc.id)
                self.result.cached += 1
            else:
                self.seen.add(doc.id)
                self.batch.append(doc)
                if len(self.batch) >= self.batch_size:
                    self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        for doc in _run_batch(self.pipeline, self.batch, self.ctx):
            self.batch.remove(doc)
            self.result.failures.append(doc.errors[-1])
        kept = []
        for doc in self.batch:
            if doc.text.strip():
                kept.append(doc)
            else:
                self.result.failures.append(problem("E015", doc.path))
        self.store.put_documents(kept, self.version)
        self.result.processed += len(kept)
        self.batch.clear()


def _run_batch(pipeline: Pipeline, batch: list[Document], ctx: Context) -> list[Document]:
    """Run the document stages over ``batch``; when a stage fails, again document by document, so one
    document that breaks a stage costs only itself. Returns the documents that failed, each with its
    problem as its last error."""
    try:
        pipeline.run_documents(batch, ctx)
        return []
    except Exception:
        failed = []
        for doc in batch:
            try:
                pipeline.run_documents([doc], ctx)
            except Exception as exc:
                stage_name = ctx.stage or "?"
                doc.errors.append(problem("E016", doc.path, stage_name, stage_name=stage_name,
                                          detail=f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"))
                failed.append(doc)
                ctx.parses.clear()
        return failed


def analyse(store: Store, pipeline: Pipeline, ctx: Context) -> Corpus:
    """Run the corpus stages over every document in the store and save the results."""
    corpus = Corpus(documents=list(store.stage_documents()))
    pipeline.run_corpus(corpus, ctx)
    store.save_analysis(corpus)
    return corpus
