"""People named after their role: "opposition leader Sviatlana Tsikhanouskaya", "Chinese Foreign
Ministry spokeswoman Hua Chunying".

The statistical tagger often takes such a name for an organisation, or swallows the role and the
organisation before it into one entity. A capitalised name right after a role word is a person;
an organisation written before the role word stays an organisation of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..dating.lexicon import CALENDAR_WORDS  # "division leaders Friday": a day, not a name
from ..model import EntityMention

ROLE_WORDS = {
    "president", "premier", "minister", "spokesman", "spokeswoman", "spokesperson", "ambassador", "leader",
    "chairman", "chairwoman", "chair", "secretary", "governor", "senator", "commander", "director", "mayor",
    "king", "queen", "prince", "princess", "pope", "envoy", "adviser", "advisor", "aide", "deputy", "founder",
    "ceo", "coach", "manager", "captain", "striker", "midfielder", "defender", "goalkeeper", "analyst",
    "economist", "lawyer", "attorney", "judge", "prosecutor", "activist", "dissident", "correspondent",
    "reporter", "editor", "author", "writer", "actor", "actress", "singer", "dictator", "ruler", "candidate",
    "lawmaker", "legislator", "diplomat", "negotiator", "general", "colonel", "lieutenant", "sergeant",
    "archbishop", "bishop", "cardinal", "sheikh", "emir", "chancellor", "vice", "counsel", "trader",
    "prime", "quarterback", "qb", "receiver", "linebacker", "lineman", "tackle", "cornerback", "pitcher",
    "shortstop", "outfielder", "winger", "batsman", "boxer", "champion", "golfer", "cyclist",
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
    """``mentions`` with the tokens ``found`` after ``role`` as a PERSON, and any name that swallowed
    the role ("Colts QB", "Chinese Foreign Ministry spokeswoman") cut back to what came before it."""
    start, end = parsed[found[0]].idx, parsed[found[1] - 1].idx + len(parsed[found[1] - 1])
    if any(m.start == role.idx and m.label in NAME_LABELS_TO_FIX and m.start < end and start < m.end
           for m in mentions):
        return mentions  # the "role" opens a name: "General Motors", "King Abdullah University"
    holding = [m for m in mentions if m.start < role.idx and role.idx + len(role) <= m.end
               and m.label in NAME_LABELS_TO_FIX | {"PERSON"}]
    kept = [m for m in mentions if m not in holding]
    for m in holding:
        kept += _before_role(parsed, text, m, role)
    overlapping = [m for m in kept if m.start < end and start < m.end]
    if not any(m.label == "PERSON" for m in overlapping):  # else the tagger already has the person
        kept = [m for m in kept if m not in overlapping or m.label not in NAME_LABELS_TO_FIX]
        kept.append(EntityMention(start=start, end=end, text=text[start:end], label="PERSON"))
    return sorted(kept, key=lambda m: m.start)


def _before_role(parsed: Doc, text: str, mention: EntityMention, role: Token) -> list[EntityMention]:
    """The name written before the role word inside ``mention``, an organisation of its own ("Chinese
    Foreign Ministry" before "spokeswoman", "Colts" before "QB"); none when it is not a name
    ("Prime" before "Minister", "defensive" before "tackle")."""
    before = text[mention.start:role.idx].rstrip()
    tokens = parsed.char_span(mention.start, mention.start + len(before), alignment_mode="expand") if before else None
    if not tokens or not before[:1].isupper() or any(is_role_word(t.text) for t in tokens):
        return []
    if mention.label == "PERSON" and not all(t.pos_ == "PROPN" for t in tokens):
        return []  # "Belarusian opposition leader X" tagged whole: "Belarusian opposition" is no organisation
    label = "ORG" if mention.label == "PERSON" else mention.label
    return [mention.model_copy(update={"end": mention.start + len(before), "text": before, "label": label})]
