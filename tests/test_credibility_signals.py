"""Credibility signals on hand-built analyses (attributions included) and on the real pipeline."""

from __future__ import annotations

from rumorscope.credibility.signals import SIGNALS, compute
from rumorscope.schema import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Hedge,
    Source,
    Sourcing,
    TextSpan,
)

TEXT = ("Marla Quince and Dev Oakes are splitting, a source close to the couple said. "
        "The pair reportedly fought for weeks. ")


def _attribution(aid: str, source: str, kind: str, start: int, quote: bool = False
                 ) -> Attribution:
    span = (start, start + len(source))
    return Attribution(id=aid, source=Source(text=source, span=span, type=kind),
                       cue=TextSpan(text="said", span=(0, 4)),
                       content=TextSpan(text="x", span=(0, 1)), direct_quote=quote)


def _analysis(attributions: list[Attribution], claim_sources: list[str | None],
              text: str = TEXT, title: str = "Marla and Dev split", **extra) -> Analysis:
    claims = [Claim(id=f"c{i}", text="x", span=(i, i + 1), attribution=a, certainty="asserted")
              for i, a in enumerate(claim_sources)]
    return Analysis(article=Article(id="t", title=title, text=text), attributions=attributions,
                    claims=claims, **extra)


def test_every_signal_is_documented_and_computed():
    values, _ = compute(_analysis([], [None]))
    assert set(values) == set(SIGNALS)
    for info in SIGNALS.values():
        assert info.measures and info.why and info.range and info.indicator


def test_one_anonymous_source_carrying_the_story():
    insider = _attribution("a1", "a source close to the couple", "anonymous", 44)
    values, evidence = compute(_analysis([insider], ["a1", "a1", None]))
    assert values["single_anonymous_source"] == round(2 / 3, 4)
    assert evidence["single_anonymous_source"] == [(44, 72)]
    assert values["share_anonymous"] == 1.0
    assert values["count_anonymous"] == 1.0
    assert values["on_record_share"] == 0.0
    assert values["unattributed_claims"] == round(1 / 3, 4)


def test_named_and_official_sources_count_as_on_record():
    insider = _attribution("a1", "a source", "anonymous", 44)
    rep = _attribution("a2", "her spokesperson", "official", 0, quote=True)
    named = _attribution("a3", "Dev Oakes", "named_person", 17, quote=True)
    sourcing = Sourcing(claims=3, outlets={"Weekly Planet": 1, "Gossip Daily": 2})
    values, _ = compute(_analysis([insider, rep, named], ["a1", "a2", "a3"], sourcing=sourcing))
    assert values["single_anonymous_source"] == 0.0
    assert values["on_record_share"] == round(2 / 3, 4)
    assert values["official_statements"] == 1.0
    assert values["direct_quote_share"] == round(2 / 3, 4)
    assert values["outlets_cited"] == 2.0
    assert values["share_official"] == round(1 / 3, 4)


def test_hedge_and_denial_rates_per_100_words():
    hedges = [Hedge(text="reportedly", span=(91, 101), kind="hedge"),
              Hedge(text="denied", span=(0, 6), kind="denial")]
    values, evidence = compute(_analysis([], [None], hedges=hedges))
    words = len(TEXT.split())
    assert values["hedge_rate"] == round(100 / words, 4)
    assert values["denial_rate"] == round(100 / words, 4)
    assert evidence["hedge_rate"] == [(91, 101)]


def test_self_disputing_and_comment_sought_give_spans():
    text = ("Tova Ring is pregnant, fans say. It has never been confirmed that she is expecting. "
            "Her rep did not respond to a request for comment.")
    values, evidence = compute(_analysis([], [None], text=text))
    assert values["self_disputing"] > 0
    start, end = evidence["self_disputing"][0]
    assert text[start:end] == "has never been confirmed"
    assert values["comment_sought"] == 2.0


def test_clickbait_headline_and_lead():
    sober = compute(_analysis([], [None], title="Court grants Quince custody"))[0]
    bait = ("Marla Quince is single again. Get the shocking details.\n\n"
            "She was seen alone. Wow. ")
    loud = compute(_analysis([], [None], text=bait,
                             title="You Won't Believe Who Marla Dumped!"))[0]
    assert loud["clickbait_headline"] >= 4  # headline pattern, "!", lead pattern, "Wow."
    assert sober["clickbait_headline"] == 0


def test_emotion_and_vague_time_rise_with_the_words():
    calm = compute(_analysis([], [None], text="The court met on May 3. The judge ruled. "))[0]
    hot = compute(_analysis([], [None], text="Devastated and furious, she recently slammed "
                            "him in a shocking meltdown. "))[0]
    assert hot["emotional_intensity"] > calm["emotional_intensity"] == 0
    assert hot["vague_time"] > 0 == calm["vague_time"]


def test_reference_article_signals(reference_analysis):
    values, evidence = compute(reference_analysis)
    text = reference_analysis.article.text
    for name, value in values.items():
        assert value >= 0, name
        if name.startswith("share_") or name.endswith(("_claims", "_share")):
            assert value <= 1, name
    assert values["self_disputing"] > 0  # "it has never been confirmed"
    assert values["clickbait_headline"] >= 2  # "Get the shocking details.", "Wow."
    spans = [text[s:e] for s, e in evidence["clickbait_headline"]]
    assert any("shocking" in s.lower() for s in spans)
    assert any(s.startswith("Wow") for s in spans)
    assert values["hedge_rate"] > 0
