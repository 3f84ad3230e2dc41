"""Labelled articles from the shared JSON Lines sets, and a cache of their analyses.

Labels and story pairs live only in the raw records, so this module reads the (gzipped)
JSON Lines itself. Analysing every training text takes minutes, so analyses are cached
under `.cache/` keyed by the data file's sha256, the analysis code's fingerprint and the
truncation length; a cache file
is appended chunk by chunk, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rumorscope.schema import Analysis, Article

if TYPE_CHECKING:
    from rumorscope.analyzer import Analyzer

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


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from (line for line in handle if line.strip())


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
    for line in _lines(path):
        obj = json.loads(line)
        y = label_of(obj.get("label"))
        text = obj.get("text") or obj.get("content") or obj.get("body") or ""
        if y is None or not text.strip():
            continue
        rid = obj.get("id") or hashlib.sha256(text.encode()).hexdigest()[:16]
        records.append(Record(id=str(rid),
                              title=obj.get("title") or "", text=text, y=y,
                              outlet=obj.get("outlet"), group=obj.get("pair")))
    return records


def article_of(record: Record, max_chars: int | None = ANALYSE_CHARS) -> Article:
    """The Article the analyser sees; the outlet field is kept out so nothing can read it."""
    text = record.text if max_chars is None else record.text[:max_chars]
    return Article(id=record.id, title=record.title or None, text=text)


def analysis_fingerprint() -> str:
    """Hash of the code and shipped models that make an analysis, so a cache built by older
    extractors (say, before attributions existed) is never mistaken for a current one."""
    package = Path(__file__).resolve().parents[1]
    files = sorted([*package.glob("extract/*.py"), package / "pipeline.py",
                    package / "analyzer.py", *package.glob("data/attribution*")])
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def cache_path(data: Path, max_chars: int = ANALYSE_CHARS) -> Path:
    return CACHE_DIR / (f"analyses-{sha256_of(data)[:16]}-{analysis_fingerprint()[:12]}"
                        f"-t{max_chars}.jsonl.gz")


def cached_analyses(data: Path, records: list[Record], chunk: int = 64,
                    max_chars: int = ANALYSE_CHARS) -> dict[str, Analysis]:
    """Analyses of all records by id, computing (and appending) only those not yet cached."""
    CACHE_DIR.mkdir(exist_ok=True)
    (CACHE_DIR / ".gitignore").write_text("*\n")
    path = cache_path(data, max_chars)
    done: dict[str, Analysis] = {}
    if path.exists():
        try:
            for line in _lines(path):
                analysis = Analysis.model_validate(json.loads(line))
                done[analysis.article.id] = analysis
        except (EOFError, OSError, json.JSONDecodeError):
            _rewrite(path, done)  # a run killed mid-write leaves a torn tail: keep what reads
    todo = [r for r in records if r.id not in done]
    if todo:
        from rumorscope.analyzer import Analyzer

        analyzer = Analyzer()
        for start in range(0, len(todo), chunk):
            batch = [article_of(r, max_chars) for r in todo[start:start + chunk]]
            with gzip.open(path, "at", encoding="utf-8") as out:
                for analysis in _analyse_robustly(analyzer, batch):
                    done[analysis.article.id] = analysis
                    out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")
    return done


def _analyse_robustly(analyzer: Analyzer, batch: list[Article]) -> list[Analysis]:
    """The batch's analyses; an article the pipeline fails on gets a bare one saying so,
    so one extractor bug costs a training example, not the whole cache run."""
    try:
        return list(analyzer.analyze_many(batch))
    except Exception:
        results = []
        for article in batch:
            try:
                results.append(analyzer.analyze(article))
            except Exception as error:
                results.append(Analysis(article=article, warnings=[f"analysis failed: {error}"]))
        return results


def _rewrite(path: Path, analyses: dict[str, Analysis]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for analysis in analyses.values():
            out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")
