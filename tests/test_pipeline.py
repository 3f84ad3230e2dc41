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


def test_an_article_that_breaks_a_step_is_reported_and_the_rest_go_on():
    from spacy.language import Language

    from rumorscope.analyzer import Analyzer
    from rumorscope.schema import Article

    @Language.component("test_fails_on_boom")
    def fails_on_boom(doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot read this one")
        return doc

    nlp = load_base_model()
    for name in ("rumorscope_paragraphs", *COMPONENTS):
        nlp.add_pipe(name, before="parser" if name == "rumorscope_paragraphs" else None)
    nlp.add_pipe("test_fails_on_boom")
    articles = [Article(id=str(i), text=t) for i, t in
                enumerate(["Ana reportedly left.", "BOOM goes here.", "Bo said it was over."])]
    failed = []
    analyses = list(Analyzer(nlp=nlp, batch_size=8).analyze_many(
        articles, on_error=lambda article, err: failed.append((article.id, str(err)))))
    assert [a.article.id for a in analyses] == ["0", "2"]
    assert failed == [("1", "cannot read this one")]
    assert [h.text for h in analyses[0].hedges] == ["reportedly"]
