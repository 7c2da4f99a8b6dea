"""Signals and the flags built from them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Evidence, Flag, FlagKind

MAX_EVIDENCE = 8  # enough to judge a flag by; the rest of the signals only add to its score


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: a span of the cleaned text, how much it weighs (0-1) and why."""

    start: int
    end: int
    text: str
    weight: float
    note: str


def combined(weights: list[float]) -> float:
    """Independent pieces of evidence: the chance that at least one of them is right."""
    return 1.0 - math.prod(1.0 - weight for weight in weights)


def flag_from(kind: FlagKind, signals: list[Signal], explanation: str, threshold: float,
              score: float | None = None) -> Flag | None:
    """A flag when the signals weigh at least ``threshold``; ``score`` overrides their combined weight
    for detectors that measure a rate rather than add up pieces of evidence."""
    if score is None:
        score = combined([s.weight for s in signals])
    if score < threshold or not signals:
        return None
    strongest = sorted(signals, key=lambda s: -s.weight)[:MAX_EVIDENCE]
    return Flag(
        kind=kind, score=round(score, 3), explanation=explanation,
        evidence=[Evidence(text=s.text, start=s.start, end=s.end, note=s.note)
                  for s in sorted(strongest, key=lambda s: s.start)],
    )
