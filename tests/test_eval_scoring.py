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


def _attribution(source: tuple[int, int], explicit: bool):
    from rumorscope.schema import Attribution, Source, TextSpan

    return Attribution(id="a1", source=Source(text="x", span=source, type="named_person",
                                              explicit=explicit),
                       cue=TextSpan(text="x", span=(10, 14)),
                       content=TextSpan(text="x", span=(15, 30)), direct_quote=False)


def test_polnear_counts_a_stand_in_source_as_no_source():
    from eval.polnear import pred_roles, triple_match
    from rumorscope.extract.attribution_train import GoldAttribution

    sourceless = GoldAttribution(cue=[(10, 14)], content=[(15, 30)])
    sourced = GoldAttribution(source=[(0, 5)], cue=[(10, 14)], content=[(15, 30)])
    stand_in, named = _attribution((0, 5), False), _attribution((0, 5), True)
    assert triple_match(stand_in, sourceless) and not triple_match(stand_in, sourced)
    assert triple_match(named, sourced) and not triple_match(named, sourceless)
    assert pred_roles([stand_in])["source"] == [] and pred_roles([named])["source"] == [(0, 5)]
