"""Agreement and contradiction across sources: claims about the same thing, side by side.

Two claims are about the same thing when they come from different documents of one story, are of
one kind, and their clauses, with the values masked, read alike (MiniLM cosine): "N dockworkers
stopped work at Port Eldon" and "N of its members joined the stoppage". Then:

- numbers (of a thing the text names: a bare "five" is not compared) contradict when their ranges cannot meet ("4,000" and "about 2,500"; "about 2,500" and
  "closer to 3,000" can); a later report that says the count rose ("has risen to 14", "bringing the
  toll to") is an update, not a contradiction; a vague amount ("thousands") contradicts nothing, an open bound ("more than 60") what lies beyond it;
- days contradict when the same event word is given different days;
- ordinals contradict when they count the same kind of thing in the same period ("the second
  strike this year" and "the third strike this year"); counted over different periods ("his second
  visit this year", "his third in three years") they are compatible, and said so;
- events contradict in polarity when one source says the thing happened and another that it did not.

Each claim is compared, per other document, with its closest counterparts only, and agreement wins:
a source that gives the same figure somewhere does not contradict itself by also giving another.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..enrich.claims import COUNT_GROUPS
from ..enrich.quantities import Amount
from ..model import Claim, ClaimKind, ClaimRef, Comparison, Corpus, Document
from ..registry import Context, stage
from .wording import Embeddings, shared_embeddings, similar_pairs

# Masked clauses that read this much alike speak of the same thing, given the same kind of claim and,
# for ordinals, dates and denials, the same word ("term", "collapsed", "deployed").
# (A denial must also share what it is said of with the affirmation: see _shared_argument.)
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
COMPARED = tuple(SAME_THING)
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
# Verbs of thinking and saying: "I don't think so" denies no happening.
NOT_HAPPENINGS = {"think", "believe", "know", "see", "feel", "suggest", "appear", "seem", "expect", "hope",
                  "want", "need", "understand", "remember", "forget", "mean", "say", "tell", "like", "wish",
                  "care", "matter", "doubt", "assume", "consider", "guess", "hear", "look", "sound", "realise",
                  "realize", "recall", "imagine", "suppose", "worry", "agree", "disagree", "comment", "respond",
                  "confirm", "deny", "rule", "make", "get", "go", "come", "take", "give"}
NEAREST = 30  # counterparts looked at per claim: a wire story copied by hundreds must not cost their square
# MiniLM on single nouns: unrelated ones score 0.30-0.35 ("country"/"case" 0.32), related ones above
# ("worker"/"dockworker" 0.38, "victim"/"death" 0.40, "fatality"/"death" 0.73).
SAME_COUNTED = 0.36
DIFFERENT_PREDICATES = 0.55  # two counts of the same noun said with different verbs need a closer clause
# A later report revising a count says so.
_WORLDWIDE = re.compile(r"\b(?:globally|worldwide|world-wide|across the world|around the world|in all|overall|"
                        r"in total|nationwide)\b", re.I)
# Words of a count that is still running ("the total so far", "up from 91 yesterday").
_RUNNING = re.compile(r"\b(?:total|tally|so far|up from|now|to date|latest|reached|has risen|have risen|brings|"
                      r"bringing|taking|takes)\b", re.I)
_UPDATE = re.compile(r"\b(?:ha(?:s|ve|d) (?:now )?(?:risen|climbed|increased|grown|gone up)|ris(?:ing|en) to|rose to|"
                     r"climb(?:ed|ing) to|bringing|raising|revised|updated|more (?:people )?died|now)\b", re.I)


@dataclass(frozen=True)
class Side:
    doc: Document
    index: int
    claim: Claim

    def ref(self) -> ClaimRef:
        c = self.claim
        return ClaimRef(document=self.doc.id, claim=self.index, text=c.text, start=c.start, end=c.end,
                        sentence=self.doc.text[c.sentence_start:c.sentence_end], value=c.value, speaker=c.speaker)


def _amount(claim: Claim) -> Amount:
    return Amount(claim.low or 0.0, claim.high if claim.high is not None else math.inf, claim.low == claim.high)


def _period_kind(scope: str | None) -> str | None:
    if scope is None:
        return None
    whole_year = re.fullmatch(r"\d{4}-01-01/\d{4}-12-31", scope)
    this_year = "year" in scope and not re.search(r"\d|\b(?:two|three|four|five)\b", scope)  # not "three years"
    if whole_year or this_year:
        return "year"
    return scope


def _same_scope(a: Claim, b: Claim) -> bool:
    """Do two ordinals count in the same period? Equal periods do; an unresolved "this year"
    matches a resolved year, since the text gives no other."""
    if a.scope == b.scope:
        return True
    resolved = [s for s in (a.scope, b.scope) if s and s[0].isdigit()]
    if len(resolved) == 2:
        return False
    return _period_kind(a.scope) == _period_kind(b.scope) == "year"


def _mention(side: Side):
    m = side.claim.mention
    return side.doc.event_mentions[m] if m is not None and m < len(side.doc.event_mentions) else None


def _same_word(x: Side, y: Side) -> bool:
    """Do two dated or denied events name the same happening? The same word does; so do two words
    that linking put in one event, two words of a type that happens once ("signed" / "the
    agreement"), or two words for one step of a visit ("arrived in Velgrad on Tuesday" / "landed in
    Velgrad on Monday evening"; never "arrived" / "returned")."""
    a, b = x.claim, y.claim
    if a.about == b.about or a.kind == ClaimKind.ORDINAL:
        return a.about == b.about
    first, second = _mention(x), _mention(y)
    if first is None or second is None:
        return False
    if first.event and first.event == second.event:
        return True
    if first.type == second.type and first.type in ONE_OFF_TYPES:
        return True  # "signed an agreement on Thursday" / "the agreement ... on Wednesday"
    return any(first.lemma in words and second.lemma in words for words in SAME_STEP)


def _same_linked_event(x: Side, y: Side) -> bool:
    first, second = _mention(x), _mention(y)
    return first is not None and second is not None and first.event is not None and first.event == second.event


def _verdict(x: Side, y: Side) -> tuple[str, str] | None:
    """(verdict, explanation) for two claims about the same thing, or None when they are not comparable."""
    a, b = x.claim, y.claim
    kind = a.kind
    if kind == ClaimKind.QUANTITY:
        if a.unit != b.unit:
            return None
        first, second = _amount(a), _amount(b)
        if first.overlaps(second):
            return "agreement", f"{a.value} and {b.value}{' ' + a.unit if a.unit else ''} can both hold"
        if first.bounded_vague or second.bounded_vague:
            return None  # "thousands" does not deny "about 500" of some other part of the crowd
        for newer, older in ((x, y), (y, x)):
            said = newer.doc.text[newer.claim.sentence_start:newer.claim.sentence_end]
            if ((newer.doc.published.date or "") >= (older.doc.published.date or "") and _UPDATE.search(said)
                    and _amount(newer.claim).low > _amount(older.claim).high):
                return "update", (f"{newer.claim.value} in a report that says the count rose, "
                                  f"against {older.claim.value}")
        if _days_apart(x.doc, y.doc) and any(_RUNNING.search(s.doc.text[s.claim.sentence_start:s.claim.sentence_end])
                                             for s in (x, y)):
            return None  # a running total on another day: the count moved, or may have
        return "contradiction", f"{a.value} against {b.value}{' ' + a.unit if a.unit else ''}"
    if not _same_word(x, y):
        return None
    if kind == ClaimKind.DATE:
        if a.value == b.value:
            return "agreement", f"both date “{a.about}” {a.value}"
        gap = abs((dt.date.fromisoformat(a.value[:10]) - dt.date.fromisoformat(b.value[:10])).days)
        if gap > MAX_DAY_GAP and not _same_linked_event(x, y):
            return None  # February's arrival and December's: two visits, not two dates for one
        return "contradiction", f"“{a.about}” dated {a.value} against {b.value}"
    if kind == ClaimKind.ORDINAL:
        if not _same_scope(a, b):
            if a.value == b.value:
                return None
            return "compatible", (f"{a.text} ({a.scope or 'no period given'}) and {b.text} "
                                  f"({b.scope or 'no period given'}) count over different periods")
        if a.value == b.value:
            return "agreement", f"both say {a.text}"
        return "contradiction", f"{a.text} against {b.text}"
    if a.negated != b.negated:
        return "contradiction", f"“{a.about}” {a.value} against {b.value}"
    return None


def _refresh_days(doc: Document) -> None:
    """A dated claim's day, read again from its expression: the corpus stages may have dated the
    document since ("on Monday" under a dateline that gave no year)."""
    for claim in doc.claims:
        if claim.kind == ClaimKind.DATE and claim.mention is not None:
            timex = doc.event_mentions[claim.mention].timex
            if timex is not None:
                claim.value = doc.temporal_expressions[timex].start_date


def _comparable(doc: Document, claim: Claim, denied: set[str]) -> bool:
    if claim.kind not in COMPARED or not claim.context or (claim.kind == ClaimKind.DATE and not claim.value):
        return False
    if claim.kind == ClaimKind.EVENT:
        said = doc.text[claim.sentence_start:claim.sentence_end].rstrip()
        if claim.about in NOT_HAPPENINGS or said.endswith("?"):
            return False  # opinions and questions deny nothing
        # that a thing happened is worth aligning where someone denies it
        return claim.negated or claim.about in denied
    # A bare number says nothing checkable until the text says what it counts or what befell it.
    return claim.kind != ClaimKind.QUANTITY or bool(claim.about) or claim.predicate in COUNT_GROUPS


def compare_claims(documents: list[Document], embeddings: Embeddings) -> list[Comparison]:
    by_kind: dict[ClaimKind, list[Side]] = defaultdict(list)
    for doc in documents:
        _refresh_days(doc)
    denied = {c.about for doc in documents for c in doc.claims
              if c.kind == ClaimKind.EVENT and c.negated and c.about not in NOT_HAPPENINGS}
    for doc in documents:
        for index, claim in enumerate(doc.claims):
            if _comparable(doc, claim, denied):
                by_kind[claim.kind].append(Side(doc, index, claim))
    comparisons = []
    for sides in by_kind.values():
        comparisons += _compare(sides, embeddings)
    order = {"contradiction": 0, "update": 1, "compatible": 2, "agreement": 3}
    return sorted(comparisons, key=lambda c: (order[c.verdict], c.kind.value, c.claims[0].document, c.claims[0].start))


def _compare(sides: list[Side], embeddings: Embeddings) -> list[Comparison]:
    """Best counterparts per claim and other document, agreement first."""
    kind = sides[0].claim.kind
    if kind == ClaimKind.QUANTITY:
        same_thing, lowest = _same_count(sides, embeddings), SAME_PREDICATE
    elif kind == ClaimKind.ORDINAL:
        same_thing, lowest = _same_series(sides), SAME_HOLDER
    elif kind == ClaimKind.DATE:
        same_thing, lowest = (lambda i, j, cosine: _same_happening(sides[i], sides[j], cosine)), SAME_ONE_OFF
    else:
        same_thing, lowest = (lambda i, j, cosine: cosine >= SAME_THING[kind] and _shared_argument(sides[i], sides[j])), SAME_THING[kind]
    candidates: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)
    for cosine, i, j in similar_pairs([s.claim.context for s in sides], lowest, embeddings, nearest=NEAREST):
        if sides[i].doc.id != sides[j].doc.id and _in_reach(sides[i], sides[j]) and same_thing(i, j, cosine):
            candidates[i, sides[j].doc.id].append((cosine, j))
            candidates[j, sides[i].doc.id].append((cosine, i))
    found: dict[tuple[int, int], Comparison] = {}
    for (i, _), counterparts in candidates.items():
        judged = [(c, j, _verdict(sides[i], sides[j])) for c, j in sorted(counterparts, reverse=True)]
        judged = [(c, j, v) for c, j, v in judged if v is not None]
        # An agreement settles the claim against that document, unless it is with a vague amount:
        # "thousands of dockworkers" does not make "closer to 3,000" agree with "4,000 of its members".
        agreeing = [x for x in judged if x[2][0] == "agreement" and not _vague_side(sides[i], sides[x[1]])]
        judged = [x for x in judged if x[2][0] != "agreement" or x in agreeing] or judged
        chosen = (agreeing or judged)[:1]
        for cosine, j, (verdict, why) in chosen:
            key = (min(i, j), max(i, j))
            if key in found and (found[key].verdict == "agreement" or verdict != "agreement"):
                continue
            x, y = sorted((sides[i], sides[j]), key=lambda s: (s.doc.published.date or "", s.doc.path))
            found[key] = Comparison(kind=kind, verdict=verdict, about=x.claim.about or y.claim.about,
                                    explanation=why, similarity=round(cosine, 3), claims=[x.ref(), y.ref()])
    return list(found.values())


