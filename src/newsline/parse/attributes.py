"""What the text says a named person is: their role, as written, pointing at the words.

Three shapes carry nearly all of it in news, all read from the dependency parse:

- a title before the name: "Belarusian President Alexander Lukashenko", "Chinese Foreign Ministry
  spokeswoman Hua Chunying";
- the name in apposition to a role: "Russia's ambassador to Belarus, Boris Gryzlov, said";
- a role in apposition to the name: "Boris Gryzlov, the Russian ambassador to Belarus, said".

Only phrases headed by a role word count ("President", "ambassador", "spokeswoman", "leader"), so
"Belarusian" alone or "his friend" is not a role.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import EntityMention, RoleMention
from .roles import COURTESY_TITLES, ROLE_WORDS


def _is_role_head(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in ROLE_WORDS and word not in COURTESY_TITLES


def _phrase(parsed: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of ``tokens`` without a leading determiner or trailing punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None  # not contiguous
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _title_before(name: Span) -> list[Token]:
    """ "Belarusian President" before "Alexander Lukashenko"."""
    heads = [t for t in name.root.lefts if t.i < name.start and _is_role_head(t)]
    return [x for t in heads for x in t.subtree if x.i < name.start] if heads else []


def _apposition(name: Span) -> list[Token]:
    root = name.root
    if root.dep_ == "appos" and _is_role_head(root.head):  # "Russia's ambassador to Belarus, Boris Gryzlov"
        return [t for t in root.head.subtree if not (name.start <= t.i < name.end) and t.i < name.start]
    for child in root.children:  # "Boris Gryzlov, the Russian ambassador to Belarus,"
        if child.dep_ == "appos" and _is_role_head(child):
            return list(child.subtree)
    return []


def roles_of(parsed: Doc, mentions: list[EntityMention]) -> list[RoleMention]:
    out = []
    full_text = parsed.text  # built anew on each access: once per document
    for m in mentions:
        if m.label != "PERSON":
            continue
        name = parsed.char_span(m.start, m.end, alignment_mode="expand")
        if name is None:
            continue
        for tokens in (_title_before(name), _apposition(name)):
            span = _phrase(parsed, tokens) if tokens else None
            if span:
                text = full_text[span[0]:span[1]]
                out.append(RoleMention(start=span[0], end=span[1], text=text, mention=m.start))
    return out
