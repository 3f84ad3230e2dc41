"""Load benchmark texts from the shared GossipCop file."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from rumorscope.ingest import iter_articles
from rumorscope.schema import Article


def load_articles(path: Path, n: int) -> list[Article]:
    """The first `n` good articles of a JSON Lines (optionally gzipped) file."""
    return list(islice((a for a in iter_articles([path]) if isinstance(a, Article)), n))