def _in_reach(x: Side, y: Side) -> bool:
    """Claims of two documents are compared when the documents cover one story, appeared within days
    of each other, or are not dated; counts never across more than a few days, since a running
    story's counts change from one week to the next ("cases rose to 109") without any source being
    wrong; denials only within a story."""
    days = _days_apart(x.doc, y.doc)
    if x.claim.kind == ClaimKind.QUANTITY and days is not None and days > COUNT_WINDOW:
        return False
    same_story = x.doc.story is not None and x.doc.story == y.doc.story
    if x.claim.kind == ClaimKind.EVENT:
        return same_story  # "schools are not closed" in one story, "the school was closed" in another
    return same_story or days is None or days <= COUNT_WINDOW  # undated: time cannot tell them apart


def _sentence(side: Side) -> str:
    return side.doc.text[side.claim.sentence_start:side.claim.sentence_end]


def _named(side: Side) -> set[str]:
    """What a claim's sentence names: entities, and the words of their names."""
    c = side.claim
    found = set()
    for m in side.doc.mentions:
        if c.sentence_start <= m.start < c.sentence_end:
            found |= {m.entity or "", *m.text.lower().split()} - {"", "the", "of"}
    return found


def _places(side: Side) -> set[str]:
    """The places named in a claim's sentence: their entities and their words ("Corva", "Corva
    harbour" share a word, so they may be one place told in more or less detail)."""
    c = side.claim
    found = set()
    for m in side.doc.mentions:
        if m.label in PLACE_LABELS and c.sentence_start <= m.start < c.sentence_end:
            found |= {m.entity or "", *m.text.lower().split()} - {"", "the", "of"}
    return found


