"""The ``newsline`` command line.

Exit codes: 0 when every input was processed, 1 when some inputs failed (each named, with its
reason, on stderr), 2 for usage errors (click's own convention).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .evaluation.commands import eval_group
from .ingest.read import DEFAULT_MAX_BYTES
from .model import RunRecord
from .outputs.html import render_html, write_html
from .outputs.markdown import render_markdown
from .outputs.report import build_report, report_json, write_json
from .store import Store, StoreError

err_console = Console(stderr=True)


def _require_store(db: str) -> None:
    if not Path(db).is_file():
        raise click.UsageError(f"no store at {db}; create one with `newsline run INPUT... --db {db}`")


def _open_store(db: str, must_exist: bool = True) -> Store:
    if must_exist:
        _require_store(db)
    try:
        return Store(db)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsline")
def main() -> None:
    """newsline: turn a pile of news articles into a dated, cited timeline."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for report.json and report.html.")
@click.option("--db", default=None, help="SQLite store to add to (default: OUT/newsline.db).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Largest input file accepted, in bytes (decompressed).")
@click.option("--aliases", "aliases_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Alias table of known entities (.csv, .json or .jsonl: id, names, type, description, wikidata).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
def run(inputs: tuple[str, ...], out_dir: str, db: str | None, max_bytes: int, aliases_file: Path | None,
        quiet: bool) -> None:
    """Read INPUTS (files or folders of .txt, .html, .htm, .jsonl, optionally .gz) and write a report.

    The report covers every document in the store, so running again on more input grows the
    collection, and running again on the same input changes nothing.
    """
    from .entities.aliases import KbError, read_alias_table
    from .pipeline import run as run_pipeline  # spaCy and friends load only when needed

    try:
        aliases = read_alias_table(aliases_file) if aliases_file else []
    except KbError as exc:
        raise click.UsageError(str(exc)) from None
    out = Path(out_dir)
    store = _open_store(db or str(out / "newsline.db"), must_exist=False)
    with store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                         TimeElapsedColumn(), console=err_console, disable=quiet, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def progress(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=f"reading {Path(path).name[:40]}")

        result = run_pipeline(list(inputs), store, max_bytes=max_bytes, progress=progress, aliases=aliases)
        bar.update(task, description="writing report")
        report = build_report(result.corpus)
        write_json(report, out / "report.json")
        write_html(report, out / "report.html")
    for failure in result.failures:
        err_console.print(f"[red]error[/red] {failure.path}: [{failure.code}] {failure.message} — {failure.hint}",
                          highlight=False, soft_wrap=True)
    if not quiet:
        stats = report.stats
        click.echo(f"{result.processed} documents processed, {result.cached} already in the store, "
                   f"{len(result.failures)} failed; the collection has {stats.documents} documents, "
                   f"{stats.events} events on {stats.timeline_dates} dates, {stats.entities} entities.")
        click.echo(f"report: {out / 'report.html'} and {out / 'report.json'}; store: {store.path}")
    sys.exit(1 if result.failures else 0)


@main.command()
@click.argument("db")
@click.option("--limit", default=0, type=click.IntRange(0), help="Show only the first N dates (0: all).")
def show(db: str, limit: int) -> None:
    """Print the timeline of the store DB in the terminal."""
    with _open_store(db) as store:
        report = build_report(store.load_corpus())
    events = {e.id: e for e in report.events}
    titles = {d.id: d.title or d.path for d in report.documents}
    table = Table(title=f"Timeline: {report.stats.documents} documents", show_lines=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("What happened")
    table.add_column("Sources")
    entries = report.timeline[:limit] if limit else report.timeline
    for entry in entries:
        for event_id in entry.events:
            event = events[event_id]
            modality = event.modality.value
            kind = event.type + ("" if modality == "happened" else f", {modality}")
            sources = "\n".join(dict.fromkeys(titles[c.document][:50] for c in event.citations))
            # Article text and titles are data, not rich markup: "[visit]" must print as written.
            evidence = "".join(f"\n({line})" for line in event.evidence)
            table.add_row(entry.date, escape(f"[{kind}] {event.summary}{evidence}"), escape(sources))
    Console().print(table)
    apart = Counter(e.aside for e in report.events if e.aside)
    if apart:  # kept, and findable: report.json gives each event's reason
        reasons = "; ".join(f"{reason}: {n}" for reason, n in apart.most_common())
        Console().print(escape(f"Kept out of the timeline ({sum(apart.values())} events): {reasons}."))


@main.command(name="key-dates")
@click.argument("db")
@click.option("--max-dates", default=10, show_default=True, type=click.IntRange(1), help="Dates to keep.")
@click.option("--sentences-per-date", default=2, show_default=True, type=click.IntRange(1),
              help="Sentences that tell each date.")
@click.option("--query", help="Only sentences with one of these words count and tell (e.g. 'Lukashenko visit').")
@click.option("--from", "first", help="First date (YYYY-MM-DD); articles published before it are left out.")
@click.option("--to", "last", help="Last date (YYYY-MM-DD); articles published after it are left out.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def key_dates(db: str, max_dates: int, sentences_per_date: int, query: str | None, first: str | None,
             last: str | None, as_json: bool) -> None:
    """The key dates of the store DB: the days its articles point at most, each told in extractive
    sentences with the document each comes from. (`newsline show` prints the timeline of events.)"""
    from .timeline.key_dates import summarise

    for given in (first, last):
        if given and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", given):
            raise click.UsageError(f"--from/--to: {given!r} is not a date; use YYYY-MM-DD")
    with _open_store(db) as store:
        corpus = store.load_corpus()
    paths = {d.id: d.path for d in corpus.documents}
    summaries = summarise(corpus, max_dates=max_dates, sentences_per_date=sentences_per_date, first=first,
                          last=last, query=query)
    if as_json:
        click.echo(json.dumps([{"date": s.date, "score": s.score, "sentences": [
            {**c.model_dump(), "path": paths.get(c.document)} for c in s.sentences]} for s in summaries], indent=1))
        return
    for summary in summaries:
        click.echo(summary.date)
        for cite in summary.sentences:
            click.echo(f"  {' '.join(cite.text.split())}\n    [{paths.get(cite.document, cite.document)}]")


@main.command()
@click.argument("db")
@click.option("--format", "fmt", type=click.Choice(["json", "html", "md"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
def export(db: str, fmt: str, output: str | None) -> None:
    """Export the store DB's report as JSON, a self-contained HTML page, or Markdown."""
    with _open_store(db) as store:
        report = build_report(store.load_corpus())
    if fmt == "json":
        text = json.dumps(report_json(report), ensure_ascii=False, indent=1)
    elif fmt == "html":
        text = render_html(report)
    else:
        text = render_markdown(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text)


@main.command()
@click.argument("db")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
def search(db: str, query: str, limit: int) -> None:
    """Full-text search (SQLite FTS5 syntax) over the documents in DB."""
    with _open_store(db) as store:
        try:
            hits = store.search(query, limit)
        except StoreError as exc:
            raise click.UsageError(str(exc)) from None
    for hit in hits:
        click.echo(f"{hit['path']}\t{hit['title']}\n    {hit['snippet']}")


@main.command()
@click.option("--db", default="newsline.db", show_default=True, help="The store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 127.0.0.1 keeps it to this machine (0.0.0.0 opens it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-write", is_flag=True,
              help="Accept POST /api/documents from holders of the token in the NEWSLINE_TOKEN environment variable.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes.")
def serve(db: str, host: str, port: int, allow_write: bool, max_bytes: int) -> None:
    """Open the store DB as a web workspace (timeline, events, entities, sources, documents,
    search) and an HTTP API (/api/..., schema at /openapi.json). Read-only unless --allow-write."""
    import os

    import uvicorn

    from .serve.api import create_app

    token = os.environ.get("NEWSLINE_TOKEN", "")
    if allow_write and len(token) < 16:
        raise click.UsageError("--allow-write needs a bearer token of at least 16 characters in NEWSLINE_TOKEN")
    _require_store(db)
    try:
        app = create_app(db, allow_write=allow_write, token=token or None, max_body=max_bytes)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None
    err_console.print(
        f"newsline: serving {db} at http://{host}:{port}/ ({'read-write' if allow_write else 'read-only'})"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("db")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def runs(db: str, as_json: bool) -> None:
    """List the runs recorded in the store DB: when, over which inputs, what each did with them
    (processed, already stored, repeated, failed) and how long each stage took."""
    with _open_store(db) as store:
        records = store.runs()
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in records], indent=2))
        return
    if not records:
        click.echo(f"{db}: no runs recorded")
    for record in records:
        click.echo(f"#{record.id}  {record.started_at[:19].replace('T', ' ')} UTC  {_run_outcome(record)}")
        click.echo(f"    inputs: {', '.join(record.inputs)}")
        slowest = sorted(record.stage_seconds.items(), key=lambda item: -item[1])[:3]
        if slowest:
            click.echo("    slowest stages: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in slowest))


def _run_outcome(record: RunRecord) -> str:
    if record.finished_at is None or record.counts is None:
        return "interrupted"
    took = dt.datetime.fromisoformat(record.finished_at) - dt.datetime.fromisoformat(record.started_at)
    counts = record.counts
    return (f"{took.total_seconds():.1f} s  {counts.processed} processed, {counts.cached} already stored, "
            f"{counts.repeated} repeated, {counts.failed} failed")


@main.command()
def stages() -> None:
    """List the registered pipeline stages, in order, with what each reads and writes."""
    from .registry import Rerun, get_stage
    from .stages import DEFAULT_STAGES

    for name in DEFAULT_STAGES:
        if isinstance(name, Rerun):
            click.echo(f"again: {', '.join(name.stages)} ({name.why})")
            continue
        spec = get_stage(name)
        click.echo(f"{spec.name} ({spec.scope}): {spec.doc.splitlines()[0] if spec.doc else ''}")
        click.echo(f"    reads:  {', '.join(sorted(spec.reads))}")
        click.echo(f"    writes: {', '.join(sorted(spec.writes))}")


main.add_command(eval_group)
