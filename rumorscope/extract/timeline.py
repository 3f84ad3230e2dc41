"""A timeline of dated events: each timex with a day, month or year value, ordered."""

from __future__ import annotations

from spacy.tokens import Doc

from rumorscope.schema import Hedge, TimelineEvent, Timex


def build_timeline(doc: Doc, timexes: list[Timex], hedges: list[Hedge]) -> list[TimelineEvent]:
    return []
