"""Rebuild the shipped cue models from PolNeAR's training articles, reproducibly.

    python -m rumorscope.extract.attribution_train --data ../shared/data/polnear/train

Reads the brat standoff files, parses the texts with the project's spaCy pipeline, labels
each token that lies in a gold cue, and fits a logistic regression (fixed seed) over the
features of `attribution_cues.token_features`, for the words (and, whatever their
inflection, the lemmas: "maintains" for "maintain") that were in a cue at least twice and
in 2% of their uses. Its regularisation and the probability cut that bounds a
cue's extent are those that do best on every tenth training article when fit on the
others; the final model is fit on all of them.
The second stage learns from every candidate cue (token probability >= 0.2) of every
article, scored by token models fit without that article (5 folds), a candidate being
positive when it overlaps a gold cue; its regularisation and cut (`SPAN_C`,
`SPAN_THRESHOLD`) are those that did best end to end on every tenth article when the
models were fit on the other nine (the cut was last re-chosen so, 0.40 to 0.45, when
lemmas joined the vocabulary).
Writes `rumorscope/data/attribution_cues.json` (weights, vocabulary, cuts, second stage)
and, beside it, `attribution_cues.meta.json` with the
sha256 of every input file taken together and the training settings. Articles with
several annotators are used once, with the first annotator's file (sorted by name).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from rumorscope.extract.attribution_cues import quote_mask, token_features
from rumorscope.extract.quotes import find_quotes

OUT_DIR = Path(__file__).resolve().parent.parent / "data"
SEED = 13
MIN_VOCAB_COUNT = 2
CS = (0.1, 0.3, 1.0)
MIN_CUE_RATE = 0.02
MIN_WEIGHT = 0.02
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# Token probability from which a word is a candidate cue for the second stage.
CANDIDATE_THRESHOLD = 0.2
FOLDS = 5
# The second stage's regularisation and cut: the best end-to-end F1 (all three roles) on
# every tenth training article, the rest training both stages. Picking them by F1 over
# candidates favoured too low a cut: a wrong candidate also costs a source and a content.
SPAN_C = 0.1
SPAN_THRESHOLD = 0.45
MIN_SPAN_WEIGHT = 0.001
ENTITY_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
EVENT_LINE = re.compile(r"^E\d+\t(.+)$", re.M)

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: each part is a list of (possibly discontinuous) spans."""

    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one brat .ann file (Source, Cue, Content roles of each event)."""
    raw = path.read_text(encoding="utf-8")
    spans: dict[str, Spans] = {}
    for tid, _label, offsets in ENTITY_LINE.findall(raw):
        spans[tid] = [(int(a), int(b)) for a, b in
                      (part.split() for part in offsets.split(";"))]
    found = []
    for body in EVENT_LINE.findall(raw):
        gold = GoldAttribution()
        for arg in body.split():
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ("source", "cue", "content") and tid in spans:
                getattr(gold, role).extend(spans[tid])
        if gold.cue:
            found.append(gold)
    return found


def read_split(folder: Path) -> list[tuple[str, str, list[list[GoldAttribution]]]]:
    """(name, text, one attribution list per annotator file) for each article of a split."""
    articles = []
    for text_file in sorted((folder / "text").glob("*.txt")):
        name = text_file.stem
        anns = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        text = text_file.read_text(encoding="utf-8")
        articles.append((name, text, [read_ann(a) for a in anns]))
    return articles


def data_sha256(folder: Path) -> str:
    """One digest over every text and .ann file of the split, in name order."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".ann"):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def project_nlp() -> Language:
    """The project's spaCy model with its paragraph splitter, without our extractors."""
    from rumorscope.pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("rumorscope_paragraphs", before="parser")
    return nlp


def parsed(nlp: Language, texts: list[str], cache: Path | None) -> list[Doc]:
    """Parse `texts`, reusing a DocBin cache of the same texts when one is given and exists."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def token_examples(docs: list[Doc], articles
                   ) -> tuple[list[list[str]], list[int], list[str], list[str]]:
    """Features, 0/1 labels, lowercased word and lemma of every token."""
    feats, labels, words, lemmas = [], [], [], []
    for (_name, _text, anns), doc in zip(articles, docs, strict=True):
        gold = anns[0] if anns else []
        cue_chars = {i for g in gold for s, e in g.cue for i in range(s, e)}
        quotes = [(q.start, q.end) for q in find_quotes(doc.text)]
        in_quote = quote_mask(doc, quotes)
        for tok in doc:
            labels.append(int(any(i in cue_chars for i in range(tok.idx, tok.idx + len(tok)))))
            feats.append(token_features(tok, in_quote[tok.i]))
            words.append(tok.lower_)
            lemmas.append(tok.lemma_.lower())
    return feats, labels, words, lemmas


def cue_vocabulary(words: list[str], labels: list[int]) -> list[str]:
    """Words that were part of a cue often enough, absolutely and relative to their use."""
    seen = Counter(words)
    in_cue = Counter(w for w, y in zip(words, labels, strict=True) if y)
    return sorted(w for w, n in in_cue.items()
                  if n >= MIN_VOCAB_COUNT and n / seen[w] >= MIN_CUE_RATE and w.strip())


def model(c: float):
    """The logistic regression with the project's fixed settings, unfitted."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=SEED)


def fit(x, y, c: float):
    return model(c).fit(x, y)


