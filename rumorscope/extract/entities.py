"""People and organisations, with their aliases merged into one entity."""

from __future__ import annotations

from spacy.tokens import Doc

from rumorscope.schema import Entity


def find_entities(doc: Doc) -> list[Entity]:
    """Entities of the article with aliases ("Kim" -> "Kim Kardashian") and mentions."""
    return []
