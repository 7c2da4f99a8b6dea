"""The last gate before a difference is shown as a contradiction: is each side the source's own
statement of a fact, and are the two about the same moment of the same thing?

Alignment (``alignment.py``) finds claims that read alike; on real copy that is not enough. Read
by hand, 80 contradictions raised over Timeline17 were 2.5% real: the rest compared questions,
forecasts and suppositions with facts, clock times and changes with counts, a part with a whole,
one day's running total with another day's, the same sentence dated from two publication dates,
background from years before with the day's news. Each test below refuses one such kind of pair,
names it, and says which real failure it answers; ``refusal`` returns the first that applies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Claim, ClaimKind, Document
from .alignment import ONE_OFF_TYPES, Side, days_apart, holder_of, mention_of, same_linked_event, sentence_of
from .counts import COUNT_GROUPS
from .measured import (
    a_size,
    at_other_times_of_day,
    other_gives_it_too,
    over_other_stretches,
    own_clause,
    own_clause_span,
    said_of_other_things,
)
from .quantities import SCALES, SMALL, TENS

NUMBER_WORDS = {*SMALL, *TENS, *SCALES, "hundred", "about", "some", "nearly", "almost", "around", "more", "than",
                "at", "least", "only", "just", "over", "under"}

# Sentences longer than this are scraped lists, teasers and run-together captions, not one statement
# (Timeline17's "Related stories" blocks, and BBC live pages without full stops, joined 5-20 items).
MAX_STATEMENT_WORDS = 60
# Words that make a clause a supposition, a forecast or a condition rather than a report of fact:
# "could reach 100,000 barrels", "the well will be sealed by August", "if the cap holds". Lower case
# only, so that "May" the month is not read as the modal.
# Generic statements count no one happening ("seasonal flu kills 36,000 people every year"), and
# people under suspicion are no count of cases ("seven people are being tested for possible swine flu").
NOT_ASSERTED = re.compile(r"\b(?:could|might|may|would|should|will|shall|if|unless|whether|expects?|expected|"
                          r"likely|possibly|perhaps|probably|predicts?|predicted|forecasts?|projected|"
                          r"estimates? (?:that|could|would)|(?:hopes?|hoped|plans?|planned|aims?|intends?) to|"
                          r"scheduled|due to|set to|about to|why|suspects?|feared|thought to|believed to|"
                          r"every year|each year|a year|an average year|annually|on average|"
                          r"being tested|under investigation|being investigated|being questioned|"
                          # "a 40 pct chance that prices could move" (the figure itself is cut out of the clause)
                          r"(?:a|the)\s+(?:chance|probability)|chances? of|odds)\b")
# A time of day written like a number: "at 23.58 BST", "by 10:15 GMT" (read as 23.58 on real copy).
CLOCK_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?|BST|GMT|EDT|EST|CDT|CST|PDT|PST|ET|CET|local)\b", re.I)
# A figure of change, not of a total: "rose by 12", "up 3 percent", "a further 40", "an increase of 9".
CHANGE = re.compile(r"\b(?:by|up|down|further|another|additional|extra|increase of|rise of|fall of|drop of|"
                    r"jump of|gain of|loss of)\s+(?:about |around |nearly |almost |some |more than )?$", re.I)
# A part counted against its whole: "two of the workers", "one of the 11 men", "one of three leaks";
# not "4,000 of its members", which counts the members.
PARTITIVE = re.compile(r"^\s*(?:of|among)\s+(?:the|those|these|them|its|their)\b", re.I)
PART_OF = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*|some|none|all|most|many|"
                     r"few|each|half|several|both)\s+of\s+(?!its\b|their\b|his\b|her\b|our\b)", re.I)
# A share of a whole ("74 percent of the oil has been recovered" / "26 percent of the oil was
# unaccounted for"): two shares of one whole may be of two parts of it.
SHARE_OF = re.compile(r"(?:percent|per cent|%)\s+of\b", re.I)
# Background: what a sentence dates to a time that ended this long before its report is history
# ("the 1979 Ixtoc spill released 3.3 million barrels"), not news the report gives.
BACKGROUND_DAYS = 180
# A happening dated to this many different days in a collection recurs (hearings, meetings, briefings,
# "the cap was lifted"): two days for its word are two occurrences, not a conflict.
RECURRING_DAYS = 3
# A count (the dead, cases, barrels a day) that takes this many values over this many publication days runs.
RUNNING_VALUES, RUNNING_DAYS = 4, 3
COMMON_PLACE_SHARE = 1 / 3
# A denial and an affirmation more than this many days apart report before and after: "had not
# stepped down" on 7 February and "stepped down" on 11 February.
DENIAL_DAYS = 1
DURATIONS = re.compile(r"\b(?:since|for (?:years|months|weeks|decades|the past|the last)|ever|yet|so far|"
                       r"still|until now|to date)\b", re.I)
AGENT_LABELS = {"PERSON", "ORG", "NORP"}
SELF_REPORT = re.compile(r"\s*(?:that\s+)?(?:it|he|she|they|we)\b", re.I)  # "X said it/he ...": X does it
# Where a source ends and what it says begins.
REPORTING = re.compile(r"\b(?:said|says|told|added|announced|reported|confirmed|show|shows|showed|according to)"
                       r"\b(?: that)?|\bthat\b", re.I)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "this", "that", "these",
            "those", "one", "which", "who"}
THINGS = {"it", "them", "this", "that", "these", "those"}  # "had not asked them": asked whom?
NEGATORS = re.compile(r"\b(?:not|never|no|n't|nobody|none)\b", re.I)
# A day named beside a number makes the number part of a date ("22 May"): a day of the month.
MONTH_AFTER = re.compile(r"\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
# Between an event word and its day, a clause break or a long stretch means the day is another's.
BETWEEN_BREAK = re.compile(r"[,;:()]|\b(?:when|before|after|later|earlier|since|until|which|who|that|and then)\b",
                           re.I)
MAX_WORDS_BETWEEN = 12
PERSON_WORDS = 6  # "McDermott led all players with 23 points": whose figure it is, said just before it
LIGHT_VERBS = {"give", "make", "take", "have", "hold", "do"}  # "gave the resignation on Tuesday"
AS_OF = re.compile(r"\b(?:at|as of|as at|by|until|up to)\s+(?:the\s+)?$", re.I)
# "Pacitti was the first case", "it is the fourth school to close": the ordinal ranks its subject in
# a series the sentence does not name; it holds no series of its own.
RANKED = re.compile(r"\b(?:is|was|are|were|be|been|became|becomes)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
RATIO = re.compile(r"(?:\b\d[\d,.]*\s+in\s+|\b(?:level|phase|category|grade|stage)\s+"
                   r"(?:to\s+|at\s+|of\s+)?)$", re.I)
RATIO_AFTER = re.compile(r"\s+in\s+\d", re.I)
# What a count's figure is qualified as: a confirmed count and a suspected or reported one are counts
# of different things ("248 deaths linked to the virus, with 12 confirmed" / "101 suspected deaths").
QUALIFIER_REACH = 25  # characters after a count where its qualifier still reads as its own
QUALIFIERS = re.compile(r"\b(?:confirmed|suspected|probable|possible|reported|official|estimated)\b", re.I)
# A count of the state of things now, or a rate, which the next day's report may give anew: "is only
# nine miles from Pensacola", "has ridden onto 70 miles of shoreline", "was managing to funnel 1,000
# barrels a day", "captured only 1,360 barrels over the 24 hours to midnight".
NOW = re.compile(r"\b(?:is|are|has|have|now|currently|still|so far|to date|today|this morning|tonight|"
                 r"(?:is|are|was|were|been) \w+ing|a day|a week|an hour|per \w+|daily|over the)\b", re.I)


@dataclass
class Collection:
    """What the whole collection says that a single pair cannot: which happenings recur (are dated
    to many days), which counts run (take many values over many days), and which places are the
    collection's own (named by a third of its documents or more)."""

    recurring: set[str] = field(default_factory=set)
    running: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, sides: Iterable[Side]) -> Collection:
        dated: dict[str, set[str]] = defaultdict(set)
        tolls: dict[str, set[tuple[str, str]]] = defaultdict(set)
        documents: dict[str, Document] = {}
        for side in sides:
            documents[side.doc.id] = side.doc
            c = side.claim
            if c.kind == ClaimKind.DATE and c.value:
                dated[c.about].add(c.value[:10])
            elif c.kind == ClaimKind.QUANTITY:
                tolls[count_key(c)].add((c.value or "", (side.doc.published.date or "")[:10]))
        running = {p for p, seen in tolls.items()
                   if len({v for v, _ in seen}) >= RUNNING_VALUES and len({d for _, d in seen}) >= RUNNING_DAYS}
        named = Counter(p for doc in documents.values()
                        for p in {m.entity or m.text.lower() for m in doc.mentions if m.label in PLACE_LABELS})
        places = {p for p, n in named.items() if n >= max(2, COMMON_PLACE_SHARE * len(documents))}
        return cls(recurring={w for w, days in dated.items() if len(days) >= RECURRING_DAYS}, running=running,
                   places=places)


