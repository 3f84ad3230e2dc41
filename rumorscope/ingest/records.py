"""Records of articles: .json (an object or an array), .jsonl and .csv, optionally gzipped.

Records stream one at a time, so a corpus of millions never sits in memory, and a bad
record becomes an `IngestError` in the stream while the rest go on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rumorscope.ingest.article import make_article
from rumorscope.ingest.decode import decode
from rumorscope.ingest.errors import IngestError
from rumorscope.schema import Article

Item = Article | IngestError


def _record(obj: Any, where: str, published: str | None) -> Item:
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    try:
        return make_article(obj, where, published=published)
    except IngestError as err:
        return err


def json_records(path: Path) -> Iterator[dict[str, Any]]:
    """Raw objects of a trusted (optionally gzipped) JSON Lines file, blank lines skipped:
    for project data sets whose extra fields (labels, pairs) an Article does not keep."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_json(data: bytes, where: str, published: str | None = None) -> Iterator[Item]:
    """A single .json file: one article object, or an array of them."""
    try:
        obj = json.loads(decode(where, data))
    except json.JSONDecodeError as err:
        raise IngestError(where, f"malformed JSON ({err.msg} at line {err.lineno} "
                                 f"column {err.colno})") from None
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise IngestError(where, "empty JSON array: no articles")
    for index, item in enumerate(items):
        yield _record(item, f"{where}[{index}]" if isinstance(obj, list) else where, published)


def read_jsonl(stream: IO[bytes], where: str, published: str | None = None) -> Iterator[Item]:
    """JSON Lines, one record per line; blank lines are skipped."""
    seen = False
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen = True
        at = f"{where}:{number}"
        try:
            obj = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield IngestError(at, f"not valid UTF-8 (byte offset {err.start} in the line)")
            continue
        except json.JSONDecodeError as err:
            yield IngestError(at, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        yield _record(obj, at, published)
    if not seen:
        raise IngestError(where, "empty file: no JSON lines")


def read_csv(stream: IO[bytes], where: str, published: str | None = None) -> Iterator[Item]:
    """CSV with a header row naming Article fields; `text`, `content` or `body` is required."""
    csv.field_size_limit(sys.maxsize)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    # strict: a stray or unclosed quote is an error, not a field silently glued together
    reader = csv.DictReader(text, strict=True)
    try:
        header = reader.fieldnames
    except UnicodeDecodeError:
        raise IngestError(where, "not valid UTF-8; convert the file to UTF-8") from None
    except csv.Error as err:
        raise IngestError(where, f"malformed CSV header ({err})") from None
    if not header:
        raise IngestError(where, "empty file: no CSV header")
    if not {"text", "content", "body"} & {h.strip().lower() for h in header if h}:
        raise IngestError(where, "CSV has no 'text', 'content' or 'body' column "
                                 f"(columns: {', '.join(header)})")
    while True:
        at = f"{where}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            yield IngestError(at, "not valid UTF-8; the rest of the file cannot be read")
            return
        except csv.Error as err:
            yield IngestError(at, f"malformed CSV ({err})")
            continue  # the reader resumes at the next line
        if None in row:
            yield IngestError(at, f"row has {len(header) + len(row[None])} fields, "
                                  f"the header has {len(header)}")
            continue
        yield _record({k.strip().lower(): v for k, v in row.items() if k}, at, published)
