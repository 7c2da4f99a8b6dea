"""Headlines in capitals, recased for the tagger without moving a single character.

spaCy's tagger reads capitalisation as a strong clue, so "LUKASHENKO FLIES TO BEIJING" yields
nothing or nonsense. Before parsing, each line written in capitals gets its words back in the
case the same document uses for them elsewhere ("Lukashenko", "Beijing"), function words in lower
case, and other words capitalised. Case mapping is done letter by letter, so the recased text has
the same length and every offset found in it holds for the original.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

# A word, with inner dots ("U.S.") but not a sentence's full stop ("Beijing.").
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*(?:(?<=\.\w)\.)?")
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "into", "over", "after", "before", "about", "against", "amid", "up", "down",
    "off", "out", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "not", "no",
    "its", "his", "her", "their", "this", "that", "than", "says", "said", "vs", "v",
}


def is_caps_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def document_casing(lines: list[str]) -> dict[str, str]:
    """The usual written form of each word in the document's ordinary (not capitalised) lines,
    not counting sentence-initial words, whose capital says nothing."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        if is_caps_line(line):
            continue
        for match in _WORD.finditer(line):
            word = match.group()
            before = line[:match.start()].rstrip()
            if before and before[-1] not in ".!?\"“:":
                seen[word.lower()][word] += 1
    return {lower: forms.most_common(1)[0][0] for lower, forms in seen.items()}


def _recased_word(word: str, casing: dict[str, str], first: bool) -> str:
    lower = word.lower()
    if lower in casing:
        form = casing[lower]
    elif lower in FUNCTION_WORDS and not first:
        form = lower
    elif "." in word.strip(".") or (len(word) <= 3 and not re.search(r"[aeiouy]", lower)):
        form = word  # "U.S.", "UK", "NBC": an acronym stays in capitals
    else:
        form = lower
    if first:
        form = form[:1].upper() + form[1:]
    return form if len(form) == len(word) else word


def _recase_match(match: re.Match[str], casing: dict[str, str], opening: int) -> str:
    return _recased_word(match.group(), casing, match.start() == opening)


def recase(text: str) -> str:
    """``text`` with its capitalised lines recased; same length, same offsets."""
    lines = text.split("\n")
    if not any(is_caps_line(line) for line in lines):
        return text
    casing = document_casing(lines)
    out = []
    for line in lines:
        if is_caps_line(line):
            opening = len(line) - len(line.lstrip())  # where the line's first word starts
            line = _WORD.sub(functools.partial(_recase_match, casing=casing, opening=opening), line)
        out.append(line)
    recased = "\n".join(out)
    return recased if len(recased) == len(text) else text
