"""The story report's text form, from a hand-made report: undated stories, long claims,
contradictions."""

from __future__ import annotations

from rumorscope.corpus.report_text import CLAIM_CHARS, story_text


def _report(**parts):
    report = {
        "id": 7, "title": None,
        "timeline": [{"published": None, "article": "a1", "outlet": None, "title": None,
                      "credibility": "uncertain", "sourcing": "1 claim"}],
        "first_report": {"earliest": None, "cited_origins": []},
        "citations": [], "corroboration": [], "contradictions": [],
    }
    report.update(parts)
    return report


def test_an_undated_untitled_story_says_what_it_lacks():
    lines = story_text(_report()).splitlines()
    assert lines[:2] == ["story 7: (untitled)", "1 article from 0 outlets, no publication dates"]
    assert "  undated     ?" in lines[4]
    assert "  earliest in the corpus: unknown (no article has a publication date)" in lines
    assert "  no article cites another outlet" in lines


def test_contradictions_pair_the_two_claims_and_long_claims_are_cut_at_a_word():
    long_claim = "Dana Vale and Rick Moor are in couples therapy " * 10
    contradiction = {"claims": [
        {"article": "a1", "outlet": "Star", "text": long_claim, "certainty": "asserted"},
        {"article": "a2", "outlet": None, "text": "They aren't in therapy",
         "certainty": "denied"}]}
    lines = story_text(_report(contradictions=[contradiction])).splitlines()
    at = lines.index("contradictions")
    first, second = lines[at + 1], lines[at + 2]
    assert first.startswith("  Star: “Dana Vale") and first.endswith(" …”")
    assert len(first) <= len("  Star: “") + CLAIM_CHARS + 3
    assert second == "    against a2: “They aren't in therapy”"
