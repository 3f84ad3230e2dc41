"""Bytes to text, refusing what is not an article: empty, binary, oversized, mis-encoded."""

from __future__ import annotations

import codecs

from rumorscope.ingest.errors import IngestError

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""One article file (.txt, .html) larger than this is refused; corpora stream instead."""


def check_size(where: str, size: int, limit: int = MAX_ARTICLE_BYTES) -> None:
    if size == 0:
        raise IngestError(where, "empty file")
    if size > limit:
        raise IngestError(where, f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB "
                                 "limit for one article (split it, or give it as JSON Lines)")


def decode(where: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            problem = f"not valid UTF-16 ({err.reason} at byte {err.start})"
            raise IngestError(where, problem) from None
    if b"\x00" in data[:8192]:
        raise IngestError(where, "binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start:err.start + 1].hex().upper()
        raise IngestError(where, f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); "
                                 "convert the file to UTF-8") from None
    if not text.strip():
        raise IngestError(where, "empty file (only whitespace)")
    return text
