"""The shipped credibility model: load it once, score an Analysis, explain the score.

Two stages, both plain scikit-learn: a logistic regression over TF-IDF word 1-2-grams of
the masked text (features.model_text: no outlet names, people's names, URLs or page
furniture), and a logistic regression that combines that text score with the
standardised signals. The second stage is fitted on out-of-fold text scores, so it
also calibrates them.

Reasons are contributions to the log-odds of "false", relative to an average training
article: one per signal (its coefficient times its standardised value) and, for the
text, the phrases whose weights moved the text score most, each with its spans. The
phrases made only of the article's people's names make one `topic:` reason, their summed
pull: it says what the story is about (a prior learnt from earlier stories about them),
not how it is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rumorscope.credibility import signals as signal_defs
from rumorscope.credibility.compact import load_arrays, save_arrays
from rumorscope.credibility.features import model_text, name_forms
from rumorscope.schema import Analysis, Credibility, Reason, Span

MODEL_NAME = "rumorscope-credibility"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "credibility-v1.npz"
LIKELY_FALSE = 0.65
LIKELY_TRUE = 0.35
TOP_REASONS = 6
TOP_PHRASES = 4


@dataclass
class Bundle:
    """Everything a trained model needs at scoring time, and how it was made."""

    vectorizer: Any
    text_model: Any
    scaler: Any
    stacker: Any
    signal_names: list[str]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{MODEL_NAME} {self.meta.get('version', '?')}"

    @cached_property
    def terms(self) -> np.ndarray:
        """The vectoriser's n-grams by column, built once (explanations look them up)."""
        return self.vectorizer.get_feature_names_out()


def signal_matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    """Signals as model inputs: counts squashed by log1p so one long article cannot dominate."""
    matrix = np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float)
    return np.log1p(np.clip(matrix, 0.0, None))


def text_scores(bundle: Bundle, texts: list[str]) -> np.ndarray:
    """The text model's log-odds of "false" for already masked texts."""
    return bundle.text_model.decision_function(bundle.vectorizer.transform(texts))


def stack_inputs(bundle: Bundle, text_logit: np.ndarray, rows: list[dict[str, float]]
                 ) -> np.ndarray:
    """Second-stage inputs: the text score, then the standardised signals."""
    scaled = bundle.scaler.transform(signal_matrix(rows, bundle.signal_names))
    return np.column_stack([text_logit, scaled])


def predict_proba(bundle: Bundle, texts: list[str], rows: list[dict[str, float]]) -> np.ndarray:
    """P(false) for masked texts and their signal rows."""
    inputs = stack_inputs(bundle, text_scores(bundle, texts), rows)
    return bundle.stacker.predict_proba(inputs)[:, 1]


def save(bundle: Bundle, path: Path) -> None:
    """Write a fitted model as plain arrays (`compact`): no pickle, no scikit-learn to load."""
    save_arrays(path, bundle)


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_PATH) -> Bundle:
    """The model at `path`, loaded once per process (offline: it ships in the package)."""
    return Bundle(**load_arrays(path))


def person_names(analysis: Analysis) -> list[str]:
    """Names and aliases of the people an analysis found: what makes a phrase a topic."""
    return [name for e in analysis.entities if e.type == "PERSON" for name in (e.name, *e.aliases)]


def label_for(p_false: float) -> str:
    if p_false >= LIKELY_FALSE:
        return "likely_false"
    if p_false <= LIKELY_TRUE:
        return "likely_true"
    return "uncertain"


def score(analysis: Analysis, bundle: Bundle | None = None
          ) -> tuple[dict[str, float], Credibility]:
    """The article's signals and its credibility (p_false, label, reasons with evidence)."""
    values, evidence = signal_defs.compute(analysis)
    bundle = bundle or (load() if DEFAULT_PATH.exists() else None)
    if bundle is None:  # a checkout that has not trained a model yet: signals only
        return values, Credibility()
    article = analysis.article
    text = model_text(article.title, article.text, article.outlet)
    features = bundle.vectorizer.transform([text])
    text_logit = bundle.text_model.decision_function(features)
    inputs = stack_inputs(bundle, text_logit, [values])[0]
    p_false = float(bundle.stacker.predict_proba(inputs[None, :])[0, 1])
    reasons = _signal_reasons(bundle, inputs, evidence)
    reasons += _phrase_reasons(bundle, features, article.text, name_forms(person_names(analysis)))
    reasons.sort(key=lambda r: abs(r.effect), reverse=True)
    return values, Credibility(p_false=round(p_false, 4), label=label_for(p_false),
                               reasons=reasons[:TOP_REASONS], model=bundle.name)


def _signal_reasons(bundle: Bundle, inputs: np.ndarray, evidence: dict[str, list[Span]]
                    ) -> list[Reason]:
    """One reason per signal: its pull on the log-odds against an average article."""
    weights = bundle.stacker.coef_[0][1:]
    reasons = []
    for name, weight, value in zip(bundle.signal_names, weights, inputs[1:], strict=True):
        effect = float(weight * value)
        if abs(effect) >= 0.05:
            reasons.append(Reason(signal=name, effect=round(effect, 3),
                                  evidence=evidence.get(name, [])[:10]))
    return reasons


def _phrase_reasons(bundle: Bundle, features: Any, text: str, names: frozenset[str]
                    ) -> list[Reason]:
    """The text score split over the phrases that moved it most, each found in the text.
    The phrases made of people's names only are summed into one `topic:` reason (naming
    the three that pulled most), so who the story is about shows once and leaves room
    for how it is told."""
    text_weight = float(bundle.stacker.coef_[0][0])
    row = features.tocsr()
    contributions = text_weight * row.data * bundle.text_model.coef_[0][row.indices]
    phrases = [str(bundle.terms[i]) for i in row.indices]
    topical = np.array([names.issuperset(p.split()) for p in phrases], dtype=bool)
    reasons = []
    if topical.any():
        topic = np.flatnonzero(topical)
        top = topic[np.argsort(-np.abs(contributions[topic]))[:3]]
        effect = float(contributions[topic].sum())
        if abs(effect) >= 0.05:
            spans = sorted({s for i in top for s in find_phrase(phrases[i], text)})
            reasons.append(Reason(signal="topic: " + ", ".join(phrases[i] for i in top),
                                  effect=round(effect, 3), evidence=spans[:10]))
    wording = np.flatnonzero(~topical)
    for index in wording[np.argsort(-np.abs(contributions[wording]))[:TOP_PHRASES]]:
        effect = float(contributions[index])
        if abs(effect) >= 0.05:
            reasons.append(Reason(signal=f"phrase: {phrases[index]}", effect=round(effect, 3),
                                  evidence=find_phrase(phrases[index], text)))
    return reasons


def find_phrase(phrase: str, text: str, limit: int = 5) -> list[Span]:
    """Spans where a vectoriser n-gram occurs in the original text (any case and spacing)."""
    words = [re.escape(w) for w in phrase.split()]
    pattern = re.compile(r"\b" + r"\W+".join(words) + r"\b", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)][:limit]