def count_key(claim: Claim) -> str:
    """What a count counts, for telling whether it runs: what befell people ("dead"), else its noun."""
    return claim.predicate if claim.predicate in COUNT_GROUPS else f"{claim.about}/{claim.unit}"


def _words(text: str) -> int:
    return len(text.split())


def _around(side: Side, before: int = 60, after: int = 40) -> tuple[str, str]:
    """The sentence's words just before and just after the claim's own."""
    c, text = side.claim, side.doc.text
    return text[max(c.sentence_start, c.start - before):c.start], text[c.end:min(c.sentence_end, c.end + after)]


# --- refusals that hold for every kind of claim ----------------------------------------------------

def _question(x: Side, y: Side, _: Collection) -> bool:
    """A question asserts nothing ("What can we expect from you in 2011?")."""
    return any(sentence_of(s).rstrip().rstrip("\"”'’)").endswith("?") for s in (x, y))


def _run_on(x: Side, y: Side, _: Collection) -> bool:
    """Not one statement: a list or teaser block the sentence splitter could not break up."""
    return any(_words(sentence_of(s)) > MAX_STATEMENT_WORDS for s in (x, y))


def _not_asserted(x: Side, y: Side, _: Collection) -> bool:
    """A supposition, forecast, plan or condition against a fact: "could leak 100,000 barrels a day"
    does not deny "5,000 barrels a day are leaking"."""
    return any(NOT_ASSERTED.search(" ".join(own_clause(s))) for s in (x, y))


