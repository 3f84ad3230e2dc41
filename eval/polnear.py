"""Score rumorscope's attributions against PolNeAR (Newell et al., LREC 2018).

    python -m eval.polnear --data ../shared/data/polnear/dev [-v] [--cache F]

Gold: each article's brat .ann files (Source, Cue, Content spans tied by an Attribution
event). A discontinuous span is taken as the stretch from its first to its last piece.
Some articles have several annotators' files: the article is scored against each file
and its counts are averaged, so every article weighs once and annotator disagreement
lowers no one's ceiling twice.

Matching (per role, one-to-one): the distinct source spans, cue spans and content spans
of the article are matched greedily, each prediction to the first unused gold span.
"exact" means the same characters after stripping spaces, quotation marks and final
punctuation at both ends (PolNeAR keeps the marks of a direct quote inside content, our
contract leaves them out); "overlap" means sharing at least one character. The
attribution line matches whole triples: cue spans overlap, and source and content
overlap too (a missing gold source must be missing in the prediction: a source marked
`explicit: false`, the subject of an agentless passive or raising verb, counts as none).
`--scheme parc` (the default) keeps what PolNeAR annotates beyond the project's spec
(beliefs, intentions, the writer's own first person); `--scheme spec` scores the rules
the tabloid output follows.
The last line is the overall overlap F1 over the three roles (micro-averaged).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import Doc

from eval.scoring import PRF, greedy_match, overlaps
from rumorscope.extract.attribution import find_attributions
from rumorscope.extract.attribution_train import (
    GoldAttribution,
    parsed,
    project_nlp,
    read_split,
)
from rumorscope.extract.entities import find_entities
from rumorscope.schema import Attribution

ROLES = ("source", "cue", "content")
STRIP = " \t\n\"'“”‘’.,;:"

Span = tuple[int, int]


def hull(spans: list[Span]) -> Span | None:
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def normal(text: str, span: Span) -> Span:
    """The span without spaces, quotation marks and punctuation at its ends."""
    s, e = span
    while s < e and text[s] in STRIP:
        s += 1
    while e > s and text[e - 1] in STRIP:
        e -= 1
    return s, e


def gold_roles(gold: list[GoldAttribution]) -> dict[str, list[Span]]:
    return {role: list(dict.fromkeys(h for g in gold if (h := hull(getattr(g, role)))))
            for role in ROLES}


def pred_roles(pred: list[Attribution]) -> dict[str, list[Span]]:
    return {"source": list(dict.fromkeys(tuple(a.source.span) for a in pred
                                         if a.source.explicit)),
            "cue": list(dict.fromkeys(tuple(a.cue.span) for a in pred)),
            "content": list(dict.fromkeys(tuple(a.content.span) for a in pred))}


def triple_match(p: Attribution, g: GoldAttribution) -> bool:
    gs, gc, gt = hull(g.source), hull(g.cue), hull(g.content)
    source_ok = overlaps(p.source.span, gs) if gs and p.source.explicit else (
        gs is None and not p.source.explicit)
    return bool(gc and gt and overlaps(p.cue.span, gc) and overlaps(p.content.span, gt)
                and source_ok)


class Scores:
    """Averaged-over-annotators counts for each role, exact and overlap, and for triples."""

    def __init__(self) -> None:
        self.exact = {r: PRF() for r in ROLES}
        self.loose = {r: PRF() for r in ROLES}
        self.triples = PRF()

    def add(self, text: str, pred: list[Attribution], annotators: list[list[GoldAttribution]]
            ) -> None:
        share = 1 / len(annotators)
        p_roles = pred_roles(pred)
        for gold in annotators:
            g_roles = gold_roles(gold)
            for role in ROLES:
                p, g = p_roles[role], g_roles[role]
                tp = greedy_match(p, g, lambda x, y: normal(text, x) == normal(text, y))
                self.exact[role].add(tp * share, len(p) * share, len(g) * share)
                tp = greedy_match(p, g, overlaps)
                self.loose[role].add(tp * share, len(p) * share, len(g) * share)
            tp = greedy_match(pred, gold, triple_match)
            self.triples.add(tp * share, len(pred) * share, len(gold) * share)


def print_misses(name: str, doc: Doc, pred: list[Attribution], gold: list[GoldAttribution]
                 ) -> None:
    print(f"== {name}")
    text = doc.text
    for g in gold:
        if not any(triple_match(p, g) for p in pred):
            s, c, t = hull(g.source), hull(g.cue), hull(g.content)
            print(f"  missed  {text[s[0]:s[1]] if s else None!r} | {text[c[0]:c[1]]!r} | "
                  f"{text[t[0]:t[1]][:60] if t else None!r}")
    for p in pred:
        if not any(triple_match(p, g) for g in gold):
            print(f"  extra   {p.source.text!r} | {p.cue.text!r} | {p.content.text[:60]!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR split folder")
    parser.add_argument("--scheme", choices=("parc", "spec"), default="parc",
                        help="parc: also beliefs and the writer's first person, as PolNeAR "
                             "annotates; spec: the project's rules (speech only)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses per file")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in")
    args = parser.parse_args(argv)
    articles = [a for a in read_split(args.data) if a[2]]
    nlp = project_nlp()
    scores = Scores()
    texts = [text for _name, text, _anns in articles]
    for (name, text, annotators), doc in zip(articles, parsed(nlp, texts, args.cache),
                                             strict=True):
        pred = find_attributions(doc, find_entities(doc), scheme=args.scheme)
        scores.add(text, pred, annotators)
        if args.verbose:
            print_misses(name, doc, pred, annotators[0])
    overall = PRF()
    for role in ROLES:
        print(scores.exact[role].line(f"{role} (exact)"))
        print(scores.loose[role].line(f"{role} (overlap)"))
        loose = scores.loose[role]
        overall.add(loose.tp, loose.tp + loose.fp, loose.tp + loose.fn)
    print(scores.triples.line("attributions (cue, source, content overlap)"))
    print(overall.line("overall source+cue+content (overlap)"))


if __name__ == "__main__":
    main()
