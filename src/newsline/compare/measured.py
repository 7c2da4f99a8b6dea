"""Refusals for counts and denials that measure or say different things, found by reading the
contradictions raised over Timeline17's blind topics once they were spent (issue 19): each names the
real false alarm it answers. They join the gate in ``conflicts.py``.

- the other report gives the same figure too: the pair was aligned on the wrong number;
- counted at another time of day, or over another stretch of time;
- a size ("a seven-member commission") is not a count of the things it sizes;
- a denial is of something else when the two event words govern different words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from ..dating.lexicon import CALENDAR_WORDS
from ..model import TimexType
from .alignment import Side
from .quantities import SMALL, TENS, read_amount

if TYPE_CHECKING:
    from .conflicts import Collection

FIGURE = re.compile(r"\b\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?\b|\b[a-z]+(?:-[a-z]+)?\b", re.I)
NUMBER_WORDS = {*SMALL, *TENS} - {"a", "an", "zero"}
FIGURE_WITH_UNIT = re.compile(r"\d[\d,.]*\s+(?:mln\s+|bln\s+|million\s+|billion\s+)?[a-z]+", re.I)
CLOCK = re.compile(r"\b(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?|\d{4}\s*(?:GMT|BST|EDT|EST|CDT|CST|PDT|PST|ET|UTC))"
                   r"(?:\s*(?:BST|GMT|EDT|EST|CDT|CST|PDT|PST|ET|UTC|local))?", re.I)
SIZE = re.compile(r"^[\w.,]+-(?!year|day|week|month|hour|minute|old)[a-z]+$", re.I)  # "seven-member", "six-person"
PRONOUN_OBJECTS = {"us", "them", "him", "her", "it", "me", "you", "this", "that", "these", "those"}
TIME_WORDS = {"once", "twice", "year", "years", "week", "weeks", "month", "months", "day", "days", "today",
              "yesterday", "tomorrow", "again", "ago", "time", "times", "since", "until"}
CLAUSE_END = re.compile(r"[,;:.!?()\u2014\u2013]|-[LR]RB-|\b(?:and|but|while|which|who|that|because|said|says)\b",
                        re.I)


# Where a claim's own clause begins and ends, roughly: punctuation, conjunctions, and the reporting
# verb or "that" that separates a source ("Mayor Korten said", "records show that") from its claim.
LEFT_BREAK = re.compile(r"(?:[,;:(\u2014\u2013]|\b(?:that|said|says|told|show|shows|showed|and|but|while|which|"
                        r"who|when|after|before|because|although|though)\b)", re.I)
RIGHT_BREAK = re.compile(r"(?:[,;:(\u2014\u2013]|\b(?:and|but|while|which|who|that|because|although|as|after|"
                         r"before|when)\b)", re.I)


def own_clause(side: Side) -> tuple[str, str]:
    """The words of the claim's own clause before it and after it, without its source and without
    the clauses around it: "Mayor Korten said [the bridge had been inspected in April]"."""
    c, text = side.claim, side.doc.text
    before = text[c.sentence_start:c.start]
    breaks = list(LEFT_BREAK.finditer(before))
    left = before[breaks[-1].end():] if breaks else before
    after = text[c.end:c.sentence_end]
    stop = RIGHT_BREAK.search(after)
    return left, after[:stop.start()] if stop else after


def own_clause_span(side: Side) -> tuple[int, int]:
    """Where the claim's own clause begins and ends in the document's text."""
    c = side.claim
    left, right = own_clause(side)
    return c.start - len(left), c.end + len(right)


def _sentence(side: Side) -> str:
    c = side.claim
    return side.doc.text[c.sentence_start:c.sentence_end]


def _figures(text: str) -> set[float]:
    """Every number a text gives as written, read as a value ("six", "1 to 6", "200 guests"); an
    approximation's own figure ("about 60 mph": 60), never its range, which would meet any number
    near it by chance."""
    found = set()
    for match in FIGURE.finditer(text):
        if match.group(0)[0].isalpha() and match.group(0).lower().split("-")[0] not in NUMBER_WORDS:
            continue
        amount = read_amount(match.group(0))
        if amount is not None and amount.low == amount.high:
            found.add(amount.low)
    return found


def other_gives_it_too(x: Side, y: Side, _: Collection) -> bool:
    """Each report gives the other's figure as well: "approximately 200 guests and 100 staff" in both
    reports, aligned guests against staff; "3 on a scale of 1 to 6" against "six phases"."""
    def given_in(side: Side, other: Side) -> bool:
        if _figures(side.claim.text) & _figures(_sentence(other)):
            return True
        phrase = FIGURE_WITH_UNIT.match(side.claim.text.strip())
        # the same figure with its unit anywhere in the other report: two versions of one release
        # ("rose 4.0 pct" in both), aligned on different series (Reuters-21578, once spent)
        return bool(phrase and re.search(rf"(?<![\d.]){re.escape(phrase.group(0))}\b", other.doc.text))

    return given_in(x, y) or given_in(y, x)


def _clock_times(side: Side) -> set[str]:
    c = side.claim
    said = {t.value for t in side.doc.temporal_expressions
            if t.type == TimexType.TIME and c.sentence_start <= t.start < c.sentence_end and t.value}
    return said | {" ".join(m.group(0).split()).lower() for m in CLOCK.finditer(_sentence(side))}


def at_other_times_of_day(x: Side, y: Side, _: Collection) -> bool:
    """Each count is given at a clock time, and not the same one: "a 2.5 percent rise ... at 4:29
    a.m. ET" against "a 4.8 percent rise ... at 1430 GMT", an index at two moments of one day."""
    first, second = _clock_times(x), _clock_times(y)
    return bool(first and second and not first & second)


