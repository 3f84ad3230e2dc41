"""Sentence-level uncertainty: how likely a sentence withholds full commitment.

A logistic regression over word uni- and bigrams, plus pooled cue tokens: the hedge
triggers of `hedging.py` (by rule family) and Wikipedia-style weasel groups (vague
quantifiers, frequency adverbs, "is widely believed", "critics say"). Pooling lets rare
cue words share one weight. Trained on the CoNLL-2010 Wikipedia sentences (Farkas et al.
2010); only plain text is needed, so `sentence_uncertainty` costs no parse.

    python -m rumorscope.extract.uncertainty --train \
        --data ../shared/data/hedging/wikiweasel_sentences_train.csv

The model (scikit-learn objects only, joblib) and a JSON card with the data's sha256,
seed, split, hyperparameters and scores are written to `rumorscope/data/`; the model is
loaded on first use, never at import.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rumorscope.extract import hedging

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODEL_FILE = DATA_DIR / "uncertainty-lr.joblib"
CARD_FILE = DATA_DIR / "uncertainty-lr.json"
DEFAULT_DATA = Path("../shared/data/hedging/wikiweasel_sentences_train.csv")

SEED = 13
TRAIN_SHARE, DEV_SHARE = 0.70, 0.15  # the rest (15%) is the untouched test split
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0)
THRESHOLDS = tuple(round(0.20 + 0.025 * i, 3) for i in range(25))

# Weasel groups of Wikipedia uncertainty: who says so is left vague, or how often.
WEASEL_GROUPS = {
    "quantifier": r"\b(?:some|many|most|several|various|numerous|few|countless|multiple"
                  r"|majority|minority|others|certain)\b",
    "frequency": r"\b(?:often|usually|generally|typically|commonly|frequently|sometimes"
                 r"|occasionally|normally|largely|mostly|mainly|primarily|widely|rarely"
                 r"|seldom|traditionally|arguably)\b",
    "doxastic_passive": r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:considered"
                        r"|regarded|believed|thought|said|claimed|argued|suggested|known"
                        r"|described|deemed|viewed|seen|reported|rumou?red|estimated|expected"
                        r"|alleged|speculated|held|recogni[sz]ed|accepted|presumed|assumed)\b",
    "vague_agent": r"\b(?:critics|scholars|experts|historians|researchers|observers"
                   r"|commentators|analysts|people|fans|sources|authorities|scientists|some"
                   r"|others)\s+(?:\w+\s+)?(?:ha(?:ve|s)\s+)?(?:say|said|believe|believed"
                   r"|claim|claimed|argue|argued|suggest|suggested|think|thought|consider"
                   r"|considered|feel|felt|note|noted|maintain|contend|speculate|speculated)\b",
    "peacock": r"\b(?:one of the|best|greatest|famous|important|notable|significant|popular"
               r"|leading|major|well-known|renowned|prominent|influential|successful)\b",
}
_WEASELS = {name: re.compile(pattern) for name, pattern in WEASEL_GROUPS.items()}


@dataclass(frozen=True)
class Split:
    """Texts and labels of the train, dev (tuning) and test (reporting only) parts."""

    train: tuple[list[str], list[int]]
    dev: tuple[list[str], list[int]]
    test: tuple[list[str], list[int]]


def read_sentences(path: Path) -> tuple[list[str], list[int]]:
    """The `text,label` CSV of CoNLL-2010 Wikipedia sentences."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r["text"].strip() for r in rows], [int(r["label"]) for r in rows]


def split_sentences(texts: list[str], labels: list[int], seed: int = SEED) -> Split:
    """A fixed seeded 70/15/15 shuffle split, shared by training and `eval.hedging`."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    a, b = int(TRAIN_SHARE * len(order)), int((TRAIN_SHARE + DEV_SHARE) * len(order))

    def part(idx: list[int]) -> tuple[list[str], list[int]]:
        return [texts[i] for i in idx], [labels[i] for i in idx]

    return Split(part(order[:a]), part(order[a:b]), part(order[b:]))


def with_cue_tokens(text: str) -> str:
    """The sentence followed by one pseudo-word per cue found ("zzcuemodal")."""
    lowered = text.lower()
    families = [hedging.cue_family(m) for m in hedging.candidate_matches(text)]
    families += [name for name, rx in _WEASELS.items() for _ in rx.finditer(lowered)]
    return text + " " + " ".join("zzcue" + name for name in families)


def make_model(c: float):
    """Word 1-2 gram tf-idf and a class-balanced logistic regression (scikit-learn only)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float32),
        LogisticRegression(C=c, max_iter=3000, class_weight="balanced"),
    )


def prf(gold: list[int], pred: list[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of class 1 (uncertain)."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    n_pred, n_gold = sum(pred), sum(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(model, texts: list[str]) -> list[float]:
    """Class-1 probabilities of `model` for raw sentences (cue tokens added here)."""
    return model.predict_proba([with_cue_tokens(t) for t in texts])[:, 1].tolist()


def train(data: Path, out_dir: Path = DATA_DIR, seed: int = SEED) -> dict:
    """Tune C and the decision threshold on dev, keep the train-only model, score test."""
    import joblib

    texts, labels = read_sentences(data)
    parts = split_sentences(texts, labels, seed)
    best: tuple[float, float, float, object] | None = None
    for c in C_GRID:
        model = make_model(c)
        model.fit([with_cue_tokens(t) for t in parts.train[0]], parts.train[1])
        dev_scores = scores(model, parts.dev[0])
        for threshold in THRESHOLDS:
            f1 = prf(parts.dev[1], [s >= threshold for s in dev_scores])[2]
            if best is None or f1 > best[0]:
                best = (f1, c, threshold, model)
    assert best is not None
    _, c, threshold, model = best
    card = {
        "data": data.name,
        "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "seed": seed, "split": [TRAIN_SHARE, DEV_SHARE, round(1 - TRAIN_SHARE - DEV_SHARE, 2)],
        "C": c, "threshold": threshold,
        "dev": prf(parts.dev[1], [s >= threshold for s in scores(model, parts.dev[0])]),
        "test": prf(parts.test[1], [s >= threshold for s in scores(model, parts.test[0])]),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out_dir / MODEL_FILE.name, compress=3)
    (out_dir / CARD_FILE.name).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_FILE):
    """The shipped model (or one at `path`), read once on first use."""
    import joblib

    return joblib.load(path)


@lru_cache(maxsize=2)
def model_card(path: Path = CARD_FILE) -> dict:
    """Training record of a model: data hash, split, C, threshold, scores."""
    return json.loads(path.read_text(encoding="utf-8"))


def uncertainty_threshold() -> float:
    """Probability at or above which a sentence counts as uncertain (tuned on dev F1)."""
    return float(model_card()["threshold"])


def sentence_uncertainty(texts: list[str]) -> list[float]:
    """Probability that each sentence is uncertain (class 1 of CoNLL-2010)."""
    if not texts:
        return []
    return scores(load_model(), texts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the sentence uncertainty model.")
    parser.add_argument("--train", action="store_true", required=True)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    card = train(args.data, args.out)
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