def _days_apart(a: Document, b: Document) -> int | None:
    if not (a.published.date and b.published.date):
        return None
    return abs((dt.date.fromisoformat(a.published.date[:10]) - dt.date.fromisoformat(b.published.date[:10])).days)


def _heads(side: Side) -> set[str]:
    """The head words of what a denied or affirmed event is done by or to ("the army", "International
    observers", "an agreement"), without pronouns."""
    mention = _mention(side)
    if mention is None:
        return {side.claim.about}  # "have licence": the thing had is in the claim itself
    heads = set()
    for argument in mention.arguments:
        if argument.role in ("agent", "patient") and argument.text.split():
            head = argument.text.split()[-1].lower().rstrip("s")
            if head not in PRONOUNS:
                heads.add(head)
    return heads


def _shared_argument(x: Side, y: Side) -> bool:
    """A denial contradicts an affirmation of the same happening only: the same event word said of
    the same thing ("the army was deployed" / "the army had not been deployed")."""
    if x.claim.kind != ClaimKind.EVENT:
        return True
    return bool(_heads(x) & _heads(y))


def _vague_side(x: Side, y: Side) -> bool:
    return x.claim.kind == ClaimKind.QUANTITY and (_amount(x.claim).bounded_vague or _amount(y.claim).bounded_vague)


