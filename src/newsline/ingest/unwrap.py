"""Hard-wrapped text joined back into paragraphs.

Wire feeds, e-mail and archive exports break lines at a fixed width (Reuters-21578 at about 70
characters), and a paragraph is an indented line or a blank one. Read as it is, every line end is a
sentence end: on Reuters' crude-oil stories the cited sentences were line fragments ("has 11.4
pct."), and the contradiction gate, which reads a claim's clause and sentence, saw none of the words
that tell two counts apart (issue 19's second blind round). Editors' text puts a paragraph on one
line, so its lines are long and ragged; a hard-wrapped text's lines fill a narrow width. Joining
replaces each line break inside a paragraph by a space, so the text keeps its length.
"""

from __future__ import annotations

import re

MIN_LINES = 4  # too few lines to tell a wrap width from chance
MAX_WIDTH = 100  # no one wraps wider; paragraph-per-line copy runs longer
FULL_SHARE = 0.6  # lines that reach within FULL_SLACK of the width
FULL_SLACK = 25
OPEN_SHARE = 0.5  # lines that end mid-sentence
_SENTENCE_END = re.compile(r"[.!?:;\"”’')]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text is wrapped at, or None when it is not hard-wrapped."""
    body = [line.rstrip() for line in lines if line.strip()]
    if len(body) < MIN_LINES:
        return None
    lengths = sorted(len(line) for line in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > MAX_WIDTH:
        return None
    full = sum(length >= width - FULL_SLACK for length in lengths) / len(lengths)
    open_ended = sum(not _SENTENCE_END.search(line) for line in body) / len(body)
    return width if full >= FULL_SHARE and open_ended >= OPEN_SHARE else None


def _continues(line: str, following: str, width: int) -> bool:
    """Whether ``following`` carries on ``line``'s paragraph: the line ran to the width (a short
    line ends its paragraph), and the next is neither blank, indented nor a list item."""
    if not following.strip() or following[:1].isspace() or _LIST_ITEM.match(following):
        return False
    return len(line.rstrip()) >= width - FULL_SLACK


def unwrap(text: str) -> str:
    """``text`` with the line breaks inside its paragraphs made spaces, if it is hard-wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            out.append(" " if _continues(line, lines[i + 1], width) else "\n")
    return "".join(out)
