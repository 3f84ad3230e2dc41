"""The spaCy side: every step is a registered component that fills its Doc extension."""

from __future__ import annotations

import datetime as dt

from rumorscope.pipeline import COMPONENTS, STEPS, load_base_model, load_pipeline


def test_full_pipeline_order():
    names = load_pipeline().pipe_names
    assert names.index("rumorscope_paragraphs") < names.index("parser")
    assert names[-len(COMPONENTS):] == list(COMPONENTS)


def test_a_step_can_be_reused_alone_in_any_spacy_pipeline():
    nlp = load_base_model()
    nlp.add_pipe("rumorscope_hedges")
    nlp.add_pipe("rumorscope_timexes")
    doc = nlp.make_doc("The actor reportedly quit on Monday.")
    doc._.published = dt.date(2020, 3, 6)
    doc = nlp(doc)
    assert [h.text for h in doc._.hedges] == ["reportedly"]
    assert [(t.text, t.value) for t in doc._.timexes] == [("Monday", "2020-03-02")]


def test_every_step_fills_its_extension():
    doc = load_pipeline()("Lena Ortiz, 30, allegedly split from her husband, an insider said.")
    for extension, _ in STEPS.values():
        assert isinstance(getattr(doc._, extension), list), extension
