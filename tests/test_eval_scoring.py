"""The shared scoring bookkeeping of eval/: counts, ratios and the printed line."""

from __future__ import annotations

from eval.scoring import PRF, greedy_match, overlaps


def test_prf_counts_and_line():
    prf = PRF()
    prf.add(tp=3, n_pred=4, n_gold=6)
    assert (prf.tp, prf.fp, prf.fn) == (3, 1, 3)
    assert prf.precision == 0.75 and prf.recall == 0.5
    assert prf.line("x") == "x: precision 0.750 recall 0.500 F1 0.600 (tp 3, fp 1, fn 3)"


def test_averaged_counts_print_cleanly():
    prf = PRF(tp=375.99999999999994, fp=0.5, fn=2.0)
    assert prf.line("y").endswith("(tp 376, fp 0.5, fn 2)")


def test_greedy_match_is_one_to_one():
    assert greedy_match([(0, 5), (1, 4)], [(0, 5)], overlaps) == 1
    assert greedy_match([(0, 5), (6, 9)], [(0, 5), (6, 9)], overlaps) == 2
    assert not overlaps((0, 5), (5, 9))
