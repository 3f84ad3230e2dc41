"""Story placement, first report, citations, corroboration and contradictions, on
analyses written by hand and on ones the real pipeline makes."""

from __future__ import annotations

import math

import pytest

from rumorscope.corpus import citations
from rumorscope.corpus.stories import THRESHOLD, MemoryIndex, quote_keys, story_keys
from rumorscope.schema import Article
from tests.test_store import make_analysis

THERAPY = "Dana Vale and Rick Moor are in couples therapy to save their marriage"
NO_THERAPY = "Dana Vale and Rick Moor aren't in couples therapy to save their marriage"


def test_shared_quote_gives_the_same_keys_whatever_the_quote_marks():
    a = quote_keys('She said: "We are taking some time apart for the kids."')
    b = quote_keys("“We are taking some time apart for the kids,” she said.")
    assert a and a == b
    assert not quote_keys("no quotes here at all")


def test_people_alone_do_not_make_a_story():
    index = MemoryIndex()
    people = ("Dana Vale", "Rick Moor")
    a = make_analysis("s1", "Dana Vale and Rick Moor adopt a rescue puppy named Biscuit.",
                      title="Dana Vale and Rick Moor adopt puppy", people=people)
    b = make_analysis("s2", "Dana Vale and Rick Moor sell their Malibu mansion to a banker.",
                      title="Dana Vale and Rick Moor sell mansion", people=people)
    c = make_analysis("s3", "A rescue puppy named Biscuit joins Dana Vale and Rick Moor.",
                      title="Puppy Biscuit adopted by Dana Vale", people=people)
    stories = [index.add(x.article.id, story_keys(x), x.article.published).story
               for x in (a, b, c)]
    assert stories[0] != stories[1]
    assert stories[2] == stories[0]


def test_one_close_member_does_not_pull_an_article_into_a_story():
    """Average link: the cabin sale resembles the puppy story's second article more than
    that article's own match did, but not the story as a whole, so it starts its own."""
    index = MemoryIndex()
    texts = {
        "a1": ("Dana Vale adopts rescue puppy Biscuit",
               "Dana Vale adopts rescue puppy Biscuit, a beagle mix, from the Harbor animal "
               "shelter."),
        "a2": ("Dana Vale's rescue puppy Biscuit at her lakeside cabin",
               "Rescue puppy Biscuit, the beagle mix adopted from the Harbor animal shelter, "
               "settles in at Dana Vale's lakeside cabin with its wooden dock."),
        "b": ("Dana Vale lists lakeside cabin",
              "Dana Vale lists her lakeside cabin for sale, with its wooden dock."),
    }
    placed = {}
    for article_id, (title, text) in texts.items():
        analysis = make_analysis(article_id, text, title=title)
        placed[article_id] = index.add(article_id, story_keys(analysis), "2024-03-01")
    assert placed["a2"].story == placed["a1"].story
    sale = placed["b"]
    assert sale.matched == "a2"
    assert sale.match_cosine > max(THRESHOLD, placed["a2"].match_cosine)
    assert sale.score < THRESHOLD
    assert sale.story != placed["a1"].story


def test_far_apart_dates_are_different_events():
    index = MemoryIndex()
    text = "Dana Vale wins the best actress award at the Lumen film festival gala."
    a = make_analysis("d1", text, title="Vale wins Lumen award", published="2019-05-01")
    b = make_analysis("d2", text, title="Vale wins Lumen award", published="2023-05-01")
    first = index.add("d1", story_keys(a), a.article.published)
    second = index.add("d2", story_keys(b), b.article.published)
    assert first.story != second.story


def test_first_report_counts_cited_outlet_missing_from_corpus():
    analyses = [
        make_analysis("f1", THERAPY + ".", outlet="gossip.example", published="2024-03-02",
                      cites="Daily Mail"),
        make_analysis("f2", THERAPY + ", a source said.", outlet="celebs.example",
                      published="2024-03-01", cites="Daily Mail"),
        make_analysis("f3", THERAPY + ", sources say.", outlet="news.example",
                      published="2024-03-03", cites="celebs.example"),
    ]
    report = citations.first_report(analyses)
    assert report["earliest"]["article"] == "f2"
    top = report["cited_origins"][0]
    assert top == {"outlet": "Daily Mail", "cited_by": ["f1", "f2"], "in_corpus": False}
    assert report["cited_origins"][1]["in_corpus"] is True
    graph = citations.citation_graph(analyses)
    assert {"from": "news.example", "to": "celebs.example", "claims": 1} in graph


