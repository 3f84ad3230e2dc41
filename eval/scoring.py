"""Precision, recall and F1 bookkeeping shared by every scorer."""

from __future__ import annotations

from dataclasses import dataclass

from rumorscope.spans import overlaps

__all__ = ["PRF", "greedy_match", "overlaps"]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def merge(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} "
                f"F1 {self.f1:.3f} (tp {_count(self.tp)}, fp {_count(self.fp)}, "
                f"fn {_count(self.fn)})")


def _count(value: float) -> str:
    """Counts are whole numbers, or averages over annotators: print them either way cleanly."""
    return f"{value:.0f}" if float(round(value, 6)).is_integer() else f"{value:.1f}"


def greedy_match(pred: list, gold: list, same) -> int:
    """Count one-to-one matches, pairing each prediction with the first unused gold item."""
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and same(p, g):
                used.add(i)
                tp += 1
                break
    return tp
