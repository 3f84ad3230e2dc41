"""Reporting cues ("said", "according to", "told", a colon) found by two trained linear models.

Which words report speech depends on context ("said" in "the said law" does not, "told"
does when a clause follows), so a logistic-regression model trained on PolNeAR's news
attributions (`python -m rumorscope.extract.attribution_train`) scores each token from
its word, lemma, tag, dependency arc, head and neighbours. Only words (or lemmas) that
were part of cues in training are scored, which keeps the step cheap; neighbouring cue
tokens are joined into one cue span ("has learned", "said in a statement").
The token model is only sure of a word once the frame around it is known, so a low cut
makes candidates and a second model (`candidate_features`) keeps or drops each one after
its source and content have been read off the parse, seeing the other candidates around
it too (`rival_features`: a weaker cue beside a likelier one, or inside the content of the
report just kept, is less often a report of its own).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

MODEL_FILE = "attribution_cues.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
THRESHOLD = 0.5
# Words that cite as prepositions do: the phrase after them is the source and the rest of
# the clause the content ("according to TMZ, ...", "Per Page Six, ...").
CITING_PREPOSITIONS = frozenset({"according", "per"})
QUOTE_TOKENS = frozenset({"“", "”", "‘", "’", '"', "'", "''", "``"})


@dataclass(frozen=True)
class Linear:
    """A logistic model over sparse binary features, with its decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float = THRESHOLD

    def probability(self, features: list[str]) -> float:
        """P(positive) under the logistic model."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class CueModel:
    """The token classifier with the words it scores, and the second stage that keeps or
    drops each candidate cue once its source and content are known."""

    tokens: Linear
    vocab: frozenset[str]
    spans: Linear | None = None
    extent: float = THRESHOLD
    lemmas: frozenset[str] = frozenset()

    @cached_property
    def vocab_hashes(self) -> frozenset[int]:
        """The vocabulary as spaCy string hashes, to test tokens without building them."""
        return frozenset(hash_string(w) for w in self.vocab)

    @cached_property
    def lemma_hashes(self) -> frozenset[int]:
        """The lemmas scored whatever their inflection ("maintains" for "maintain")."""
        return frozenset(hash_string(w) for w in self.lemmas)


@lru_cache(maxsize=1)
def load_model() -> CueModel:
    """The shipped model, read once per process."""
    data = json.loads((DATA_DIR / MODEL_FILE).read_text("utf-8"))
    spans = data.get("spans")
    return CueModel(Linear(data["weights"], data["bias"], data.get("threshold", THRESHOLD)),
                    frozenset(data["vocab"]),
                    Linear(spans["weights"], spans["bias"], spans["threshold"]) if spans else None,
                    data.get("extent", data.get("threshold", THRESHOLD)),
                    frozenset(data.get("lemmas", ())))


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


def cue_token_probs(doc: Doc, model: CueModel, in_quote: list[bool]) -> list[float]:
    """For each token, the model's probability that it is part of a cue (0 outside the
    vocabulary)."""
    probs = [0.0] * len(doc)
    vocab, lemmas = model.vocab_hashes, model.lemma_hashes
    for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        if lower in vocab or lemma in lemmas:
            probs[i] = model.tokens.probability(token_features(doc[i], in_quote[i]))
    return probs


def cue_spans(doc: Doc, probs: list[float], candidate: float, extent: float
              ) -> list[tuple[int, int]]:
    """Runs of tokens whose probability reaches `candidate`, as token spans [start, end),
    never crossing a sentence start; a run loses the edge words below `extent` (the words
    the model is sure of make the cue, the doubtful ones only make it a candidate)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, p in enumerate([*probs, 0.0]):
        flag = p >= candidate
        boundary = start is not None and flag and doc[i].is_sent_start
        if start is not None and (not flag or boundary):
            spans.append(_tighten(probs, start, i, extent))
            start = None
        if flag and start is None:
            start = i
    return [expand(doc, *s) for s in spans if _meaningful(doc, *s)]


