"""Load benchmark texts from the shared GossipCop file."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

from rumorscope.ingest.article import make_article
from rumorscope.schema import Article


def load_articles(path: Path, n: int) -> list[Article]:
    """The first `n` records of a JSON Lines (optionally gzipped) file, as Articles."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in islice(handle, n)]
    return [make_article(r, f"{path}:{i + 1}") for i, r in enumerate(records)]
