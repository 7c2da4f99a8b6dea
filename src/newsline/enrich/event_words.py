"""Every word that reports something happening, dated or not: the event mentions.

A verb that is not an auxiliary or a bare copula ("visited", "met", "said"), and a noun that names
an occurrence ("talks", "the explosion", "the shooting"): one of the event types' nouns, or a
gerund. Each gets its lemma, its type (or "other"), its modality as its clause states it, and the
words of its subject and object, for linking the mentions of one event across documents.
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from ..model import EventMention, Modality

NOT_EVENTS = {"be", "have", "do", "get", "seem", "become", "remain", "let", "include", "mean"}
EVENT_NOUNS = {
    "visit", "trip", "tour", "meeting", "talks", "summit", "negotiation", "election", "vote", "referendum",
    "protest", "demonstration", "rally", "strike", "attack", "bombing", "explosion", "blast", "raid", "invasion",
    "shooting", "killing", "murder", "death", "arrest", "trial", "verdict", "sentence", "sanction", "embargo",
    "agreement", "deal", "treaty", "accord", "appointment", "resignation", "earthquake", "quake", "fire", "blaze",
    "flood", "storm", "crash", "collision", "spill", "leak", "outbreak", "release", "report", "announcement",
    "decision", "ban", "launch", "war", "ceremony", "wedding", "funeral", "call", "interview", "speech",
    "statement", "victory", "defeat", "win", "loss", "injury", "surgery", "hearing", "investigation", "probe",
    "merger", "acquisition", "takeover", "rescue", "evacuation", "eruption", "hijacking", "kidnapping",
}
HEDGES = {"may", "might", "could", "would", "allegedly", "reportedly", "possibly", "perhaps", "likely"}
PLANS = {"will", "shall", "plan", "due", "expect", "schedule", "intend", "going"}


def is_event_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        return lemma not in NOT_EVENTS and token.dep_ not in ("aux", "auxpass")
    if token.pos_ == "NOUN":
        return lemma in EVENT_NOUNS or token.lower_ in EVENT_NOUNS or (token.tag_ == "NN" and token.lower_.endswith("ing") and len(token) > 5)
    return False


def modality_in_clause(token: Token) -> Modality:
    """What the clause says of the event: negated, hedged, planned, or (else) happened."""
    verb = token if token.pos_ == "VERB" else token.head
    around = {t.lower_ for t in (*verb.children, verb)} | {verb.head.lemma_.lower()}
    if any(t.dep_ == "neg" for t in (*verb.children, *token.children)):
        return Modality.NEGATED
    if around & HEDGES:
        return Modality.HEDGED
    if around & PLANS or verb.head.lemma_.lower() in PLANS:
        return Modality.PLANNED
    return Modality.HAPPENED


def _argument(token: Token, deps: tuple[str, ...], text: str) -> str | None:
    """The noun phrase filling ``deps`` of ``token``, without what follows its head ("Lukashenko",
    not "Lukashenko in Beijing": where a prepositional phrase attaches is the parser's guess)."""
    for child in token.children:
        if child.dep_ in deps:
            start = min(t.idx for t in child.subtree if t.i <= child.i)
            return text[start:child.idx + len(child)]
    return None


def event_mentions(parsed: SpacyDoc, text: str, type_of) -> list[EventMention]:
    """The event mentions of a parsed text; ``type_of`` gives a token's event type (or None)."""
    out = []
    for token in parsed:
        if not is_event_word(token):
            continue
        out.append(EventMention(
            start=token.idx, end=token.idx + len(token), text=text[token.idx:token.idx + len(token)],
            lemma=token.lemma_.lower(), type=type_of(token) or "other", modality=modality_in_clause(token),
            agent=_argument(token, ("nsubj", "agent"), text), patient=_argument(token, ("dobj", "nsubjpass"), text)))
    return out