def _holder(doc: Document, claim: Claim) -> str | None:
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


def _same_series(sides: list[Side]):
    """Two ordinals of one noun ("term") count the same series when their clauses read alike, or
    when both count for the same holder, whatever else their clauses say."""
    holders = [_holder(s.doc, s.claim) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        days = _days_apart(sides[i].doc, sides[j].doc)
        if sides[i].claim.about in NOT_SERIES or (days is not None and days > MAX_DAY_GAP):
            return False  # "his second visit" in May and "his fourth" in June: the series moved on
        if holders[i] and holders[j]:
            return holders[i] == holders[j]  # "Spain ... a second case" / "Holland ... its first case"
        return cosine >= SAME_THING[ClaimKind.ORDINAL]

    return same


def _same_happening(x: Side, y: Side, cosine: float) -> bool:
    """Two dated event words name the same happening when their sentences name something in common
    (a place, a person, an organisation) or they are said of the same thing ("the gates"), and their
    clauses read alike, or, in one story, when the
    word is the same and names what happens once (a collapse, a death, an election), not what
    recurs (a meeting, a statement). "The man died April 22" and "the child died on Monday" share
    no name: two deaths."""
    if not (_named(x) & _named(y) or _heads(x) & _heads(y)):
        return False
    first, second = _mention(x), _mention(y)
    if first is not None and first.lemma in RECURRING:
        return False  # shares fell on Tuesday and fell again on Wednesday
    if cosine >= SAME_THING[ClaimKind.DATE]:
        return True
    return (cosine >= SAME_ONE_OFF and x.doc.story is not None and x.doc.story == y.doc.story
            and first is not None and second is not None and first.lemma == second.lemma
            and first.type in ONE_OFF_TYPES)


def _same_count(sides: list[Side], embeddings: Embeddings):
    """Do two counts count the same thing? Their counted nouns must be alike (or one unnamed) and
    what they say happened must not differ in class ("two dead" is not "14 injured"); then a
    shared class needs little else in common, anything else a clause that reads alike."""
    nouns = sorted({s.claim.about for s in sides if s.claim.about})
    vectors = dict(zip(nouns, embeddings.of(nouns))) if nouns else {}

    places = [_places(s) for s in sides]

    def same(i: int, j: int, cosine: float) -> bool:
        a, b = sides[i].claim, sides[j].claim
        if places[i] and places[j] and not places[i] & places[j]:
            return False  # "23 cases in England" / "91 cases in 10 US states": counts of other places
        if any(places[k] and _WORLDWIDE.search(_sentence(sides[m])) for k, m in ((i, j), (j, i))):
            return False  # "employs 10,105 people in the UK" / "more than 80,000 people globally"
        low, high = sorted((max(a.low or 0, 1e-9), max(b.low or 0, 1e-9)))
        if high / low > MAX_RATIO:
            return False  # "two dead" / "more than 100 cases": not two estimates of one thing
        if a.about and b.about and a.about != b.about and float(vectors[a.about] @ vectors[b.about]) < SAME_COUNTED:
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


@stage("contradictions", scope="corpus",
       reads=["document.claims", "document.published", "document.text", "document.event_mentions",
              "document.temporal_expressions"],
       writes=["corpus.comparisons"])
def contradictions_stage(corpus: Corpus, ctx: Context) -> None:
    """Align the claims of different sources about the same thing; report agreements and conflicts."""
    corpus.comparisons = compare_claims(corpus.documents, shared_embeddings())
