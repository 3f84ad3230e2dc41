"""Ingest throughput (analysis + store) against analysis alone, on SQLite and PostgreSQL.

    python -m bench.ingest --data ../shared/data/gossipcop/articles.jsonl.gz --n 600 \\
        [--pg postgresql://user@127.0.0.1:5432/db]

Articles are analysed a chunk at a time (timed), then stored one transaction each, with
story placement, into each store in turn (timed). Ingest time = analysis + store, so the
ratio analysis / (analysis + store) is the share of analysis throughput that ingest
keeps (target >= 0.8). The stores start empty, in a temporary folder for SQLite.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.corpus import load_articles
from rumorscope.analyzer import Analyzer
from rumorscope.corpus.store import Store


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--chunk", type=int, default=100)
    parser.add_argument("--pg", help="postgresql:// URL of an empty database")
    args = parser.parse_args(argv)

    articles = load_articles(args.data, args.n)
    analyzer = Analyzer()
    list(analyzer.analyze_many(articles[:10]))
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"sqlite": Store(f"sqlite:///{Path(tmp) / 'bench.db'}")}
        if args.pg:
            stores["postgresql"] = Store(args.pg)
        analysis_s = 0.0
        store_s = dict.fromkeys(stores, 0.0)
        for start in range(0, len(articles), args.chunk):
            t0 = time.perf_counter()
            analyses = list(analyzer.analyze_many(articles[start:start + args.chunk]))
            analysis_s += time.perf_counter() - t0
            for name, store in stores.items():
                t0 = time.perf_counter()
                for analysis in analyses:
                    store.add(analysis)
                store_s[name] += time.perf_counter() - t0
        print(f"{len(articles)} articles; analysis {analysis_s:.1f} s "
              f"({len(articles) / analysis_s:.1f} articles/s)")
        for name, store in stores.items():
            assert store.count() == len({a.id for a in articles})
            total = analysis_s + store_s[name]
            print(f"{name}: store {store_s[name]:.1f} s "
                  f"({1000 * store_s[name] / len(articles):.1f} ms/article); ingest "
                  f"{len(articles) / total:.1f} articles/s; ratio ingest/analysis "
                  f"{analysis_s / total:.3f}")
            store.close()


if __name__ == "__main__":
    main()
