"""Every word that reports something happening, dated or not: the event mentions.

A verb that is not an auxiliary or a bare copula ("visited", "met", "said"), and a noun that names
an occurrence ("talks", "the explosion", "the shooting"): one of the event types' nouns, or a
gerund. Each gets its lemma, its type (or "other"), its modality as its clause states it, and the
words of its subject and object, for linking the mentions of one event across documents.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from ..model import Argument, EventMention, Modality

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
        return lemma not in NOT_EVENTS and token.lower_ != "according" and token.dep_ not in ("aux", "auxpass")
    if token.pos_ == "NOUN":
        if token.ent_type_ in ("DATE", "TIME"):
            return False  # "Monday evening", "Tuesday morning": a time, though it ends in -ing
        return (
            lemma in EVENT_NOUNS
            or token.lower_ in EVENT_NOUNS
            or (token.tag_ == "NN" and token.lower_.endswith("ing") and len(token) > 5)
        )
    return False


def modality_in_clause(token: Token) -> Modality:
    """What the clause says of the event: negated, hedged, planned, or (else) happened."""
    verb = (
        token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token.head)
    )
    around = {t.lower_ for t in (*verb.children, verb)} | {verb.head.lemma_.lower()}
    if any(t.dep_ == "neg" for t in (*verb.children, *token.children)):
        return Modality.NEGATED
    if around & HEDGES:
        return Modality.HEDGED
    if around & PLANS or verb.head.lemma_.lower() in PLANS:
        return Modality.PLANNED
    return Modality.HAPPENED


PLACE_LABELS = {"GPE", "LOC", "FAC"}
GOING_TO = {"visit", "enter", "tour", "reach", "leave", "arrive", "land", "attend"}  # their object is a place
PLACE_PREPOSITIONS = {"in", "at", "to", "into", "near", "inside", "outside", "from"}
# Verbs that attribute what their clause says to their subject: "X said", "state media reported".
REPORTING = {"say", "tell", "report", "announce", "state", "claim", "confirm", "add", "declare", "write",
             "quote", "insist", "allege", "note", "explain", "assert", "acknowledge", "reveal"}


def _phrase(token: Token, role: str, text: str) -> Argument:
    """The noun phrase headed by ``token``, without what follows its head ("Lukashenko", not
    "Lukashenko in Beijing": where a prepositional phrase attaches is the parser's guess)."""
    start = min(t.idx for t in token.subtree if t.i <= token.i)
    end = token.idx + len(token)
    return Argument(start=start, end=end, text=text[start:end], role=role)


def _objects_of(preposition: Token):
    return [c for c in preposition.children if c.dep_ == "pobj"]


def arguments_of(token: Token, text: str) -> list[Argument]:
    """Who does it, to whom or what, with whom and where, from the words that depend on ``token``."""
    out = []
    for child in token.children:
        dep, word = child.dep_, child.lower_
        if dep in ("nsubj", "poss") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(_phrase(child, "agent", text))
        elif dep == "agent":
            out += [_phrase(o, "agent", text) for o in _objects_of(child)]
        elif dep in ("dobj", "nsubjpass"):
            place = child.ent_type_ in PLACE_LABELS and token.lemma_.lower() in GOING_TO
            out.append(_phrase(child, "place" if place else "patient", text))
            out += _places_in(child, text)  # "met Lukashenko in Beijing": the parser hangs the place on him
        elif dep == "prep" and word == "of" and token.pos_ == "NOUN":
            out += [_phrase(o, "patient", text) for o in _objects_of(child)]
        elif dep == "prep" and word == "with":
            out += [_phrase(o, "with", text) for o in _objects_of(child)]
        elif dep == "prep" and word in PLACE_PREPOSITIONS:
            out += _places_in(token, text, only=child)
    return out


def _places_in(token: Token, text: str, only: Token | None = None) -> list[Argument]:
    """Named places in the in/at/to phrases that depend on ``token`` (or in ``only``, one of them)."""
    preps = [only] if only is not None else [c for c in token.children
                                             if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS]
    return [_phrase(o, "place", text) for p in preps for o in _objects_of(p) if o.ent_type_ in PLACE_LABELS]


# A word of a name or of the noun phrase that says who reports: letters first ("U.S.", "O'Brien",
# "AT&T"), never a bracket, a quote mark or a figure.
_NAME_WORD = re.compile(r"^[A-Za-z][\w.'’&-]*$")


def _has_digit(token: Token) -> bool:
    return any(ch.isdigit() for ch in token.text)  # "1.6", "10.12", "2020"; "two" is a word


def _attribution(head: Token, text: str) -> Argument | None:
    """Whom a report is attributed to, as a clean name or noun phrase: the words up to its head that
    read as one, so that parse debris stays out. Scraped and tokenized copy gave "Reuters -RRB- -
    Saudi Arabia" (a dateline's agency before the sentence's own subject), "$ 1.6 bn BP" and "`` I";
    they are "Saudi Arabia", "BP" and "I". Nothing that reads as a name: no attribution."""
    phrase = [t for t in head.subtree if t.i <= head.i]
    inside = {t.i for t in phrase}
    words: list[Token] = []
    for token in reversed(phrase):
        before = head.doc[token.i - 1] if token.i > 0 else None
        unit_of_number = (before is not None and before.i in inside and token.is_lower
                          and (_has_digit(before) or before.text in "$£€¥"))  # "bn" of "$ 1.6 bn BP"
        joined = token.text == "-" and not token.whitespace_ and before is not None and not before.whitespace_
        if token.tag_ != "POS" and not joined and (not _NAME_WORD.match(token.text) or _has_digit(token)
                                                   or unit_of_number):
            break  # a possessive ("China's") and a hyphen inside a word ("Al-Jazeera") stay
        words.append(token)
    while words and words[-1].text == "-":
        words.pop()  # "21-year-old deckhand" stops at the figure: no hyphen left hanging before "year-old"
    if not words:
        return None
    start, end = words[-1].idx, head.idx + len(head)
    return Argument(start=start, end=end, text=text[start:end], role="attribution")


def _speaker(verb: Token, text: str) -> Argument | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _attribution(subject, text) if subject is not None else None


def attributions_in(sentence, text: str) -> tuple[list[tuple[Token, Argument]], Argument | None]:
    """The reporting frames of a sentence ("X said", with X) and its "according to X", if any."""
    frames = []
    according = None
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in REPORTING:
            speaker = _speaker(token, text)
            if speaker is not None:
                frames.append((token, speaker))
        elif token.lower_ == "according":
            found = [o for to in token.children if to.lower_ == "to" for o in _objects_of(to)]
            if found:
                according = _attribution(found[0], text)
    return frames, according


def attribution_of(token: Token, frames: list[tuple[Token, Argument]], according: Argument | None) -> Argument | None:
    """Who the sentence says reports ``token``: the speaker of a reporting verb above it ("X said
    the talks...") or hanging off its clause ("the talks went well, X said"), else "according to"."""
    ancestors = {a.i for a in token.ancestors}
    for verb, speaker in frames:
        if verb.i == token.i:
            return None  # a statement's own speaker is its agent, not its attribution
        if verb.i in ancestors or verb.head.i == token.i or verb.head.i in ancestors:
            return speaker
    return according


def mention_at(token: Token, text: str, type_of, attribution: Argument | None = None) -> EventMention:
    """The event mention whose word is ``token``: lemma, type, modality, arguments and attribution."""
    arguments = arguments_of(token, text) + ([attribution] if attribution is not None else [])
    return EventMention(
        start=token.idx, end=token.idx + len(token), text=text[token.idx:token.idx + len(token)],
        lemma=token.lemma_.lower(), type=type_of(token) or "other", modality=modality_in_clause(token),
        arguments=arguments)


def event_mentions(parsed: SpacyDoc, text: str, type_of) -> list[EventMention]:
    """The event mentions of a parsed text; ``type_of`` gives a token's event type (or None)."""
    out = []
    for sentence in parsed.sents:
        frames, according = attributions_in(sentence, text)
        out += [mention_at(token, text, type_of, attribution_of(token, frames, according))
                for token in sentence if is_event_word(token)]
    return out
