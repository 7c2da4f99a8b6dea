"""The rules of time expressions: what each matches, the typed parts it reads (``TimexParams``),
and its resolver, which turns those parts into a TIMEX3 value against an anchor date.

No maintained library tags *and* normalizes news time expressions against a reference date with
TimeML-style spans (dateparser parses a string you already found; it reaches a TimeML value F1
under 0.10 on news). So the rules are ours: named regular patterns; ``find.py`` keeps the longest
match where they overlap, ``resolve.py`` runs each expression's resolver.

Spans follow the TimeML guidelines: "Friday", not "on Friday"; determiners and approximators are
inside ("the third quarter", "about two years ago"); an interval is two expressions.
Month and weekday names are matched capitalised only: "may" and "march" are common words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import TimexParams
from . import resolve_calendar as C
from . import resolve_relative as R
from .assign import Resolver
from .lexicon import (
    APPROX,
    DAY,
    MONTH,
    MONTH_NAME,
    NUM,
    ORDINALS,
    PART,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    YEAR,
    month_number,
    number_of,
    spelled_year,
    unit_of,
    weekday_number,
)

Params = TimexParams
P = TimexParams


@dataclass(frozen=True)
class Pattern:
    """A rule: what it matches, the typed parts it reads from a match, and the resolver that turns
    those parts into a value against an anchor date (None for what is matched only to be dropped)."""

    rule: str
    regex: re.Pattern[str]
    kind: str  # DATE, TIME, DURATION or SET; IGNORE for ages and fractions
    params: Callable[[re.Match[str]], Params]
    resolve: Resolver | None
    # An interval pattern splits into its endpoints: [(group, rule, params), ...].
    split: Callable[[re.Match[str]], list[tuple[str, str, Params]]] | None = None


def _i(fragment: str) -> str:
    """Case-insensitive inside a case-sensitive pattern."""
    return f"(?i:{fragment})"


def _wd(m: re.Match[str], group: str = "wd") -> int | None:
    value = m.groupdict().get(group)
    return weekday_number(value) if value else None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    year = int(value.lstrip("'"))
    return year if year > 99 else (1900 + year if year >= 40 else 2000 + year)


def _n(m: re.Match[str], group: str = "n") -> float | None:
    return number_of(m[group]) if m.groupdict().get(group) else 1


# "April 17 , 2010": tokenized copy (Timeline17, OCR, some feeds) spaces the comma off; read as
# "April 17" alone, the day was resolved to the report's year (a 2011 report's "April 17, 2010").
_YEAR_COMMA = r"\s?,?\s+"
_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s*\(?\s*(?:the\s+)?)?"
_OFFSETS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "present": 0,
            "next": 1, "coming": 1, "following": 1}
_REL = r"(?P<w>last|this|next|past|coming|previous|prior|current|following)"
_MOD = _i(r"(?:(?P<mod>early|earlier|late|later|mid|the end of|the beginning of|the start of|the middle of"
          r"|the rest of|the remainder of|end of|beginning of)[-\s]+(?:in\s+)?)")


def _date_params(m: re.Match[str]) -> Params:
    return P(y=_year(m.groupdict().get("y")), m=month_number(m["m"]), d=int(re.sub(r"\D", "", m["d"])),
            wd=_wd(m))


def _range_split(m: re.Match[str]) -> list[tuple[str, str, Params]]:
    m1, d1 = month_number(m["m1"]), int(re.sub(r"\D", "", m["d1"]))
    m2 = month_number(m["m2"]) if m["m2"] else m1
    d2 = int(re.sub(r"\D", "", m["d2"]))
    y2 = _year(m["y2"])
    y1 = _year(m["y1"]) or (y2 - (1 if m2 < m1 else 0) if y2 else None)
    rule1 = "month_day_year" if y1 else "month_day"
    rule2 = "month_day_year" if y2 else "month_day"
    return [("a", rule1, P(y=y1, m=m1, d=d1, wd=_wd(m, "wd1"), pair="open")),
            ("b", rule2, P(y=y2, m=m2, d=d2, wd=None, pair="close"))]


def _year_range_split(m: re.Match[str]) -> list[tuple[str, str, Params]]:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    return [("a", "year", P(y=y1, pair="open")), ("b", "year", P(y=y2, pair="close"))]


# Each rule's resolver. An interval's rule (day_range, year_range) has none of its own: it splits into
# two expressions of the rules it names.
RESOLVES: dict[str, Resolver | None] = {
    **dict.fromkeys(("iso_date", "dotted_date", "slash_date", "month_day_year", "day_month_year"), C.explicit_day),
    "month_day": C.month_day, "day_month": C.month_day, "month_year": C.month_of_year, "year": C.year,
    "decade": C.decade, "century": C.century, "quarter": C.quarter, "period_ended": C.period_ended, "half": C.half,
    "season": C.season, "month_alone": C.month_alone, "holiday": C.holiday, "weekday": C.weekday,
    "relative_day": C.relative_day, "part_of_day": C.relative_day, "clock": C.clock, "weekend": C.weekend,
    "quarter_relative": R.quarter_relative, "relative_unit": R.relative_unit, "year_end": R.relative_unit,
    "ago": R.ago, "shifted": R.shifted, "anaphoric_day": R.anaphoric_day,
    **dict.fromkeys(("present_ref", "past_ref", "future_ref", "vague_ref"), R.vague_ref),
    **dict.fromkeys(("set", "set_day", "set_month"), R.set_value), "duration": R.duration,
    **dict.fromkeys(("day_range", "year_range", "fraction", "ordinal", "age"), None),
}


def _p(rule: str, regex: str, kind: str, params: Callable[[re.Match[str]], Params], flags: int = 0,
       split: Callable[[re.Match[str]], list[tuple[str, str, Params]]] | None = None) -> Pattern:
    # A leading word boundary lets the engine skip most positions quickly: every pattern starts a word.
    if not regex.startswith(("\\b", "(?<")):
        regex = r"\b" + regex
    return Pattern(rule, re.compile(regex, flags), kind, params, RESOLVES[rule], split)


def _clock_params(m: re.Match[str]) -> Params:
    hour, ap = int(m["h"]), (m["ap"] or "").lower().replace(" ", "")
    tz = (m["tz"] or "").lower()
    if not 0 < hour <= 12:
        raise ValueError("not a clock hour")
    if (ap.startswith("p") or tz in ("afternoon", "evening", "night")) and hour < 12:
        hour += 12
    elif ap.startswith("a") and hour == 12:
        hour = 0
    params: Params = P(h=hour, mi=int(m["mi"]) if m["mi"] else 0, wd=_wd(m))
    if m["mo"]:
        params.m, params.d = month_number(m["mo"]), int(re.sub(r"\D", "", m["d"]))
    if m["rd"]:
        params.offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rd"].lower()]
    return params


I = re.I  # noqa: E741  (the flag's own name, short beside the patterns it ends)
_DAY_RANGE = (rf"(?P<a>(?:(?P<wd1>{WEEKDAY}),?\s*)?(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?)"
              rf"\s*(?:{_i('to|until|till|through|thru|and')}|-|–|—)\s*"
              rf"(?P<b>(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})(?!\d)(?:,?\s+(?P<y2>{YEAR}))?)(?![\d:])")

PATTERNS: list[Pattern] = [
    # ---- explicit calendar dates -------------------------------------------------------------
    _p("iso_date", rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", "DATE",
       lambda m: P(y=int(m["y"]), m=int(m["m"]), d=int(m["d"]))),
    _p("dotted_date", rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{YEAR})\b", "DATE",
       lambda m: P(y=int(m["y"]), m=int(m["m"]), d=int(m["d"]))),
    _p("slash_date", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])", "DATE",
       lambda m: P(y=_year(m["y"]), m=int(m["m"]), d=int(m["d"]))),
    _p("day_range", _DAY_RANGE, "DATE", lambda m: P(), split=_range_split),
    _p("month_day_year", rf"{_WD_PREFIX}(?P<m>{MONTH})\s+(?P<d>{DAY}){_YEAR_COMMA}(?P<y>{YEAR})\b\)?", "DATE",
       _date_params),
    _p("day_month_year", rf"{_WD_PREFIX}\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}){_YEAR_COMMA}(?P<y>{YEAR})\b\)?",
       "DATE",
       _date_params),
    _p("month_day", rf"{_WD_PREFIX}(?P<m>{MONTH})\s+(?P<d>{DAY})(?![\d,]*\d|:\d)\b\)?", "DATE", _date_params),
    _p("day_month", rf"{_WD_PREFIX}\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})\b(?!\s+(?:19|20)\d\d)\)?", "DATE",
       _date_params),
    _p("month_year", rf"{_MOD}?(?P<m>{MONTH}),?\s+(?:{_i('of')}\s+)?(?P<y>{YEAR})\b", "DATE",
       lambda m: P(y=int(m["y"]), m=month_number(m["m"]))),
    _p("month_year", rf"(?P<m>{MONTH})\s+(?:{_i('of')}\s+)?{_i(_REL)}\s+{_i('year')}\b", "DATE",
       lambda m: P(m=month_number(m["m"]), year_offset=_OFFSETS[m["w"].lower()])),
    _p("year", rf"(?:{_i('the year')}\s+)?(?P<words>{_i(SPELLED_YEAR)})\b", "DATE",
       lambda m: P(y=spelled_year(m["words"]))),
    _p("year_range",
       rf"(?<![\d$.,])\b(?P<a>(?P<y1>{YEAR}))\s*(?:-|–|—|{_i('to|and|through')})\s*(?P<b>(?P<y2>{YEAR}|\d\d))\b"
       rf"(?![-–]\w|%)", "DATE", lambda m: P(), split=_year_range_split),
    _p("year", rf"(?<![\d$£€.,#/-])\b(?:{_i('fiscal|calendar|the year|model year')}\s+)?{_MOD}?(?P<y>{YEAR})\b"
       r"(?![-–]?(?:year|\d)|s\b|,\d|\.\d|%|\s*(?:tons|people|acres|miles|feet|barrels|shares|troops|soldiers|votes))",
       "DATE", lambda m: P(y=int(m["y"]))),
    _p("decade", rf"(?:{_i('the')}\s+)?{_MOD}?(?P<y>1[6-9]\d0|20\d0|'\d0)'?s\b", "DATE",
       lambda m: P(decade=int(m["y"][:3]) if not m["y"].startswith("'") else 190 + int(m["y"][1]))),
    _p("century", r"(?:the\s+)?(?P<mod>(?:early|late|mid)[-\s])?(?P<n>1\d|2[01]|\d)(?:st|nd|rd|th)[-\s]century", "DATE",
       lambda m: P(century=int(m["n"]) - 1), I),
    _p("quarter", rf"(?:the\s+)?(?:(?P<y0>{YEAR})\s+|(?P<yw>this|last|next) year's\s+)?(?:fiscal\s+|calendar\s+)?"
       rf"(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?quarter"
       rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>{YEAR})|(?P<yw2>this|last|next) year))?", "DATE",
       lambda m: P(q=ORDINALS[m["o"].lower()], y=_year(m["y"] or m["y0"]),
                  year_offset=_OFFSETS.get((m["yw"] or m["yw2"] or "").lower())), I),
    # "the quarter ended Sept. 30": the quarter is named by its last day; only "the quarter" is the span.
    # ("the year ended March 31" stays a duration, P1Y, as TimeML annotates it.)
    _p("period_ended", rf"(?P<t>(?:the|its)\s+(?:fiscal\s+)?(?P<u>{_i('quarter')}))\s+{_i('(?P<how>ended|ending)')}\s+"
       rf"(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b", "DATE",
       lambda m: P(unit=m["u"].lower(), m=month_number(m["m"]), d=int(re.sub(r"\D", "", m["d"])),
                  y=_year(m["y"]), ended=m["how"].lower() == "ended")),
    _p("quarter_relative", r"(?:the\s+)?(?P<w>latest|last|past|previous|prior|current|this|next|coming|recent|"
       r"most recent|same|year-earlier|year-ago|year-before)\s+(?:fiscal\s+)?quarter(?!s)", "DATE",
       lambda m: P(offset={"current": 0, "this": 0, "next": 1, "coming": 1}.get(m["w"].lower(), -1),
                  year_back=m["w"].lower().startswith("year-")), I),
    _p("quarter_relative", r"(?:the\s+)?(?P<w>latest|most recent)\s+period", "DATE",
       lambda m: P(offset=-1, year_back=False, anaphoric=True), I),  # financial results: the quarter reported
    _p("quarter_relative", r"\bthe\s+(?:(?P<same>same|fiscal)\s+)?quarter(?!s|ly)", "DATE",
       lambda m: P(offset=-1, year_back=False, anaphoric=True), I),
    _p("half",
       rf"(?:the\s+)?(?P<o>first|second)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<yw>this|last|next) year|the year))?",
       "DATE", lambda m: P(half=ORDINALS[m["o"].lower()], y=_year(m["y"]),
                          year_offset=_OFFSETS.get((m["yw"] or "").lower())), I),
    _p("season",
       rf"(?:(?P<w>last|this|next|past|coming)\s+|(?:the\s+)?(?P<mod>early|late|mid)[-\s]?|the\s+)?(?P<s>{SEASON})"
       rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b(?!\s+(?:season|semester|term|collection|games|olympics))", "DATE",
       lambda m: P(season=SEASONS[m["s"].lower()], y=_year(m["y"]),
                  offset=_OFFSETS.get((m["w"] or "").lower()), explicit=_explicit_season(m)), I),
    _p("month_alone", rf"(?:(?:{_i(_REL)}|{_MOD})\s*)?(?P<m>{MONTH_NAME})(?!\s+\d|\.?\s*,?\s*{YEAR})\b", "DATE",
       lambda m: P(m=month_number(m["m"]), offset=_OFFSETS.get((m["w"] or "").lower()))),
    _p("holiday", r"(?:(?P<w>last|this|next)\s+)?(?P<h>New Year's (?:Day|Eve)|Christmas(?: Eve| Day)?|Boxing Day|"
       r"Valentine's Day|Independence Day|Halloween|May Day|Thanksgiving(?: Day)?|Election Day|Labor Day|"
       r"Memorial Day|Easter(?: Sunday)?|Good Friday)(?:\s+(?P<y>" + YEAR + r"))?\b", "DATE",
       lambda m: P(holiday=m["h"].lower(), y=_year(m["y"]), offset=_OFFSETS.get((m["w"] or "").lower()))),
    # ---- days and parts of days --------------------------------------------------------------
    _p("weekday", rf"(?:{_i(_REL)}\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{_i(PART)}))?\b"
       rf"(?!s)", "DATE",
       lambda m: P(wd=_wd(m), offset=_OFFSETS.get((m["w"] or "").lower()),
                  part=(m["part"] or "").lower() or None)),
    _p("relative_day", r"\b(?:the\s+day\s+(?P<x>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
       rf"(?:\s+(?P<part>{PART}))?\b", "DATE",
       lambda m: P(offset={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
                  + {"before": -1, "after": 1}.get((m["x"] or "").lower(), 0),
                  part="night" if m["w"].lower() == "tonight" else (m["part"] or "").lower() or None), I),
    _p("part_of_day", rf"\b(?P<w>this|last|early this|late last|late this)\s+(?P<part>{PART})\b", "TIME",
       lambda m: P(offset=-1 if m["w"].lower().endswith("last") and m["part"].lower() == "night" else 0,
                  part=m["part"].lower()), I),
    _p("part_of_day", r"\bovernight\b(?!\s+(?:rate|loan|stay|bag|trip|success))", "TIME",
       lambda m: P(offset=-1, part="night"), I),
    _p("clock", rf"{_i(APPROX)}?\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|o'clock)"
       rf"(?:\s+(?:{_i('in the')}\s+)?(?P<tz>[A-Z]{{2,4}}T|GMT|UTC|{_i('morning|afternoon|evening|night')}))?"
       rf"(?:,?\s+(?:{_i('on')}\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mo>{MONTH})\s+(?P<d>{DAY})|(?P<rd>{_i('today|yesterday|tomorrow')})))?",
       "TIME", _clock_params),
    _p("clock", r"\b(?P<h>[0-2]\d):?(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC|[A-Z]{2,3}T)\b", "TIME",
       lambda m: P(h=int(m["h"]), mi=int(m["mi"]))),
    _p("clock", rf"{_i(APPROX)}?\b(?P<w>{_i('noon|midday|midnight')})(?:\s+(?P<wd>{WEEKDAY}))?", "TIME",
       lambda m: P(h=24 if m["w"].lower() == "midnight" else 12, mi=0, wd=_wd(m))),
    # ---- relative to the document date or to the previous expression --------------------------
    _p("relative_unit", rf"{_MOD}?(?:the\s+)?{_REL}\s+(?P<u>week|weekend|month|year|decade|century)\b"
       r"(?!\s*'?s?\s*(?:-|old))", "DATE",
       lambda m: P(unit=m["u"].lower(), offset=_OFFSETS[m["w"].lower()],
                  anaphoric=m["w"].lower() in ("following", "previous", "prior")), I),
    _p("relative_unit", r"(?P<mod>earlier|later|early|late)\s+in\s+the\s+(?P<u>week|month|year)\b", "DATE",
       lambda m: P(unit=m["u"].lower(), offset=0), I),
    _p("relative_unit", r"(?:the\s+)?(?:full|whole|entire)\s+(?:fiscal\s+)?(?P<u>year)\b(?!\s+ago)", "DATE",
       lambda m: P(unit="year", offset=0), I),
    _p("year_end",
       r"(?:the\s+)?(?:fiscal\s+)?(?:year[-\s]end(?!ed)|year's\s+end|end\s+of\s+the\s+(?:fiscal\s+|calendar\s+)?year)\b",
       "DATE", lambda m: P(unit="year", offset=0, mod="end"), I),
    _p("weekend", r"\b(?:the|this)\s+weekend\b", "DATE", lambda m: P(), I),
    _p("ago", rf"{APPROX}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+ago\b", "DATE",
       lambda m: P(n=_n(m), unit=unit_of(m["u"])), I),
    _p("shifted", rf"{APPROX}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+(?P<w>earlier|later|previously|hence|before|after)\b"
       r"(?!\s+than\b)(?<!before(?=\s(?:the|that|this|a|an|his|her|its|their|he|she|it|they|we)\b))"
       r"(?<!after(?=\s(?:the|that|this|a|an|his|her|its|their|he|she|it|they|we)\b))", "DATE",
       lambda m: P(n=_n(m), unit=unit_of(m["u"]),
                  sign=1 if m["w"].lower() in ("later", "after", "hence") else -1), I),
    _p("shifted",
       r"(?:the\s+)?(?P<u>year|month|week)-(?P<w>earlier|ago|before)(?:\s+(?P<what>quarter|period|month|year|level|"
       r"figure|results|week))?\b", "DATE",
       lambda m: P(n=1, unit=m["u"].lower(), sign=-1, what=(m["what"] or "").lower() or None), I),
    _p("anaphoric_day", r"\bthe\s+(?P<w>day before|previous day|day after|next day|following day|same day|"
       r"previous week|following week|week before|week after|previous month|following month|previous year|"
       r"following year|year before|prior year|year after)\b", "DATE",
       lambda m: _anaphoric_params(m["w"].lower()), I),
    _p("anaphoric_day", r"\b(?:that same|that|the same)\s+(?P<w>day|week|month|year)\b", "DATE",
       lambda m: P(offset=0, unit=m["w"].lower()), I),
    # ---- sets ---------------------------------------------------------------------------------
    _p("set", r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly)\b", "SET",
       lambda m: P(every=1, unit={"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
                                       "yearly": "year", "hourly": "hour", "biweekly": "week"}[m["w"].lower()],
                  n=2 if m["w"].lower() == "biweekly" else 1), I),
    _p("set", rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<n>{NUM})\s+)?(?P<u>{UNIT})s?\b", "SET",
       lambda m: P(every=1, unit=unit_of(m["u"]), n=2 if m["other"] else _n(m)), I),
    _p("set", rf"\b(?:times|twice|once|\d|%|dollars|cents|euros|pounds)\s+(?P<t>an?\s+(?P<u>{UNIT}))\b", "SET",
       lambda m: P(every=1, unit=unit_of(m["u"]), n=1), I),
    _p("set_day", rf"(?:{_i('every|each')}\s+(?P<wd>{WEEKDAY})|(?P<wd2>{WEEKDAY})s)(?:\s+(?P<part>{_i(PART)})s?)?\b",
       "SET",
       lambda m: P(wd=_wd(m) if m["wd"] else _wd(m, "wd2"), part=(m["part"] or "").lower() or None)),
    _p("set_day", rf"(?P<wd>{WEEKDAY})\s+(?P<part>{_i(PART)})s\b", "SET",
       lambda m: P(wd=_wd(m), part=m["part"].lower())),
    _p("set_month", rf"{_i('every|each')}\s+(?P<m>{MONTH})\b", "SET", lambda m: P(m=month_number(m["m"]))),
    # ---- durations: tagged so they are never taken for dates ---------------------------------
    _p("duration", rf"{APPROX}?(?:the\s+)?(?:(?:first|last|past|next|previous|coming|final|remaining|following|"
       rf"initial|latest|preceding|ensuing)\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\b(?!-|\s+old\b)", "DURATION",
       lambda m: P(n=_n(m), unit=unit_of(m["u"])), I),
    _p("duration", rf"{APPROX}?\b(?P<n>{NUM})[-\s](?P<u>{UNIT})s?(?:-long)?\b(?![-\s]old)", "DURATION",
       lambda m: P(n=_n(m), unit=unit_of(m["u"])), I),
    _p("duration", rf"\b(?P<u>{UNIT})-long\b", "DURATION", lambda m: P(n=1, unit=unit_of(m["u"])), I),
    # Fractions and ages are matched so that nothing inside them is read as a time, and then
    # dropped: TimeML corpora do not tag "a 6-year-old" and it never dates anything.
    _p("fraction",
       rf"{APPROX}?\b(?:one|two|three|a)[-\s]quarters?\b(?!\s+(?:of\s+(?:the\s+)?(?:year|century|decade)|ago|earlier|later))",
       "IGNORE", lambda m: P(), I),  # "three-quarters of voters" is a fraction, not a time
    _p("ordinal", r"\b(?:a|the)\s+second\s+(?!(?:or|and|ago|later|earlier|after|before|longer|each|per|to|in)\b)[a-z]+",
       "IGNORE", lambda m: P(), I),  # "a second group", "a second betrayal": an ordinal, not one second
    _p("age", rf"(?:\b(?P<n>{NUM})[-\s])?(?P<u>{UNIT})s?[-\s]old\b", "IGNORE", lambda m: P(), I),
    # "recent years", "the coming months": TimeML reads these as vague past or future references.
    _p("vague_ref", rf"(?:the\s+)?(?P<w>recent|coming|upcoming)\s+(?:{UNIT}s)(?:\s+and\s+{UNIT}s)?\b", "DATE",
       lambda m: P(ref="PAST_REF" if m["w"].lower() == "recent" else "FUTURE_REF"), I),
    _p("duration", r"(?:the\s+)?(?:(?P<w>past|last|next|previous|following|few|several)\s+)+"
       rf"(?P<u>{UNIT})s\b", "DURATION", lambda m: P(n=None, unit=unit_of(m["u"])), I),
    _p("duration",
       rf"\b(?:for|in|over|within|after|than|take|takes|took|last|lasted|spent)\s+(?P<t>(?P<u>{UNIT})s)\b(?!\s+ago)",
       "DURATION", lambda m: P(n=None, unit=unit_of(m["u"])), I),
    _p("duration",
       r"\b(?:for|during|over|throughout|in)\s+(?P<t>the\s+(?:fiscal\s+)?(?P<u>year|month|week))\b(?!\s*'s)",
       "DURATION", lambda m: P(n=1, unit=m["u"].lower()), I),
    # ---- vague references --------------------------------------------------------------------
    _p("present_ref", r"\b(?P<w>now|currently|nowadays|these days|the present|at present|at the moment|"
       r"presently|current(?!\s+(?:account|affairs|events?|flow|density|assets|liabilities|income)))\b", "DATE",
       lambda m: P(ref="PRESENT_REF"), I),
    _p("past_ref",
       rf"\b(?P<w>recently|recent(?!\s+{UNIT})|formerly|lately|the past(?!\s+\w+\s+(?:years|months|weeks|days))"
       r"|once upon a time|in times past)\b", "DATE",
       lambda m: P(ref="PAST_REF"), I),
    _p("future_ref", r"\b(?P<w>the (?:near |distant |foreseeable )?future|the (?:near|short) term|"
       r"one day(?=\s+\w+\s+will)|someday|(?<!\bas\s)soon(?!\s+(?:as|after|before)\b))\b", "DATE",
       lambda m: P(ref="FUTURE_REF"), I),
]


# Every rule by name, for expressions stored earlier and resolved again against a revised anchor.
RULES: dict[str, Pattern] = {pattern.rule: pattern for pattern in PATTERNS}

def _explicit_season(m: re.Match[str]) -> bool:
    """"last fall", "the spring of 1998": a bare "fall" or "spring" is too often not a season."""
    if not (m["w"] or m["y"] or m["mod"]):
        raise ValueError("a bare season name")
    return True


def _anaphoric_params(words: str) -> Params:
    unit = next(u for u in ("day", "week", "month", "year") if u in words)
    offset = -1 if any(w in words for w in ("before", "previous", "prior")) else 0 if "same" in words else 1
    return P(offset=offset, unit=unit)
