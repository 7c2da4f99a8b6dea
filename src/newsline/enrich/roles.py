"""People named after their role: "opposition leader Sviatlana Tsikhanouskaya", "Chinese Foreign
Ministry spokeswoman Hua Chunying".

The statistical tagger often takes such a name for an organisation, or swallows the role and the
organisation before it into one entity. A capitalised name right after a role word is a person;
an organisation written before the role word stays an organisation of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import EntityMention
from ..temporal.lexicon import CALENDAR_WORDS  # "division leaders Friday": a day, not a name

ROLE_WORDS = {
    "president", "premier", "minister", "spokesman", "spokeswoman", "spokesperson", "ambassador", "leader",
    "chairman", "chairwoman", "chair", "secretary", "governor", "senator", "commander", "director", "mayor",
    "king", "queen", "prince", "princess", "pope", "envoy", "adviser", "advisor", "aide", "deputy", "founder",
    "ceo", "coach", "manager", "captain", "striker", "midfielder", "defender", "goalkeeper", "analyst",
    "economist", "lawyer", "attorney", "judge", "prosecutor", "activist", "dissident", "correspondent",
    "reporter", "editor", "author", "writer", "actor", "actress", "singer", "dictator", "ruler", "candidate",
    "lawmaker", "legislator", "diplomat", "negotiator", "general", "colonel", "lieutenant", "sergeant",
    "archbishop", "bishop", "cardinal", "sheikh", "emir", "chancellor", "vice", "counsel", "trader",
    "prime",
}
COURTESY_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame"}  # say who someone is, not what they do
ABBREVIATED_TITLES = COURTESY_TITLES | {"gen", "col", "lt", "sgt", "sen", "rep", "gov", "prof"}
ROLE_WORDS |= ABBREVIATED_TITLES
NAME_LABELS_TO_FIX = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
MAX_NAME_TOKENS = 4
NAME_SUFFIXES = {"I", "II", "III", "IV", "V", "Jr", "Jr.", "Sr", "Sr."}


def is_role_word(word: str) -> bool:
    """ "leader", "Gen.", or a plural ("opposition leaders A and B")."""
    word = word.lower().rstrip(".,")
    return word in ROLE_WORDS or _plural_role(word)


def _plural_role(word: str) -> bool:
    return word.endswith("s") and word[:-1] in ROLE_WORDS


def _is_role(token: Token) -> bool:
    return is_role_word(token.text)


def _is_plural_role(token: Token) -> bool:
    return _plural_role(token.lower_)


def _names_after(parsed: Doc, role: Token) -> list[tuple[int, int]]:
    """The name after ``role``; after a plural role, every name of the list ("A, B and C")."""
    names = []
    found = _name_after(parsed, role.i)
    while found is not None:
        names.append(found)
        after = found[1]
        if not _is_plural_role(role) or after + 1 >= len(parsed) or parsed[after].text not in (",", "and"):
            break
        skip = after + 1 if parsed[after].text == "and" else after + 1 + (parsed[after + 1].text == "and")
        found = _name_after(parsed, skip - 1) if skip < len(parsed) else None
    return names


def _name_after(parsed: Doc, role_i: int) -> tuple[int, int] | None:
    """Token range of the capitalised name right after token ``role_i``."""
    role = parsed[role_i]
    end = role.i + 1
    while end < len(parsed) and end - role.i <= MAX_NAME_TOKENS and parsed[end].is_title \
            and parsed[end].pos_ == "PROPN" and parsed[end].lower_ not in ROLE_WORDS | CALENDAR_WORDS:
        end += 1
    while end > role.i + 1 and end < len(parsed) and parsed[end].text in NAME_SUFFIXES:
        end += 1  # "Queen Elizabeth II", "Martin Luther King Jr."
    return (role.i + 1, end) if end > role.i + 1 else None


def people_after_roles(parsed: Doc, text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` with each name after a role word made a PERSON (split from what came before)."""
    for role in parsed:
        for found in _names_after(parsed, role) if _is_role(role) else []:
            mentions = _as_person(parsed, text, mentions, role, found)
    return mentions


def _as_person(parsed: Doc, text: str, mentions: list[EntityMention], role: Token,
               found: tuple[int, int]) -> list[EntityMention]:
    """``mentions`` with the tokens ``found`` after ``role`` as a PERSON."""
    start, end = parsed[found[0]].idx, parsed[found[1] - 1].idx + len(parsed[found[1] - 1])
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    if any(m.label == "PERSON" for m in overlapping):
        return mentions  # the tagger already has the person
    if any(m.start == role.idx and m.label in NAME_LABELS_TO_FIX for m in overlapping):
        return mentions  # the "role" opens a name: "General Motors", "King Abdullah University"
    kept = [m for m in mentions if m not in overlapping]
    for m in overlapping:
        if m.label in NAME_LABELS_TO_FIX and m.start < role.idx:
            before = text[m.start:role.idx].rstrip()
            if before[:1].isupper():  # "Chinese Foreign Ministry" before "spokeswoman"
                kept.append(m.model_copy(update={"end": m.start + len(before), "text": before}))
        elif m.label not in NAME_LABELS_TO_FIX:
            kept.append(m)
    kept.append(EntityMention(start=start, end=end, text=text[start:end], label="PERSON"))
    return sorted(kept, key=lambda m: m.start)
