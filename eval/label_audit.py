"""What GossipCop's labels measure: a hand-read sample, and pages that carry both labels.

FakeNewsNet labelled GossipCop pages by the Gossip Cop verdict whose search results they
came from, not by what the page says. So a list of award winners, or a denial of the
rumour, can be "fake", and one page crawled for two verdicts carries both labels. These
helpers turn the hand-read sample (`gossipcop_label_audit.tsv`) and the set's identical
pages into figures `eval.credibility` prints beside the model's, so a reader can tell how
much of the fake class a judge of the page's own claims could find.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
from scipy.sparse.csgraph import connected_components
from scipy.stats import binomtest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import cohen_kappa_score

from rumorscope.credibility.train import hearsay

AUDIT = Path(__file__).with_name("gossipcop_label_audit.tsv")
LABELS = ("fake", "real")
KINDS = ("claim", "debunk", "benign")
TWIN_COSINE = 0.95  # word TF-IDF cosine at which two pages are the same page
T = TypeVar("T")


def _rows(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, line, its tab-separated fields) of the audit's data lines."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line and not line.startswith("#") and not line.startswith("id\t"):
            yield number, line, line.split("\t")


def read_label_audit(path: Path = AUDIT) -> dict[str, tuple[str, str]]:
    """Article id -> (its label, what its page says: claim, debunk or benign)."""
    audit = {}
    for number, line, fields in _rows(path):
        if len(fields) < 3 or fields[1] not in LABELS or fields[2] not in KINDS:
            raise ValueError(f"{path}:{number}: expected id, fake|real, "
                             f"claim|debunk|benign; got {line[:60]!r}")
        audit[fields[0]] = (fields[1], fields[2])
    return audit


def read_second_reading(path: Path = AUDIT) -> dict[str, str]:
    """Article id -> the kind a second reader gave the page (the `second` column), for
    the lines that have one."""
    second = {}
    for number, _, fields in _rows(path):
        if len(fields) >= 5 and fields[3]:
            if fields[3] not in KINDS:
                raise ValueError(f"{path}:{number}: unknown second reading {fields[3]!r}")
            second[fields[0]] = fields[3]
    return second


def agreement_lines(audit: dict[str, tuple[str, str]], second: dict[str, str],
                    n_fake: int, n_real: int) -> list[str]:
    """How far the second reading agrees with the first, and the judges by it."""
    both = [i for i in audit if i in second]
    if not both:
        return []
    first_kinds = [audit[i][1] for i in both]
    second_kinds = [second[i] for i in both]
    same = sum(a == b for a, b in zip(first_kinds, second_kinds, strict=True))
    kappa = cohen_kappa_score(first_kinds, second_kinds)
    story = cohen_kappa_score([k != "benign" for k in first_kinds],
                              [k != "benign" for k in second_kinds])
    lines = [f"a second reader, blind to the labels, gives the same kind to {same} of "
             f"{len(both)} pages (Cohen's kappa {kappa:.2f}; benign or not: {story:.2f})"]
    relabelled = {i: (audit[i][0], second[i]) for i in both}
    for line in audit_lines(relabelled, n_fake, n_real):
        lines.append(f"  by the second reading: {line}")
    return lines


def kind_shares(audit: dict[str, tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per label, the share of its audited pages of each kind."""
    counts = Counter(audit.values())
    shares = {}
    for label in LABELS:
        total = sum(counts[(label, kind)] for kind in KINDS)
        shares[label] = {kind: counts[(label, kind)] / total if total else 0.0
                         for kind in KINDS}
    return shares


def judge(shares: dict[str, dict[str, float]], n_fake: int, n_real: int,
          fake_kinds: tuple[str, ...] = ("claim", "debunk")) -> dict[str, float]:
    """Expected accuracy and macro-F1 on the labels of a judge that reads each page
    perfectly and calls it fake exactly when its kind is in `fake_kinds`: the audited
    shares scaled to the set's class sizes. The default judges the story (a denial is
    about a false story too); ("claim",) judges what the page itself asserts."""
    tp = sum(shares["fake"][kind] for kind in fake_kinds) * n_fake
    fn = n_fake - tp
    fp = sum(shares["real"][kind] for kind in fake_kinds) * n_real
    tn = n_real - fp
    f1_fake = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    f1_real = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return {"accuracy": (tp + tn) / (n_fake + n_real), "macro_f1": (f1_fake + f1_real) / 2}


