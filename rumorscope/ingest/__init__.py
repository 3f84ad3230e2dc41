"""Readers that turn files, directories and stdin into `Article`s.

`iter_articles` yields an `Article` per good record and an `IngestError` per bad one,
so batch work reports and skips a bad record and loses nothing else. A file that cannot
be read at all yields one error naming it.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from rumorscope.ingest.decode import check_size, decode
from rumorscope.ingest.errors import IngestError
from rumorscope.ingest.html import read_html_article
from rumorscope.ingest.records import Item, read_csv, read_json, read_jsonl
from rumorscope.ingest.text import read_text_article
from rumorscope.schema import Article

__all__ = ["IngestError", "Item", "article_from_text_or_path", "iter_articles"]

ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
STDIN = "-"


def kind_of(path: Path) -> str | None:
    """The reader for a file name ('text', 'html', 'json', 'jsonl', 'csv'), gzip looked through."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    last = suffixes[-1]
    return ARTICLE_SUFFIXES.get(last) or RECORD_SUFFIXES.get(last)


def sniff(data: bytes) -> str:
    """The reader for unnamed input (stdin): JSON, JSON Lines, HTML or text by its first bytes."""
    head = data.lstrip()[:512].lower()
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") and b"\n{" in data.strip() else "json"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article")):
        return "html"
    return "text"


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _read_all(path: Path, where: str) -> bytes:
    if path.suffix.lower() != ".gz":
        check_size(where, path.stat().st_size)
    try:
        with _open(path) as stream:
            data = stream.read(20 * 1024 * 1024 + 1)
    except (OSError, EOFError) as err:
        raise IngestError(where, f"cannot read ({err})") from None
    check_size(where, len(data))
    return data


def _read_bytes(data: bytes, kind: str, where: str, published: str | None) -> Iterator[Item]:
    if kind in ("text", "html"):
        check_size(where, len(data))
        text = decode(where, data)
        reader = read_text_article if kind == "text" else read_html_article
        yield reader(text, where, published=published)
    elif kind == "json":
        check_size(where, len(data))
        yield from read_json(data, where, published)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), where, published)
    else:
        yield from read_csv(io.BytesIO(data), where, published)


def _read_file(path: Path, published: str | None, kind: str | None) -> Iterator[Item]:
    where = str(path)
    kind = kind or "text"
    if kind in ("jsonl", "csv"):
        if path.stat().st_size == 0:
            raise IngestError(where, "empty file")
        with _open(path) as stream:
            reader = read_jsonl if kind == "jsonl" else read_csv
            try:
                yield from reader(stream, where, published)
            except (OSError, EOFError) as err:
                yield IngestError(where, f"cannot read ({err})")
        return
    yield from _read_bytes(_read_all(path, where), kind, where, published)


def _guarded(items: Iterable[Item]) -> Iterator[Item]:
    """Turn an error raised by a whole-file reader into one item, so the run goes on."""
    try:
        yield from items
    except IngestError as err:
        yield err


def files_in(directory: Path) -> list[Path]:
    """Every readable article file below a directory, in a stable order; hidden ones skipped."""
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and kind_of(p) and not any(part.startswith(".")
                                                  for part in p.relative_to(directory).parts)
    )


def iter_articles(paths: Iterable[str | Path], published: str | None = None,
                  stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Articles from files, directories and `-` (stdin), in order; errors in place of bad input."""
    for raw in paths:
        if str(raw) == STDIN:
            data = (stdin or sys.stdin.buffer).read()
            yield from _guarded(_read_stdin(data, published))
            continue
        path = Path(raw)
        if path.is_dir():
            found = files_in(path)
            if not found:
                yield IngestError(str(path), "directory holds no .txt, .html, .json, .jsonl "
                                             "or .csv files")
            for file in found:
                yield from _guarded(_read_file(file, published, kind_of(file)))
        elif path.exists():
            yield from _guarded(_read_file(path, published, kind_of(path)))
        else:
            yield IngestError(str(path), "no such file or directory")


def _read_stdin(data: bytes, published: str | None) -> Iterator[Item]:
    if not data.strip():
        raise IngestError("<stdin>", "empty input")
    yield from _read_bytes(data, sniff(data), "<stdin>", published)


def article_from_text_or_path(text_or_path: str | Path, published: str | None = None) -> Article:
    """One article from a path to a file, or from the text itself (for the Python API)."""
    candidate = Path(text_or_path) if isinstance(text_or_path, Path) or (
        "\n" not in str(text_or_path) and len(str(text_or_path)) < 4096) else None
    if candidate is not None and candidate.is_file():
        items = list(_guarded(_read_file(candidate, published, kind_of(candidate))))
    elif isinstance(text_or_path, Path):
        raise IngestError(str(text_or_path), "no such file")
    else:
        items = [read_text_article(str(text_or_path), "<text>", published=published)]
    for item in items:
        if isinstance(item, IngestError):
            raise item
    if len(items) != 1:
        raise IngestError(str(text_or_path), f"holds {len(items)} articles; use Analyzer for many")
    return items[0]
