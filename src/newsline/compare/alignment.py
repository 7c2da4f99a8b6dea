"""Which claims of different documents speak of the same thing.

Claims are candidates when their masked clauses read alike (MiniLM cosine), and then each kind has
its own test of sameness: counts by what they count, what befell it, where and when; ordinals by the
holder of the series; dated happenings by a shared name or argument and a word for one happening;
denials by the thing denied. Each test says why in its docstring, with the mistakes it prevents.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from ..model import Claim, ClaimKind, ClaimRef, Document
from ..pretrained import Embeddings
from .counts import COUNT_GROUPS, CURRENCIES, LIGHT_PREDICATES
from .quantities import Amount

# Masked clauses that read this much alike speak of the same thing, given the same kind of claim and,
# for ordinals, dates and denials, the same word ("term", "collapsed", "deployed").
# (A denial must also share what it is said of with the affirmation: see same_denial.)
SAME_THING = {ClaimKind.QUANTITY: 0.45, ClaimKind.DATE: 0.5, ClaimKind.ORDINAL: 0.4, ClaimKind.EVENT: 0.35}
# Two counts that say the same thing happened to what they count ("killing two" / "two died") need
# only share some of their clause's words; a count of the same kind of thing is rarely a coincidence.
SAME_PREDICATE = 0.25
# Ordinals of one noun for one holder ("Dael": "his second term" / "a third term") count one series
# even in clauses that share little else.
SAME_HOLDER = 0.2
HOLDER_LABELS = {"PERSON", "ORG", "GPE"}  # not NORP: "the Belarusian dictator" is the holder, not "Belarusian"
# The same word for a happening of a kind that happens once to a thing, in one story, names the same
# happening in clauses that share this little ("it collapsed late on Monday" / "the tunnel collapsed").
SAME_ONE_OFF = 0.3
ONE_OFF_TYPES = {"disaster", "death", "attack", "election", "agreement", "arrest", "appointment"}
# Words for one step of a visit; "arrived" and "returned" are both visits but never the same moment.
SAME_STEP = ({"arrive", "land"}, {"leave", "depart"})
# Two reports of one happening put it days apart at most (Sunday night / Monday); further apart, the
# same word reports another occurrence: a second visit, another meeting.
MAX_DAY_GAP = 7
NOT_SERIES = {"time"}  # "for the first time" counts nothing
# What happens day after day to the same thing: two days for it are two occurrences, not a conflict.
RECURRING = {"fall", "rise", "drop", "gain", "close", "trade", "climb", "slip", "jump", "slide", "tumble", "surge",
             "dip", "soar", "plunge", "rally", "speak", "talk", "meet", "call", "appear", "write", "work"}
COUNT_WINDOW = 2  # days between two documents whose counts are compared
# Sources that disagree on a count rarely disagree tenfold (police and organisers of a march come
# closest); counts further apart are counts of different things.
MAX_RATIO = 10
PLACE_LABELS = {"GPE", "LOC"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "u", "him", "her", "them", "this", "that", "one"}
# MiniLM on single nouns: unrelated ones score 0.30-0.35 ("country"/"case" 0.32), related ones above
# ("worker"/"dockworker" 0.38, "victim"/"death" 0.40, "fatality"/"death" 0.73).
SAME_COUNTED = 0.36
DIFFERENT_PREDICATES = 0.55  # two counts of the same noun said with different verbs need a closer clause
# Counts of the whole world or nation, against a count of one place.
WORLDWIDE = re.compile(r"\b(?:globally|worldwide|world-wide|across the world|around the world|in all|overall|"
                       r"in total|nationwide)\b", re.I)


@dataclass(frozen=True)
class Side:
    doc: Document
    index: int
    claim: Claim

    def ref(self) -> ClaimRef:
        c = self.claim
        return ClaimRef(document=self.doc.id, claim=self.index, text=c.text, start=c.start, end=c.end,
                        sentence=self.doc.text[c.sentence_start:c.sentence_end], value=c.value,
                        speaker=f"{c.speaker} ({c.speaker_name})" if c.speaker_name else c.speaker)


def mention_of(side: Side):
    m = side.claim.mention
    return side.doc.event_mentions[m] if m is not None and m < len(side.doc.event_mentions) else None


def amount_of(claim: Claim) -> Amount:
    return Amount(claim.low or 0.0, claim.high if claim.high is not None else math.inf, claim.low == claim.high)


def same_word(x: Side, y: Side) -> bool:
    """Do two dated or denied events name the same happening? The same word does; so do two words
    that linking put in one event, two words of a type that happens once ("signed" / "the
    agreement"), or two words for one step of a visit ("arrived in Velgrad on Tuesday" / "landed in
    Velgrad on Monday evening"; never "arrived" / "returned")."""
    a, b = x.claim, y.claim
    if a.about == b.about or a.kind == ClaimKind.ORDINAL:
        return a.about == b.about
    first, second = mention_of(x), mention_of(y)
    if first is None or second is None:
        return False
    if same_linked_event(x, y):
        return True
    if first.type == second.type and first.type in ONE_OFF_TYPES:
        return True  # "signed an agreement on Thursday" / "the agreement ... on Wednesday"
    return any(first.lemma in words and second.lemma in words for words in SAME_STEP)


def same_linked_event(x: Side, y: Side) -> bool:
    first, second = mention_of(x), mention_of(y)
    return first is not None and second is not None and first.event is not None and first.event == second.event


def in_reach(x: Side, y: Side) -> bool:
    """Claims of two documents are compared when the documents cover one story, appeared within days
    of each other, or are not dated; counts never across more than a few days, since a running
    story's counts change from one week to the next ("cases rose to 109") without any source being
    wrong; denials only within a story."""
    days = days_apart(x.doc, y.doc)
    if x.claim.kind == ClaimKind.QUANTITY and days is not None and days > COUNT_WINDOW:
        return False
    same_story = x.doc.story is not None and x.doc.story == y.doc.story
    if x.claim.kind == ClaimKind.EVENT:
        return same_story  # "schools are not closed" in one story, "the school was closed" in another
    return same_story or days is None or days <= COUNT_WINDOW  # undated: time cannot tell them apart


def sentence_of(side: Side) -> str:
    return side.doc.text[side.claim.sentence_start:side.claim.sentence_end]


def names_in(side: Side, labels: set[str] | None = None) -> set[str]:
    """What a claim's sentence names (of ``labels``, or of any kind): entities, and the words of their
    names ("Corva", "Corva harbour" share a word, so they may be one place told in more or less detail)."""
    c = side.claim
    found = set()
    for m in side.doc.mentions:
        if c.sentence_start <= m.start < c.sentence_end and (labels is None or m.label in labels):
            found |= {m.entity or "", *m.text.lower().split()} - {"", "the", "of"}
    return found


def times_in(side: Side) -> set[str]:
    """The months or days a claim's sentence names, as TIMEX3 values ("in June": 2024-06); a year
    alone is the time of a whole story, not of one happening."""
    c = side.claim
    return {t.value for t in side.doc.temporal_expressions
            if c.sentence_start <= t.start < c.sentence_end and t.value and re.match(r"\d{4}-\d", t.value)}


def days_apart(a: Document, b: Document) -> int | None:
    if not (a.published.date and b.published.date):
        return None
    return abs((dt.date.fromisoformat(a.published.date[:10]) - dt.date.fromisoformat(b.published.date[:10])).days)


def heads_of(side: Side) -> set[str]:
    """The head words of what a denied or affirmed event is done by or to ("the army", "International
    observers", "an agreement"), without pronouns."""
    mention = mention_of(side)
    if mention is None:
        return {side.claim.about}  # "have licence": the thing had is in the claim itself
    heads = set()
    for argument in mention.arguments:
        if argument.role in ("agent", "patient") and argument.text.split():
            head = argument.text.split()[-1].lower().rstrip("s")
            if head not in PRONOUNS:
                heads.add(head)
            if argument.entity:
                heads.add(argument.entity)  # the entity its words name, as event linking found it
    return heads


def holder_of(doc: Document, claim: Claim) -> str | None:
    """Whose series an ordinal counts: the named person, organisation or place nearest before it in
    its sentence, or a pronoun or description resolved to one ("his third term", "Dael ... a third
    term", "the governor ... his second term")."""
    spans = [(m.start, m.entity or m.text.lower()) for m in doc.mentions
             if m.label in HOLDER_LABELS and claim.sentence_start <= m.start < claim.end]
    # A reference to a named entity ("his", "the governor"), not a group of like noun phrases
    # ("described:case": every "case" of the text).
    spans += [(r.start, r.entity) for r in doc.references
              if claim.sentence_start <= r.start < claim.end and not r.entity.startswith("described:")]
    return max(spans)[1] if spans else None


def same_series(sides: list[Side]):
    """Two ordinals of one noun ("term") count the same series when their clauses read alike, or
    when both count for the same holder, whatever else their clauses say."""
    holders = [holder_of(s.doc, s.claim) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        days = days_apart(sides[i].doc, sides[j].doc)
        if sides[i].claim.about in NOT_SERIES or (days is not None and days > MAX_DAY_GAP):
            return False  # "his second visit" in May and "his fourth" in June: the series moved on
        if holders[i] and holders[j]:
            return holders[i] == holders[j]  # "Spain ... a second case" / "Holland ... its first case"
        return cosine >= SAME_THING[ClaimKind.ORDINAL]

    return same


def same_happening(sides: list[Side]):
    """Two dated event words name the same happening when their sentences name something in common
    (a place, a person, an organisation) or they are said of the same thing ("the gates"), and their
    clauses read alike, or, in one story, when the words are of one type that happens once (a
    collapse, a capsizing and a sinking; a death; an election), not of one that recurs (a meeting, a
    statement). "The man died April 22" and "the child died on Monday" share no name: two deaths."""
    names = [names_in(s) for s in sides]
    heads = [heads_of(s) for s in sides]
    mentions = [mention_of(s) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        if not (names[i] & names[j] or heads[i] & heads[j]):
            return False
        first, second = mentions[i], mentions[j]
        if first is not None and first.lemma in RECURRING:
            return False  # shares fell on Tuesday and fell again on Wednesday
        if cosine >= SAME_THING[ClaimKind.DATE]:
            return True
        x, y = sides[i], sides[j]
        return (cosine >= SAME_ONE_OFF and x.doc.story is not None and x.doc.story == y.doc.story
                and first is not None and second is not None and first.type == second.type
                and first.type in ONE_OFF_TYPES)

    return same


def same_denial(sides: list[Side]):
    """A denial contradicts an affirmation of the same happening only: the same event word said of
    the same thing ("the army was deployed" / "the army had not been deployed"), or put in one event
    by linking across documents and said of the same time ("the ferry had passed the control of
    safety in June" / "the ship had not passed its June inspection"), in clauses that read somewhat
    alike. Linking alone is not enough: it joins every "died" of a running story's comment pages;
    nor is a shared place, the scene of the whole story ("the army was deployed near Ossa" / "fire
    crews had not been deployed near Ossa")."""
    heads = [heads_of(s) for s in sides]
    times = [times_in(s) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        if cosine < SAME_THING[ClaimKind.EVENT]:
            return False
        return bool(heads[i] & heads[j]) or (same_linked_event(sides[i], sides[j]) and bool(times[i] & times[j]))

    return same


def same_sum(a: Claim, b: Claim, cosine: float) -> bool:
    """Two sums of one currency that the same verb pledges, costs or pays, in clauses that read
    closely alike, are one sum whatever noun it is given: "pledged 40 million euros in emergency
    aid" / "promised 25 million euros of help" (single nouns are where the encoder is weakest:
    "aid"/"help" 0.33)."""
    return (bool(a.unit) and a.unit == b.unit and a.unit in CURRENCIES and bool(a.predicate)
            and a.predicate == b.predicate and a.predicate not in LIGHT_PREDICATES and cosine >= DIFFERENT_PREDICATES)


def same_count(sides: list[Side], embeddings: Embeddings):
    """Do two counts count the same thing? Their counted nouns must be alike (or one unnamed) and
    what they say happened must not differ in class ("two dead" is not "14 injured"); then a
    shared class needs little else in common, anything else a clause that reads alike."""
    nouns = sorted({s.claim.about for s in sides if s.claim.about})
    vectors = dict(zip(nouns, embeddings.of(nouns))) if nouns else {}

    places = [names_in(s, PLACE_LABELS) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        a, b = sides[i].claim, sides[j].claim
        if places[i] and places[j] and not places[i] & places[j]:
            return False  # "23 cases in England" / "91 cases in 10 US states": counts of other places
        if any(places[k] and WORLDWIDE.search(sentence_of(sides[m])) for k, m in ((i, j), (j, i))):
            return False  # "employs 10,105 people in the UK" / "more than 80,000 people globally"
        low, high = sorted((max(a.low or 0, 1e-9), max(b.low or 0, 1e-9)))
        if high / low > MAX_RATIO:
            return False  # "two dead" / "more than 100 cases": not two estimates of one thing
        if (a.about and b.about and a.about != b.about and float(vectors[a.about] @ vectors[b.about]) < SAME_COUNTED
                and not same_sum(a, b, cosine)):
            return False
        if a.predicate.endswith(" more") != b.predicate.endswith(" more"):
            return False  # "three more deaths" adds to a toll; it is not the toll
        if a.predicate in COUNT_GROUPS and b.predicate in COUNT_GROUPS:
            return a.predicate == b.predicate and cosine >= SAME_PREDICATE
        if not (a.about and b.about):
            return False  # an unnamed count is matched only by what befell it
        if (a.predicate in COUNT_GROUPS) != (b.predicate in COUNT_GROUPS) and a.predicate and b.predicate:
            return False  # "11 workers killed" / "the factory employed 300 people"
        if a.predicate and b.predicate and a.predicate != b.predicate:
            # "80 people were working a shift" / "the factory employed 300 people"; "pledged" / "promised"
            return cosine >= DIFFERENT_PREDICATES
        return cosine >= SAME_THING[ClaimKind.QUANTITY]

    return same