def _same_sentence(x: Side, y: Side, _: Collection) -> bool:
    """One sentence, copied into two reports and dated from their two publication dates: the
    difference is in the dating of the copy, no source says two things."""
    return " ".join(sentence_of(x).split()) == " ".join(sentence_of(y).split())


def _background(x: Side, y: Side, _: Collection) -> bool:
    """History told as background: the time nearest the claim, before it in its sentence or in its
    own clause after it, ended half a year or more before the report ("the March 2005 explosion at
    BP's Texas City refinery that killed 15 people", "during the 2003 SARS outbreak ... 774 died")."""
    return any(_is_background(s) for s in (x, y))


def _is_background(side: Side) -> bool:
    published = (side.doc.published.date or "")[:10]
    c = side.claim
    start, end = own_clause_span(side)
    # the times of its own clause; failing those, any before it in the sentence ("Solen, the dictator
    # who has clung to power since 2011, landed on Monday": Monday, not 2011, is when he landed)
    times = [t for t in side.doc.temporal_expressions if start <= t.start < end and t.end_date]
    times = times or [t for t in side.doc.temporal_expressions
                      if c.sentence_start <= t.start and t.end <= c.start and t.end_date]
    if not (published and times):
        return False
    nearest = min(times, key=lambda t: c.start - t.end if t.end <= c.start else t.start - c.end)
    cutoff = (dt.date.fromisoformat(published) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()
    return (nearest.end_date or "")[:10] < cutoff


def _different_agents(x: Side, y: Side, _: Collection) -> bool:
    """Both sentences name who acts before the claim, and no name is shared: "the US flew 755
    sorties" is not NATO's 4,963."""
    first, second = _agents(x), _agents(y)
    return bool(first and second and not first & second)


def _one_persons_figure(x: Side, y: Side, _: Collection) -> bool:
    """One sentence gives the figure as a named person's and the other names nobody: "Richard Carter
    had 12 points" / "his son's 23 points a game" (ECB+: a box score's every player against the
    star's season average)."""
    first, second = _person_just_before(x), _person_just_before(y)
    return bool(first) != bool(second)


def _person_just_before(side: Side) -> set[str]:
    """Persons named in the claim's own clause within a few words before it ("Richard Carter had")."""
    c = side.claim
    left = own_clause(side)[0]
    start = c.start - len(" ".join(left.split()[-PERSON_WORDS:])) - 1
    return {m.entity or m.text.lower() for m in side.doc.mentions
            if m.label == "PERSON" and start <= m.start < c.start}


def _undated_count(x: Side, y: Side, _: Collection) -> bool:
    """A report with no publication date gives no time to compare a count by: two undated reports'
    "three people" and "five people" may be of two quakes years apart (ECB+ holds two events of a
    kind per topic). Compared only when linking made them one event and both count its dead or
    injured."""
    if not (_undated(x) or _undated(y)):
        return False
    a, b = x.claim, y.claim
    return not (same_linked_event(x, y) and a.predicate and a.predicate == b.predicate
                and a.predicate in COUNT_GROUPS)


def _relative_day_undated(x: Side, y: Side, _: Collection) -> bool:
    """"Yesterday", "on Tuesday" in a report whose publication date is only estimated: the day was
    guessed from the guess, and two such guesses disagree about nothing."""
    for side in (x, y):
        tx = _timex_of(side)
        if _undated(side) and (tx is None or not re.search(r"\d", tx.text)):
            return True
    return False


def _undated(side: Side) -> bool:
    """No publication date, or only one estimated from the text or the collection."""
    return not side.doc.published.date or side.doc.published.estimated


def _after_source(side: Side) -> int:
    """Where what the sentence says begins, after its source: "Governor Ekner said", "records seen by
    the Merel Gazette show that" name who says it, not who does it."""
    c = side.claim
    cues = list(REPORTING.finditer(side.doc.text, c.sentence_start, c.start))
    return cues[-1].end() if cues else c.sentence_start


def _agents(side: Side) -> set[str]:
    """Who the sentence names before the claim, after its source; the source itself when what it
    says is of itself: "Unocal said it raised its postings by 50 cts" is Unocal's act, not Imperial
    Oil's 32 cents (Reuters-21578, the second blind round, once spent)."""
    start, c = _after_source(side), side.claim
    if SELF_REPORT.match(side.doc.text, start):
        start = c.sentence_start
    return {m.entity or m.text.lower() for m in side.doc.mentions
            if m.label in AGENT_LABELS and start <= m.start < c.start}


# --- counts ------------------------------------------------------------------------------------------

def _not_a_count(x: Side, y: Side, _: Collection) -> bool:
    """A time of day, a date, a ratio or a level read as a number: "at 23.58 BST", "Friday, 22 May
    2009", "about 1 in 60 people", "raised the threat level to five"."""
    return any(CLOCK_TIME.search(s.doc.text, max(0, s.claim.start - 3), s.claim.end + 12)
               or MONTH_AFTER.match(s.doc.text, s.claim.end) or RATIO.search(_around(s)[0])
               or RATIO_AFTER.match(_around(s)[1]) for s in (x, y))


def _change(x: Side, y: Side, _: Collection) -> bool:
    """A figure of change ("rose by 12", "a further 40") is not the total another report gives;
    two changes ("cut tariffs by 15 percent" / "by 20 percent") are compared as they are, when
    reported the same day ("the new cases include 13 children" on 28 May and "10 children" on 29
    May are two days' new cases)."""
    first, second = _is_change(x), _is_change(y)
    return first != second or (first and second and bool(days_apart(x.doc, y.doc)))


def _is_change(side: Side) -> bool:
    """"Rose by 12", "a further 40", "18 deaths since the last report", "the new cases include 13"."""
    left, right = own_clause(side)
    return bool(CHANGE.search(_around(side)[0]) or re.search(r"\bsince (?:the )?(?:last|previous|latest)\b", right)
                or re.search(r"\b(?:new|latest|additional)\b|\bmore\b(?! than)", left + side.claim.text, re.I))


def _partitive(x: Side, y: Side, _: Collection) -> bool:
    """A part or the whole of a partitive: "one of three leaks" against "only two leaks" (the third
    was sealed), "seven of the nine people", "one child, plus two from a previous marriage"."""
    return any(_in_partitive(s) for s in (x, y))


def _in_partitive(side: Side) -> bool:
    before, after = _around(side)
    whole_of = PART_OF.search(before)
    bare = all(w in NUMBER_WORDS or w[0].isdigit() for w in re.findall(r"[\w.,]+", side.claim.text.lower()))
    return bool((bare and PARTITIVE.match(after)) or PART_OF.match(side.claim.text)
                or SHARE_OF.search(side.claim.text + after[:4]) or (whole_of and whole_of.end() == len(before))
                or re.search(r"\bplus\b", _around(side, 0, 60)[1]))


def _different_things(x: Side, y: Side, _: Collection) -> bool:
    """Counts said with different verbs, qualified differently ("confirmed cases" / "cases"), or of
    different nouns ("five crucial decisions" / "one or two suggestions", "$5.6 billion
    in profits" / "$20 billion" for a fund) count different things, unless what befell them is the
    same ("11 workers killed" / "11 people died", "was carrying 240 passengers" / "was carrying about
    310 people")."""
    a, b = x.claim, y.claim
    if not (a.about or a.predicate) or not (b.about or b.predicate):
        return True  # nothing says what one side counts: "about 2.5 pct" / "has 15 pct" (Reuters-21578)
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return True  # "specimens were taken from nine students" / "eight students were confirmed"
    if _qualifiers(x) != _qualifiers(y):
        return True
    return a.about != b.about and not (a.predicate and a.predicate == b.predicate)


def _qualifiers(side: Side) -> set[str]:
    """Qualifiers of the count, in its words or just around them in its clause: "seven deaths so far
    confirmed by laboratory analysis" (a blind Timeline17 false alarm against "one in the US"); "he
    estimated a price of 75 dlrs" (Reuters-21578, against a tender price of 70)."""
    before, after = own_clause(side)
    found = {q.lower() for q in QUALIFIERS.findall(side.claim.text + " " + after[:QUALIFIER_REACH])}
    # before the count, "confirmed" and "reported" are the verbs of a report ("the WHO has confirmed
    # 25 fatalities"), not qualifiers of what is counted
    return found | ({q.lower() for q in QUALIFIERS.findall(before[-QUALIFIER_REACH:])} - {"confirmed", "reported"})


def _different_places(x: Side, y: Side, known: Collection) -> bool:
    """The sentences name different places (whole names: "New Zealand" and "New York" share the word
    "new"), or one names a place that is not the collection's own and the other report never names:
    "six people in Ireland are being tested" / "seven people are being tested" in a report about
    Wiltshire; but "320 flights in Valdoria" / "410 flights", where the story is Valdoria's."""
    first, second = _own_places(x) or _places(x), _own_places(y) or _places(y)
    if first and second:
        return not first & second
    named, other = (first, y) if first else (second, x)
    return bool(named - known.places) and not named & _places(other, whole_document=True)


def _own_places(side: Side) -> set[str]:
    """The places named in the claim's own clause: "killed 159 people in Mexico and one in the United
    States" puts the one in the United States (a blind Timeline17 false alarm against Mexico's seven)."""
    start, end = own_clause_span(side)
    return {m.entity or m.text.lower() for m in side.doc.mentions if m.label in PLACE_LABELS
            and start <= m.start and m.end <= end}


def _places(side: Side, whole_document: bool = False) -> set[str]:
    c = side.claim
    return {m.entity or m.text.lower() for m in side.doc.mentions if m.label in PLACE_LABELS
            and (whole_document or c.sentence_start <= m.start < c.sentence_end)}


def _counted_at_another_time(x: Side, y: Side, _: Collection) -> bool:
    """A count given "at", "as of" or "by" a day that is not the other's: "17,855 cases and 45
    deaths at 15 June", in a report of 30 June, against that day's "6,538 cases in the UK"; "as of
    Tuesday ... 178.6 million gallons" against "as of Wednesday ... 182 million" (a blind
    Timeline17 false alarm: a day apart is another day's total)."""
    (first, said), (second, also_said) = _as_of(x), _as_of(y)
    if not (first and second and (said or also_said)):
        return False
    if said and also_said:
        return first != second
    # one day said, the other the report's: a report counts the day before it as often as its own
    gap = abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)
    return gap > DENIAL_DAYS


