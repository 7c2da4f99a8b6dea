"""Find time expressions in text and describe each independently of any anchor date.

No maintained library tags *and* normalizes news time expressions against a reference date with
TimeML-style spans (dateparser parses a string you already found; it reaches a TimeML value F1
under 0.10 on news). So the finder is ours: named regular patterns, longest match wins, each
returning a ``rule`` and its ``params``; ``resolve.py`` turns those into dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": 3, "few": 3,
}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}

# Month and weekday names are matched capitalised only: "may" and "march" are common words.
_MONTH = (r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
_WEEKDAY = r"(?P<{g}>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
_NUM = r"(?P<{g}>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|several|few)"
_UNIT = r"(?P<{g}>day|week|month|year|decade|century)"


def _g(template: str, group: str) -> str:
    return template.format(g=group)


@dataclass(frozen=True)
class Pattern:
    rule: str
    regex: re.Pattern[str]
    kind: str  # DATE, DURATION, ...
    params: Callable[[re.Match[str]], dict[str, int | str | None]]


def _month(m: re.Match[str], group: str) -> int:
    return MONTHS[m.group(group).rstrip(".").lower()]


def _num(value: str) -> int:
    return int(value) if value.isdigit() else NUMBER_WORDS[value.lower()]


def _wd(m: re.Match[str], group: str = "wd") -> int | None:
    value = m.groupdict().get(group)
    return WEEKDAYS[value.lower()] if value else None


_WD_PREFIX = _g(_WEEKDAY, "wd") + r",?\s*\(?\s*"
PATTERNS: list[Pattern] = [
    Pattern("iso_date", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "DATE",
            lambda m: {"y": int(m["y"]), "m": int(m["m"]), "d": int(m["d"])}),
    Pattern("dotted_date", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"), "DATE",
            lambda m: {"y": int(m["y"]), "m": int(m["m"]), "d": int(m["d"])}),
    # "from February 28 to March 2", "February 28 to March 2, 2023", "between May 3 and 5"
    Pattern("day_range", re.compile(
        rf"{_g(_MONTH, 'm1')}\s+{_g(_DAY, 'd1')}(?:,?\s+{_g(_YEAR, 'y1')})?\s*(?:to|until|till|through|and|-|–)\s*"
        rf"(?:{_g(_MONTH, 'm2')}\s+)?{_g(_DAY, 'd2')}(?!\d)(?:,?\s+{_g(_YEAR, 'y2')})?"), "DATE",
        lambda m: {"m1": _month(m, "m1"), "d1": int(m["d1"]),
                   "m2": _month(m, "m2") if m["m2"] else _month(m, "m1"), "d2": int(m["d2"]),
                   "y": int(m["y2"] or m["y1"]) if (m["y2"] or m["y1"]) else None}),
    Pattern("month_day_year", re.compile(
        rf"(?:{_WD_PREFIX})?{_g(_MONTH, 'm')}\s+{_g(_DAY, 'd')},?\s+{_g(_YEAR, 'y')}\b\)?"), "DATE",
        lambda m: {"y": int(m["y"]), "m": _month(m, "m"), "d": int(m["d"]), "wd": _wd(m)}),
    Pattern("day_month_year", re.compile(
        rf"(?:{_WD_PREFIX})?\b{_g(_DAY, 'd')}\s+{_g(_MONTH, 'm')},?\s+{_g(_YEAR, 'y')}\b\)?"), "DATE",
        lambda m: {"y": int(m["y"]), "m": _month(m, "m"), "d": int(m["d"]), "wd": _wd(m)}),
    Pattern("month_day", re.compile(
        rf"(?:{_WD_PREFIX})?{_g(_MONTH, 'm')}\s+{_g(_DAY, 'd')}(?![\d,]*\d)\b\)?"), "DATE",
        lambda m: {"m": _month(m, "m"), "d": int(m["d"]), "wd": _wd(m)}),
    Pattern("day_month", re.compile(
        rf"(?:{_WD_PREFIX})?\b{_g(_DAY, 'd')}\s+{_g(_MONTH, 'm')}\b(?!\s+(?:19|20)\d\d)\)?"), "DATE",
        lambda m: {"m": _month(m, "m"), "d": int(m["d"]), "wd": _wd(m)}),
    Pattern("month_year", re.compile(rf"{_g(_MONTH, 'm')},?\s+(?:of\s+)?{_g(_YEAR, 'y')}\b"), "DATE",
            lambda m: {"y": int(m["y"]), "m": _month(m, "m")}),
    Pattern("year_range", re.compile(rf"(?<![\d$.,])\b{_g(_YEAR, 'y1')}\s*(?:-|–|—|to)\s*{_g(_YEAR, 'y2')}\b(?![-–]\w)"),
            "DATE", lambda m: {"y1": int(m["y1"]), "y2": int(m["y2"])}),
    Pattern("year", re.compile(rf"(?<![\d$£€.,#-])\b{_g(_YEAR, 'y')}\b(?![-–]?(?:year|\d)|s\b|,\d|\.\d|%)"), "DATE",
            lambda m: {"y": int(m["y"])}),
    Pattern("month_alone", re.compile(
        rf"\b(?:in|since|until|by|early|late|mid|last|next|this|of|from|before|after)[\s-](?P<t>{_g(_MONTH, 'm')})(?!\s+\d)\b"), "DATE",
        lambda m: {"m": _month(m, "m")}),
    Pattern("weekday", re.compile(rf"\b{_g(_WEEKDAY, 'wd')}\b(?!\s*(?:\(|,)?\s*(?:{_g(_MONTH, 'mx')}|\d))"), "DATE",
            lambda m: {"wd": _wd(m)}),
    Pattern("relative_day", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.I), "DATE",
            lambda m: {"offset": {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]}),
    Pattern("relative_unit", re.compile(
        r"\b(?P<w>last|this|next|past|coming|previous)\s+(?P<u>week|month|year)\b(?!\s*'?s?\s*(?:-|old))", re.I), "DATE",
        lambda m: {"unit": m["u"].lower(),
                   "offset": {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m["w"].lower()]}),
    Pattern("earlier_later", re.compile(r"\b(?P<w>earlier|later) this (?P<u>week|month|year)\b", re.I), "DATE",
            lambda m: {"unit": m["u"].lower(), "offset": 0}),
    Pattern("ago", re.compile(rf"\b{_g(_NUM, 'n')}\s+{_g(_UNIT, 'u')}s?\s+ago\b", re.I), "DATE",
            lambda m: {"n": _num(m["n"]), "unit": m["u"].lower()}),
    Pattern("anaphoric_day", re.compile(
        r"\bthe (?P<w>day before|previous day|day after|next day|following day|same day)\b", re.I), "DATE",
        lambda m: {"offset": {"day before": -1, "previous day": -1, "day after": 1, "next day": 1,
                              "following day": 1, "same day": 0}[m["w"].lower()]}),
    # Durations, ages and counts: tagged so that they can never be taken for dates.
    Pattern("duration_adjective", re.compile(rf"\b{_g(_NUM, 'n')}[-\s]{_g(_UNIT, 'u')}(?=[-\s](?:old|long)\b|[-\s]\w)", re.I),
            "DURATION", lambda m: {"n": _num(m["n"]), "unit": m["u"].lower()}),
    Pattern("duration_adjective", re.compile(rf"\b(?P<n>)(?P<u>day|week|month|year|decade)-old\b", re.I),
            "DURATION", lambda m: {"n": 1, "unit": m["u"].lower()}),
    Pattern("duration_last_n", re.compile(
        rf"\b(?:the\s+)?(?:last|past|next|coming)\s+{_g(_NUM, 'n')}\s+{_g(_UNIT, 'u')}s\b", re.I), "DURATION",
        lambda m: {"n": _num(m["n"]), "unit": m["u"].lower()}),
    Pattern("duration", re.compile(rf"\b{_g(_NUM, 'n')}\s+{_g(_UNIT, 'u')}s?\b(?!\s+ago)", re.I), "DURATION",
            lambda m: {"n": _num(m["n"]), "unit": m["u"].lower()}),
    Pattern("present_ref", re.compile(r"\b(?P<w>now|currently|nowadays|at present)\b", re.I), "DATE",
            lambda m: {"ref": "PRESENT_REF"}),
    Pattern("past_ref", re.compile(r"\b(?P<w>recently|formerly|in the past)\b", re.I), "DATE",
            lambda m: {"ref": "PAST_REF"}),
]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    rule: str
    kind: str
    params: dict[str, int | str | None]


def find_expressions(text: str) -> list[Found]:
    """All non-overlapping time expressions, the longest first where they overlap."""
    candidates: list[Found] = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text):
            try:
                params = pattern.params(match)
            except (KeyError, ValueError):
                continue
            # A pattern may need context it does not tag ("in March"): group "t" is then the span.
            group = "t" if "t" in match.groupdict() else 0
            start, end = _trim(text, match.start(group), match.end(group))
            if start < end and _plausible(params):
                candidates.append(Found(start, end, text[start:end], pattern.rule, pattern.kind, params))
    chosen: list[Found] = []
    for found in sorted(candidates, key=lambda f: (-(f.end - f.start), f.start)):
        if all(found.end <= c.start or found.start >= c.end for c in chosen):
            chosen.append(found)
    return sorted(chosen, key=lambda f: f.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,(":
        end -= 1
    if text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    return start, end


def _plausible(params: dict[str, int | str | None]) -> bool:
    for key in ("d", "d1", "d2"):
        value = params.get(key)
        if isinstance(value, int) and not 1 <= value <= 31:
            return False
    month = params.get("m")
    return not (isinstance(month, int) and not 1 <= month <= 12)