def test_repeated_from_one_origin_versus_corroborated():
    repeated = [make_analysis(f"r{i}", THERAPY + ".", outlet=f"o{i}.example", cites="Daily Mail")
                for i in range(3)]
    [group] = citations.corroboration(repeated)
    assert group["status"] == "repeated" and group["origins"] == ["Daily Mail"]
    independent = [*repeated, make_analysis("r9", THERAPY + ".", outlet="tv.example",
                                            cites="TMZ")]
    [group] = citations.corroboration(independent)
    assert group["status"] == "corroborated"
    assert group["origins"] == ["Daily Mail", "TMZ"]
    assert len(group["articles"]) == 4


def test_contradiction_between_outlets():
    analyses = [make_analysis("c1", THERAPY + ".", outlet="a.example"),
                make_analysis("c2", NO_THERAPY + ".", outlet="b.example"),
                make_analysis("c3", "Rick Moor is filming a western in Spain this summer.",
                              outlet="c.example")]
    [found] = citations.contradictions(analyses)
    assert {c["article"] for c in found["claims"]} == {"c1", "c2"}
    assert citations.corroboration(analyses) == []


def test_real_pipeline_analyses_place_a_rewrite_with_its_original(analyzer, reference_analysis):
    original = reference_analysis.article
    rewrite = Article(
        id="rewrite", outlet="other.example", published=original.published,
        title=original.title, text=" ".join(original.text.split(". ")[:6]))
    unrelated = Article(id="unrelated", outlet="x.example", published=original.published,
                        text="Dana Vale opened a bakery in Toronto on Monday. Fans queued for "
                             "hours to taste her famous maple croissants, the shop said.")
    index = MemoryIndex()
    placements = [index.add(a.article.id, story_keys(a), a.article.published)
                  for a in (reference_analysis, *analyzer.analyze_many([rewrite, unrelated]))]
    assert placements[1].story == placements[0].story
    assert placements[2].story != placements[0].story
    assert any(k.startswith("p:") for k in story_keys(reference_analysis))


def test_an_article_with_many_new_keys_still_finds_its_story():
    """Keys no stored article holds must not use up the probes: a re-report that adds a
    long new quote (dozens of unseen shingles) is still placed with its original."""
    index = MemoryIndex()
    event = {f"t:event{i}": 1.0 for i in range(10)} | {"p:dana vale": 1.0}
    for i in range(30):
        index.add(f"other{i}", {f"t:other{i}-{j}": 1.0 for j in range(10)}, None)
    first = index.add("original", event, None)
    quote = {f"q:new{i}": 1 / math.sqrt(70) for i in range(70)}
    again = index.add("re-report", event | quote, None)
    assert again.matched == "original"
    assert again.story == first.story


def test_baseline_single_link_chains_through_shared_neighbours():
    from eval.stories import _components

    groups = _components(5, [(0, 1), (1, 3)])
    assert groups[0] == groups[1] == groups[3]
    assert len({groups[0], groups[2], groups[4]}) == 3
    assert len(set(_components(3, []))) == 3


def test_story_scores_count_unlabelled_joins_only_when_strict():
    from eval.stories import score

    gold = {"a1": "s1", "a2": "s1", "b1": "s2", "b2": "s2"}
    # a1, a2 together with two unlabelled articles; b1 alone; b2 with a distractor.
    predicted = {"a1": 1, "a2": 1, "g1": 1, "g2": 1, "b1": 2, "b2": 3, "g3": 3}
    strict, labelled = score(predicted, gold), score(predicted, gold, strict=False)
    assert labelled.precision == 1.0 and labelled.recall == 0.5
    # Strict: the 1 true pair among 1 + 2*2 (story 1) + 1 (story 3) labelled-involving pairs.
    assert math.isclose(strict.precision, 1 / 6)
    assert strict.recall == labelled.recall
    assert labelled.b3_precision == 1.0 and strict.b3_precision < 1.0


