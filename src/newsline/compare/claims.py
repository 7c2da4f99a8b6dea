"""Claims: the checkable statements of a text, each with its sentence and who the text says makes it.

Read from the spaCy parse and the stages before: numbers with what they count ("About 2,500
dockworkers"), ordinals with what they order and the period they count in ("his third trip
abroad this year"), event words with their day ("opened ... on Saturday") or their negation ("no
evacuation order had been issued"), quotations with their speaker, and statements attributed to a
source ("according to the port authority", "police said").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from ..model import Claim, ClaimKind, Document, EventMention, TemporalExpression
from ..registry import Context, stage
from .claim_parts import claim_of, clause_of, context_of, speaker_of
from .counts import quantity_claims
from .quantities import read_ordinal

# Expressions that name one day, resolved or not yet: "on Monday" under a dateline without a year.
DAY_RULES = {"weekday", "month_day", "day_month", "relative_day", "anaphoric_day", "month_day_year", "day_month_year"}
NOT_DATED_TYPES = {"statement"}  # "said on Monday" dates the saying, not the event
_QUOTE = re.compile(r"[“\"]([^”\"\n]{12,}?)[”\"]")
_PERIOD_AFTER = re.compile(r"[^.;]*?\b(?:of|in|during|within) (?:the|this|that) (year|month|week|day)\b", re.I)
FIRST_AND_SECOND_PERSON = {"i", "me", "my", "you", "your"}
CONDITIONS = {"if", "unless", "whether", "until", "once", "when"}


def _scope(doc: Document, start: int, end: int) -> tuple[str | None, int | None]:
    """The period an ordinal counts in: a time expression in its phrase ("this year", "in 2024",
    "in three years"), as the days it covers or as a duration; and that expression's index, so that
    the period can be read again once the corpus has dated the document."""
    for index, tx in enumerate(doc.temporal_expressions):
        if tx.granularity in ("day", "time") and tx.type.value != "DURATION":
            continue  # "a third term after Sunday's election": a day is not a period one counts in
        if start <= tx.start and tx.end <= end + 40 and not doc.text[end:tx.start].count("."):
            return period_of(tx), index
    # "of the year", "in that day": a period the date tagger leaves alone, as it names no date
    match = _PERIOD_AFTER.match(doc.text, start, min(len(doc.text), end + 40))
    return (f"this {match.group(1).lower()}" if match else None), None


def period_of(tx: TemporalExpression) -> str:
    if tx.start_date and tx.end_date:
        return tx.start_date if tx.start_date == tx.end_date else f"{tx.start_date}/{tx.end_date}"
    return tx.value or tx.text.lower()


def ordinal_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    claims = []
    for token in parsed:
        n = read_ordinal(token.text)
        if n is None or token.ent_type_ in ("DATE", "TIME") or token.head.pos_ != "NOUN" or token.head == token:
            continue
        noun = token.head
        phrase_end = max(t.idx + len(t) for t in noun.subtree)
        start = min([token.idx] + [t.idx for t in noun.subtree if t.i < token.i and t.dep_ == "poss"])
        clause = clause_of(noun)
        scope, scope_timex = _scope(doc, noun.idx, phrase_end)
        claims.append(claim_of(ClaimKind.ORDINAL, doc.text, start, noun.idx + len(noun), token.sent,
                             value=str(n), about=noun.lemma_.lower(), scope=scope, scope_timex=scope_timex,
                             context=context_of(clause, (token.idx, token.idx + len(token)), parsed),
                             source=speaker_of(token.sent, doc.text)))
    return claims


def _negated(token: Token, mention: EventMention) -> bool:
    """ "did not issue", and "no order was issued", "never": the event did not happen. "The strike
    is not necessary" judges the strike; it does not deny it."""
    things = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    if any(c.lower_ == "never" for c in token.children) or any(t.lower_ == "none" for t in things):
        return True
    if any(c.lower_ == "no" and c.dep_ == "det" for thing in things for c in thing.children):
        return True  # "no order was issued"; but "he wrote: No." answers, it denies nothing
    judged = token.pos_ == "NOUN" and token.head.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") for c in token.head.children)
    return mention.modality.value == "negated" and not judged


