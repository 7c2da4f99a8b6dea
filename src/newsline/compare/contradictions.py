"""Agreement and contradiction across sources: claims about the same thing, side by side.

Which claims speak of the same thing is decided in ``alignment.py`` (clauses that read alike, then
a test per kind). Then:

- numbers contradict when their ranges cannot meet ("4,000" and "about 2,500"; "about 2,500" and
  "closer to 3,000" can); a later report that says the count rose ("has risen to 14", "bringing the
  toll to") is an update, not a contradiction, and a running total of another day is not compared;
  a vague amount ("thousands") contradicts nothing, an open bound ("more than 60") what lies beyond it;
- days contradict when one happening is given different days, at most a week apart;
- ordinals contradict when they count the same series in the same period ("the second strike this
  year" and "the third strike this year"); counted over different periods ("his second visit this
  year", "his third in three years") they are compatible, and said so;
- events contradict in polarity when one source says the thing happened and another that it did not.

Each claim is compared, per other document, with its closest counterparts only, and agreement wins:
a source that gives the same figure somewhere does not contradict itself by also giving another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from ..model import Claim, ClaimKind, Comparison, Corpus, Document
from ..pretrained import Embeddings, shared_embeddings, similar_pairs
from ..registry import Context, stage
from .alignment import (
    MAX_DAY_GAP,
    SAME_HOLDER,
    SAME_ONE_OFF,
    SAME_PREDICATE,
    SAME_THING,
    Side,
    amount_of,
    days_apart,
    in_reach,
    same_count,
    same_denial,
    same_happening,
    same_linked_event,
    same_series,
    same_word,
    sentence_of,
)
from .claims import period_of
from .conflicts import Collection, refusal
from .counts import COUNT_GROUPS

COMPARED = tuple(SAME_THING)
# Verbs of thinking and saying: "I don't think so" denies no happening.
NOT_HAPPENINGS = {"think", "believe", "know", "see", "feel", "suggest", "appear", "seem", "expect", "hope",
                  "want", "need", "understand", "remember", "forget", "mean", "say", "tell", "like", "wish",
                  "care", "matter", "doubt", "assume", "consider", "guess", "hear", "look", "sound", "realise",
                  "realize", "recall", "imagine", "suppose", "worry", "agree", "disagree", "comment", "respond",
                  "confirm", "deny", "rule", "make", "get", "go", "come", "take", "give"}
NEAREST = 30  # counterparts looked at per claim: a wire story copied by hundreds must not cost their square
# Words of a count that is still running ("the total so far", "up from 91 yesterday").
_RUNNING = re.compile(r"\b(?:total|tally|so far|up from|now|to date|latest|reached|has risen|have risen|brings|"
                      r"bringing|taking|takes)\b", re.I)
# A later report revising a count says so.
_UPDATE = re.compile(r"\b(?:ha(?:s|ve|d) (?:now )?(?:risen|climbed|increased|grown|gone up)|ris(?:ing|en) to|rose to|"
                     r"climb(?:ed|ing) to|bringing|raising|revised|updated|more (?:people )?died|now)\b", re.I)


def _period_kind(scope: str | None) -> str | None:
    if scope is None:
        return None
    whole_year = re.fullmatch(r"\d{4}-01-01/\d{4}-12-31", scope)
    this_year = "year" in scope and not re.search(r"\d|\b(?:two|three|four|five)\b", scope)  # not "three years"
    if whole_year or this_year:
        return "year"
    return scope


_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _period_words(scope: str | None) -> str:
    """A period as a reader says it: "P3Y" is "3 years", "2023-01-01/2023-12-31" is "2023"."""
    if scope is None:
        return "no period given"
    duration = re.fullmatch(r"P(\d+)([YMWD])", scope)
    if duration:
        n, unit = int(duration.group(1)), _UNITS[duration.group(2)]
        return f"{n} {unit}{'s' if n != 1 else ''}"
    whole_year = re.fullmatch(r"(\d{4})-01-01/\1-12-31", scope)
    if whole_year:
        return whole_year.group(1)
    return scope.replace("/", " to ")


def _same_scope(a: Claim, b: Claim) -> bool:
    """Do two ordinals count in the same period? Equal periods do; an unresolved "this year"
    matches a resolved year, since the text gives no other."""
    if a.scope == b.scope:
        return True
    resolved = [s for s in (a.scope, b.scope) if s and s[0].isdigit()]
    if len(resolved) == 2:
        return False
    return _period_kind(a.scope) == _period_kind(b.scope) == "year"


def _verdict(x: Side, y: Side) -> tuple[str, str] | None:
    """(verdict, explanation) for two claims about the same thing, or None when they are not comparable."""
    a, b = x.claim, y.claim
    kind = a.kind
    if kind == ClaimKind.QUANTITY:
        if a.unit != b.unit:
            return None
        first, second = amount_of(a), amount_of(b)
        if first.overlaps(second):
            return "agreement", f"{a.value} and {b.value}{' ' + a.unit if a.unit else ''} can both hold"
        if first.bounded_vague or second.bounded_vague:
            return None  # "thousands" does not deny "about 500" of some other part of the crowd
        for newer, older in ((x, y), (y, x)):
            if ((newer.doc.published.date or "") >= (older.doc.published.date or "")
                    and _UPDATE.search(sentence_of(newer))
                    and amount_of(newer.claim).low > amount_of(older.claim).high):
                return "update", (f"{newer.claim.value} in a report that says the count rose, "
                                  f"against {older.claim.value}")
        if days_apart(x.doc, y.doc) and any(_RUNNING.search(sentence_of(s)) for s in (x, y)):
            return None  # a running total on another day: the count moved, or may have
        return "contradiction", f"{a.value} against {b.value}{' ' + a.unit if a.unit else ''}"
    if not same_word(x, y):
        return None
    if kind == ClaimKind.DATE:
        if a.value == b.value:
            return "agreement", f"both date “{a.about}” {a.value}"
        gap = abs((dt.date.fromisoformat((a.value or "")[:10]) - dt.date.fromisoformat((b.value or "")[:10])).days)
        if gap > MAX_DAY_GAP and not same_linked_event(x, y):
            return None  # February's arrival and December's: two visits, not two dates for one
        return "contradiction", f"“{a.about}” dated {a.value} against {b.value}"
    if kind == ClaimKind.ORDINAL:
        if not _same_scope(a, b):
            if a.value == b.value:
                return None
            return "compatible", (f"{a.text} ({_period_words(a.scope)}) and {b.text} "
                                  f"({_period_words(b.scope)}) count over different periods")
        if a.value == b.value:
            return "agreement", f"both say {a.text}"
        return "contradiction", f"{a.text} against {b.text}"
    if a.negated != b.negated:
        return "contradiction", f"“{a.about}” {a.value} against {b.value}"
    return None


def _refresh_days(doc: Document) -> None:
    """A dated claim's day and an ordinal's period, read again from their expressions: the corpus
    stages may have dated the document since ("on Monday" under a dateline that gave no year)."""
    for claim in doc.claims:
        if claim.kind == ClaimKind.DATE and claim.mention is not None:
            timex = doc.event_mentions[claim.mention].timex
            if timex is not None:
                claim.value = doc.temporal_expressions[timex].start_date
        elif claim.kind == ClaimKind.ORDINAL and claim.scope_timex is not None:
            claim.scope = period_of(doc.temporal_expressions[claim.scope_timex])  # "this summer" of 2024


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
    known = Collection.of(side for sides in by_kind.values() for side in sides)
    comparisons = []
    for sides in by_kind.values():
        comparisons += _compare(sides, embeddings, known)
    order = {"contradiction": 0, "update": 1, "compatible": 2, "agreement": 3}
    return sorted(comparisons, key=lambda c: (order[c.verdict], c.kind.value, c.claims[0].document, c.claims[0].start))


def _compare(sides: list[Side], embeddings: Embeddings, known: Collection) -> list[Comparison]:
    """Best counterparts per claim and other document, agreement first."""
    kind = sides[0].claim.kind
    if kind == ClaimKind.QUANTITY:
        same_thing, lowest = same_count(sides, embeddings), SAME_PREDICATE
    elif kind == ClaimKind.ORDINAL:
        same_thing, lowest = same_series(sides), SAME_HOLDER
    elif kind == ClaimKind.DATE:
        same_thing, lowest = same_happening(sides), SAME_ONE_OFF
    else:
        same_thing, lowest = same_denial(sides), SAME_THING[kind]
    candidates: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)
    for cosine, i, j in similar_pairs([s.claim.context for s in sides], lowest, embeddings, nearest=NEAREST):
        if sides[i].doc.id != sides[j].doc.id and in_reach(sides[i], sides[j]) and same_thing(i, j, cosine):
            candidates[i, sides[j].doc.id].append((cosine, j))
            candidates[j, sides[i].doc.id].append((cosine, i))
    found: dict[tuple[int, int], Comparison] = {}
    for (i, _), counterparts in candidates.items():
        verdicts = [(c, j, _gated(sides[i], sides[j], known)) for c, j in sorted(counterparts, reverse=True)]
        judged = [(c, j, v) for c, j, v in verdicts if v is not None]
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


def _gated(x: Side, y: Side, known: Collection) -> tuple[str, str] | None:
    """The verdict on two aligned claims, a contradiction only if the gate lets it through."""
    verdict = _verdict(x, y)
    if verdict is not None and verdict[0] == "contradiction":
        earlier, later = sorted((x, y), key=lambda s: s.doc.published.date or "")
        if refusal(earlier, later, known) is not None:
            return None
    return verdict


def _vague_side(x: Side, y: Side) -> bool:
    return x.claim.kind == ClaimKind.QUANTITY and (amount_of(x.claim).bounded_vague or amount_of(y.claim).bounded_vague)


@stage("contradictions", scope="corpus",
       reads=["document.claims", "document.published", "document.text", "document.event_mentions",
              "document.temporal_expressions", "document.mentions", "document.references", "document.story"],
       writes=["corpus.comparisons"])
def contradictions_stage(corpus: Corpus, ctx: Context) -> None:
    """Align the claims of different sources about the same thing; report agreements and conflicts."""
    corpus.comparisons = compare_claims(corpus.documents, shared_embeddings())
