"""Page furniture out of scraped plain text, with a record of every line removed and why.

trafilatura does this for HTML, but scraped pages very often reach us as text already (the menus,
comment forms and cookie notices flattened into lines), and no maintained library cleans *text*,
so this is written here: a line classifier of small named rules, a rule for the furniture
block that follows the article (a "Related articles" heading and the list below it), and the reader
comment thread below it (``comments.py``), cut whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Document, Removal
from ..registry import Context, stage
from .comments import MONTH_NAMES, footer_start, thread_start
from .unwrap import unwrap

HEADER_DATE_REASON = "header line: a date printed above the article (kept as a publication-date candidate)"

_DATE_TOKEN = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|"
    rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+(?:{MONTH_NAMES})\.?,?\s+\d{{4}}\b|"
    r"\b\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?\b",
    re.I,
)
_DATE_FILLER = re.compile(
    r"\b(?:date|dated|published|updated|posted|last|modified|on|at|am|pm|gmt|utc|edt|est|cet|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|[\s,.:|/()\-–—]+",
    re.I,
)
_CRUMB_SEPARATORS = re.compile(r"\s[>»›/|]\s|\s[>»›]\s?")
_SHARE_WORDS = {
    "share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "email", "e-mail",
    "print", "linkedin", "pinterest", "reddit", "copy", "link", "pin", "vk", "messenger", "viber",
    "on", "this", "article", "via",
}


@dataclass(frozen=True)
class LineRule:
    reason: str
    matches: Callable[[str], bool]


def _regex_rule(reason: str, pattern: str) -> LineRule:
    compiled = re.compile(pattern, re.I)
    return LineRule(reason, lambda line: bool(compiled.search(line)))


def _is_crumbs(line: str) -> bool:
    # "HomeWorld NewsUnited States News..." (menu items glued together) or "Home > World > Europe"
    if re.match(r"^Home(?=[A-Z])", line):
        return True
    return bool(re.match(r"^home\b", line, re.I)) and len(_CRUMB_SEPARATORS.findall(line)) >= 1


def _is_share_bar(line: str) -> bool:
    words = re.findall(r"[\w-]+", line.lower())
    return 0 < len(words) <= 12 and all(w in _SHARE_WORDS for w in words) and any(
        w not in {"on", "this", "article", "via", "copy", "link"} for w in words
    )


LINE_RULES: list[LineRule] = [
    LineRule("navigation crumbs", _is_crumbs),
    _regex_rule("comment form", r"^(please )?(enter|type) your (comment|name|email)|^leave a (reply|comment)"
                r"|^(post|submit) (a )?comment|your email address will not be published|"
                r"^save my name, email|^\d+ comments?$|^comments?( \(\d+\))?$|^add a comment"),
    _regex_rule("captcha", r"\bcaptcha\b|\bi'?m not a robot\b"),
    _regex_rule("cookie notice", r"\bcookies?\b.{0,80}\b(experience|consent|accept|privacy|website|browsing)\b"
                r"|\b(accept|reject|manage) (all )?cookies\b"),
    _regex_rule("related or trending list", r"^(more )?related (articles|stories|posts|news|coverage)\b"
                r"|^\d+ days? trending\b|^trending( now| stories| news)?$|^most (read|popular|viewed)\b"
                r"|^you (may|might) also like\b|^recommended( for you| stories)?$|^read (more|also|next)\b"
                r"|^(see|more) also\b|^popular (posts|stories|now)$"),
    LineRule("share buttons", _is_share_bar),
    _regex_rule("photo credit", r"^(photo|image|picture|credit|source)s?\s*:\s*\S.{0,60}$"),
    _regex_rule("advertising or subscription", r"^advertisement$|^sponsored( content)?$|^subscribe (to|for)\b"
                r"|^sign up (for|to) (our|the) newsletter|^follow us on\b"),
    _regex_rule("copyright footer", r"^(©|\(c\)|copyright\b).{0,120}$|\ball rights reserved\b"),
]
# Headings after which everything short is part of the same below-article block.
_BLOCK_STARTERS = {"related or trending list", "comment form"}


def is_header_date_line(line: str) -> bool:
    """A line that is nothing but dates, times, weekdays and labels ("date 2023-02-26 25.02.2023")."""
    if not _DATE_TOKEN.search(line) or len(line) > 80:
        return False
    rest = _DATE_FILLER.sub("", _DATE_TOKEN.sub("", line))
    return rest == ""


def classify_lines(raw: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, line, reason-or-None) for every line of ``raw``; None means keep."""
    out: list[tuple[int, int, str, str | None]] = []
    offset, seen_content, in_block, previous = 0, 0, False, None
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        reason = None
        if stripped:
            reason = _line_reason(stripped, seen_content, previous)
            if reason in _BLOCK_STARTERS:
                in_block = True
            elif reason is None and in_block and len(stripped) < 160:
                reason = "below-article furniture (short lines after a related-list or comment heading)"
            elif reason is None:
                in_block = False
            if reason is None:
                seen_content += 1
                previous = stripped
        out.append((offset, offset + len(body), body, reason))
        offset += len(line)
    return out


def _line_reason(line: str, seen_content: int, previous: str | None) -> str | None:
    if seen_content < 3 and is_header_date_line(line):
        return HEADER_DATE_REASON
    if previous is not None and line == previous:
        return "repeated line (a title printed twice)"
    for rule in LINE_RULES:
        if rule.matches(line):
            return rule.reason
    return None


def clean_text(raw: str) -> tuple[str, list[Removal]]:
    kept: list[str] = []
    removed: list[Removal] = []
    # The comment thread or the glued footer, whichever starts first, goes whole with its reason.
    cuts = [c for c in (thread_start(raw), footer_start(raw)) if c is not None]
    cut = min(cuts) if cuts else None
    article = raw if cut is None else raw[:cut[0]]
    for start, end, line, reason in classify_lines(article):
        if reason is None:
            kept.append(line.rstrip())
        else:
            removed.append(Removal(start=start, end=end, text=line, reason=reason))
    if cut is not None:
        removed.append(Removal(start=cut[0], end=len(raw), text=raw[cut[0]:], reason=cut[1]))
    text = re.sub(r"\n{3,}", "\n\n", unwrap("\n".join(kept))).strip("\n")
    # Leading spaces on the first line are layout, not text.
    return text.strip(), removed


def guess_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if not first:
        return None
    if len(first) <= 200 and not re.search(r"[.!?]['\"”’]?$", first):
        return first
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "…"


def markup_removal(chars: int) -> Removal:
    """What the HTML extraction left out, recorded like the cleaner's own removals."""
    return Removal(start=0, end=0, text="",
                   reason=f"html: {chars:,} characters of markup, navigation and page furniture left out by "
                          "trafilatura's article extraction")


@stage("clean", scope="document", reads=["document.raw_text", "document.given_title", "document.markup_chars"],
       writes=["document.text", "document.removed", "document.title"])
def clean_stage(documents: list[Document], ctx: Context) -> None:
    """Remove page furniture from each document's text and record what went and why."""
    for doc in documents:
        doc.text, removals = clean_text(doc.raw_text)
        doc.removed = ([markup_removal(doc.markup_chars)] if doc.markup_chars is not None else []) + removals
        doc.title = doc.given_title or guess_title(doc.text)