def _tighten(probs: list[float], start: int, end: int, extent: float) -> tuple[int, int]:
    """The run without its edge tokens below `extent`, keeping at least its likeliest one."""
    best = max(range(start, end), key=probs.__getitem__)
    while start < best and probs[start] < extent:
        start += 1
    while end - 1 > best and probs[end - 1] < extent:
        end -= 1
    return start, end


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
    """A cue needs a content word or a colon ("in", "the" alone are not cues), or is one
    of the prepositions that cite: "according to", a sentence's opening "Per"."""
    return any(t.pos_ in {"VERB", "NOUN", "AUX", "ADJ", "PROPN"} or t.text == ":"
               or t.lower_ == "according" or (t.lower_ == "per" and t.is_sent_start)
               for t in doc[start:end])


def _bin(n: int, edges: tuple[int, ...] = (1, 2, 4, 9, 21)) -> int:
    """Which of the length classes [1], [2, 4), [4, 9), ... `n` falls in."""
    return sum(n >= e for e in edges)


def candidate_features(doc: Doc, cue: tuple[int, int], head: Token, prob: float,
                       source: tuple[int, int], content: tuple[int, int], kind: str,
                       in_quote: bool) -> list[str]:
    """Features of one candidate attribution (token spans), for the second stage: how sure
    the token model was, what the cue word is, and what the parse found around it; a
    word that is a cue in one frame ("a deal he *announced*") is not in another."""
    lemma, pos = head.lemma_.lower(), head.pos_
    src = doc[source[0]:source[1]].root
    con = doc[content[0]:content[1]].root
    src_kind = src.lower_ if src.pos_ == "PRON" else src.pos_ + "|" + src.ent_type_
    con_dep = con.dep_ if con.head == head else "far"
    side = "before" if content[1] <= cue[0] else "after" if content[0] >= cue[1] else "around"
    pb = str(min(9, int(prob * 10)))
    return [
        "pb=" + pb, "pbp=" + pb + "|" + pos, "hl=" + lemma, "hp=" + pos, "hd=" + head.dep_,
        "ht=" + head.tag_, "hld=" + lemma + "|" + head.dep_, "len=" + str(min(3, cue[1] - cue[0])),
        "sk=" + src_kind, "lsk=" + lemma + "|" + src_kind,
        "sd=" + ("before" if source[1] <= cue[0] else "after"),
        "sl=" + str(_bin(source[1] - source[0])),
        "ck=" + kind, "lck=" + lemma + "|" + kind, "cd=" + con_dep, "lcd=" + lemma + "|" + con_dep,
        "cs=" + side, "cl=" + str(_bin(content[1] - content[0])),
        "q=" + ("1" if in_quote else "0"),
        "first=" + ("1" if head.i == head.sent.start else "0"),
        "pos=" + str(_bin(head.i - head.sent.start)), "gap=" + str(_bin(_gap(source, cue))),
        "up=" + head.head.lemma_.lower() + "|" + head.dep_, "lpb=" + lemma + "|" + pb,
        *("ch=" + c.dep_ for c in head.children),
        *("lch=" + lemma + "|" + c.dep_ for c in head.children),
        "ct=" + doc[cue[0]:cue[1]].text.lower(), "sr=" + src.lemma_.lower(),
        "se=" + src.ent_type_, "lcs=" + lemma + "|" + side, "cp=" + con.pos_,
        "skk=" + src_kind + "|" + kind, "htk=" + head.tag_ + "|" + kind,
    ]


def rival_features(probs: list[float], cues: list[tuple[int, int]], sent_of: list[int],
                   cue: tuple[int, int], content: tuple[int, int],
                   last: tuple[int, tuple[int, int]] | None) -> list[str]:
    """Second-stage features from the other candidates (token spans): how many share the
    cue's sentence and whether it is the likeliest of them, whether one lies in its content
    (a report of a report), and how far back the last kept report is (`last`: its sentence
    and content) and whether this cue lies inside that report's content."""
    start, end = cue
    own = max(probs[start:end])
    rivals = [max(probs[s:e]) for s, e in cues if sent_of[s] == sent_of[start] and s != start]
    after = "none" if last is None else str(min(3, sent_of[start] - last[0]))
    nested = last is not None and last[1][0] <= start < last[1][1]
    return ["riv=" + str(min(3, len(rivals))), "top=" + str(int(own >= max(rivals, default=0))),
            "inside=" + str(int(any(content[0] <= s < content[1] for s, _ in cues))),
            "last=" + after, "nested=" + str(int(nested))]


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens between two token spans."""
    return max(0, b[0] - a[1], a[0] - b[1])