def test_threshold_sweep_picks_the_highest_threshold_that_still_joins_the_twins():
    """Loosely worded twins in the tuning half join only below some threshold; the sweep
    picks the highest threshold at which they still do, and prints every threshold."""
    from eval.stories import SWEEP, sweep_lines

    other = "Rick Moor sells his lakeside cabin with a wooden dock to a banker"
    texts = {"t1": "Dana Vale adopts rescue puppy Biscuit from the Harbor animal shelter",
             "o1": other, "o2": other + " today",
             "t2": "Dana Vale buys a rescue kitten at a pet store in Malibu"}
    analyses = [make_analysis(i, t + ".", title=t) for i, t in texts.items()]
    gold = {"t1": "celebrity/1", "t2": "celebrity/1", "o1": "celebrity/2",
            "o2": "celebrity/2"}
    lines = sweep_lines(analyses, gold, {"celebrity/1"}, {"celebrity/2"})
    assert len(lines) == len(SWEEP) + 1
    joined = [t for t, line in zip(SWEEP, lines, strict=False)
              if "tuning half celebrity 1.000" in line]
    assert joined and len(joined) < len(SWEEP)
    assert lines[-1].startswith(f"the tuning half picks {max(joined)} ")


def test_audit_recall_per_relation_and_the_ceiling_it_sets(tmp_path):
    """Pairs joined are counted per hand-read relation; a pair with one article missing
    is left out; the ceiling is the F1 of joining every same-event pair and no other."""
    from eval.stories import audit_lines, read_audit

    audit_file = tmp_path / "audit.tsv"
    audit_file.write_text("# comment\npair\trelation\n001\tevent\n002\tevent\n003\ttopic\n"
                          "004\tpeople\n005\tpeople\n", encoding="utf-8")
    audit = read_audit(audit_file)
    assert audit["celebrity/001"] == "event" and len(audit) == 5
    gold = {f"{p}{side}": f"celebrity/00{p}" for p in "12345" for side in "ab"}
    del gold["5b"]  # its partner has no text: the pair cannot be joined and does not count
    predicted = {"1a": 1, "1b": 1, "2a": 2, "2b": 3, "3a": 4, "3b": 4, "4a": 5, "4b": 6,
                 "5a": 7}
    lines = audit_lines({"ours": predicted}, gold, audit)
    assert lines[0] == ("celebrity pairs by what their articles share: event 2 (50%), "
                        "topic 1 (25%), people 1 (25%)")
    assert lines[1] == "ours: pairs joined, by relation: event 0.500 topic 1.000 people 0.000"
    assert lines[2].endswith("gives F1 0.667; every event and topic pair 0.857")

    bad = tmp_path / "bad.tsv"
    bad.write_text("001\tsame\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown relation 'same' for pair 001"):
        read_audit(bad)


def test_shipped_audit_covers_every_celebrity_pair_once():
    from eval.stories import RELATIONS, read_audit

    audit = read_audit()
    assert len(audit) == 211
    assert set(audit.values()) == set(RELATIONS)


def test_an_outlet_citing_itself_under_another_name_is_no_citation():
    """"A source tells PEOPLE" in a people.com article is its own reporting; "according to
    Daily Mail" is in the corpus when a dailymail.co.uk article is."""
    analyses = [
        make_analysis("s1", THERAPY + ".", outlet="people.com", published="2024-03-02",
                      cites="PEOPLE"),
        make_analysis("s2", THERAPY + ", a source said.", outlet="www.dailymail.co.uk",
                      published="2024-03-01"),
        make_analysis("s3", THERAPY + ", sources say.", outlet="news.example",
                      published="2024-03-03", cites="Daily Mail"),
    ]
    assert citations.cited_outlets(analyses[0]) == set()
    assert citations.citation_graph(analyses) == [
        {"from": "news.example", "to": "Daily Mail", "claims": 1}]
    assert citations.first_report(analyses)["cited_origins"] == [
        {"outlet": "Daily Mail", "cited_by": ["s3"], "in_corpus": True}]