def wilson(successes: int, n: int) -> tuple[float, float]:
    """95% Wilson interval of a proportion: honest on samples of 50 or 100."""
    if not n:
        return (0.0, 1.0)
    interval = binomtest(successes, n).proportion_ci(method="wilson")
    return (float(interval.low), float(interval.high))


def audit_lines(audit: dict[str, tuple[str, str]], n_fake: int, n_real: int) -> list[str]:
    """The shares read by hand, with intervals, and what perfect judges would score."""
    counts = Counter(audit.values())
    lines = []
    for label in LABELS:
        total = sum(counts[(label, kind)] for kind in KINDS)
        parts = []
        for kind in KINDS:
            low, high = wilson(counts[(label, kind)], total)
            parts.append(f"{kind} {counts[(label, kind)]} ({counts[(label, kind)] / total:.0%}, "
                         f"95% {low:.0%}-{high:.0%})" if total else f"{kind} 0")
        lines.append(f"gossipcop {label}-labelled pages read by hand ({total}): "
                     + ", ".join(parts))
    shares = kind_shares(audit)
    for what, kinds in (("story (fake when it relays or denies an unconfirmed claim)",
                         ("claim", "debunk")),
                        ("own claims (fake when it relays one)", ("claim",))):
        figures = judge(shares, n_fake, n_real, kinds)
        lines.append(f"a perfect judge of each page's {what} would score on these labels: "
                     f"accuracy {figures['accuracy']:.3f}, macro-F1 {figures['macro_f1']:.3f}")
    return lines


def by_kind(audit: dict[str, tuple[str, str]], values: dict[str, T]
            ) -> Iterator[tuple[str, str, list[T]]]:
    """(label, kind, the values of the audited pages of that label and kind), for each
    label and kind that has any."""
    for label in LABELS:
        for kind in KINDS:
            rows = [values[i] for i, lk in audit.items() if lk == (label, kind) and i in values]
            if rows:
                yield label, kind, rows


def model_lines(audit: dict[str, tuple[str, str]], p_false: dict[str, float],
                threshold: float) -> list[str]:
    """How a model trained without the audited pages scores each (label, kind)."""
    return [f"  {label}-labelled {kind} pages ({len(scores)}): called fake "
            f"{np.mean(np.array(scores) >= threshold):.2f}, mean p(false) {np.mean(scores):.2f}"
            for label, kind, scores in by_kind(audit, p_false)]


def twin_conflicts(texts: Sequence[str], labels: Sequence[int],
                   cosine: float = TWIN_COSINE) -> tuple[int, int, int]:
    """Pages that are the same page (cosine >= `cosine`): (articles with a twin, groups of
    twins carrying both labels, articles in those groups)."""
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    similar = (vectors @ vectors.T).tocsr()
    similar.setdiag(0)
    similar.data = (similar.data >= cosine).astype(np.int8)
    similar.eliminate_zeros()
    _, component = connected_components(similar, directed=False)
    sizes = np.bincount(component)
    fakes = np.bincount(component, weights=np.asarray(labels, dtype=float))
    mixed = (fakes > 0) & (fakes < sizes)
    return int((sizes[component] > 1).sum()), int(mixed.sum()), int(sizes[mixed].sum())


def signal_lines(audit: dict[str, tuple[str, str]], signals: dict[str, dict[str, float]]
                 ) -> list[str]:
    """What the extractor, not the reader, finds on each (label, kind): if the reading is
    right, benign fake-labelled pages look like real ones, not like claim pages."""
    return [f"  {label}-labelled {kind} pages ({len(rows)}): anonymous or vague sources "
            f"{np.mean([hearsay(r) for r in rows]):.2f} per page, none on "
            f"{np.mean([hearsay(r) == 0 for r in rows]):.0%}, hedges per 100 words "
            f"{np.mean([r.get('hedge_rate', 0.0) for r in rows]):.2f}"
            for label, kind, rows in by_kind(audit, signals)]
