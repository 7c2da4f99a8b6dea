"""Places that are teams: "Somerset beat Kent", "CHICAGO 3 Atlanta 2", "Essex v Surrey".

Clubs and national sides carry place names, so the tagger calls them places. In a result, a
fixture or a standings row the place plays, and is an organisation; a document that plays it once
means the team every other time it names it too.
"""

from __future__ import annotations

import functools
import re

import pycountry

from ..model import EntityMention

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLAYS_BEFORE = re.compile(r"\b(?:beat|beats|beating|drew with|draw with|defeated|defeating|lost to|v|vs)\.?\s+$")
_PLAYS_AFTER = re.compile(r"\s+(?:beat|beats|drew|defeated|v|vs)\b\.?")
# National sides keep their country's name and, in the CoNLL convention newsline follows, stay places.
HOME_NATIONS = {"england", "scotland", "wales", "northern ireland"}
_SCORE_AFTER = re.compile(
    r"[ \t]+\d{1,3}(?![\d.,%:/-]|\s*(?:km|miles?|kg|pct|percent|per|people|years?|am|pm|a\.m|p\.m)\b)"
)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?![\w,])")


def _line_of(text: str, start: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    return text[left:right if right != -1 else len(text)]


def _plays(text: str, m: EntityMention) -> bool:
    if _PLAYS_BEFORE.search(text, max(0, m.start - 20), m.start) or _PLAYS_AFTER.match(text, m.end):
        return True
    # a score or a standings row: "CHICAGO 3 Atlanta 2", "CHICAGO 71 64 .526 10"
    return bool(_SCORE_AFTER.match(text, m.end)) and len(_NUMBER.findall(_line_of(text, m.start))) >= 2


@functools.lru_cache(maxsize=4096)
def is_country(name: str) -> bool:
    if name.lower() in HOME_NATIONS:
        return True
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def teams_in_play(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` with the places that play in this document (clubs, not countries) relabelled ORG."""
    teams = {m.text.lower() for m in mentions
             if m.label in PLACE_LABELS and _plays(text, m) and not is_country(m.text)}
    if not teams:
        return mentions
    return [m.model_copy(update={"label": "ORG"}) if m.label in PLACE_LABELS and m.text.lower() in teams else m
            for m in mentions]
