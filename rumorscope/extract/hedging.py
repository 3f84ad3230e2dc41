"""Hedge and denial cues (spec section 2)."""

from __future__ import annotations

from spacy.tokens import Doc

from rumorscope.schema import Hedge


def find_hedges(doc: Doc) -> list[Hedge]:
    return []
