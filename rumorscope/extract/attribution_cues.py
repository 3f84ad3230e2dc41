"""Reporting cues ("said", "according to", "told", a colon) found by a trained linear model.

Which words report speech depends on context ("said" in "the said law" does not, "told"
does when a clause follows), so a logistic-regression model trained on PolNeAR's news
attributions (`python -m rumorscope.extract.attribution_train`) scores each token from
its word, lemma, tag, dependency arc, head and neighbours. Only words that were ever
part of a cue in training are scored, which keeps the step cheap; neighbouring cue
tokens are joined into one cue span ("has learned", "said in a statement").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

MODEL_FILE = "attribution_cues.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
THRESHOLD = 0.5
QUOTE_TOKENS = frozenset({"“", "”", "‘", "’", '"', "'", "''", "``"})


@dataclass(frozen=True)
class CueModel:
    """Weights of the cue classifier and the vocabulary of words it scores."""

    weights: dict[str, float]
    bias: float
    vocab: frozenset[str]
    threshold: float = THRESHOLD

    @cached_property
    def vocab_hashes(self) -> frozenset[int]:
        """The vocabulary as spaCy string hashes, to test tokens without building them."""
        return frozenset(hash_string(w) for w in self.vocab)

    def probability(self, features: list[str]) -> float:
        """P(token is part of a cue) under the logistic model."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=1)
def load_model() -> CueModel:
    """The shipped model, read once per process."""
    data = json.loads((DATA_DIR / MODEL_FILE).read_text("utf-8"))
    return CueModel(data["weights"], data["bias"], frozenset(data["vocab"]),
                    data.get("threshold", THRESHOLD))


def quote_mask(doc: Doc, quotes: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside a quotation (character spans)."""
    mask = [False] * len(doc)
    for start, end in quotes:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def token_features(tok: Token, in_quote: bool) -> list[str]:
    """Sparse features of one token: itself, its arc, its head, its children, its neighbours."""
    doc = tok.doc
    lower, lemma = tok.lower_, tok.lemma_.lower()
    prev1 = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    next1 = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    prev2 = doc[tok.i - 2].lower_ if tok.i > 1 else "<s>"
    next2 = doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else "</s>"
    head = tok.head
    feats = [
        "w=" + lower, "l=" + lemma, "t=" + tok.tag_, "d=" + tok.dep_,
        "ld=" + lemma + "|" + tok.dep_, "lt=" + lemma + "|" + tok.tag_,
        "h=" + head.lemma_.lower(), "hd=" + head.dep_, "ht=" + head.tag_,
        "p1=" + prev1, "n1=" + next1, "p2=" + prev2, "n2=" + next2,
        "bg=" + lower + "|" + next1, "pb=" + prev1 + "|" + lower,
        "lh=" + lemma + "|" + head.lemma_.lower(),
        "q=" + ("1" if in_quote else "0"),
    ]
    for c in tok.children:
        feats.append("c=" + c.dep_)
        feats.append("lc=" + lemma + "|" + c.dep_)
        if c.dep_ in {"nsubj", "nsubjpass"}:
            feats.append("sp=" + c.pos_ + "|" + c.ent_type_)
    if prev1 in QUOTE_TOKENS or prev2 in QUOTE_TOKENS:
        feats.append("after_quote")
    if next1 in QUOTE_TOKENS or next2 in QUOTE_TOKENS:
        feats.append("before_quote")
    return feats


def cue_token_flags(doc: Doc, model: CueModel, in_quote: list[bool]) -> list[bool]:
    """For each token, whether the model takes it for part of a cue."""
    flags = [False] * len(doc)
    vocab = model.vocab_hashes
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower in vocab:
            p = model.probability(token_features(doc[i], in_quote[i]))
            flags[i] = p >= model.threshold
    return flags


def cue_spans(doc: Doc, flags: list[bool]) -> list[tuple[int, int]]:
    """Runs of cue tokens as token spans [start, end), never crossing a sentence start."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, flag in enumerate([*flags, False]):
        boundary = i < len(doc) and doc[i].is_sent_start and start is not None
        if start is not None and (not flag or boundary):
            spans.append((start, i))
            start = None
        if flag and start is None:
            start = i
    return [expand(doc, *s) for s in spans if _meaningful(doc, *s)]


def expand(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Complete fixed phrases the model may cut: "as reported by", "according to"."""
    if start > 0 and doc[start - 1].lower_ == "as" and doc[start].tag_ == "VBN":
        start -= 1
    if end < len(doc) and doc[end].lower_ == "by" and doc[end].dep_ == "agent" \
            and doc[start].lower_ == "as":
        end += 1
    if doc[end - 1].lower_ == "according" and end < len(doc) and doc[end].lower_ == "to":
        end += 1
    return start, end


def _meaningful(doc: Doc, start: int, end: int) -> bool:
    """A cue needs a content word or a colon ("in", "the" alone are not cues)."""
    return any(t.pos_ in {"VERB", "NOUN", "AUX", "ADJ", "PROPN"} or t.text == ":"
               or t.lower_ == "according" for t in doc[start:end])
