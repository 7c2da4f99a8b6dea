"""Events v1: a sentence reporting something that happened or is planned at a time we can resolve.

Each date expression is attached to the event word that governs it in the parse (or, failing
that, the nearest one in the sentence); the word's lemma gives the type. Participants and places
are filled in by linking, from the entity mentions inside the cited sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from ..dating.published import in_dateline
from ..dating.tense import span_for
from ..model import Citation, Document, Event, Modality, TemporalExpression
from ..registry import Context, rerun_of, stage
from .words import event_mentions, is_event_word

TRIGGERS: dict[str, set[str]] = {
    "visit": {"visit", "trip", "tour", "travel", "arrive", "fly", "head", "journey", "land", "return", "depart"},
    "meeting": {"meet", "meeting", "talk", "talks", "summit", "negotiate", "negotiation", "host", "welcome"},
    "election": {"election", "vote", "ballot", "poll", "referendum", "elect", "re-elect", "reelect", "reelection",
                 "re-election"},
    "protest": {"protest", "demonstrate", "demonstration", "rally", "strike"},
    "attack": {"attack", "bomb", "shell", "explode", "explosion", "kill", "shoot", "raid", "invade", "invasion",
               "assault",
               "murder", "assassinate", "stab"},
    "sanction": {"sanction", "embargo", "blacklist"},
    "call": {"call", "phone", "telephone"},
    "trial": {"trial", "try", "sentence", "convict", "prosecute", "charge", "acquit", "jail", "imprison", "verdict",
              "demand"},
    "arrest": {"arrest", "detain", "detention", "apprehend", "custody"},
    "death": {"die", "death", "dead"},
    "disaster": {"earthquake", "quake", "flood", "storm", "hurricane", "fire", "blaze", "crash", "spill", "leak",
                 "capsize",
                 "overturn", "topple",
                 "eruption", "outbreak", "collapse", "derail", "sink", "tsunami"},
    "agreement": {"agree", "agreement", "deal", "treaty", "accord", "sign", "merger", "acquire", "acquisition"},
    "appointment": {"appoint", "appointment", "name", "nominate", "resign", "resignation", "dismiss", "hire"},
    "release": {"release", "publish", "unveil", "launch", "issue"},
    "policy": {"decide", "decision", "ban", "approve", "adopt", "pass", "impose", "introduce", "order", "rule"},
    "statement": {"say", "state", "announce", "tell", "declare", "urge", "warn", "claim", "accuse", "deny",
                  "express", "stress", "add", "report", "confirm", "praise", "condemn", "criticize", "insist"},
}
LEMMA_TYPE = {lemma: kind for kind, lemmas in TRIGGERS.items() for lemma in lemmas}
# Light verbs whose object names the event: "hold talks", "pay a visit", "begin a state visit".
LIGHT_VERBS = {"hold", "make", "pay", "begin", "start", "conduct", "have", "take", "launch", "stage", "end", "be"}
HEDGES = {"may", "might", "could", "would", "allegedly", "reportedly", "possibly", "perhaps", "likely"}
DATED_RULES = {"iso_date", "dotted_date", "day_range", "month_day_year", "day_month_year", "month_day",
               "day_month", "month_year", "weekday", "relative_day", "anaphoric_day", "month_alone",
               "year", "year_range", "relative_unit", "earlier_later", "ago"}
COARSE_RULES = {"year", "year_range", "relative_unit", "earlier_later", "ago"}


def event_type_of(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma == "call" and not any(c.lower_ in ("phone", "telephone") for c in token.subtree) and token.pos_ == "VERB":
        return None  # "called for", "called on": not a phone call
    if token.pos_ == "NOUN" and lemma.endswith("ing"):  # "the killing", "the bombing": the verb's type
        lemma = next((stem for stem in (lemma[:-3], lemma[:-3] + "e", lemma[:-4]) if stem in LEMMA_TYPE), lemma)
    return LEMMA_TYPE.get(lemma) or LEMMA_TYPE.get(token.lower_)


def find_trigger(anchor: Token, sentence_tokens: list[Token]) -> Token | None:
    """The event word governing ``anchor``: up the parse first, then the nearest in the sentence."""
    token = anchor
    for _ in range(6):
        if event_type_of(token):
            return token
        if token.lemma_.lower() in LIGHT_VERBS or token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "xcomp") and event_type_of(child):
                    return child
        if token.pos_ == "VERB" and is_event_word(token) and token.lemma_.lower() not in LIGHT_VERBS:
            return token  # "was murdered on May 5": the verb the date hangs on, typed or not
        if token.head == token:
            break
        token = token.head
    candidates = [t for t in sentence_tokens if event_type_of(t)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.i - anchor.i))


def modality_of(trigger: Token, tx: TemporalExpression) -> Modality:
    clause = [trigger, trigger.head, *trigger.children, *trigger.head.children]
    words = {t.lower_ for t in clause}
    if any(t.dep_ == "neg" for t in clause):
        return Modality.NEGATED
    if words & HEDGES:
        return Modality.HEDGED
    if tx.direction == "future" or words & {"will", "shall", "due", "plans", "planning", "expected", "set"}:
        return Modality.PLANNED
    return Modality.HAPPENED


def day_duration(doc: Document, sentence_start: int, sentence_end: int, trigger_start: int) -> int | None:
    """'a three-day visit': the day count of a duration just before the event word."""
    for tx in doc.temporal_expressions:
        n = tx.params.n
        if (tx.type == "DURATION" and tx.params.unit == "day" and isinstance(n, (int, float))
                and sentence_start <= tx.start and tx.end <= trigger_start and trigger_start - tx.end < 25):
            return max(1, round(n))  # "a few days" has no count: no duration
    return None


def event_dates(tx: TemporalExpression, duration: int | None) -> tuple[str | None, str | None]:
    if not tx.start_date:
        return None, None
    if tx.granularity == "year":
        return tx.start_date[:4], (tx.end_date or tx.start_date)[:4]
    if tx.granularity == "month":
        return tx.start_date[:7], tx.start_date[:7]
    end = tx.end_date
    if duration and duration > 1 and tx.end_date == tx.start_date:
        end = (dt.date.fromisoformat(tx.start_date) + dt.timedelta(days=duration - 1)).isoformat()
    return tx.start_date, end


def summarize(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 300 else text[:297].rstrip() + "…"


def extract_events(doc: Document, parsed: SpacyDoc) -> list[Event]:
    """One event per dated expression, at the event word it attaches to; that word's mention (in
    ``doc.event_mentions``) gets the expression as its time."""
    mention_by_start = {m.start: m for m in doc.event_mentions}
    events: list[Event] = []
    used_triggers: set[int] = set()
    for index, tx in enumerate(doc.temporal_expressions):
        if tx.type not in ("DATE", "TIME") or tx.rule not in DATED_RULES:  # "on Monday evening" dates too
            continue
        if in_dateline(doc.text, tx.start):
            continue
        span = span_for(parsed, tx.start, tx.end)
        if span is None:
            continue
        sentence = span.sent
        trigger = find_trigger(span.root, list(sentence))
        if trigger is None or trigger.i in used_triggers:
            continue
        kind = event_type_of(trigger) or "other"
        if tx.rule in COARSE_RULES and kind == "statement":
            continue  # "said last year" dates nothing worth a timeline entry
        used_triggers.add(trigger.i)
        if trigger.idx in mention_by_start:
            mention_by_start[trigger.idx].timex = index
        duration = day_duration(doc, sentence.start_char, sentence.end_char, trigger.idx)
        start, end = event_dates(tx, duration)
        events.append(Event(
            id=f"{doc.id}:e{len(events)}", type=kind, summary=summarize(sentence.text), start=start, end=end,
            modality=modality_of(trigger, tx), trigger=trigger.text, timex=index, duration_days=duration,
            citations=[Citation(document=doc.id, text=sentence.text, start=sentence.start_char,
                                end=sentence.end_char)],
        ))
    return events


def settle_modality(event: Event, published: str | None) -> None:
    """Nothing that ended before publication was still only planned when it was written."""
    if event.modality == Modality.PLANNED and published and event.end and (event.end + "-12-31")[:10] < published:
        event.modality = Modality.HAPPENED


def redate(doc: Document) -> None:
    """Recompute event dates from their time expressions (after those were re-resolved)."""
    for event in doc.events:
        if event.timex is not None and event.timex < len(doc.temporal_expressions):
            tx = doc.temporal_expressions[event.timex]
            event.start, event.end = event_dates(tx, event.duration_days)
            event.modality = modality_from_direction(event.modality, tx)
            settle_modality(event, doc.published.date)


def modality_from_direction(modality: Modality, tx: TemporalExpression) -> Modality:
    if tx.direction == "future" and modality == Modality.HAPPENED:
        return Modality.PLANNED
    return modality


@stage("events", scope="document", reads=["document.temporal_expressions", "batch.parses", "document.sentences"],
       writes=["document.events", "document.event_mentions"])
def events_stage(documents: list[Document], ctx: Context) -> None:
    """Extract dated, typed events from each parsed document."""
    parses = ctx.parses
    for doc in documents:
        parsed = parses.get(doc.id)
        doc.event_mentions = event_mentions(parsed, doc.text, event_type_of) if parsed is not None else []
        doc.events = extract_events(doc, parsed) if parsed is not None else []
        for event in doc.events:
            settle_modality(event, doc.published.date)


@rerun_of("events")
def redate_events(documents: list[Document], ctx: Context) -> None:
    """Run again after the publication date moved: date the events again from their re-resolved
    expressions (the event words stay as the parse found them)."""
    for doc in documents:
        redate(doc)