def _as_of(side: Side) -> tuple[str, bool]:
    """The day a count is given at, and whether the sentence says so: the day its sentence says it
    counted at, else its report's."""
    c = side.claim
    for t in side.doc.temporal_expressions:
        if (c.sentence_start <= t.start < c.sentence_end and t.start_date and t.granularity == "day"
                and AS_OF.search(side.doc.text, max(c.sentence_start, t.start - 12), t.start)):
            return t.start_date[:10], True
    return (side.doc.published.date or "")[:10], False


def _other_days(x: Side, y: Side, known: Collection) -> bool:
    """Counts from reports of different days, unless both are tied to one happening (the same
    linked event) or to one named day, or both count what befell people in it (the dead, the
    injured): a running story's counts move from one day to the next
    (oil reaching 70 then 84 miles of shore, 1,000 then 2,000 barrels collected, share prices),
    and a later figure is an update, not a conflict."""
    if not days_apart(x.doc, y.doc):
        return False
    a, b = x.claim, y.claim
    if count_key(a) in known.running:
        return True  # a pandemic's deaths (20, 81, 150, 160 over a week), its cases, a share price
    if a.predicate and a.predicate == b.predicate and a.predicate in COUNT_GROUPS:
        return False  # a toll of one happening ("three people died" / "five people were killed")
    if same_linked_event(x, y) or (_days_named(x) and _days_named(x) == _days_named(y)):
        return False
    if a.high is not None and b.low is not None and b.low > a.high and x.doc.published.date and y.doc.published.date:
        # The later report gives more of what is not a toll: the count grew ("spread 267,000 gallons
        # of dispersant" by one day, "290,000" two days later; a storm's winds of 35, then 60 mph).
        return True
    # A past act counted the same way ("put turnout at 61 percent" / "recorded a turnout of 48
    # percent") may be compared; a state of now, a rate or a different act may not.
    return a.predicate != b.predicate or any(NOW.search(" ".join(own_clause(s))) for s in (x, y))


