"""The default pipeline and the run that drives it: ingest -> document stages -> store -> corpus stages.

Documents go through the document stages in batches; each batch is committed to the store before
the next is read, so an interrupted run loses at most one batch and a second run skips what is
already there. The corpus stages then run over the whole collection in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, pretrained
from .errors import InputError, problem
from .ingest.read import DEFAULT_MAX_BYTES, discover, read_path
from .model import Corpus, Document, ProblemReport
from .registry import Context, Pipeline, Settings
from .stages import DEFAULT_STAGES
from .store import Store

# Bumped whenever what a document stage writes changes, so that stored documents analysed by an
# earlier build are analysed again rather than read back in an old shape.
# 2: event mentions carry arguments, sources and their date; 3: text flags; 4: claims, descriptors;
# 5-6: claims carry predicates and their period's expression; 9: "2 billions of euro" counts what the
# clause says; 10: "wrote: No." denies nothing
DOCUMENT_STAGES_REVISION = 10


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


Progress = Callable[[int, int, str], None]  # (done, total, current path)


def run(inputs: list[str], store: Store, *, max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = 32,
        stages: list[str] | None = None, progress: Progress | None = None,
        aliases: list | None = None, named: list[tuple[Path, str]] | None = None) -> RunResult:
    """Read ``inputs`` (files and folders) and ``named`` files (read from the path, stored under
    the name: an upload's label, never the server's temporary path) into ``store``, run the
    document stages on what is new, then the corpus stages on the whole collection."""
    pipeline = Pipeline(stages or DEFAULT_STAGES)
    version = pipeline_version(pipeline)
    ctx = Context(settings=Settings(aliases=tuple(aliases or ())))
    result = RunResult(corpus=Corpus())
    cached = store.cached_ids(version)
    seen: set[str] = set()
    batch: list[Document] = []
    found = list(discover(inputs)) + list(named or [])
    paths = [item[1] for item in found if not isinstance(item, InputError)]

    def flush() -> None:
        if not batch:
            return
        for doc in _run_batch(pipeline, batch, ctx):
            batch.remove(doc)
            result.failures.append(doc.errors[-1])
        kept = []
        for doc in batch:
            if doc.text.strip():
                kept.append(doc)
            else:
                result.failures.append(problem("E015", doc.path))
        store.put_documents(kept, version)
        result.processed += len(kept)
        batch.clear()

    for done, item in enumerate(found, start=1):
        if isinstance(item, InputError):
            result.failures.append(item.report())
            continue
        path, shown = item
        for doc in read_path(path, shown, max_bytes):
            if isinstance(doc, InputError):
                result.failures.append(doc.report())
            elif doc.id in seen:
                result.repeated += 1
            elif doc.id in cached:
                seen.add(doc.id)
                result.cached += 1
            else:
                seen.add(doc.id)
                batch.append(doc)
                if len(batch) >= batch_size:
                    flush()
        if progress:
            progress(done, len(found), shown)
    flush()
    store.clear_failures(paths + [f.path for f in result.failures if f.path])
    store.put_failures(result.failures)
    analyse(store, pipeline, ctx)
    result.corpus = store.load_corpus()
    result.seconds = ctx.seconds
    return result


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
