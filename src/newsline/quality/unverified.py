"""`unverified_claim`: claims the text itself says could not be verified.

Three ways reporters say so: a verification verb that is negated or made impossible ("could not
be independently verified", "Reuters was unable to confirm"), an adjective that says it
("unconfirmed reports", "unverified footage"), and missing evidence ("provided no evidence",
"without offering proof"). When the sentence only points back at the claim ("the claims",
"the report", "this"), the sentence before it is cited as the claim.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from ..model import Document, Flag, FlagKind
from .signals import Signal, flag_from

THRESHOLD = 0.5

VERIFY = {"verify", "confirm", "corroborate", "substantiate", "authenticate", "check", "prove"}
# What an unverified claim is called; "unconfirmed cases" of a disease are a count, not a claim.
CLAIM_NOUNS = {"report", "claim", "allegation", "account", "video", "footage", "image", "photo", "photograph", "figure",
               "number", "statement", "rumour", "rumor", "information", "post", "document", "letter", "recording"}
UNVERIFIED = {"unverified", "unconfirmed", "uncorroborated", "unsubstantiated", "unproven", "unverifiable"}
_NO_EVIDENCE = re.compile(
    r"\b(provided|offered|gave|presented|cited|produced) no (evidence|proof)\b"
    r"|\bwithout (providing|offering|giving|presenting|citing) (any )?(evidence|proof)\b"
    r"|\bno (evidence|proof) (was|has been|had been|were) (provided|offered|given|presented|produced)\b",
    re.I,
)
_POINTS_BACK = re.compile(r"\b(the|these|those|such|its|their) (claims?|reports?|allegations?|accounts?|figures?|"
                          r"numbers?|video|footage|images?|statements?|assertions?)\b|^(this|it|they)\b", re.I)


def _negated_verification(sent: SpacySpan) -> str | None:
    for t in sent:
        if t.lemma_.lower() not in VERIFY or t.pos_ != "VERB":
            continue
        negated = any(c.dep_ == "neg" for c in t.children) or any(
            c.dep_ == "neg" for c in t.head.children if t.dep_ == "xcomp")
        unable = t.head.lemma_.lower() in ("unable", "impossible") or any(
            c.lower_ in ("unable", "impossible") for c in t.head.children)
        if t.lemma_.lower() == "check" and not any(c.lower_ == "independently" for c in t.children):
            continue  # "did not check the brakes" is a fact, not a verdict on a claim
        if negated or unable:
            if t.lemma_.lower() == "confirm" and not unable and not any(c.dep_ == "auxpass" for c in t.children) \
                    and not any(c.lemma_.lower() in ("can", "could", "independently") for c in t.children):
                return "declines to confirm"
            return "says it could not be verified"
    return None


def unverified_signals(text: str, parsed: SpacyDoc) -> list[Signal]:
    out = []
    sentences = list(parsed.sents)
    for i, sent in enumerate(sentences):
        reason = _negated_verification(sent)
        weight = 0.4 if reason == "declines to confirm" else 0.9  # a refusal alone is not a verdict
        if reason is None and any(t.lower_ in UNVERIFIED and t.head.lemma_.lower() in CLAIM_NOUNS for t in sent):
            reason, weight = "calls it unverified or unconfirmed", 0.8
        if reason is None and _NO_EVIDENCE.search(sent.text):
            reason, weight = "says no evidence was given for it", 0.8
        if reason is None:
            continue
        out.append(Signal(sent.start_char, sent.end_char, sent.text, weight, f"the text {reason}"))
        if i > 0 and _POINTS_BACK.search(sent.text.strip()):
            claim = sentences[i - 1]
            out.append(Signal(claim.start_char, claim.end_char, claim.text, 0.0, "the claim it refers to"))
    return out


def unverified_flag(doc: Document, parsed: SpacyDoc | None) -> Flag | None:
    if parsed is None:
        return None
    signals = unverified_signals(doc.text, parsed)
    statements = [s for s in signals if s.weight > 0]
    if not statements:
        return None
    return flag_from(FlagKind.UNVERIFIED_CLAIM, signals, threshold=THRESHOLD, explanation=(
        f"{len(statements)} statement{'s say' if len(statements) != 1 else ' says'} in the text that a claim "
        "could not be verified or came without evidence"))
