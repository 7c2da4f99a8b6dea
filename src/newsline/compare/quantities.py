"""How much a number phrase says, as a range: "about 2,500" is 2,250-2,750, "more than 1,000" is
1,000 upwards, "tens of thousands" 20,000-99,999, "twenty-three" 23.

Written here because no maintained package reads English number phrases into ranges: quantulum3
(tried) fails to load its unit classifier under current scikit-learn and reads neither "thousands"
nor "tens of thousands"; word2number and text2num give exact integers only, so every approximate
or vague amount, the ones sources disagree about, would be lost.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
SCALES_PLURAL = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                 "billions": 1_000_000_000}
ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
# How far an approximate figure may stray: "about 2,500" is read as 10% either way.
AROUND = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "close to",
          "closer to", "nearly", "almost", "just under", "just over", "at least", "more than", "over",
          "upwards of", "up to", "fewer than", "less than", "under", "as many as", "no more than")
_AROUND_RE = re.compile(r"^(" + "|".join(sorted(map(re.escape, AROUND), key=len, reverse=True)) + r")\s+", re.I)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Amount:
    low: float
    high: float
    exact: bool  # "4,000" is; "about 4,000", "thousands" are not

    @property
    def bounded_vague(self) -> bool:
        """ "thousands", "dozens": a bounded range so wide that it denies no precise figure. An open
        bound ("more than 60 percent") is precise about its bound: it denies 48 percent."""
        return self.high != math.inf and self.high > 3 * max(self.low, 1)

    def overlaps(self, other: Amount) -> bool:
        return self.low <= other.high and other.low <= self.high

    def shown(self) -> str:
        if self.exact or self.low == self.high:
            return _fmt(self.low)
        if self.high == math.inf:
            return f"{_fmt(self.low)} or more"
        return f"{_fmt(self.low)}-{_fmt(self.high)}"


def _fmt(x: float) -> str:
    return f"{round(x):,}" if abs(x - round(x)) < 1e-6 else f"{x:,.2f}".rstrip("0").rstrip(".")


def _number_words(words: list[str]) -> float | None:
    """ "twenty three", "two hundred and five", "2.4 billion", "1,200": a single exact number."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in ("and", "a"):
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES or (seen and word in SCALES_PLURAL and SCALES_PLURAL[word] >= 1000):
            scale = SCALES.get(word) or SCALES_PLURAL[word]  # "2 billions" (translated copy) is 2 billion
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _vague(words: list[str]) -> tuple[float, float] | None:
    """ "thousands", "tens of thousands", "hundreds of millions", "dozens"."""
    if not words or words[-1] not in SCALES_PLURAL:
        return None
    unit = SCALES_PLURAL[words[-1]]
    head = [w for w in words[:-1] if w != "of"]
    if not head:
        return (2 * unit, 10 * unit - 1) if unit != 12 else (24, 99)
    if head == ["tens"]:
        return 20 * unit, 100 * unit - 1
    if head in (["hundreds"], ["scores"]):
        return 2 * SCALES_PLURAL[head[0]] * unit, 1000 * unit - 1
    return None


def _is_number_word(word: str) -> bool:
    return word in SMALL or word in TENS or word in SCALES or word in SCALES_PLURAL or word in ("and", "a")


def read_amount(phrase: str) -> Amount | None:
    """The range a number phrase covers, or None when it is not one."""
    text = phrase.strip().lower().replace("-", " ").replace("%", " percent")
    around = ""
    text = re.sub(r"^(?:only|just|a total of|all) ", "", text)  # say nothing of the range
    match = _AROUND_RE.match(text)
    if match:
        around, text = match.group(1), text[match.end():]
    words = [w for w in re.split(r"\s+", text) if w and w != "percent"]
    while len(words) > 1 and words[-1].isalpha() and (words[-1] == "of" or not _is_number_word(words[-1])):
        words.pop()  # the unit a money or measure entity ends with: "40 million euros", "2 billions of euro"
    vague = _vague(words)
    if vague:
        low, high = vague
        return _widen(Amount(low, high, False), around)
    value = _number_words(words)
    if value is None:
        return None
    return _widen(Amount(value, value, not around), around)


def _widen(amount: Amount, around: str) -> Amount:
    low, high = amount.low, amount.high
    if around in ("at least", "more than", "over", "upwards of", "just over"):
        return Amount(low, math.inf, False)
    if around in ("up to", "fewer than", "less than", "under", "as many as", "no more than", "just under"):
        return Amount(0, high, False)
    if around in ("nearly", "almost"):
        return Amount(low * 0.85, high, False)
    if around:
        return Amount(low * 0.9, high * 1.1, False)
    return amount


def read_ordinal(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(match.group(1)) if match else None
