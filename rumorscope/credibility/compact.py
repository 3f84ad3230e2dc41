"""The shipped credibility model as plain arrays, scored with numpy and scipy alone.

Training uses scikit-learn; scoring one article must not pay for importing it (about
0.7 s of every cold `rumorscope analyze`) nor trust a pickle. So the fitted parts are
exported to one `.npz` of arrays (vocabulary, idf, coefficients, scaler, meta as JSON)
and read back into small stand-ins that offer the few methods scoring calls, with
scikit-learn's exact semantics for this configuration: lower-cased `\\b\\w\\w+\\b`
tokens, word 1-2-grams over a fixed vocabulary, sublinear tf, idf, l2 norm; linear
decision functions; standardisation. A test checks them against the fitted originals.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern


class CompactTfidf:
    """TF-IDF over a fixed 1-2-gram vocabulary (TfidfVectorizer with sublinear_tf, l2)."""

    def __init__(self, terms: np.ndarray, idf: np.ndarray) -> None:
        self.terms = terms
        self.idf = idf
        self.vocabulary = {str(t): i for i, t in enumerate(terms)}

    def get_feature_names_out(self) -> np.ndarray:
        return self.terms

    def _row(self, text: str) -> tuple[list[int], list[float]]:
        tokens = TOKEN.findall(text.lower())
        grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
        counts = Counter(i for g in grams if (i := self.vocabulary.get(g)) is not None)
        columns = sorted(counts)
        values = [(1.0 + math.log(counts[c])) * float(self.idf[c]) for c in columns]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return columns, [v / norm for v in values]

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        indptr, indices, data = [0], [], []
        for text in texts:
            columns, values = self._row(text)
            indices += columns
            data += values
            indptr.append(len(indices))
        return sparse.csr_matrix((np.array(data, dtype=np.float32), indices, indptr),
                                 shape=(len(texts), len(self.terms)))


class CompactLinear:
    """A binary linear classifier: decision function and logistic probabilities."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.coef_ = coef.reshape(1, -1)
        self.intercept_ = intercept.reshape(1)

    def decision_function(self, x: Any) -> np.ndarray:
        return np.asarray(x @ self.coef_[0]).ravel() + self.intercept_[0]

    def predict_proba(self, x: Any) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-self.decision_function(x)))
        return np.column_stack([1.0 - p, p])


class CompactScaler:
    """Standardisation with the training mean and scale."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray) -> None:
        self.mean_ = mean
        self.scale_ = scale

    def transform(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean_) / self.scale_


def save_arrays(path: Path, bundle: Any) -> None:
    """Write a fitted bundle's parts as arrays (no pickle) to `path` (.npz)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vectorizer = bundle.vectorizer
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            terms=np.asarray(vectorizer.get_feature_names_out(), dtype=str),
            idf=np.asarray(vectorizer.idf_, dtype=np.float64),
            text_coef=np.asarray(bundle.text_model.coef_[0], dtype=np.float64),
            text_intercept=np.asarray(bundle.text_model.intercept_, dtype=np.float64),
            scaler_mean=np.asarray(bundle.scaler.mean_, dtype=np.float64),
            scaler_scale=np.asarray(bundle.scaler.scale_, dtype=np.float64),
            stack_coef=np.asarray(bundle.stacker.coef_[0], dtype=np.float64),
            stack_intercept=np.asarray(bundle.stacker.intercept_, dtype=np.float64),
            signal_names=np.asarray(bundle.signal_names, dtype=str),
            meta=np.asarray(json.dumps(bundle.meta, sort_keys=True)),
        )


def load_arrays(path: Path) -> dict[str, Any]:
    """The parts of a model written by `save_arrays`, as compact stand-ins."""
    with np.load(path, allow_pickle=False) as arrays:
        return {
            "vectorizer": CompactTfidf(arrays["terms"], arrays["idf"]),
            "text_model": CompactLinear(arrays["text_coef"], arrays["text_intercept"]),
            "scaler": CompactScaler(arrays["scaler_mean"], arrays["scaler_scale"]),
            "stacker": CompactLinear(arrays["stack_coef"], arrays["stack_intercept"]),
            "signal_names": [str(n) for n in arrays["signal_names"]],
            "meta": json.loads(str(arrays["meta"])),
        }