def _days_named(side: Side) -> set[str]:
    c = side.claim
    return {t.start_date for t in side.doc.temporal_expressions
            if c.sentence_start <= t.start < c.sentence_end and t.start_date and t.granularity == "day"}


# --- dates -------------------------------------------------------------------------------------------

def _date_detached(x: Side, y: Side, _: Collection) -> bool:
    """The day is not said of the event word: it is in another sentence, or another clause stands
    between them ("On April 16, four days before the rig exploded": the 16th is a boarding; "began
    April 20, when the rig caught fire and sank two days later")."""
    for side in (x, y):
        tx = _timex_of(side)
        if tx is None or not side.claim.sentence_start <= tx.start < side.claim.sentence_end:
            return True
        c, text = side.claim, side.doc.text
        low, high = (c.end, tx.start) if tx.start >= c.end else (tx.end, c.start)
        if BETWEEN_BREAK.search(text[low:high]) or _words(text[low:high]) > MAX_WORDS_BETWEEN:
            return True
        if any(low <= m.start < high and _inflected(m.text, m.lemma) and m.lemma not in LIGHT_VERBS
               for m in side.doc.event_mentions):
            return True  # "the spill began on 20 April": the day is the beginning's
    return False


def _inflected(text: str, lemma: str) -> bool:
    """A verb's form ("began", "signed"), not a noun's ("agreement", "talks"): the day that follows a
    verb is that verb's, while "signed a historic agreement on Wednesday" dates the signing."""
    word = text.lower()
    return word not in (lemma, lemma + "s", lemma + "es")


