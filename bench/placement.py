"""Placing a new article into its story with 100,000 articles stored.

    python -m bench.placement --n 100000 [--pg postgresql://user@127.0.0.1:5432/db]

The corpus is synthetic (the keys a lead yields: two people from a Zipf-distributed
cast, ~80 content words from a Zipf-distributed vocabulary, a date), bulk-loaded into a
fresh store. Then new articles are added one by one through `Store.add` (one
transaction: insert, placement, keys); half of them re-report a stored article with
a third of its words changed. Printed: the median and 95th percentile of the placement
alone and of the whole add (target: placement < 50 ms), and how many re-reports found
their original's story.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from rumorscope.corpus import store as store_module
from rumorscope.corpus.store import Store
from rumorscope.corpus.stories import key_weights, norm_of
from rumorscope.schema import Analysis, Article

VOCAB = 40_000
CAST = 5_000
WORDS = 80


def _zipf(rng: random.Random, size: int) -> int:
    """A Zipf-like rank in [0, size): rank r drawn with probability ~ 1/(r+1)."""
    return min(int(math.exp(rng.random() * math.log(size + 1))) - 1, size - 1)


def synthetic_keys(rng: random.Random) -> dict[str, float]:
    keys = {f"p:person {_zipf(rng, CAST)}": 1.0 for _ in range(2)}
    words = Counter(f"t:w{_zipf(rng, VOCAB)}" for _ in range(WORDS * 2))
    keys.update({w: 1 + math.log(c) for w, c in words.most_common(WORDS)})
    keys[f"d:2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"] = 1.0
    return keys


def _published(i: int) -> str:
    return f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"


def _write(connection: sa.Connection, table: str, columns: tuple[str, ...],
           rows: list[tuple]) -> None:
    """Many rows fast: COPY on PostgreSQL, a plain executemany on SQLite."""
    raw = connection.connection.driver_connection
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def bulk_load(store: Store, n: int, keep: set[int], rng: random.Random
              ) -> dict[int, dict[str, float]]:
    """n synthetic articles, each its own story, written in large sorted batches; returns
    the keys of the articles in `keep` (the ones to re-report)."""
    df: Counter[str] = Counter()
    kept: dict[int, dict[str, float]] = {}
    now = dt.datetime.now().isoformat(sep=" ")
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA cache_size=-400000")
        for start in range(0, n, 10_000):
            part = range(start, min(n, start + 10_000))
            chunk = {i: synthetic_keys(rng) for i in part}
            kept.update((i, chunk[i]) for i in part if i in keep)
            for keys in chunk.values():
                df.update(keys.keys())
            _write(connection, "stories", ("id", "title", "first_published",
                                           "last_published", "size"),
                   [(i + 1, f"story {i}", _published(i), _published(i), 1) for i in part])
            _write(connection, "articles", ("id", "outlet", "title", "published", "label",
                                            "analysis", "ingested_at", "story_id",
                                            "key_norm", "best_score"),
                   [(f"s{i}", "synthetic", f"story {i}", _published(i), "unscored", "{}", now,
                     i + 1, _norm(chunk[i], df, start or 1), 0.0) for i in part])
            _write(connection, "article_keys", ("key", "article_id", "weight"),
                   sorted((k, f"s{i}", w) for i in part for k, w in chunk[i].items()))
        _write(connection, "key_df", ("key", "df"), sorted(df.items()))
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT setval('stories_id_seq', :n)"), {"n": n})
    return kept


def _norm(keys: dict[str, float], df: Counter[str], n: int) -> float:
    """The key norm placement would have stored for this article (see stories.place)."""
    return norm_of(keys, key_weights(keys, df, n))


def reported_again(keys: dict[str, float], rng: random.Random) -> dict[str, float]:
    """The same event told by another outlet: a third of the words replaced."""
    words = [k for k in keys if k.startswith("t:")]
    changed = dict(keys)
    for word in rng.sample(words, len(words) // 3):
        del changed[word]
        changed[f"t:w{_zipf(rng, VOCAB)}"] = 1.0
    return changed


def measure(store: Store, corpus: dict[int, dict[str, float]], new: int,
            rng: random.Random) -> None:
    """Add `new` articles through Store.add, timing the placement and the whole add."""
    pending: dict[str, dict[str, float]] = {}
    place_ms: list[float] = []
    real_place = store_module.place

    def timed_place(*args, **kwargs):
        t0 = time.perf_counter()
        result = real_place(*args, **kwargs)
        place_ms.append(1000 * (time.perf_counter() - t0))
        return result

    store_module.story_keys = lambda analysis: pending[analysis.article.id]
    store_module.place = timed_place
    add_ms: list[float] = []
    found = 0
    for j in range(new):
        original = sorted(corpus)[j // 2] if j % 2 == 0 else None
        keys = (reported_again(corpus[original], rng) if original is not None
                else synthetic_keys(rng))
        article_id = f"new{j}"
        pending[article_id] = keys
        analysis = Analysis(article=Article(id=article_id, text="synthetic",
                                            published=_published(original or j)))
        t0 = time.perf_counter()
        placement = store.add(analysis)
        add_ms.append(1000 * (time.perf_counter() - t0))
        if original is not None and placement.story == original + 1:
            found += 1
    store_module.place = real_place

    def pct(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100)[q - 1]

    print(f"  placement: median {statistics.median(place_ms):.1f} ms, "
          f"p95 {pct(place_ms, 95):.1f} ms; whole add (insert, placement, keys, commit): "
          f"median {statistics.median(add_ms):.1f} ms, p95 {pct(add_ms, 95):.1f} ms")
    print(f"  re-reports placed in their original's story: {found} of {(new + 1) // 2}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=200)
    parser.add_argument("--pg", help="postgresql:// URL of an empty database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        urls = {"sqlite": f"sqlite:///{Path(tmp) / 'placement.db'}"}
        if args.pg:
            urls["postgresql"] = args.pg
        for name, url in urls.items():
            rng = random.Random(0)
            store = Store(url)
            t0 = time.perf_counter()
            keep = set(rng.sample(range(args.n), (args.new + 1) // 2))
            corpus = bulk_load(store, args.n, keep, rng)
            if store.engine.dialect.name == "postgresql":
                with store.engine.begin() as connection:
                    connection.execute(sa.text("ANALYZE"))
            print(f"{name}: {store.count():,} articles stored "
                  f"(bulk load {time.perf_counter() - t0:.0f} s)")
            measure(store, corpus, args.new, rng)
            store.close()


if __name__ == "__main__":
    main()