def pick_settings(x, y, held_out: list[bool]) -> tuple[float, float]:
    """Regularisation and probability cut (the cue's extent) of the token model that
    maximise token F1 on every tenth article, fit on the rest."""
    import numpy as np

    mask = np.array(held_out)
    y = np.array(y)
    gold = y[mask] == 1

    def f1(probs, t: float) -> float:
        pred = probs >= t
        tp = float((pred & gold).sum())
        return 2 * tp / (pred.sum() + gold.sum()) if tp else 0.0

    scored = []
    for c in CS:
        probs = fit(x[~mask], y[~mask], c).predict_proba(x[mask])[:, 1]
        scored += [(f1(probs, t), c, t) for t in THRESHOLDS]
    _best, c, t = max(scored)
    return c, t


def out_of_fold(x, y, article_of: list[int], c: float) -> list[float]:
    """Token probabilities each from a model that did not see the token's article, so that
    the second stage learns from scores like those of unseen text."""
    import numpy as np
    from sklearn.model_selection import PredefinedSplit, cross_val_predict

    folds = PredefinedSplit(np.array(article_of) % FOLDS)
    return cross_val_predict(model(c), x, np.array(y), cv=folds,
                             method="predict_proba")[:, 1].tolist()


def candidate_examples(docs: list[Doc], articles, token_probs: list[list[float]],
                       extent: float) -> tuple[list[list[str]], list[int]]:
    """Features and 0/1 labels (overlaps a gold cue) of every candidate cue."""
    from rumorscope.extract.attribution import cue_candidates

    feats, labels = [], []
    for k, ((_name, _text, anns), doc) in enumerate(zip(articles, docs, strict=True)):
        gold = {(min(s for s, _ in g.cue), max(e for _, e in g.cue))
                for g in (anns[0] if anns else [])}
        for (start, end), features in cue_candidates(doc, token_probs[k],
                                                     (CANDIDATE_THRESHOLD, extent)):
            feats.append(features)
            labels.append(int(any(s < end and start < e for s, e in gold)))
    return feats, labels


def vectorise(feats: list[list[str]]):
    """Sparse 0/1 matrix of feature lists, with int32 indices (liblinear)."""
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in feats]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    return vectorizer, x


def weights_of(vectorizer, model, floor: float) -> dict[str, float]:
    """The fitted weights worth shipping, rounded, by feature name."""
    return dict(sorted((name, round(float(w), 3)) for name, w in
                       zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
                       if abs(w) >= floor))


def train(data: Path, out_dir: Path = OUT_DIR, cache: Path | None = None) -> dict:
    """Fit the cue model and its second stage on `data` (a PolNeAR split folder) and write
    them to `out_dir`."""
    articles = read_split(data)
    nlp = project_nlp()
    docs = parsed(nlp, [text for _name, text, _anns in articles], cache)
    feats, labels, words, lemmas = token_examples(docs, articles)
    article_of = [i for i, doc in enumerate(docs) for _tok in doc]
    vocab = cue_vocabulary(words, labels)
    lemma_vocab = cue_vocabulary(lemmas, labels)
    vocab_set, lemma_set = set(vocab), set(lemma_vocab)
    keep = [i for i, (w, m) in enumerate(zip(words, lemmas, strict=True))
            if w in vocab_set or m in lemma_set]
    vectorizer, x = vectorise([feats[i] for i in keep])
    y = [labels[i] for i in keep]
    kept_article = [article_of[i] for i in keep]
    c, extent = pick_settings(x, y, [k % 10 == 9 for k in kept_article])
    model = fit(x, y, c)
    token_probs = [[0.0] * len(doc) for doc in docs]
    starts = list(accumulate((len(doc) for doc in docs), initial=0))
    for i, p in zip(keep, out_of_fold(x, y, kept_article, c), strict=True):
        token_probs[article_of[i]][i - starts[article_of[i]]] = p
    span_feats, span_labels = candidate_examples(docs, articles, token_probs, extent)
    span_vectorizer, span_x = vectorise(span_feats)
    span_model = fit(span_x, span_labels, SPAN_C)
    weights = weights_of(vectorizer, model, MIN_WEIGHT)
    span_weights = weights_of(span_vectorizer, span_model, MIN_SPAN_WEIGHT)
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = {"bias": round(float(model.intercept_[0]), 4), "threshold": CANDIDATE_THRESHOLD,
               "extent": extent, "vocab": vocab, "lemmas": lemma_vocab, "weights": weights,
               "spans": {"bias": round(float(span_model.intercept_[0]), 4),
                         "threshold": SPAN_THRESHOLD, "weights": span_weights}}
    (out_dir / "attribution_cues.json").write_text(json.dumps(payload), encoding="utf-8")
    meta = {"data": str(data), "data_sha256": data_sha256(data), "articles": len(articles),
            "tokens_scored": len(keep), "vocabulary": len(vocab),
            "lemma_vocabulary": len(lemma_vocab), "features": len(weights),
            "candidate_threshold": CANDIDATE_THRESHOLD, "extent": extent, "seed": SEED, "C": c,
            "folds": FOLDS, "candidates": len(span_labels), "span_features": len(span_weights),
            "span_C": SPAN_C, "span_threshold": SPAN_THRESHOLD,
            "min_vocab_count": MIN_VOCAB_COUNT, "min_cue_rate": MIN_CUE_RATE,
            "min_weight": MIN_WEIGHT, "min_span_weight": MIN_SPAN_WEIGHT, "solver": "liblinear"}
    (out_dir / "attribution_cues.meta.json").write_text(json.dumps(meta, indent=1) + "\n",
                                                        encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR train folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.data, args.out, args.cache), indent=1))


if __name__ == "__main__":
    main()
