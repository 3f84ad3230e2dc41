"""Build an `Article` from loose record fields, the way every reader does."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from rumorscope.ingest.dates import DateError, normalise_published
from rumorscope.ingest.errors import IngestError
from rumorscope.schema import Article

TEXT_FIELDS = ("text", "content", "body")
MAX_TEXT_CHARS = 5_000_000


def text_id(text: str) -> str:
    """The id of an article without one of its own: sha256 of its text, first 16 hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v)
    value = str(value).strip()
    return value or None


def make_article(fields: Mapping[str, Any], where: str, published: str | None = None) -> Article:
    """An Article from a record; `published` (from the command line) overrides the record's."""
    text = next((fields[k] for k in TEXT_FIELDS if fields.get(k) not in (None, "")), None)
    if text is None:
        raise IngestError(where, "no article text (expected a 'text', 'content' or 'body' field)")
    if not isinstance(text, str):
        raise IngestError(where, f"article text is a {type(text).__name__}, not a string")
    text = text.strip()
    if not text:
        raise IngestError(where, "article text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(where, f"article text has {len(text):,} characters, over the "
                                 f"{MAX_TEXT_CHARS:,} limit")
    try:
        date = published or normalise_published(fields.get("published") or fields.get("date"))
    except DateError as err:
        raise IngestError(where, f"published: {err}") from None
    record_id = _optional_str(fields.get("id"))
    return Article(
        id=record_id or text_id(text),
        title=_optional_str(fields.get("title")),
        outlet=_optional_str(fields.get("outlet") or fields.get("site")),
        url=_optional_str(fields.get("url")),
        published=date,
        byline=_optional_str(fields.get("byline") or fields.get("author") or fields.get("authors")),
        credit=_optional_str(fields.get("credit")),
        text=text,
    )
