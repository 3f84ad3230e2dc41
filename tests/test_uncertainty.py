"""Sentence-level uncertainty: the shipped model, its split, its lazy loading."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from rumorscope.extract import uncertainty
from rumorscope.extract.uncertainty import sentence_uncertainty, uncertainty_threshold


def test_scores_are_probabilities_in_input_order():
    texts = ["Mara Quill was born in Leeds in 1990.", "Mara may perhaps have moved to Leeds."]
    scores = sentence_uncertainty(texts)
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[1] > scores[0]


def test_empty_input():
    assert sentence_uncertainty([]) == []


@pytest.mark.parametrize("text", [
    "Many critics believe that the album was rushed.",
    "The band is widely considered one of the most influential of its era.",
    "The singer reportedly wed her manager, although this has never been confirmed.",
    "Some historians suggest the castle was probably built earlier.",
])
def test_uncertain_sentences_pass_the_threshold(text):
    assert sentence_uncertainty([text])[0] >= uncertainty_threshold()


@pytest.mark.parametrize("text", [
    "The station opened in 1912.",
    "The river flows through the town centre.",
    "She married the actor in June 2004 in London.",
])
def test_plain_sentences_stay_below_the_threshold(text):
    assert sentence_uncertainty([text])[0] < uncertainty_threshold()


def test_cue_tokens_pool_hedge_and_weasel_families():
    tokens = uncertainty.with_cue_tokens("Some fans say she might be pregnant.").split()
    assert "zzcuemodal" in tokens
    assert "zzcuequantifier" in tokens
    assert "zzcuevague_agent" in tokens


def test_split_is_fixed_and_disjoint():
    texts = [f"sentence {i}" for i in range(200)]
    labels = [i % 2 for i in range(200)]
    a = uncertainty.split_sentences(texts, labels)
    b = uncertainty.split_sentences(texts, labels)
    assert a == b
    parts = [set(a.train[0]), set(a.dev[0]), set(a.test[0])]
    assert [len(p) for p in parts] == [140, 30, 30]
    assert not (parts[0] & parts[1] or parts[0] & parts[2] or parts[1] & parts[2])


def test_model_loads_lazily():
    code = ("import sys, rumorscope.extract.uncertainty as u; "
            "print('sklearn' in sys.modules, u.load_model.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "0"]


def test_model_card_records_training(shared):
    card = uncertainty.model_card()
    data = shared / "data" / "hedging" / card["data"]
    assert hashlib.sha256(data.read_bytes()).hexdigest() == card["data_sha256"]
    assert card["seed"] == uncertainty.SEED
    assert uncertainty.MODEL_FILE.stat().st_size < 2_000_000


def test_test_split_score_floor(shared):
    """Eval-style floor on the held-out test split (CoNLL-2010 best Wikipedia: 0.602)."""
    texts, labels = uncertainty.read_sentences(
        shared / "data" / "hedging" / "wikiweasel_sentences_train.csv")
    test_texts, test_labels = uncertainty.split_sentences(texts, labels).test
    threshold = uncertainty_threshold()
    predicted = [s >= threshold for s in sentence_uncertainty(test_texts)]
    assert uncertainty.prf(test_labels, predicted)[2] >= 0.62
