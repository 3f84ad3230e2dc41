"""The GossipCop label audit: reading it, what perfect judges would score, twin pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eval.label_audit import (
    KINDS,
    LABELS,
    agreement_lines,
    audit_lines,
    judge,
    kind_shares,
    model_lines,
    read_label_audit,
    read_second_reading,
    signal_lines,
    twin_conflicts,
    wilson,
)


def _toy_audit(tmp_path: Path) -> dict[str, tuple[str, str]]:
    rows = ["# comment", "id\tlabel\tkind\ttitle", "f1\tfake\tclaim\tA", "f2\tfake\tdebunk\tB",
            "f3\tfake\tbenign\tC", "f4\tfake\tbenign\tD", "r1\treal\tbenign\tE",
            "r2\treal\tclaim\tF"]
    path = tmp_path / "audit.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return read_label_audit(path)


def test_shares_and_the_judges_they_imply(tmp_path):
    """Half the fakes carry no claim: a judge of the story finds only the other half, and
    each real page that relays a claim costs it a false alarm."""
    audit = _toy_audit(tmp_path)
    assert audit["f2"] == ("fake", "debunk") and len(audit) == 6
    shares = kind_shares(audit)
    assert shares["fake"] == {"claim": 0.25, "debunk": 0.25, "benign": 0.5}
    assert shares["real"]["claim"] == 0.5
    story = judge(shares, n_fake=100, n_real=100)
    # tp 50, fn 50, fp 50, tn 50
    assert story == {"accuracy": 0.5, "macro_f1": 0.5}
    own = judge(shares, n_fake=100, n_real=100, fake_kinds=("claim",))
    # tp 25, fn 75, fp 50, tn 50: F1 fake 50/175, F1 real 100/225
    assert own["accuracy"] == pytest.approx(0.375)
    assert own["macro_f1"] == pytest.approx((50 / 175 + 100 / 225) / 2)
    lines = audit_lines(audit, 100, 100)
    assert lines[0].startswith("gossipcop fake-labelled pages read by hand (4): claim 1 (25%")
    assert "macro-F1 0.500" in lines[2] and "own claims" in lines[3]


def test_model_lines_report_each_label_and_kind(tmp_path):
    audit = _toy_audit(tmp_path)
    lines = model_lines(audit, {"f1": 0.9, "f3": 0.2, "f4": 0.6, "r1": 0.1}, threshold=0.5)
    assert "  fake-labelled claim pages (1): called fake 1.00, mean p(false) 0.90" in lines
    assert "  fake-labelled benign pages (2): called fake 0.50, mean p(false) 0.40" in lines
    assert not any("debunk" in line for line in lines)  # f2 was not scored
    seen = signal_lines(audit, {"f1": {"count_anonymous": 2, "count_unspecified": 1,
                                       "hedge_rate": 1.5},
                                "f3": {"count_anonymous": 0}, "f4": {"count_anonymous": 1}})
    assert seen == ["  fake-labelled claim pages (1): anonymous or vague sources 3.00 per page, "
                    "none on 0%, hedges per 100 words 1.50",
                    "  fake-labelled benign pages (2): anonymous or vague sources 0.50 per page, "
                    "none on 50%, hedges per 100 words 0.00"]


def test_a_malformed_line_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tlabel\tkind\ngossipcop-1\tfake\trumour\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2: expected id"):
        read_label_audit(bad)


def test_a_second_reading_is_compared_with_the_first(tmp_path):
    """Agreement counts kinds; kappa discounts chance; the judges are recomputed from the
    second reader's kinds; a line without a second reading is left out of the comparison."""
    rows = ["id\tlabel\tkind\tsecond\ttitle", "f1\tfake\tclaim\tclaim\tA",
            "f2\tfake\tbenign\tclaim\tB", "f3\tfake\tbenign\tbenign\tC",
            "r1\treal\tbenign\tbenign\tD", "r2\treal\tclaim\t\tE"]
    path = tmp_path / "audit.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    audit, second = read_label_audit(path), read_second_reading(path)
    assert second == {"f1": "claim", "f2": "claim", "f3": "benign", "r1": "benign"}
    lines = agreement_lines(audit, second, 100, 100)
    assert lines[0].startswith("a second reader, blind to the labels, gives the same kind to "
                               "3 of 4 pages (Cohen's kappa 0.50")
    # by the second reading two of three fakes relay a claim and no real page does
    assert "claim 2 (67%" in lines[1]
    assert agreement_lines(audit, {}, 100, 100) == []
    path.write_text("f1\tfake\tclaim\trumour\tA\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"audit\.tsv:1: unknown second reading 'rumour'"):
        read_second_reading(path)


def test_wilson_interval_brackets_the_share():
    low, high = wilson(42, 100)
    assert 0.32 < low < 0.42 < high < 0.53
    assert wilson(0, 0) == (0.0, 1.0)


def test_twins_with_both_labels_are_counted():
    page = "Kim and Kanye allegedly decided to undergo counseling, an insider claims."
    other = "The complete list of winners from the 2018 Grammy Awards, category by category."
    third = "Taylor Swift won her countersuit against a former radio host on Monday."
    texts = [page, page + " ", other, other, third]
    twinned, mixed, in_mixed = twin_conflicts(texts, [1, 0, 1, 1, 0])
    assert (twinned, mixed, in_mixed) == (4, 1, 2)


def test_shipped_audit_matches_the_data(shared):
    """Every audited id is a GossipCop article with the label the audit gives it."""
    audit = read_label_audit()
    assert len(audit) == 250
    assert {kind for _, kind in audit.values()} == set(KINDS)
    assert {label for label, _ in audit.values()} == set(LABELS)
    assert set(read_second_reading()) == set(audit)
    with gzip.open(shared / "data" / "gossipcop" / "articles.jsonl.gz", "rt",
                   encoding="utf-8") as handle:
        labels = {row["id"]: row["label"] for row in map(json.loads, handle)
                  if row["id"] in audit}
    assert labels == {i: label for i, (label, _) in audit.items()}