def _timex_of(side: Side):
    mention = mention_of(side)
    if mention is None or mention.timex is None:
        return None
    return side.doc.temporal_expressions[mention.timex]


def _after_report(x: Side, y: Side, _: Collection) -> bool:
    """A happening reported as past but dated after its report: the day was resolved the wrong way
    ("Wednesday's agreement" in a Thursday paper read as next Wednesday)."""
    return any((s.claim.value or "")[:10] > (s.doc.published.date or "9999")[:10] for s in (x, y))


def _own_days(x: Side, y: Side, _: Collection) -> bool:
    """Each report dates the happening to its own day or the day before ("heavy seas on Friday were
    pushing the slick", "winds on Monday were pushing the slick"): two days' news, two occurrences."""
    if not days_apart(x.doc, y.doc):
        return False
    mentions = [mention_of(s) for s in (x, y)]
    if all(m is not None and m.type in ONE_OFF_TYPES for m in mentions):
        return False  # one signing dated Wednesday and Thursday by the two days' papers
    return all(_near_own_day(s) for s in (x, y))


def _near_own_day(side: Side) -> bool:
    published, day = (side.doc.published.date or "")[:10], (side.claim.value or "")[:10]
    if not (published and day):
        return False
    return abs((dt.date.fromisoformat(published) - dt.date.fromisoformat(day)).days) <= 1


