"""Stated facts about people (spec section 4): ages, spouses, children, occupations."""

from __future__ import annotations

from spacy.tokens import Doc

from rumorscope.schema import Entity, Fact


def find_facts(doc: Doc, entities: list[Entity]) -> list[Fact]:
    return []
