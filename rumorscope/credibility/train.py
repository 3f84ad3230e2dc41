"""Training the credibility model, reproducibly, from the shared labelled sets.

`fit` is deterministic for a given seed and data: fixed fold assignment, deterministic
solvers. `train` records the sha256 of every data file it read, the seed and the
settings in the model's `meta`, so a shipped model says what it was made from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from rumorscope.credibility import signals as signal_defs
from rumorscope.credibility.dataset import Record, cached_analyses, read_labelled, sha256_of
from rumorscope.credibility.features import model_text
from rumorscope.credibility.model import Bundle, save, signal_matrix
from rumorscope.schema import Analysis

VERSION = "1.3"  # 1.1 masked names; 1.2 reads them again; 1.3 doubts GossipCop fakes
SEED = 0
DATASETS = ("gossipcop", "celebrity", "fakenewsamt")
TEXT_C = 4.0
STACK_C = 1.0
MIN_GROUPS = 3  # an n-gram must occur in this many outlets (or stories) to be a feature
FOLDS = 5
SET_BALANCE = 0.25
# GossipCop's fake label names the Gossip Cop verdict a page was found for, not what the page
# says: read by hand, half its fake pages carry no claim at all (eval/label_audit.py). Its
# fake pages with no anonymous or vague source (mostly such pages) weigh this much.
DOUBTFUL_FAKE_WEIGHT = 0.4


@dataclass
class Example:
    """A labelled record with what the model reads of it."""

    record: Record
    text: str
    signals: dict[str, float]
    source: str  # which data set


def examples_from(name: str, path: Path, records: list[Record],
                  analyses: dict[str, Analysis]) -> list[Example]:
    """Masked text and signals for each record (signals from its cached analysis)."""
    out = []
    for record in records:
        analysis = analyses[record.id]
        values, _ = signal_defs.compute(analysis)
        text = model_text(record.title, record.text, record.outlet)
        out.append(Example(record, text, values, name))
    return out


def set_path(data_dir: Path, name: str) -> Path:
    """Where a shared labelled set keeps its articles."""
    return data_dir / name / "articles.jsonl.gz"


def load_set(data_dir: Path, name: str) -> tuple[list[Example], str]:
    """One shared data set as examples, and the sha256 of its file."""
    path = set_path(data_dir, name)
    records = read_labelled(path)
    return examples_from(name, path, records, cached_analyses(path, records)), sha256_of(path)


def group_of(example: Example) -> str:
    """What a feature must generalise across: the outlet, else the story pair, else itself."""
    record = example.record
    return record.outlet or (f"{example.source}:{record.group}" if record.group else record.id)


def spread_vocabulary(texts: list[str], groups: list[str]) -> list[str]:
    """The 1-2-grams used by at least MIN_GROUPS distinct groups: no outlet's private words."""
    counter = TfidfVectorizer(ngram_range=(1, 2), min_df=MIN_GROUPS, use_idf=False, norm=None,
                              binary=True, dtype=np.float32)
    present = counter.fit_transform(texts)
    codes, group_ids = np.unique(groups, return_inverse=True)
    membership = sparse.csr_matrix((np.ones(len(groups)), (group_ids, np.arange(len(groups)))),
                                   shape=(len(codes), len(groups)))
    per_group = (membership @ present) > 0
    spread = np.asarray(per_group.sum(axis=0)).ravel()
    terms = counter.get_feature_names_out()
    return [str(t) for t in terms[spread >= MIN_GROUPS]]


def hearsay(signals: dict[str, float]) -> float:
    """Anonymous and vague ("reports say") sources the extractor found on a page."""
    return signals.get("count_anonymous", 0.0) + signals.get("count_unspecified", 0.0)


def doubtful_fakes(examples: list[Example]) -> np.ndarray:
    """GossipCop fake-labelled pages with no anonymous or vague source: read by hand, most
    such pages are award lists, interviews and other pages with no claim, so their label
    says little about their text."""
    return np.array([e.source == "gossipcop" and e.record.y == 1 and hearsay(e.signals) == 0
                     for e in examples])


def label_weights(examples: list[Example], weight: float = DOUBTFUL_FAKE_WEIGHT) -> np.ndarray:
    """Per-example weight of its label: `weight` for a doubtful fake, else 1."""
    return np.where(doubtful_fakes(examples), weight, 1.0)