def _same_day_words(x: Side, y: Side, _: Collection) -> bool:
    """The same words for the day ("on Tuesday", "yesterday") resolved from two publication dates:
    the two reports may be about two Tuesdays; nothing says they disagree."""
    first, second = (_timex_of(s) for s in (x, y))
    return (first is not None and second is not None and first.text.lower() == second.text.lower()
            and not re.search(r"\d", first.text))


def _recurring(x: Side, y: Side, known: Collection) -> bool:
    """A happening the collection dates to many days (a hearing, a briefing, the cap lifted and put
    back): two days for its word are two occurrences, unless linking made them one event."""
    return x.claim.about in known.recurring and not same_linked_event(x, y)


def _different_doers(x: Side, y: Side, _: Collection) -> bool:
    """Both say who did it and they differ: "Thomson and First Choice have suspended their
    operations" / "China suspended flights"; "two pupils contracted the virus" / "Mr Pacquiao". The
    agent found may be one conjunct ("Ostria" of "Ostria and Valdoria signed"), so the names the
    sentence gives before the event word (after its source) count as doers too."""
    first, second = _agent_words(x), _agent_words(y)
    if not (first and second) or first & second:
        return False
    return not (first | _names_before(x)) & (second | _names_before(y))


def _agent_words(side: Side) -> set[str]:
    mention = mention_of(side)
    words: set[str] = set()
    for argument in mention.arguments if mention is not None else []:
        if argument.role == "agent":
            words |= {w for w in re.findall(r"\w+", argument.text.lower()) if len(w) > 2 and w not in PRONOUNS}
            if argument.entity:
                words.add(argument.entity)
    return words


def _names_before(side: Side) -> set[str]:
    start = _after_source(side)
    return {w for m in side.doc.mentions if start <= m.start < side.claim.start
            for w in (m.entity or "", *re.findall(r"\w+", m.text.lower())) if len(w) > 2}


# --- ordinals ----------------------------------------------------------------------------------------

def _unheld(x: Side, y: Side, _: Collection) -> bool:
    """Two ordinals count one series when they count for the same holder ("his third trip" /
    "Ferrante's fourth trip"), or, where a holder is not named, in a stated period ("the second
    accident at the mine this year"); "the first case of onward transmission" / "the 10th confirmed
    case in the UK", "the fourth school to close" / "a third school in London" count different series."""
    first, second = (holder_of(s.doc, s.claim) for s in (x, y))
    if first and second and not any(RANKED.search(_around(s)[0]) for s in (x, y)):
        return first != second
    return not (x.claim.scope and y.claim.scope)


