"""Score time expressions on TempEval-3 TimeML files (TIMEX3 value F1, as in TempEval-3).

    python -m eval.tempeval --data ../shared/data/tempeval3/training [--half dev|test|all] [-v]

Each `.tml` file under `--data` is read with its tags stripped (offsets kept); the
document creation time (the TIMEX3 with functionInDocument=CREATION_TIME) is the
anchor, set as `doc._.published` before the full rumorscope pipeline runs. Matching:
- value F1 (the TempEval-3 "value" score): a prediction matches a gold TIMEX3 when the
  spans overlap and the normalised values are equal;
- values compare after notation-only differences are removed (`canonical_value`):
  unpadded and padded ISO weeks (2000-W7 = 2000-W07) and the two TimeML spellings of a
  decade or century (199X = 199, 19XX = 19); the plain string-equal score is printed too;
- span F1 (overlap) and strict span F1 (identical offsets) are printed beside it.

To keep the rules honest, they were developed on the `dev` half only (files sorted by
name, even indices); the `test` half (odd indices) was scored but never looked into.
Both halves are reported by default. The last line is precision, recall and F1 of the
value score over the chosen files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from eval.scoring import PRF, greedy_match, overlaps
from rumorscope.pipeline import load_pipeline


@dataclass
class GoldDoc:
    name: str
    text: str
    anchor: dt.date
    timexes: list[tuple[tuple[int, int], str]]


def read_tml(path: Path) -> GoldDoc:
    """Text of the TEXT element with tags stripped, and its TIMEX3 spans and values."""
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    pieces: list[str] = []
    timexes: list[tuple[tuple[int, int], str]] = []

    def walk(elem: ET.Element, offset: int) -> int:
        pieces.append(elem.text or "")
        offset += len(elem.text or "")
        for child in elem:
            start = offset
            offset = walk(child, offset)
            if child.tag == "TIMEX3":
                timexes.append(((start, offset), child.get("value", "")))
            pieces.append(child.tail or "")
            offset += len(child.tail or "")
        return offset

    walk(root.find("TEXT"), 0)
    return GoldDoc(path.name, "".join(pieces), dt.date.fromisoformat(dct.get("value")[:10]),
                   timexes)


def split(files: list[Path], half: str) -> list[Path]:
    ordered = sorted(files, key=lambda p: p.name)
    if half == "dev":
        return ordered[::2]
    if half == "test":
        return ordered[1::2]
    return ordered


_WEEK = re.compile(r"-W0(\d)(?=$|-)")
_DECADE = re.compile(r"^(\d{3})X$|^(\d{2})XX$")


def canonical_value(value: str | None) -> str | None:
    """The same value with notation-only variation removed (see the module docstring)."""
    if not value:
        return value
    value = _WEEK.sub(r"-W\1", value)
    if match := _DECADE.match(value):
        return match.group(1) or match.group(2)
    return value


def score(golds: list[GoldDoc], verbose: bool) -> tuple[PRF, PRF, PRF]:
    nlp = load_pipeline()
    value, loose, strict, exact_string = PRF(), PRF(), PRF(), PRF()

    def docs():
        for gold in golds:
            doc = nlp.make_doc(gold.text)
            doc._.published = gold.anchor
            yield doc

    for gold, doc in zip(golds, nlp.pipe(docs(), batch_size=16), strict=True):
        pred = [(tuple(t.span), t.value) for t in doc._.timexes]
        n_p, n_g = len(pred), len(gold.timexes)
        value.add(greedy_match(pred, gold.timexes, lambda p, g: overlaps(p[0], g[0]) and
                               canonical_value(p[1]) == canonical_value(g[1])), n_p, n_g)
        exact_string.add(greedy_match(pred, gold.timexes,
                                      lambda p, g: overlaps(p[0], g[0]) and p[1] == g[1]),
                         n_p, n_g)
        loose.add(greedy_match(pred, gold.timexes, lambda p, g: overlaps(p[0], g[0])), n_p, n_g)
        strict.add(greedy_match(pred, gold.timexes, lambda p, g: p[0] == g[0]), n_p, n_g)
        if verbose:
            print_misses(gold, pred)
    return value, loose, strict, exact_string


def print_misses(gold: GoldDoc, pred: list) -> None:
    print(f"== {gold.name} (anchor {gold.anchor})")
    for span, val in gold.timexes:
        if not any(overlaps(span, ps) and canonical_value(val) == canonical_value(pv)
                   for ps, pv in pred):
            got = [pv for ps, pv in pred if overlaps(span, ps)]
            print(f"  missed {gold.text[span[0]:span[1]]!r} = {val} (got {got})")
    for span, val in pred:
        if not any(overlaps(span, gs) for gs, _ in gold.timexes):
            print(f"  extra  {gold.text[span[0]:span[1]]!r} = {val}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--half", choices=("dev", "test", "all", "both"), default="both")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses per file")
    args = parser.parse_args(argv)
    files = [p for p in args.data.rglob("*.tml") if "TE3input" not in p.name]
    if not files:
        raise SystemExit(f"{args.data}: no .tml files")
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    total = PRF()
    for half in halves:
        golds = [read_tml(p) for p in split(files, half)]
        value, loose, strict, exact_string = score(golds, args.verbose)
        print(f"[{half}: {len(golds)} documents]")
        print(loose.line("  spans (overlap)"))
        print(strict.line("  spans (strict)"))
        print(exact_string.line("  values (overlap + string-equal value)"))
        print(value.line("  values (overlap + equal value, notation-equivalent)"))
        total.add(value.tp, value.tp + value.fp, value.tp + value.fn)
    print(total.line("TIMEX3 value"))


if __name__ == "__main__":
    main()
