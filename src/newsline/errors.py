"""Coded errors, in the manner of spaCy's ``Errors``: one catalogue, stable codes, a hint each.

Every problem with one input becomes an ``InputError`` carrying the file, what is wrong and what
to do; the run records it and goes on with the other inputs.
"""

from __future__ import annotations

from .model import ProblemReport

# code: (message template, hint)
CATALOGUE: dict[str, tuple[str, str]] = {
    "E001": ("path does not exist", "check the path; it is taken relative to the current folder"),
    "E002": ("path cannot be read: {detail}", "check its permissions"),
    "E003": ("unsupported file type '{suffix}'", "give .txt, .html, .htm, .jsonl or a .gz of one of these"),
    "E010": ("file is empty", "nothing to do; remove it or fill it"),
    "E011": ("file looks binary, not text ({detail})", "give the text or HTML of the article"),
    "E012": ("cannot decode the text: {detail}", "re-save the file as UTF-8"),
    "E013": (
        "file is {size:,} bytes, over the {limit:,}-byte limit for one document",
        "split it into one file per article, or raise --max-bytes",
    ),
    "E014": ("gzip file is damaged or truncated: {detail}", "download or copy the file again"),
    "E015": ("no article text left after cleaning", "check that the file holds an article, not only page furniture"),
    "E020": ("line {line}: not valid JSON ({detail})", "each line must be one JSON object"),
    "E021": (
        "line {line}: {detail}",
        "each line needs 'text' or 'html'; 'id', 'url', 'title', 'published' are optional",
    ),
    "E022": ("line {line}: 'published' is not a date: {detail!r}", "use YYYY-MM-DD or an ISO 8601 timestamp"),
    "E016": (
        "stage '{stage_name}' failed on this document: {detail}",
        "newsline left the document out and went on; please report it with the file",
    ),
    "E030": (
        "HTML extraction found no article text",
        "the page may be an index or need JavaScript; save the article page itself",
    ),
    "W040": (
        "language is '{language}', not English: entities and events are not extracted",
        "newsline 0.1 reads English",
    ),
    "W041": ("text was decoded as {encoding}, not UTF-8", "re-save as UTF-8 to be sure of the characters"),
}


class InputError(Exception):
    """A problem with one input: the run reports it and carries on with the rest."""

    def __init__(self, code: str, path: str, **fields: object) -> None:
        template, hint = CATALOGUE[code]
        self.code = code
        self.path = path
        self.message = template.format(**fields)
        self.hint = hint
        super().__init__(f"{path}: [{code}] {self.message}")

    def report(self) -> ProblemReport:
        return ProblemReport(code=self.code, message=self.message, path=self.path, hint=self.hint)


def problem(code: str, path: str | None = None, stage: str | None = None, **fields: object) -> ProblemReport:
    template, hint = CATALOGUE[code]
    return ProblemReport(code=code, message=template.format(**fields), path=path, stage=stage, hint=hint)


class PipelineError(Exception):
    """A mistake in how stages were put together (a programming error, not bad input)."""