def _more_than_a_day_apart(x: Side, y: Side, _: Collection) -> bool:
    """Reports more than a day apart, or of unknown days, tell before and after: "his second visit"
    on 28 May and "his third visit" on 4 June are both right, the series moved on; "did not step
    down" on 7 February and "stepped down" on 11 February are both right too."""
    days = days_apart(x.doc, y.doc)
    return days is None or days > DENIAL_DAYS


# --- denials -----------------------------------------------------------------------------------------

def _duration(x: Side, y: Side, _: Collection) -> bool:
    """"Has not been inspected since 2008", "not yet stopped": a state until now, not one happening."""
    return any(DURATIONS.search(" ".join(own_clause(s))) for s in (x, y))


def _unknown_doer(x: Side, y: Side, _: Collection) -> bool:
    """A pronoun does it ("it has not caused any deaths" / "that too caused 800 deaths"): which
    thing is meant is not known, so neither is whether the two speak of one."""
    return any((a.role == "agent" and a.text.lower() in PRONOUNS) or (a.role == "patient" and a.text.lower() in THINGS)
               for s in (x, y) if (m := mention_of(s)) is not None for a in m.arguments)


def _negation_missed(x: Side, y: Side, _: Collection) -> bool:
    """The affirming side's own clause negates after all ("never before has been deployed"), or the
    denial is of all of a kind ("did not close all schools"), which one closure does not deny."""
    for side in (x, y):
        right = own_clause(side)[1]
        c, text = side.claim, side.doc.text
        left = text[max([c.sentence_start] + [text.rfind(p, c.sentence_start, c.start) for p in ",;:"]):c.start]
        if not c.negated and NEGATORS.search(left + " " + c.text):
            return True
        if c.negated and re.match(r"\s*(?:all|every)\b", right, re.I):
            return True
    return False


Refusal = Callable[[Side, Side, Collection], bool]
COMMON: list[tuple[str, Refusal]] = [
    ("a question", _question), ("not one statement", _run_on), ("not asserted as fact", _not_asserted),
    ("the same sentence", _same_sentence), ("background", _background),
]
BY_KIND: dict[ClaimKind, list[tuple[str, Refusal]]] = {
    ClaimKind.QUANTITY: [("an undated report", _undated_count), ("not a count", _not_a_count),
                         ("a change, not a total", _change),
                         ("the other report gives the figure too", other_gives_it_too),
                         ("a size, not a count", a_size),
                         ("at other times of day", at_other_times_of_day),
                         ("over other stretches or days", over_other_stretches),
                         ("a part or a whole", _partitive), ("different things counted", _different_things),
                         ("different places", _different_places), ("different actors", _different_agents),
                         ("one side's figure is a person's", _one_persons_figure),
                         ("counted at another time", _counted_at_another_time),
                         ("reports of different days", _other_days)],
    ClaimKind.DATE: [("a relative day in an undated report", _relative_day_undated),
                     ("the day is said of something else", _date_detached),
                     ("dated after its report", _after_report),
                     ("each report's own day", _own_days),
                     ("the same day-words from two publication dates", _same_day_words),
                     ("a recurring happening", _recurring), ("different doers", _different_doers),
                     ("different actors", _different_agents)],
    ClaimKind.ORDINAL: [("no common holder", _unheld), ("the series moved on", _more_than_a_day_apart)],
    ClaimKind.EVENT: [("reported on different days", _more_than_a_day_apart), ("a state, not a happening", _duration),
                      ("an unknown doer", _unknown_doer), ("different doers", _different_doers),
                      ("a negation missed", _negation_missed), ("different actors", _different_agents),
                      ("said of other things", said_of_other_things)],
}


def refusal(x: Side, y: Side, known: Collection) -> str | None:
    """Why two aligned claims that differ are not shown as a contradiction, or None if they are."""
    for reason, refuses in COMMON + BY_KIND.get(x.claim.kind, []):
        if refuses(x, y, known):
            return reason
    return None
