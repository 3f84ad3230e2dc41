"""A resumable on-disk cache of analyses, for training and evaluation runs over data sets
that take many minutes to analyse.

Analyses are appended chunk by chunk as JSON Lines (gzipped when the name ends in .gz), so
an interrupted run resumes where it stopped and a torn last line is dropped. Name cache
files with `analysis_fingerprint()` so analyses made by older extractors are never reused.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from rumorscope.ingest.records import json_records
from rumorscope.schema import Analysis, Article

PACKAGE = Path(__file__).resolve().parent


def analysis_fingerprint() -> str:
    """Hash of the code and shipped models that make an analysis (the trainers are left
    out: what they make is in the shipped model files, which are hashed)."""
    code = [f for f in PACKAGE.glob("extract/*.py") if not f.stem.endswith("_train")]
    files = sorted([*code, PACKAGE / "pipeline.py", PACKAGE / "analyzer.py",
                    *PACKAGE.glob("data/attribution*"), *PACKAGE.glob("data/outlet_names*")])
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _open(path: Path, mode: str) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, mode + "t", encoding="utf-8")
    return path.open(mode, encoding="utf-8")


def _write(out: IO[str], analyses: Iterable[Analysis]) -> None:
    for analysis in analyses:
        out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")


def read_cache(path: Path) -> dict[str, Analysis]:
    """Cached analyses by article id; a file torn by a killed run is cut to what reads."""
    done: dict[str, Analysis] = {}
    if not path.exists():
        return done
    try:
        for obj in json_records(path):
            analysis = Analysis.model_validate(obj)
            done[analysis.article.id] = analysis
    except (EOFError, OSError, json.JSONDecodeError):
        with _open(path, "w") as out:
            _write(out, done.values())
    return done


def cached_analyses(articles: list[Article], path: Path, chunk: int = 64
                    ) -> dict[str, Analysis]:
    """Analyses of all articles by id, computing (and appending) only those not yet cached.
    An article the pipeline fails on gets a bare analysis saying so, so one extractor bug
    costs one example, not the whole run."""
    done = read_cache(path)
    todo = [a for a in articles if a.id not in done]
    if not todo:
        return done
    from rumorscope.analyzer import Analyzer

    analyzer = Analyzer(credibility=False)  # the cache feeds training: no earlier model
    failed: list[Analysis] = []

    def record_failure(article: Article, err: Exception) -> None:
        failed.append(Analysis(article=article, warnings=[f"analysis failed: {err}"]))

    for start in range(0, len(todo), chunk):
        batch = list(analyzer.analyze_many(todo[start:start + chunk], on_error=record_failure))
        batch += failed
        failed.clear()
        with _open(path, "a") as out:
            _write(out, batch)
        done.update((a.article.id, a) for a in batch)
    return done
