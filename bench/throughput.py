"""Full rumorscope analysis against bare `nlp.pipe` of the same model on the same texts.

    python -m bench.throughput --data ../shared/data/gossipcop/articles.jsonl.gz --n 2000

Both run in this process, interleaved chunk by chunk (baseline, analysis, baseline, ...)
so that a noisy machine slows both alike; the ratio is what counts, not the seconds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.corpus import load_articles
from rumorscope.analyzer import Analyzer
from rumorscope.pipeline import load_base_model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--chunk", type=int, default=250)
    args = parser.parse_args(argv)

    articles = load_articles(args.data, args.n)
    words = sum(len(a.text.split()) for a in articles)
    bare = load_base_model()
    analyzer = Analyzer()
    list(analyzer.analyze_many(articles[:20]))  # warm both up alike
    list(bare.pipe(a.text for a in articles[:20]))

    bare_s = full_s = 0.0
    for start in range(0, len(articles), args.chunk):
        chunk = articles[start:start + args.chunk]
        t0 = time.perf_counter()
        for _ in bare.pipe((a.text for a in chunk), batch_size=analyzer.batch_size):
            pass
        t1 = time.perf_counter()
        for _ in analyzer.analyze_many(chunk):
            pass
        t2 = time.perf_counter()
        bare_s += t1 - t0
        full_s += t2 - t1

    print(f"{len(articles)} articles, {words:,} words")
    print(f"bare nlp.pipe: {bare_s:.1f} s ({words / bare_s:,.0f} words/s)")
    print(f"rumorscope analysis: {full_s:.1f} s ({words / full_s:,.0f} words/s)")
    print(f"throughput ratio (analysis / bare): {bare_s / full_s:.3f}")


if __name__ == "__main__":
    main()