def _stretches(side: Side) -> set[str]:
    """The stretches of time the count's own clause gives ("in the first 12 hours of Monday")."""
    start, end = own_clause_span(side)
    return {t.value or t.text for t in side.doc.temporal_expressions
            if t.type == TimexType.DURATION and start <= t.start < end}


def over_other_stretches(x: Side, y: Side, _: Collection) -> bool:
    """Counted over different stretches of time: "14,800 barrels ... on Monday" against "7,541
    barrels in the first 12 hours of Monday". (Different days named are not enough: a one-off
    happening's count given on different days by two reports is the conflict itself, "five
    killed on Sunday" / "three died ... on Saturday".)"""
    return _stretches(x) != _stretches(y)


def a_size(x: Side, y: Side, _: Collection) -> bool:
    """One side is the size of something ("the seven-member commission", "a six-person panel"), not a
    count of the other's things ("two Democratic members of Congress")."""
    return bool(SIZE.match(x.claim.text.strip())) != bool(SIZE.match(y.claim.text.strip()))


def _governed(side: Side) -> set[str]:
    """The content words an event word governs in its own clause: "prepared [the next phase]",
    "not been found [in pigs]"."""
    c, text = side.claim, side.doc.text
    after = text[c.end:c.sentence_end]
    stop = CLAUSE_END.search(after)
    words = re.findall(r"[a-z]+", (after[:stop.start()] if stop else after).lower())
    if words and words[0] == "with":
        words = words[1:]
    if words and words[0] in PRONOUN_OBJECTS:
        return set()  # "did not meet us": who "us" are is not known here
    return {w for w in words if w not in STOP_WORDS and w not in CALENDAR_WORDS and w not in TIME_WORDS and len(w) > 2}


def said_of_other_things(x: Side, y: Side, _: Collection) -> bool:
    """Both event words govern words, and none in common: "carefully prepared the next phase" against
    "had not been fully prepared for a deepwater oil leak"; "found only in people" against "has not
    been found in pigs"."""
    first, second = _governed(x), _governed(y)
    return bool(first and second and not first & second)
