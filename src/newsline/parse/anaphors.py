"""What may stand for an entity without naming it, with what the parse says of each, for the
reference stage (link_pronouns) that runs later without the parse:

- noun phrases that are not names ("the actress", "the 23 points", "Users"), with their head,
  number, definiteness and quantity; a noun compounded into another ("blood" in "the blood alcohol
  test") is a thing of its own, as coreference annotation treats it;
- pronouns, with person, number and gender from the tagger's morphology, and for a relative
  pronoun ("who", "which", "that") the noun its clause modifies.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..dating.lexicon import CALENDAR_WORDS, UNITS
from ..model import EntityMention, Nominal, Pronoun

NOT_THINGS = set(UNITS) | CALENDAR_WORDS  # "the week", "Monday": times, not things
DEFINITE = {"the", "this", "that", "these", "those"}
RELATIVE_TAGS = {"WP", "WDT", "WP$"}
_GENDER = {"Masc": "masc", "Fem": "fem", "Neut": "neut"}
_NUMBER = {"Sing": "sing", "Plur": "plur"}


def _is_thing(head: Token) -> bool:
    return head.pos_ in ("NOUN", "PROPN") and head.is_alpha and head.lemma_.lower() not in NOT_THINGS


def _nominal(text: str, tokens: Span | list[Token], head: Token) -> Nominal:
    tokens = list(tokens)
    while len(tokens) > 1 and (tokens[0].dep_ in ("neg", "cc", "preconj") or tokens[0].is_punct):
        tokens = tokens[1:]  # "not the 14 points": the phrase is "the 14 points"
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    numbers = [t.text for t in head.children if t.dep_ == "nummod" and t.i < head.i]
    return Nominal(start=start, end=end, text=text[start:end], head=head.lemma_.lower(),
                   head_start=head.idx, plural=head.tag_ in ("NNS", "NNPS"),
                   definite=tokens[0].lower_ in DEFINITE, quantity=" ".join(numbers) or None)


def nominals_of(parsed: Doc, text: str, mentions: list[EntityMention]) -> list[Nominal]:
    """Noun phrases that may stand for an entity the tagger did not name ("the facility", "the Bush
    administration": its head is no name), and nouns compounded into them; not times. ``text`` is
    the document's own (the parse may be of a recased copy)."""
    named = [(m.start, m.end) for m in mentions]

    def in_name(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in named)

    out = []
    for chunk in parsed.noun_chunks:
        head = chunk.root
        if not _is_thing(head) or in_name(head):
            continue
        out.append(_nominal(text, chunk, head))
        for part in chunk:
            if part.dep_ == "compound" and part.i < head.i and _is_thing(part) and not in_name(part):
                out.append(_nominal(text, [part], part))
    return sorted(out, key=lambda n: (n.start, -n.end))


def _feature(token: Token, name: str, values: dict[str, str]) -> str | None:
    found = token.morph.get(name, [])
    return values.get(found[0]) if found else None


def pronouns_of(parsed: Doc, text: str) -> list[Pronoun]:
    out = []
    for token in parsed:
        if token.pos_ != "PRON" or not token.is_alpha:
            continue
        relative_to = None
        if token.tag_ in RELATIVE_TAGS:
            clause = next((t for t in [token, *token.ancestors] if t.dep_ == "relcl"), None)
            if clause is None:
                continue  # "who" asking a question, "that" pointing: not relative
            relative_to = clause.head.idx
        person = _feature(token, "Person", {"1": "1", "2": "2", "3": "3"})
        out.append(Pronoun(start=token.idx, end=token.idx + len(token), text=text[token.idx:token.idx + len(token)],
                           person=int(person) if person else (3 if relative_to is not None else None),
                           number=_feature(token, "Number", _NUMBER), gender=_feature(token, "Gender", _GENDER),
                           relative_to=relative_to))
    return out
