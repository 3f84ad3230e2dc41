"""Claims, their certainty, provenance chains and the sourcing summary."""

from __future__ import annotations

import pytest

from rumorscope.extract.claims import denial_certainty, find_claims
from rumorscope.extract.provenance import chain_for, summarise_sourcing
from rumorscope.pipeline import load_pipeline
from rumorscope.schema import Article, Attribution, Hedge, Source, TextSpan


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def make_attribution(text: str, aid: str, source: str, kind: str, cue: str, content: str,
                     via: str | None = None, speaker: str | None = None,
                     resolves_to: str | None = None) -> Attribution:
    return Attribution(
        id=aid,
        source=Source(text=source, span=span_of(text, source), type=kind, resolves_to=resolves_to),
        cue=TextSpan(text=cue, span=span_of(text, cue)),
        content=TextSpan(text=content, span=span_of(text, content)),
        direct_quote=False, via=via, speaker=speaker)


TEXT = ("Dana Lee and Rob Hart are splitting up, an insider told Gossip Weekly. "
        "The pair allegedly fought at a party on Friday. Read on for more. "
        "Is this the end? Rob's rep denied the split. "
        "The couple married in 2015 in Maui.")


def test_claims_units_attribution_and_certainty(nlp):
    doc = nlp(TEXT)
    attribution = make_attribution(TEXT, "a1", "an insider", "anonymous", "told",
                                   "Dana Lee and Rob Hart are splitting up", via="Gossip Weekly")
    hedges = [Hedge(text="allegedly", span=span_of(TEXT, "allegedly"), kind="hedge"),
              Hedge(text="denied", span=span_of(TEXT, "denied"), kind="denial")]
    claims = find_claims(doc, [attribution], hedges)
    texts = [c.text for c in claims]
    assert texts[0] == "Dana Lee and Rob Hart are splitting up"
    assert claims[0].attribution == "a1"
    assert "The pair allegedly fought at a party on Friday." in texts
    assert not any(t.startswith(("Read on", "Is this")) for t in texts)  # imperative, question
    by_text = {c.text: c for c in claims}
    assert by_text["The pair allegedly fought at a party on Friday."].certainty == "hedged"
    assert by_text["The pair allegedly fought at a party on Friday."].hedges == [0]
    assert by_text["Rob's rep denied the split."].certainty == "denied"
    assert by_text["The couple married in 2015 in Maui."].certainty == "asserted"
    assert by_text["The couple married in 2015 in Maui."].attribution is None
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]


def test_a_later_dispute_spreads_to_the_claim_it_repeats(nlp):
    text = ("Several reports claimed the singer suffered a breakdown in Paris. "
            "Fans were worried. "
            "It has never been confirmed that the singer suffered a breakdown.")
    doc = nlp(text)
    hedges = [Hedge(text="claimed", span=span_of(text, "claimed"), kind="hedge"),
              Hedge(text="It has never been confirmed",
                    span=span_of(text, "It has never been confirmed"), kind="denial")]
    claims = find_claims(doc, [], hedges)
    assert [c.certainty for c in claims] == ["disputed", "asserted", "disputed"]


@pytest.mark.parametrize(("words", "certainty"), [
    ("denied", "denied"), ("not true", "denied"), ("never been confirmed", "disputed"),
    ("greatly exaggerated", "disputed")])
def test_denial_certainty(words, certainty):
    assert denial_certainty(Hedge(text=words, span=(0, len(words)), kind="denial")) == certainty


def test_chain_runs_from_speaker_to_this_article():
    text = "The site's insider claims Kim said, \"It's about the kids.\""
    attribution = make_attribution(text, "a1", "The site's insider", "anonymous", "claims",
                                   "It's about the kids.", via="Daily Mail", speaker="Kim")
    article = Article(id="x", outlet="hollywoodlife.com", text=text)
    chain = chain_for(attribution, article)
    assert [(link.name, link.role) for link in chain] == [
        ("Kim", "speaker"), ("The site's insider", "source"), ("Daily Mail", "via"),
        ("hollywoodlife.com", "article")]
    assert [link.name for link in chain_for(None, Article(id="y", text=text))] == ["this article"]


def test_sourcing_summary_counts_types_and_outlets(nlp):
    doc = nlp(TEXT)
    attributions = [make_attribution(TEXT, "a1", "an insider", "anonymous", "told",
                                     "Dana Lee and Rob Hart are splitting up", via="Gossip Weekly")]
    claims = find_claims(doc, attributions, [])
    sourcing = summarise_sourcing(claims, attributions)
    assert sourcing.claims == len(claims)
    assert sourcing.by_type == {"anonymous": 1}
    assert sourcing.outlets == {"Gossip Weekly": 1}
    assert sourcing.on_record == 0
    assert sourcing.own_voice == len(claims) - 1
    assert sourcing.summary.startswith(f"{len(claims)} claims: 1 through 1 outlet (Gossip Weekly), "
                                       "1 anonymous, 0 on record")


def test_paragraph_break_starts_a_sentence(nlp):
    doc = nlp("What a week for the couple. Wow\n\nThe singer was seen in Rome on Monday.")
    starts = [s.text.strip() for s in doc.sents]
    assert "The singer was seen in Rome on Monday." in starts


@pytest.mark.parametrize(("name", "expected"), [
    ("Star Pulse magazine", "Star Pulse"), ("the Daily Mail", "Daily Mail"),
    ("Daily Mail", "Daily Mail"), ("The Sun newspaper", "Sun"), ("the site", "the site")])
def test_outlet_names_count_together(name, expected):
    from rumorscope.extract.provenance import outlet_name

    assert outlet_name(name) == expected


def test_the_words_that_report_a_quote_are_no_claim_of_their_own(nlp):
    text = ("In fact, the site's insider claims Dana said, \"It is all about the kids now.\" "
            "The couple married in 2015.")
    doc = nlp(text)
    relayed = make_attribution(text, "a1", "the site's insider", "anonymous", "claims",
                               "It is all about the kids now.", speaker="Dana")
    texts = [c.text for c in find_claims(doc, [relayed], [])]
    assert texts == ["It is all about the kids now.", "The couple married in 2015."]