def _reports_occurrence(verb: Token) -> bool:
    """A finite verb in the past or the perfect, outside conditions, relative clauses and questions:
    "the army was deployed", "had not been inspected", "did not sign" report that something happened
    or did not; "to wash hands", "schools are not closed if...", "people who have not visited" and
    "do you think" state habits, rules and opinions."""
    if verb.pos_ != "VERB" or verb.dep_ in ("relcl", "xcomp", "csubj", "acl", "amod", "pcomp"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
        return False
    if verb.sent.text.rstrip().endswith("?"):
        return False
    if any(t.lower_ in FIRST_AND_SECOND_PERSON for t in verb.sent):
        return False  # "I believe the rig was owned...", "you washed": readers' comments and asides
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    return any(a.tag_ == "VBD" or (a.lemma_ == "have" and verb.tag_ == "VBN") for a in auxiliaries)


def event_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """That something happened or did not ("an evacuation order had been issued", "the army had not
    been deployed"), and the day the text gives it ("opened ... on Saturday"), per event word."""
    claims = []
    by_start = {t.idx: t for t in parsed}
    for index, mention in enumerate(doc.event_mentions):
        token = by_start.get(mention.start)
        if token is None or mention.type in NOT_DATED_TYPES or mention.modality.value in ("hedged", "planned"):
            continue
        clause = clause_of(token)
        negated = _negated(token, mention)
        speaker = mention.argument("attribution")
        if _reports_occurrence(token):
            claims.append(claim_of(ClaimKind.EVENT, doc.text, mention.start, mention.end, token.sent,
                                 value="did not happen" if negated else "happened", about=mention.lemma,
                                 context=context_of(clause, (0, 0), parsed), negated=negated, source=speaker,
                                 mention=index))
        tx = doc.temporal_expressions[mention.timex] if mention.timex is not None else None
        # Kept even while unresolved ("on Monday" under a dateline without a year): the corpus stages
        # may date the document, and the day is read again from the expression then.
        if tx is not None and not negated and (tx.granularity in ("day", "time") or tx.rule in DAY_RULES):
            claims.append(claim_of(ClaimKind.DATE, doc.text, mention.start, mention.end, token.sent,
                                 value=tx.start_date, about=mention.lemma,
                                 context=context_of(clause, (tx.start, tx.end), parsed), source=speaker,
                                 mention=index))
    return claims


def possession_claims(parsed: SpacyDoc, text: str) -> list[Claim]:
    """ "The mine had a valid licence" / "had no valid licence": having is no event word, but whether
    something was had is checkable, and sources deny it."""
    claims = []
    for token in parsed:
        if token.lemma_ != "have" or token.tag_ != "VBD" or token.dep_ in ("aux", "auxpass", "relcl", "advcl"):
            continue  # "the mine had a licence"; not "the population has no immunity", a standing state
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        thing = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if thing is None:
            continue
        negated = any(c.dep_ == "neg" for c in token.children) or any(
            c.lower_ in ("no", "never") for c in (*thing.children, *token.children))
        about = f"have {thing.lemma_.lower()}"
        claims.append(claim_of(ClaimKind.EVENT, text, token.idx, thing.idx + len(thing), token.sent,
                             value="did not happen" if negated else "happened", about=about, negated=negated,
                             context=context_of(token, (0, 0), parsed), source=speaker_of(token.sent, text)))
    return claims


def quote_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Quotations of three words or more, with the speaker of their sentence (or the next one's:
    '"We have waited," he said.')."""
    claims = []
    sentences = list(parsed.sents)
    for match in _QUOTE.finditer(doc.text):
        if len(match.group(1).split()) < 3:
            continue  # scare quotes ("elections") are framing, not quotations
        sentence = next((s for s in sentences if s.start_char <= match.start() < s.end_char), None)
        if sentence is None:
            continue
        speaker = speaker_of(sentence, doc.text)
        later = [s for s in sentences if s.start_char >= match.end()]
        if speaker is None and later and later[0].start_char - match.end() < 3:
            speaker = speaker_of(later[0], doc.text)
        claims.append(claim_of(ClaimKind.QUOTE, doc.text, match.start(1), match.end(1), sentence,
                             value=match.group(1), source=speaker, context=match.group(1)))
    return claims


def attribution_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Sentences that give what they say as a named source's ("according to Xinhua", "police said")."""
    claims = []
    for sentence in parsed.sents:
        speaker = speaker_of(sentence, doc.text)
        if speaker and not _QUOTE.search(sentence.text):
            claims.append(claim_of(ClaimKind.ATTRIBUTION, doc.text, sentence.start_char, sentence.end_char,
                                 sentence, source=speaker, context=sentence.text))
    return claims


# A row of a table: a label and a run of figures ("Production 451 451 460 460", "Wheat 2.55 2.40 IV
# 4.6"). Its columns (seasons, countries, estimates of two months) are nowhere in the row, so no claim
# read from it says what it counts: the USDA supply tables of Reuters-21578's grain stories gave 133
# of the 145 contradictions raised there (the third blind round), box scores gave ECB+'s.
_CELL = re.compile(r"^(?:[-+(]?\d[\d,.]*[)%]?(?:-x)?|nil|n/?a|--?)$", re.I)
TABLE_SHAPES = ((3, 0.4), (2, 0.6))  # (figures at least, share of the tokens at least)


def is_table_row(text: str) -> bool:
    tokens = [t for t in text.split() if t not in ",;"]
    cells = sum(bool(_CELL.match(t)) for t in tokens)
    return any(cells >= least and cells >= share * len(tokens) for least, share in TABLE_SHAPES)


def extract_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    found = (quantity_claims(parsed, doc.text) + ordinal_claims(doc, parsed) + event_claims(doc, parsed)
             + possession_claims(parsed, doc.text)
             + quote_claims(doc, parsed) + attribution_claims(doc, parsed))
    found = [c for c in found if not is_table_row(doc.text[c.sentence_start:c.sentence_end])]
    return sorted(found, key=lambda c: (c.start, c.kind.value))


@stage("claims", scope="document",
       reads=["batch.parses", "document.temporal_expressions", "document.event_mentions"], writes=["document.claims"])
def claims_stage(documents: list[Document], ctx: Context) -> None:
    """Extract checkable statements: numbers, ordinals, dated and negated events, quotes, attributions."""
    parses = ctx.parses
    for doc in documents:
        parsed = parses.get(doc.id)
        doc.claims = extract_claims(doc, parsed) if parsed is not None else []
