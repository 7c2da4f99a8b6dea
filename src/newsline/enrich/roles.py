"""People named after their role: "opposition leader Sviatlana Tsikhanouskaya", "Chinese Foreign
Ministry spokeswoman Hua Chunying".

The statistical tagger often takes such a name for an organisation, or swallows the role and the
organisation before it into one entity. A capitalised name right after a role word is a person;
an organisation written before the role word stays an organisation of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

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
    "prime", "mr", "mrs", "ms", "dr", "sir", "dame", "gen", "col", "lt", "sgt", "sen", "rep", "gov", "prof",
}
NAME_LABELS_TO_FIX = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
MAX_NAME_TOKENS = 4
NAME_SUFFIXES = {"I", "II", "III", "IV", "V", "Jr", "Jr.", "Sr", "Sr."}


def _is_role(token: Token) -> bool:
    return token.lower_.rstrip(".") in ROLE_WORDS


def _name_after(parsed: Doc, role: Token) -> tuple[int, int] | None:
    """Token range of the capitalised name right after ``role``."""
    end = role.i + 1
    while end < len(parsed) and end - role.i <= MAX_NAME_TOKENS and parsed[end].is_title \
            and parsed[end].pos_ == "PROPN" and parsed[end].lower_ not in ROLE_WORDS:
        end += 1
    while end > role.i + 1 and end < len(parsed) and parsed[end].text in NAME_SUFFIXES:
        end += 1  # "Queen Elizabeth II", "Martin Luther King Jr."
    return (role.i + 1, end) if end > role.i + 1 else None


def people_after_roles(parsed: Doc, text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` with each name after a role word made a PERSON (split from what came before)."""
    for role in parsed:
        found = _name_after(parsed, role) if _is_role(role) else None
        if found is None:
            continue
        start, end = parsed[found[0]].idx, parsed[found[1] - 1].idx + len(parsed[found[1] - 1])
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if any(m.label == "PERSON" for m in overlapping):
            continue  # the tagger already has the person
        if any(m.start == role.idx and m.label in NAME_LABELS_TO_FIX for m in overlapping):
            continue  # the "role" opens a name: "General Motors", "King Abdullah University"
        kept = [m for m in mentions if m not in overlapping]
        for m in overlapping:
            if m.label in NAME_LABELS_TO_FIX and m.start < role.idx:
                before = text[m.start:role.idx].rstrip()
                if before[:1].isupper():  # "Chinese Foreign Ministry" before "spokeswoman"
                    kept.append(m.model_copy(update={"end": m.start + len(before), "text": before}))
            elif m.label not in NAME_LABELS_TO_FIX:
                kept.append(m)
        kept.append(EntityMention(start=start, end=end, text=text[start:end], label="PERSON"))
        mentions = sorted(kept, key=lambda m: m.start)
    return mentions
