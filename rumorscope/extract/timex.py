"""Time expressions, normalised against the publication date (spec section 3)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from rumorscope.schema import Timex


def find_timexes(doc: Doc, anchor: dt.date | None) -> list[Timex]:
    return []
