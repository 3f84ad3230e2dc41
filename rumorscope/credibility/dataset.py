"""Labelled articles from the shared JSON Lines sets, and a cache of their analyses.

Labels and story pairs live only in the raw records, so this module reads the (gzipped)
JSON Lines itself. Analysing every training text takes minutes, so analyses are cached
under `.cache/` keyed by the data file's sha256, the analysis code's fingerprint and the
truncation length; a cache file
is appended chunk by chunk, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rumorscope import analysis_cache
from rumorscope.ingest.article import TEXT_FIELDS, text_id
from rumorscope.ingest.records import json_records
from rumorscope.schema import Analysis, Article

CACHE_DIR = Path(".cache")
FAKE_LABELS = {"fake", "false", "1"}
TRUE_LABELS = {"real", "legit", "true", "0"}
ANALYSE_CHARS = 3000  # training analyses read the head of long texts; signals are rates


@dataclass(frozen=True)
class Record:
    """One labelled article: y is 1 for fake, 0 for real/legit."""

    id: str
    title: str
    text: str
    y: int
    outlet: str | None = None
    group: str | None = None  # story pair id, when the set pairs fake and legit versions


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes: the data hash recorded with models and caches."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def label_of(value: object) -> int | None:
    """1 for fake, 0 for real/legit, None for anything else."""
    text = str(value).strip().lower()
    if text in FAKE_LABELS:
        return 1
    if text in TRUE_LABELS:
        return 0
    return None


def read_labelled(path: Path) -> list[Record]:
    """Every record with text and a fake/real label, in file order."""
    records = []
    for obj in json_records(path):
        y = label_of(obj.get("label"))
        text = next((obj[k] for k in TEXT_FIELDS if obj.get(k)), "")
        if y is None or not text.strip():
            continue
        rid = obj.get("id") or text_id(text)
        records.append(Record(id=str(rid),
                              title=obj.get("title") or "", text=text, y=y,
                              outlet=obj.get("outlet"), group=obj.get("pair")))
    return records


def article_of(record: Record, max_chars: int | None = ANALYSE_CHARS) -> Article:
    """The Article the analyser sees; the outlet field is kept out so nothing can read it."""
    text = record.text if max_chars is None else record.text[:max_chars]
    return Article(id=record.id, title=record.title or None, text=text)


def cache_path(data: Path, max_chars: int = ANALYSE_CHARS) -> Path:
    code = analysis_cache.analysis_fingerprint()[:12]
    return CACHE_DIR / f"analyses-{sha256_of(data)[:16]}-{code}-t{max_chars}.jsonl.gz"


def cached_analyses(data: Path, records: list[Record],
                    max_chars: int = ANALYSE_CHARS) -> dict[str, Analysis]:
    """Analyses of all records by id, from (and added to) the cache of this data file."""
    CACHE_DIR.mkdir(exist_ok=True)
    (CACHE_DIR / ".gitignore").write_text("*\n")
    articles = [article_of(r, max_chars) for r in records]
    return analysis_cache.cached_analyses(articles, cache_path(data, max_chars))
