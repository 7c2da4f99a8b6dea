"""What every kind of claim is built from: the clause a value sits in, that clause with the value
masked (for aligning claims across sources), the sentence's speaker, and the claim itself."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..events.words import attributions_in
from ..model import Argument, Claim, ClaimKind
from .quantities import Amount

# Clauses below the counted word's verb that belong to another statement, not this one.
OTHER_CLAUSES = {"ccomp", "advcl", "conj", "relcl", "parataxis", "cc", "punct", "mark"}

MAX_CONTEXT_TOKENS = 24


def clause_of(token: Token) -> Token:
    """The verb (or the root) whose clause ``token`` is in."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX") or candidate.dep_ == "ROOT":
            return candidate
    return token


def context_of(clause: Token, masked: tuple[int, int], parsed: SpacyDoc) -> str:
    """The clause's words, without its subordinate clauses, the masked span (the value) as "N"."""
    keep = set()
    stack = [clause]
    while stack:  # the clause's words, pruning every subordinate clause on the way down
        token = stack.pop()
        keep.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSES)
    words, last = [], None
    for i in sorted(keep):
        token = parsed[i]
        if masked[0] <= token.idx < masked[1]:
            if last != "N":
                words.append("N")
            last = "N"
            continue
        words.append(token.text)
        last = token.text
    return " ".join(words[:MAX_CONTEXT_TOKENS])


def speaker_of(sentence: SpacySpan, text: str) -> Argument | None:
    """The source a sentence gives for what it says: the speaker of its reporting verb ("X said"),
    else its "according to X"; as an argument span, or None."""
    frames, according = attributions_in(sentence, text)
    if frames:
        return frames[0][1]
    return according


def claim_of(kind: ClaimKind, text: str, start: int, end: int, sentence: SpacySpan, amount: Amount | None = None,
           source: Argument | None = None, **fields) -> Claim:
    if source is not None:
        # the words, and where they are, so that the corpus can say whom "he" stands for
        fields.update(speaker=source.text, speaker_start=source.start)
    if amount is not None:
        fields.update(value=amount.shown(), low=amount.low, high=amount.high if amount.high != float("inf") else None)
    return Claim(kind=kind, start=start, end=end, text=text[start:end], sentence_start=sentence.start_char,
                 sentence_end=sentence.end_char, **fields)
