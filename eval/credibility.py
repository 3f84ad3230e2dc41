"""Held-out figures of the credibility model against a TF-IDF baseline, in one run.

    python -m eval.credibility --data ../shared/data [--restyled N] [--seed 0] [--label-conflict]

Splits (seeded): GossipCop random 80/20 (stratified); GossipCop grouped by outlet 80/20
(no test outlet in training); Celebrity grouped by story pair 75/25 (a fake and its
legit twin on the same side), and the same set in 4 folds grouped by pair, so every
article is held out once (106 test articles make one article worth 0.009 of accuracy; the
folds give a steadier figure). Our model trains on the split's training part plus the
other sets (and, on the Celebrity folds, once more on Celebrity alone, as a genre model
made by `rumorscope train --sets celebrity`); the baseline (TF-IDF word 1-2-grams +
logistic regression on raw title and text) trains on the split's training part of its
own set, as in the issue's floor.
Restyled: the GossipCop random test split (or a seeded sample of it) rewritten by
`rumorscope.credibility.restyle` (every style, and tone only), analysed afresh and scored
by the random-split model; the drop is against the same sample's original texts.
Then what GossipCop's labels measure (eval/label_audit.py: the hand-read pages, what
perfect readers would score, identical pages with both labels, and how a model trained
without the hand-read pages scores each kind of them). `--label-conflict` prints only the
curve of GossipCop against Celebrity as GossipCop's doubtful fakes weigh less.
Every line prints accuracy, macro-F1, fake-class F1, ROC AUC and ECE; each of our lines is
followed by 95% bootstrap intervals (1,000 resamples of the test articles) of accuracy,
macro-F1 and ECE, so that a difference can be told from the noise of a small split.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, StratifiedShuffleSplit

from eval.label_audit import (
    agreement_lines,
    audit_lines,
    model_lines,
    read_label_audit,
    read_second_reading,
    signal_lines,
    twin_conflicts,
)
from rumorscope.credibility.dataset import CACHE_DIR, cached_analyses, read_labelled
from rumorscope.credibility.evaluate import (
    bootstrap_intervals,
    format_intervals,
    format_metrics,
    metrics,
)
from rumorscope.credibility.model import predict_proba, score
from rumorscope.credibility.restyle import restyle, restyle_title
from rumorscope.credibility.train import Example, examples_from, fit, label_weights, load_set


def baseline(train: list[Example], test: list[Example], seed: int) -> np.ndarray:
    """The issue's floor: TF-IDF word 1-2-grams + logistic regression on the raw text."""
    raw = [f"{e.record.title}\n{e.record.text}" for e in train]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=4.0, max_iter=3000, random_state=seed)
    model.fit(vectorizer.fit_transform(raw), [e.record.y for e in train])
    test_raw = [f"{e.record.title}\n{e.record.text}" for e in test]
    return model.predict_proba(vectorizer.transform(test_raw))[:, 1]


def labels(examples: list[Example]) -> np.ndarray:
    return np.array([e.record.y for e in examples])


def scores(bundle: Any, examples: list[Example]) -> np.ndarray:
    """Our p(false) for examples already masked and analysed."""
    return predict_proba(bundle, [e.text for e in examples], [e.signals for e in examples])


