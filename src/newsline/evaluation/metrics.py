"""TempEval-3 style TIMEX3 scores: strict and relaxed span P/R/F1, type accuracy, value P/R/F1."""

from __future__ import annotations

from dataclasses import dataclass, field

from .timeml import Timex


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def prf(correct_sys: int, n_sys: int, correct_gold: int, n_gold: int) -> dict[str, float]:
    p = correct_sys / n_sys if n_sys else 0.0
    r = correct_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Counts:
    """Running counts over documents; ``scores()`` turns them into the published figures."""

    n_gold: int = 0
    n_sys: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    typed: int = 0
    value_sys: int = 0
    value_gold: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, name: str, gold: list[Timex], system: list[Timex]) -> None:
        self.n_gold += len(gold)
        self.n_sys += len(system)
        exact = {(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system}
        self.strict_sys += sum((s.start, s.end) in exact for s in system)
        self.strict_gold += sum((g.start, g.end) in exact for g in gold)
        for s in system:
            hits = [g for g in gold if _overlaps(s, g)]
            if hits:
                self.relaxed_sys += 1
                best = max(hits, key=lambda g: min(s.end, g.end) - max(s.start, g.start))
                self.typed += best.type == s.type
            if any(g.value == s.value for g in hits):
                self.value_sys += 1
            else:
                self.errors.append({"doc": name, "kind": "spurious" if not hits else "value",
                                    "text": s.text, "system": f"{s.type} {s.value}",
                                    "gold": "; ".join(f"{g.type} {g.value} {g.text!r}" for g in hits)})
        for g in gold:
            hits = [s for s in system if _overlaps(s, g)]
            self.relaxed_gold += bool(hits)
            self.value_gold += any(s.value == g.value for s in hits)
            if not hits:
                self.errors.append({"doc": name, "kind": "missed", "text": g.text, "gold": f"{g.type} {g.value}"})

    def scores(self) -> dict[str, object]:
        return {
            "gold": self.n_gold,
            "system": self.n_sys,
            "strict": prf(self.strict_sys, self.n_sys, self.strict_gold, self.n_gold),
            "relaxed": prf(self.relaxed_sys, self.n_sys, self.relaxed_gold, self.n_gold),
            "type_accuracy": round(self.typed / self.relaxed_sys, 4) if self.relaxed_sys else 0.0,
            "value": prf(self.value_sys, self.n_sys, self.value_gold, self.n_gold),
        }

