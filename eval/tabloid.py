"""Score rumorscope against the hand-annotated tabloid gold files (spec/annotation.md).

    python -m eval.tabloid --data ../shared/data/tabloid-gold/dev [--part hedges] [-v]

Matching rules:
- hedges: a predicted cue matches a gold cue with exactly the same span (kind is scored
  separately as accuracy over matched cues); an overlap score is printed beside it.
- timexes ("time value F1", as in TempEval-3): a prediction matches a gold expression
  when their spans overlap and their normalised values are equal.
- facts: (entity, attribute, value) triples, spans ignored; names compare loosely
  (case-insensitive, and "Saint" matches "Saint West": one name's tokens within the other's).
- attributions: distinct source spans matched one-to-one (exact span and overlap; source
  type accuracy over overlap-matched sources); distinct content spans one-to-one by
  overlap; `via` accuracy over attributions matched one-to-one by overlapping content and
  overlapping source (names compare loosely, both empty counts as equal).
The last line is the overall F1 over the scored parts (micro-averaged).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from eval.scoring import PRF, greedy_match, overlaps
from rumorscope.analyzer import Analyzer
from rumorscope.schema import Analysis, Article

PARTS = ("hedges", "timexes", "facts", "attributions")


def load_gold(data: Path) -> list[dict]:
    files = sorted(data.glob("*.json"))
    if not files:
        raise SystemExit(f"{data}: no gold .json files")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def gold_article(gold: dict) -> Article:
    return Article(id=gold["id"], title=gold.get("title"), outlet=gold.get("outlet"),
                   published=gold.get("published"), text=gold["text"])


def names_match(a: str, b: str) -> bool:
    a_tokens, b_tokens = a.lower().split(), b.lower().split()
    if not a_tokens or not b_tokens:
        return False
    short, long = sorted((a_tokens, b_tokens), key=len)
    return all(t in long for t in short)


def score_hedges(pred: Analysis, gold: dict, exact: PRF, loose: PRF, kinds: list[bool]) -> None:
    p = [(tuple(h.span), h.kind) for h in pred.hedges]
    g = [(tuple(h["span"]), h["kind"]) for h in gold["hedges"]]
    exact.add(greedy_match(p, g, lambda x, y: x[0] == y[0]), len(p), len(g))
    loose.add(greedy_match(p, g, lambda x, y: overlaps(x[0], y[0])), len(p), len(g))
    for span, kind in p:
        for gspan, gkind in g:
            if span == gspan:
                kinds.append(kind == gkind)


def score_timexes(pred: Analysis, gold: dict, value: PRF, span: PRF) -> None:
    p = [(tuple(t.span), t.value) for t in pred.timexes]
    g = [(tuple(t["span"]), t["value"]) for t in gold["timexes"]]
    value.add(greedy_match(p, g, lambda x, y: overlaps(x[0], y[0]) and x[1] == y[1]),
              len(p), len(g))
    span.add(greedy_match(p, g, lambda x, y: overlaps(x[0], y[0])), len(p), len(g))


def fact_key(entity: str, attribute: str, value: str) -> tuple[str, str, str]:
    return entity.strip(), attribute.strip(), value.strip()


def facts_match(p: tuple[str, str, str], g: tuple[str, str, str]) -> bool:
    if p[1] != g[1] or not names_match(p[0], g[0]):
        return False
    return p[2].lower() == g[2].lower() or names_match(p[2], g[2])


def score_facts(pred: Analysis, gold: dict, prf: PRF) -> None:
    p = list(dict.fromkeys(fact_key(f.entity, f.attribute, f.value) for f in pred.facts))
    g = list(dict.fromkeys(fact_key(f["entity"], f["attribute"], f["value"])
                           for f in gold["facts"]))
    prf.add(greedy_match(p, g, facts_match), len(p), len(g))


@dataclass
class AttributionScores:
    source_exact: PRF = field(default_factory=PRF)
    source_loose: PRF = field(default_factory=PRF)
    content: PRF = field(default_factory=PRF)
    types: list[bool] = field(default_factory=list)
    via: list[bool] = field(default_factory=list)


def via_equal(a: str | None, b: str | None) -> bool:
    return (not a and not b) or bool(a and b and names_match(a, b))


def score_attributions(pred: Analysis, gold: dict, scores: AttributionScores) -> None:
    p_src = list(dict.fromkeys((tuple(a.source.span), a.source.type) for a in pred.attributions))
    g_src = list(dict.fromkeys((tuple(a["source"]), a["source_type"])
                               for a in gold["attributions"]))
    scores.source_exact.add(greedy_match(p_src, g_src, lambda x, y: x[0] == y[0]),
                            len(p_src), len(g_src))
    used: set[int] = set()
    for span, kind in p_src:
        for i, (gspan, gkind) in enumerate(g_src):
            if i not in used and overlaps(span, gspan):
                used.add(i)
                scores.types.append(kind == gkind)
                break
    scores.source_loose.add(len(used), len(p_src), len(g_src))
    p_con = list(dict.fromkeys(tuple(a.content.span) for a in pred.attributions))
    g_con = list(dict.fromkeys(tuple(a["content"]) for a in gold["attributions"]))
    scores.content.add(greedy_match(p_con, g_con, overlaps), len(p_con), len(g_con))
    taken: set[int] = set()
    for a in pred.attributions:
        for i, g in enumerate(gold["attributions"]):
            if i not in taken and overlaps(a.content.span, g["content"]) \
                    and overlaps(a.source.span, g["source"]):
                taken.add(i)
                scores.via.append(via_equal(a.via, g["via"]))
                break


def print_attributions(scores: AttributionScores) -> None:
    print(scores.source_exact.line("attribution sources (exact span)"))
    print(scores.source_loose.line("attribution sources (overlap)"))
    if scores.types:
        print(f"source type accuracy on matched sources: "
              f"{sum(scores.types) / len(scores.types):.3f} ({len(scores.types)})")
    print(scores.content.line("attribution contents (overlap)"))
    if scores.via:
        print(f"via accuracy on matched attributions: "
              f"{sum(scores.via) / len(scores.via):.3f} ({len(scores.via)})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--part", choices=PARTS, action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses per file")
    args = parser.parse_args(argv)
    parts = args.part or list(PARTS)
    golds = load_gold(args.data)
    analyses = list(Analyzer().analyze_many(gold_article(g) for g in golds))
    attribution_scores = AttributionScores()

    hedge_exact, hedge_loose, hedge_kinds = PRF(), PRF(), []
    time_value, time_span, facts = PRF(), PRF(), PRF()
    for gold, pred in zip(golds, analyses, strict=True):
        score_hedges(pred, gold, hedge_exact, hedge_loose, hedge_kinds)
        score_timexes(pred, gold, time_value, time_span)
        score_facts(pred, gold, facts)
        score_attributions(pred, gold, attribution_scores)
        if args.verbose:
            print_misses(gold, pred, parts)

    overall = PRF()
    if "hedges" in parts:
        print(hedge_exact.line("hedge cues (exact span)"))
        print(hedge_loose.line("hedge cues (overlap)"))
        if hedge_kinds:
            print(f"hedge kind accuracy on matched cues: {sum(hedge_kinds) / len(hedge_kinds):.3f}")
        overall.merge(hedge_exact)
    if "timexes" in parts:
        print(time_span.line("time expressions (overlap)"))
        print(time_value.line("time values (overlap + equal value)"))
        overall.merge(time_value)
    if "facts" in parts:
        print(facts.line("facts (entity, attribute, value)"))
        overall.merge(facts)
    if "attributions" in parts:
        print_attributions(attribution_scores)
        src = attribution_scores.source_loose
        overall.add(src.tp, src.tp + src.fp, src.tp + src.fn)
    print(overall.line(f"overall {'+'.join(parts)}"))


def print_misses(gold: dict, pred: Analysis, parts: list[str]) -> None:
    print(f"== {gold['id']}")
    if "hedges" in parts:
        g = {tuple(h["span"]): h for h in gold["hedges"]}
        p = {tuple(h.span): h for h in pred.hedges}
        for span in sorted(set(g) - set(p)):
            print(f"  hedge missed  {g[span]['kind']:6} {gold['text'][span[0]:span[1]]!r}")
        for span in sorted(set(p) - set(g)):
            print(f"  hedge extra   {p[span].kind:6} {p[span].text!r}")
    if "timexes" in parts:
        g = [(tuple(t["span"]), t["value"]) for t in gold["timexes"]]
        p = [(tuple(t.span), t.value) for t in pred.timexes]
        for span, value in g:
            if not any(overlaps(span, ps) and value == pv for ps, pv in p):
                got = [pv for ps, pv in p if overlaps(span, ps)]
                print(f"  timex missed  {gold['text'][span[0]:span[1]]!r} = {value} (got {got})")
        for span, value in p:
            if not any(overlaps(span, gs) for gs, _ in g):
                print(f"  timex extra   {gold['text'][span[0]:span[1]]!r} = {value}")
    if "facts" in parts:
        g = [fact_key(f["entity"], f["attribute"], f["value"]) for f in gold["facts"]]
        p = [fact_key(f.entity, f.attribute, f.value) for f in pred.facts]
        for fact in g:
            if not any(facts_match(x, fact) for x in p):
                print(f"  fact missed   {fact}")
        for fact in p:
            if not any(facts_match(fact, x) for x in g):
                print(f"  fact extra    {fact}")
    if "attributions" in parts:
        print_attribution_misses(gold, pred)


def print_attribution_misses(gold: dict, pred: Analysis) -> None:
    text = gold["text"]
    for g in gold["attributions"]:
        match = [a for a in pred.attributions if overlaps(a.content.span, g["content"])
                 and overlaps(a.source.span, g["source"])]
        src = text[g["source"][0]:g["source"][1]]
        if not match:
            cue, content = g["cue"], g["content"]
            print(f"  attr missed   {src!r} {g['source_type']} | "
                  f"{text[cue[0]:cue[1]]!r} | {text[content[0]:content[1]][:50]!r}")
        elif match[0].source.type != g["source_type"] or not via_equal(match[0].via, g["via"]):
            print(f"  attr differs  {src!r} type {match[0].source.type} (gold {g['source_type']})"
                  f" via {match[0].via} (gold {g['via']})")
    for a in pred.attributions:
        if not any(overlaps(a.content.span, g["content"]) and overlaps(a.source.span, g["source"])
                   for g in gold["attributions"]):
            print(f"  attr extra    {a.source.text!r} {a.source.type} | {a.cue.text!r} | "
                  f"{a.content.text[:50]!r}")


if __name__ == "__main__":
    main()
