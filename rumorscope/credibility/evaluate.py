"""Scoring a model on any labelled file: accuracy, macro-F1, fake-class F1, ROC AUC, ECE."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.stats import bootstrap
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

from rumorscope.credibility.dataset import cached_analyses, read_labelled
from rumorscope.credibility.model import Bundle, load, predict_proba
from rumorscope.credibility.train import examples_from

ECE_BINS = 10


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = ECE_BINS) -> float:
    """Mean |confidence - accuracy| over equal-width bins of p(false), weighted by bin size."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            total += inside.sum() * abs(p[inside].mean() - y[inside].mean())
    return float(total / len(y))


def metrics(y: np.ndarray, p: np.ndarray, threshold: float | np.ndarray = 0.5
            ) -> dict[str, float]:
    """The figures the issue asks for, fake = positive class (`threshold` may be one cut
    per example, for predictions pooled from several models)."""
    predicted = (p >= threshold).astype(int)
    both = len(set(y.tolist())) == 2
    return {
        "n": float(len(y)),
        "accuracy": float(accuracy_score(y, predicted)),
        "macro_f1": float(f1_score(y, predicted, average="macro")),
        "fake_f1": float(f1_score(y, predicted, pos_label=1, zero_division=0)),
        "roc_auc": float(roc_auc_score(y, p)) if both else float("nan"),
        "ece": expected_calibration_error(y, p),
    }


def bootstrap_intervals(y: np.ndarray, p: np.ndarray, threshold: float | np.ndarray = 0.5,
                        keys: tuple[str, ...] = ("accuracy", "macro_f1", "ece"),
                        rounds: int = 1000, level: float = 0.95, seed: int = 0
                        ) -> dict[str, tuple[float, float]]:
    """Central `level` intervals of the metrics over `rounds` resamples of the examples
    (scipy's percentile bootstrap, articles resampled with their scores and cuts): how
    far a figure on this many articles moves by chance alone, so that two figures can be
    told apart from noise."""
    cuts = np.broadcast_to(np.asarray(threshold, dtype=float), p.shape)

    def statistic(y: np.ndarray, p: np.ndarray, cuts: np.ndarray) -> np.ndarray:
        values = metrics(y, p, cuts)
        return np.array([values[key] for key in keys])

    result = bootstrap((y, p, cuts), statistic, paired=True, vectorized=False,
                       n_resamples=rounds, confidence_level=level, method="percentile",
                       random_state=seed)
    low, high = result.confidence_interval
    return {key: (float(a), float(b)) for key, a, b in zip(keys, low, high, strict=True)}


def format_intervals(intervals: dict[str, tuple[float, float]], level: float = 0.95) -> str:
    return f"  {level:.0%} bootstrap intervals: " + " ".join(
        f"{key}=[{lo:.3f}, {hi:.3f}]" for key, (lo, hi) in intervals.items())


def format_metrics(name: str, values: dict[str, float]) -> str:
    return (f"{name}: n={int(values['n'])} accuracy={values['accuracy']:.3f} "
            f"macro_f1={values['macro_f1']:.3f} fake_f1={values['fake_f1']:.3f} "
            f"roc_auc={values['roc_auc']:.3f} ece={values['ece']:.3f}")


def evaluate_file(path: Path, bundle: Bundle | None = None) -> dict[str, float]:
    """Metrics of the model on a labelled JSON Lines file (labels fake vs real/legit)."""
    bundle = bundle or load()
    records = read_labelled(path)
    if not records:
        raise ValueError(f"{path}: no records with text and a fake/real/legit label")
    examples = examples_from(path.stem, path, records, cached_analyses(path, records))
    p = predict_proba(bundle, [e.text for e in examples], [e.signals for e in examples])
    return metrics(np.array([e.record.y for e in examples]), p, bundle.meta.get("threshold", 0.5))