def fit(examples: list[Example], seed: int = SEED,
        example_weights: np.ndarray | None = None) -> Bundle:
    """Text model, out-of-fold text scores, then the calibrated signal + text stacker.
    `example_weights` scale each example's set weight (default `label_weights`)."""
    texts = [e.text for e in examples]
    y = np.array([e.record.y for e in examples])
    vocabulary = spread_vocabulary(texts, [group_of(e) for e in examples])
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), vocabulary=vocabulary, sublinear_tf=True,
                                 dtype=np.float32)
    features = vectorizer.fit_transform(texts)
    out_of_fold = np.zeros(len(examples))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
    if example_weights is None:
        example_weights = label_weights(examples)
    weights = set_weights([e.source for e in examples]) * example_weights
    weights = weights / weights.mean()
    for train_idx, test_idx in folds.split(features, y):
        fold_model = _text_model(seed).fit(features[train_idx], y[train_idx],
                                           sample_weight=weights[train_idx])
        out_of_fold[test_idx] = fold_model.decision_function(features[test_idx])
    text_model = _text_model(seed).fit(features, y, sample_weight=weights)
    names = list(signal_defs.SIGNALS)
    scaler = StandardScaler().fit(signal_matrix([e.signals for e in examples], names))
    scaled = scaler.transform(signal_matrix([e.signals for e in examples], names))
    stacker = LogisticRegression(C=STACK_C, max_iter=2000, random_state=seed)
    stacked = np.column_stack([out_of_fold, scaled])
    stacker.fit(stacked, y, sample_weight=weights)
    threshold = best_threshold(y, stacker.predict_proba(stacked)[:, 1], weights)
    return Bundle(vectorizer=vectorizer, text_model=text_model, scaler=scaler, stacker=stacker,
                  signal_names=names, meta={"version": VERSION, "seed": seed,
                                            "examples": len(examples), "threshold": threshold})


def best_threshold(y: np.ndarray, p: np.ndarray, weights: np.ndarray) -> float:
    """The p(false) cut with the best macro-F1 on out-of-fold scores (classes are unequal)."""
    grid = np.round(np.arange(0.30, 0.61, 0.025), 3)
    scores = [f1_score(y, (p >= t).astype(int), average="macro", sample_weight=weights)
              for t in grid]
    return float(grid[int(np.argmax(scores))])


def set_weights(sources: list[str]) -> np.ndarray:
    """Per-example weights that let a small set count: a set of n examples weighs
    (mean set size / n) ** SET_BALANCE, so GossipCop's style does not drown the others."""
    _, inverse, counts = np.unique(sources, return_inverse=True, return_counts=True)
    per_set = (counts.mean() / counts) ** SET_BALANCE
    weights = per_set[inverse]
    return weights / weights.mean()


def _text_model(seed: int) -> LogisticRegression:
    return LogisticRegression(C=TEXT_C, max_iter=3000, random_state=seed)


def train(data_dir: Path, out: Path, seed: int = SEED,
          sets: tuple[str, ...] = DATASETS) -> Bundle:
    """Fit on the shared labelled sets (all by default) and save the model with its
    provenance. One set alone makes a genre model: Celebrity's labels and GossipCop's
    pull apart on articles no classifier can tell apart by genre (see README)."""
    unknown = sorted(set(sets) - set(DATASETS))
    if unknown or not sets:
        raise ValueError(f"unknown data set {', '.join(unknown) or '(none)'}: "
                         f"choose from {', '.join(DATASETS)}")
    missing = [path for n in sets if not (path := set_path(data_dir, n)).is_file()]
    if missing:
        raise ValueError(f"{missing[0]}: no such file")
    examples: list[Example] = []
    hashes: dict[str, str] = {}
    for name in sets:
        part, hashes[name] = load_set(data_dir, name)
        examples += part
    bundle = fit(examples, seed)
    bundle.meta.update({
        "data_sha256": hashes, "trained": dt.date.today().isoformat(),
        "settings": {"text_C": TEXT_C, "stack_C": STACK_C, "min_groups": MIN_GROUPS,
                     "folds": FOLDS, "ngrams": [1, 2],
                     "doubtful_fake_weight": DOUBTFUL_FAKE_WEIGHT},
        "counts": {name: sum(e.source == name for e in examples) for name in sets},
    })
    save(bundle, out)
    return bundle
