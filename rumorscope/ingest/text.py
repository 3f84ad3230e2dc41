"""Plain-text articles, optionally opened by header lines before a blank line.

    date 2016-12-20 SplashNews        (ISO date, then an optional photo/agency credit)
    title: ...   url: ...   outlet: ...   published: ...   byline: ...

A first block counts as headers only when every line in it is one: an article whose
first paragraph happens to start with "date" stays body text.
"""

from __future__ import annotations

import re

from rumorscope.ingest.article import make_article
from rumorscope.schema import Article

_DATE_LINE = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<credit>.+))?$", re.I)
_FIELD_LINE = re.compile(r"^(?P<key>title|url|outlet|published|byline|credit|id):\s*(?P<value>.*)$",
                         re.I)


def parse_headers(block: str) -> dict[str, str] | None:
    """Header fields of a first block, or None when the block is body text."""
    fields: dict[str, str] = {}
    for raw in block.splitlines():
        line = raw.strip()
        if not line:
            continue
        if match := _DATE_LINE.match(line):
            fields["published"] = match["date"]
            if match["credit"]:
                fields["credit"] = match["credit"].strip()
        elif match := _FIELD_LINE.match(line):
            fields[match["key"].lower()] = match["value"].strip()
        else:
            return None
    return fields or None


def read_text_article(text: str, where: str, published: str | None = None) -> Article:
    """One article from text; header lines become metadata, the rest is the body."""
    stripped = text.lstrip("\n")
    head, sep, rest = stripped.partition("\n\n")
    headers = parse_headers(head) if sep else None
    fields: dict[str, str] = dict(headers or {})
    fields["text"] = rest if headers else text
    return make_article(fields, where, published=published)
