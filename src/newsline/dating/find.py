"""Finding time expressions: every rule's matches, the longest where they overlap.

Most rules can only match near a word they always contain ("ago", a month name, "quarter"), so
each runs only in windows of text around those words, found with str.find on the lower-cased text,
which is far faster than a case-insensitive regex scan over a long document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import TimexParams
from .patterns import PATTERNS, Params, Pattern


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    rule: str
    kind: str
    params: Params = field(default_factory=TimexParams)


_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur", "nightly")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The words every match of a rule contains: the rule only runs in windows around them. Found with
# str.find on the lower-cased text, which is far faster than a case-insensitive regex scan.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "duration": _UNIT_WORDS, "ago": ("ago",),
    "shifted": ("earlier", "later", "before", "after", "previously", "hence", "-ago"),
    "age": ("old",), "fraction": ("quarter",), "set": (*_UNIT_WORDS, "daily"), "relative_unit": _UNIT_WORDS,
    "quarter": ("quarter",),
    "quarter_relative": ("quarter", "period"), "period_ended": ("ended", "ending"), "ordinal": ("second",),
    "year_end": ("end",), "month_alone": _MONTH_WORDS, "month_year": _MONTH_WORDS,
    "month_day": _MONTH_WORDS, "day_month": _MONTH_WORDS, "month_day_year": _MONTH_WORDS,
    "day_month_year": _MONTH_WORDS, "day_range": _MONTH_WORDS, "set_month": _MONTH_WORDS,
    "season": ("spring", "summer", "fall", "autumn", "winter"), "half": ("half",),
    "clock": ("m.", "am", "pm", "o'clock", "gmt", "utc", "t ", "noon", "midday", "midnight", "a.m", "p.m"),
    "decade": ("0s", "0's"), "century": ("century",),
    "weekday": ("day",), "set_day": ("day",), "weekend": ("weekend",),
    "relative_day": ("today", "yesterday", "tomorrow", "tonight"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "anaphoric_day": ("day", "week", "month", "year"),
}
WINDOW_BEFORE, WINDOW_AFTER = 90, 60  # characters around a trigger word; no expression is longer


def _windows(text: str, lowered: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    hits = []
    for word in words:
        at = lowered.find(word)
        while at != -1:
            hits.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    windows: list[tuple[int, int]] = []
    for hit_start, hit_end in sorted(hits):
        start, end = max(0, hit_start - WINDOW_BEFORE), min(len(text), hit_end + WINDOW_AFTER)
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # never start a window inside a word
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _matches(pattern: Pattern, text: str, lowered: str,
             cache: dict[tuple[str, ...], list[tuple[int, int]]]) -> list[re.Match[str]]:
    words = TRIGGERS.get(pattern.rule)
    if words is None:
        return list(pattern.regex.finditer(text))
    if words not in cache:
        cache[words] = _windows(text, lowered, words)
    return [m for start, end in cache[words] for m in pattern.regex.finditer(text, start, end)]


def find_expressions(text: str) -> list[Found]:
    """All non-overlapping time expressions, the longest first where they overlap.

    An interval match ("February 28 to March 2") competes as one candidate with its whole extent
    and, when chosen, yields its two endpoints.
    """
    bundles: list[tuple[int, int, int, list[Found]]] = []
    lowered = text.lower()
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rank, pattern in enumerate(PATTERNS):
        for match in _matches(pattern, text, lowered, windows):
            found = _found(text, pattern, match)
            if found:
                start = min(match.start(), found[0].start) if pattern.split else found[0].start
                end = max(match.end(), found[-1].end) if pattern.split else found[-1].end
                bundles.append((start, end, rank, found))
    chosen: list[tuple[int, int, int, list[Found]]] = []
    # Longest first; among equals, the earlier pattern in PATTERNS (more specific) wins.
    for bundle in sorted(bundles, key=lambda b: (-(b[1] - b[0]), b[2], b[0])):
        if all(bundle[1] <= c[0] or bundle[0] >= c[1] for c in chosen):
            chosen.append(bundle)
    return sorted((f for b in chosen for f in b[3] if f.kind != "IGNORE"), key=lambda f: f.start)


def _found(text: str, pattern: Pattern, match: re.Match[str]) -> list[Found]:
    try:
        if pattern.split is not None:
            out = []
            for end_group, rule, params in pattern.split(match):
                start, end = _trim(text, match.start(end_group), match.end(end_group))
                if _plausible(params):
                    out.append(Found(start, end, text[start:end], rule, pattern.kind, params))
            return out if len(out) == 2 else []
        params = pattern.params(match)
    except (KeyError, ValueError, TypeError):
        return []
    group: str | int = "t" if "t" in match.groupdict() else 0
    start, end = _trim(text, match.start(group), match.end(group))
    if start < end and _plausible(params):
        return [Found(start, end, text[start:end], pattern.rule, pattern.kind, params)]
    return []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,(\n\t":
        end -= 1
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    while start < end and text[start] in " ,(\n\t":
        start += 1
    return start, end


def _plausible(params: Params) -> bool:
    if params.d is not None and not 1 <= params.d <= 31:
        return False
    return not (params.m is not None and not 1 <= params.m <= 12)
