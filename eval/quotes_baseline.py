"""Direct quotations: rumorscope against textacy's `direct_quotations`, in the same run.

    python -m eval.quotes_baseline --polnear ../shared/data/polnear/dev \\
        --tabloid ../shared/data/tabloid-gold/dev

Gold direct quotes: tabloid attributions with `direct_quote` true; PolNeAR attributions
whose content begins with a quotation mark (scored against each annotator file, counts
averaged per article, as in `eval.polnear`). Predictions: our attributions with
`direct_quote` true, and every triple textacy returns. A prediction matches a gold quote
when the contents overlap (one-to-one, greedy); "with source" also needs the sources
(textacy's speaker) to overlap. Both systems read the same spaCy parse. textacy refuses
a document with an odd number of quote marks; it then runs paragraph by paragraph.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import Doc

from eval.polnear import hull
from eval.scoring import PRF, greedy_match, overlaps
from rumorscope.extract.attribution import find_attributions
from rumorscope.extract.attribution_train import project_nlp, read_split
from rumorscope.extract.entities import find_entities

QUOTE_MARKS = "\"'“‘"

Pair = tuple[tuple[int, int] | None, tuple[int, int]]  # (source, content)


def ours(doc: Doc) -> list[Pair]:
    return [(tuple(a.source.span), tuple(a.content.span))
            for a in find_attributions(doc, find_entities(doc)) if a.direct_quote]


def textacy_quotes(doc: Doc) -> list[Pair]:
    """textacy's triples; where it refuses a document (an odd number of quote marks), it is
    run on each paragraph instead, and a paragraph it refuses gives nothing."""
    try:
        return _triples(doc, 0)
    except ValueError:
        found = []
        for para in _paragraphs(doc):
            try:
                found += _triples(para.as_doc(), para.start_char)
            except ValueError:
                continue
        return found


def _triples(doc: Doc, offset: int) -> list[Pair]:
    from textacy.extract.triples import direct_quotations

    found = []
    for triple in direct_quotations(doc):
        speaker = (offset + triple.speaker[0].idx,
                   offset + triple.speaker[-1].idx + len(triple.speaker[-1])) \
            if triple.speaker else None
        found.append((speaker, (offset + triple.content.start_char,
                                offset + triple.content.end_char)))
    return found


def _paragraphs(doc: Doc):
    start = 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                yield doc[start:tok.i]
            start = tok.i + 1
    if start < len(doc):
        yield doc[start:]


def source_and_content(p: Pair, g: Pair) -> bool:
    return overlaps(p[1], g[1]) and p[0] is not None and g[0] is not None \
        and overlaps(p[0], g[0])


def add(scores: dict[str, PRF], pred: list[Pair], gold: list[Pair], share: float) -> None:
    tp = greedy_match(pred, gold, lambda p, g: overlaps(p[1], g[1]))
    scores["content"].add(tp * share, len(pred) * share, len(gold) * share)
    tp = greedy_match(pred, gold, source_and_content)
    scores["with source"].add(tp * share, len(pred) * share, len(gold) * share)


def polnear_gold(text: str, annotators) -> list[list[Pair]]:
    return [[(hull(g.source), hull(g.content)) for g in gold
             if g.content and text[hull(g.content)[0]] in QUOTE_MARKS] for gold in annotators]


def run(docs_and_gold, systems) -> dict[str, dict[str, PRF]]:
    scores = {name: {"content": PRF(), "with source": PRF()} for name in systems}
    for doc, annotators in docs_and_gold:
        for name, system in systems.items():
            pred = system(doc)
            for gold in annotators:
                add(scores[name], pred, gold, 1 / len(annotators))
    return scores


def main(argv: list[str] | None = None) -> None:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--tabloid", type=Path, required=True)
    args = parser.parse_args(argv)
    nlp = project_nlp()
    systems = {"rumorscope": ours, "textacy": textacy_quotes}
    articles = [a for a in read_split(args.polnear) if a[2]]
    docs = nlp.pipe([text for _n, text, _a in articles])
    polnear = [(doc, polnear_gold(doc.text, anns)) for doc, (_n, _t, anns)
               in zip(docs, articles, strict=True)]
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(args.tabloid.glob("*.json"))]
    tabloid = [(doc, [[(tuple(a["source"]), tuple(a["content"])) for a in g["attributions"]
                       if a["direct_quote"]]])
               for doc, g in zip(nlp.pipe(g["text"] for g in golds), golds, strict=True)]
    overall = {name: PRF() for name in systems}
    for corpus, data in (("polnear dev", polnear), ("tabloid dev", tabloid)):
        for name, by_kind in run(data, systems).items():
            for kind, prf in by_kind.items():
                print(prf.line(f"{corpus} direct quotes, {name}, {kind}"))
            c = by_kind["content"]
            overall[name].add(c.tp, c.tp + c.fp, c.tp + c.fn)
    print(" | ".join(overall[n].line(f"overall {n}") for n in systems))


if __name__ == "__main__":
    main()