def random_split(gossip: list[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """GossipCop's seeded, stratified 80/20 split: (train, test)."""
    y = labels(gossip)
    train_idx, test_idx = next(StratifiedShuffleSplit(1, test_size=0.2, random_state=seed)
                               .split(np.zeros(len(y)), y))
    return [gossip[i] for i in train_idx], [gossip[i] for i in test_idx]


def grouped_folds(examples: list[Example], groups: list[str], folds: int = 4
                  ) -> Iterator[tuple[list[Example], list[Example], np.ndarray]]:
    """(train, test, test indices) of folds that keep a group on one side."""
    for train_idx, test_idx in GroupKFold(folds).split(np.zeros(len(examples)),
                                                       labels(examples), groups):
        yield [examples[i] for i in train_idx], [examples[i] for i in test_idx], test_idx


def report_ours(name: str, y: np.ndarray, p: np.ndarray, threshold: float | np.ndarray,
                suffix: str = "") -> dict[str, float]:
    """Print one of our figures with its bootstrap intervals below it; returns it."""
    values = metrics(y, p, threshold)
    print(format_metrics(name, values) + suffix, flush=True)
    print(format_intervals(bootstrap_intervals(y, p, threshold)), flush=True)
    return values


def run_split(name: str, train: list[Example], test: list[Example], own_train: list[Example],
              seed: int) -> tuple[dict[str, float], object]:
    """Fit ours and the baseline, print both; returns our metrics and model."""
    bundle = fit(train, seed)
    threshold = bundle.meta["threshold"]
    p = scores(bundle, test)
    ours = report_ours(f"{name} ours (threshold {threshold})", labels(test), p, threshold)
    base = metrics(labels(test), baseline(own_train, test, seed))
    print(format_metrics(f"{name} baseline tfidf+lr", base), flush=True)
    return ours, bundle


def run_grouped_folds(name: str, examples: list[Example], groups: list[str],
                      others: list[Example], seed: int, folds: int = 4,
                      with_baseline: bool = True) -> dict[str, float]:
    """Every example held out once, in folds that keep a group on one side; each fold's
    model trains on the rest plus `others`. Prints the pooled metrics, each prediction
    cut at its own fold model's threshold."""
    y = labels(examples)
    p, p_base, thresholds = np.zeros(len(y)), np.zeros(len(y)), np.zeros(len(y))
    for train, test, test_idx in grouped_folds(examples, groups, folds):
        bundle = fit(train + others, seed)
        p[test_idx] = scores(bundle, test)
        thresholds[test_idx] = bundle.meta["threshold"]
        if with_baseline:
            p_base[test_idx] = baseline(train, test, seed)
    values = report_ours(f"{name} ours, {folds} grouped folds", y, p, thresholds)
    if with_baseline:
        print(format_metrics(f"{name} baseline tfidf+lr, {folds} grouped folds",
                             metrics(y, p_base)), flush=True)
    return values


def restyled_examples(sample: list[Example], style: str, seed: int) -> list[Example]:
    """The sample rewritten in a style, analysed (cached by the rewritten file's hash)."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"restyled-{style}-{seed}-{len(sample)}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for e in sample:
            record = {"id": e.record.id, "label": "fake" if e.record.y else "real",
                      "title": restyle_title(e.record.title, style),
                      "text": restyle(e.record.text, style, seed)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    records = read_labelled(path)
    return examples_from(f"restyled-{style}", path, records, cached_analyses(path, records))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--restyled", type=int, default=2000,
                        help="restyled sample size (default: the whole random test split)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--label-conflict", action="store_true",
                        help="only the GossipCop-against-Celebrity curve (label_audit.py)")
    args = parser.parse_args(argv)
    sets = {name: load_set(args.data, name)[0] for name in ("gossipcop", "celebrity",
                                                              "fakenewsamt")}
    gossip, celebrity, amt = sets["gossipcop"], sets["celebrity"], sets["fakenewsamt"]
    if args.label_conflict:
        run_label_conflict(gossip, celebrity, amt, args.seed)
        return
    y = labels(gossip)
    gc_train, gc_test = random_split(gossip, args.seed)
    random_scores, random_model = run_split("gossipcop random", gc_train + celebrity + amt,
                                            gc_test, gc_train, args.seed)
    outlets = [e.record.outlet or e.record.id for e in gossip]
    grouped = GroupShuffleSplit(1, test_size=0.2, random_state=args.seed)
    train_idx, test_idx = next(grouped.split(np.zeros(len(y)), y, outlets))
    og_train, og_test = [gossip[i] for i in train_idx], [gossip[i] for i in test_idx]
    outlet_scores, _ = run_split("gossipcop unseen outlets", og_train + celebrity + amt,
                                 og_test, og_train, args.seed)
    print(f"gap unseen-outlet minus random: macro_f1 "
          f"{outlet_scores['macro_f1'] - random_scores['macro_f1']:+.3f}")
    pairs = [e.record.group or e.record.id for e in celebrity]
    grouped = GroupShuffleSplit(1, test_size=0.25, random_state=args.seed)
    train_idx, test_idx = next(grouped.split(np.zeros(len(pairs)), labels(celebrity), pairs))
    cel_train = [celebrity[i] for i in train_idx]
    run_split("celebrity pairs", cel_train + gossip + amt, [celebrity[i] for i in test_idx],
              cel_train, args.seed)
    run_grouped_folds("celebrity pairs", celebrity, pairs, gossip + amt, args.seed)
    run_grouped_folds("celebrity pairs, trained on Celebrity alone", celebrity, pairs, [],
                      args.seed, with_baseline=False)
    run_restyled(random_model, gc_test, args.restyled, args.seed)
    run_label_audit(gossip, celebrity + amt, args.seed)
    report_timing(random_model, gc_test[:100])


def run_restyled(bundle: object, test: list[Example], size: int, seed: int) -> None:
    """Scores on restyled copies of a test sample, against the same sample as written."""
    rng = np.random.default_rng(seed)
    sample = [test[i] for i in sorted(rng.choice(len(test), min(size, len(test)),
                                                 replace=False))]
    threshold = bundle.meta["threshold"]
    written = scores(bundle, sample)
    original = report_ours("restyle sample as written", labels(sample), written, threshold)
    for style in ("all", "tone_down"):
        started = time.perf_counter()
        examples = restyled_examples(sample, style, seed)
        p = scores(bundle, examples)
        y = labels(examples)
        drop = original["macro_f1"] - metrics(y, p, threshold)["macro_f1"]
        report_ours(f"restyled {style}", y, p, threshold,
                    f" drop_macro_f1={drop:+.3f} ({time.perf_counter() - started:.0f}s)")


def without_audited(gossip: list[Example], others: list[Example], audit: dict, seed: int,
                    weight: float | None = None) -> tuple[list[Example], np.ndarray, float]:
    """Fit on everything but the hand-read GossipCop pages (doubtful fakes at `weight`,
    the shipped weight by default); returns those pages, their p(false) and the cut."""
    held = [e for e in gossip if e.record.id in audit]
    train = [e for e in gossip if e.record.id not in audit] + others
    bundle = fit(train, seed, None if weight is None else label_weights(train, weight))
    return held, scores(bundle, held), bundle.meta["threshold"]


def run_label_audit(gossip: list[Example], others: list[Example], seed: int) -> None:
    """What GossipCop's labels measure (eval/label_audit.py), and how a model trained on
    everything but the hand-read pages scores each kind of them."""
    audit = read_label_audit()
    y = labels(gossip)
    n_fake, n_real = int(y.sum()), int(len(y) - y.sum())
    for line in (*audit_lines(audit, n_fake, n_real),
                 *agreement_lines(audit, read_second_reading(), n_fake, n_real)):
        print(line, flush=True)
    twinned, mixed, in_mixed = twin_conflicts([f"{e.record.title}\n{e.record.text}"
                                               for e in gossip], y)
    print(f"gossipcop pages with an identical twin: {twinned}; {mixed} groups of twins carry "
          f"both labels ({in_mixed} articles)", flush=True)
    held = [e for e in gossip if e.record.id in audit]
    print("what the extractor finds on them:", flush=True)
    for line in signal_lines(audit, {e.record.id: e.signals for e in held}):
        print(line, flush=True)
    celebrity = [e for e in others if e.source == "celebrity"]
    fakes = [e for e in held if e.record.y == 1]
    told = baseline(celebrity, fakes, seed)
    is_claim = [audit[e.record.id][1] != "benign" for e in fakes]
    print(f"TF-IDF + LR trained on Celebrity alone ranks the claim and denial pages among "
          f"these fakes above the benign ones: ROC AUC {roc_auc_score(is_claim, told):.3f}",
          flush=True)
    held, p, threshold = without_audited(gossip, others, audit, seed)
    print(f"ours, trained without them (threshold {threshold}):", flush=True)
    for line in model_lines(audit, {e.record.id: float(v) for e, v in zip(held, p, strict=True)},
                            threshold):
        print(line, flush=True)


def run_label_conflict(gossip: list[Example], celebrity: list[Example], amt: list[Example],
                       seed: int, weights: tuple[float, ...] = (1.0, 0.7, 0.4, 0.2, 0.0)) -> None:
    """GossipCop against Celebrity as doubtful GossipCop fakes (no anonymous or vague
    source) weigh less in training: the random GossipCop split, the Celebrity folds, and
    how often the hand-read claim and benign pages are called fake."""
    audit = read_label_audit()
    gc_train, gc_test = random_split(gossip, seed)
    pairs = [e.record.group or e.record.id for e in celebrity]
    for weight in weights:
        train = gc_train + celebrity + amt
        bundle = fit(train, seed, label_weights(train, weight))
        random_f1 = metrics(labels(gc_test), scores(bundle, gc_test),
                            bundle.meta["threshold"])["macro_f1"]
        yc, pc, cuts = labels(celebrity), np.zeros(len(celebrity)), np.zeros(len(celebrity))
        for cel_train, test, test_idx in grouped_folds(celebrity, pairs):
            train = cel_train + gossip + amt
            fold = fit(train, seed, label_weights(train, weight))
            pc[test_idx] = scores(fold, test)
            cuts[test_idx] = fold.meta["threshold"]
        celeb = metrics(yc, pc, cuts)
        held, ph, threshold = without_audited(gossip, celebrity + amt, audit, seed, weight)
        called = {e.record.id: v >= threshold for e, v in zip(held, ph, strict=True)}
        claim = np.mean([called[i] for i, (_, kind) in audit.items() if kind == "claim"])
        benign = np.mean([called[i] for i, (_, kind) in audit.items() if kind == "benign"])
        read = [kind != "benign" for _, kind in audit.values()]
        agreement = f1_score(read, [called[i] for i in audit], average="macro")
        print(f"doubtful gossipcop fakes weighted {weight}: gossipcop random macro-F1 "
              f"{random_f1:.3f}; celebrity 4 folds accuracy {celeb['accuracy']:.3f} (ECE "
              f"{celeb['ece']:.3f}); hand-read pages called fake: claim {claim:.2f}, "
              f"benign {benign:.2f}; macro-F1 against the reading {agreement:.3f}", flush=True)


def report_timing(bundle: object, sample: list[Example]) -> None:
    """Seconds per article of the full analysis and of `score` alone on the same texts."""
    from rumorscope.analyzer import Analyzer
    from rumorscope.credibility.dataset import article_of

    analyzer = Analyzer(credibility=False)  # scoring is timed on its own below
    articles = [article_of(e.record, None) for e in sample]
    started = time.perf_counter()
    analyses = list(analyzer.analyze_many(articles))
    analysis_s = (time.perf_counter() - started) / len(articles)
    started = time.perf_counter()
    for analysis in analyses:
        score(analysis, bundle)
    score_s = (time.perf_counter() - started) / len(articles)
    print(f"timing: analysis {analysis_s * 1000:.1f} ms/article, score {score_s * 1000:.2f} "
          f"ms/article = {100 * score_s / analysis_s:.1f}% of analysis")


if __name__ == "__main__":
    main()
