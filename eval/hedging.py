"""Score sentence-level uncertainty on the CoNLL-2010 Wikipedia sentences.

    python -m eval.hedging --data ../shared/data/hedging [--retrain]

Uses the fixed seeded 70/15/15 split of `rumorscope.extract.uncertainty` (the model and
its threshold were tuned on dev; test was never looked at while tuning). Prints, for dev
and test: the shipped model, and the plain cue detector (a sentence is uncertain iff
`find_hedges` finds a cue in it). The last line is the model's test precision, recall, F1.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

from rumorscope.extract import uncertainty
from rumorscope.extract.hedging import find_hedges
from rumorscope.pipeline import load_base_model

CSV_NAME = "wikiweasel_sentences_train.csv"


def line(name: str, scores: tuple[float, float, float]) -> str:
    p, r, f = scores
    return f"{name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}"


def cue_detector(texts: list[str]) -> list[bool]:
    """A sentence is uncertain iff the rule-based detector finds any hedge or denial cue."""
    nlp = load_base_model()
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        return [bool(find_hedges(doc)) for doc in nlp.pipe(texts, batch_size=256)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help=f"folder holding {CSV_NAME}")
    parser.add_argument("--retrain", action="store_true",
                        help="train afresh into a temporary folder instead of the shipped model")
    args = parser.parse_args(argv)
    path = args.data / CSV_NAME
    texts, labels = uncertainty.read_sentences(path)
    parts = uncertainty.split_sentences(texts, labels)

    if args.retrain:
        with tempfile.TemporaryDirectory() as tmp:
            uncertainty.train(path, Path(tmp))
            model = uncertainty.load_model(Path(tmp) / uncertainty.MODEL_FILE.name)
            card = uncertainty.model_card(Path(tmp) / uncertainty.CARD_FILE.name)
    else:
        model, card = uncertainty.load_model(), uncertainty.model_card()
        if hashlib.sha256(path.read_bytes()).hexdigest() != card["data_sha256"]:
            print(f"warning: {path} differs from the data the shipped model was trained on")
    threshold = card["threshold"]
    print(f"split seed {card['seed']}: train {len(parts.train[0])}, dev {len(parts.dev[0])}, "
          f"test {len(parts.test[0])} sentences; C {card['C']}, threshold {threshold}")

    results = {}
    for name, (part_texts, part_labels) in (("dev", parts.dev), ("test", parts.test)):
        cues = cue_detector(part_texts)
        print(line(f"{name} cue detector alone", uncertainty.prf(part_labels, cues)))
        probs = uncertainty.scores(model, part_texts)
        results[name] = uncertainty.prf(part_labels, [p >= threshold for p in probs])
        print(line(f"{name} model", results[name]))
    print(line("test sentence uncertainty (model)", results["test"]))


if __name__ == "__main__":
    main()
