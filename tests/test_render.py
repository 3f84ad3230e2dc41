"""Terminal and HTML reports: literal untrusted text, escaping, span nesting, content."""

from __future__ import annotations

import html
import io
import random
import re
from html.parser import HTMLParser

import pytest
from rich.console import Console

from rumorscope.render import people, summary_counts
from rumorscope.render.html import Mark, markup, render_report
from rumorscope.render.terminal import DENIAL_STYLE, HEDGE_STYLE, _marked_text, render_analysis
from rumorscope.schema import (
    Analysis,
    Article,
    Attribution,
    Credibility,
    Entity,
    Fact,
    Hedge,
    Reason,
    Source,
    TextSpan,
    TimelineEvent,
    Timex,
)

TEXT = (
    "Jane Doe, 41, is allegedly dating Max Roe, a source told Gossip Daily on Monday. "
    '"We are [bold]just friends[/]," Roe said. <script>alert(1)</script> " onmouseover="x\n\n'
    "Doe denied the rumor in 2019, and her husband Carl Doe is a dentist."
)
EVIL_TITLE = 'Jane & Max <script>alert(1)</script> " onmouseover="steal()'


def at(sub: str, text: str = TEXT) -> tuple[int, int]:
    """Span of the first occurrence of `sub` (fails loudly when absent)."""
    start = text.index(sub)
    return start, start + len(sub)


def ts(sub: str) -> TextSpan:
    return TextSpan(text=sub, span=at(sub))


def make_analysis(published: str | None = "2024-03-06", scored: bool = True) -> Analysis:
    """A hand-built analysis of TEXT with every list filled and spans that nest."""
    article = Article(id="t1", title=EVIL_TITLE, outlet="Gossip <b>Daily</b>", published=published,
                      credit="Splash", url="https://example.com/story", text=TEXT)
    source_content = "Jane Doe, 41, is allegedly dating Max Roe"
    roe = TEXT.index("Roe said")
    return Analysis(
        article=article,
        entities=[Entity(id="e1", name="Jane Doe", type="PERSON", aliases=["Doe"],
                         mentions=[at("Jane Doe")]),
                  Entity(id="e2", name="Max Roe", type="PERSON", aliases=["Roe"]),
                  Entity(id="e3", name="Gossip Daily", type="ORG")],
        facts=[Fact(entity="Jane Doe", attribute="age", value="41", span=at("41")),
               Fact(entity="Doe", attribute="spouse", value="Carl Doe", span=at("husband")),
               Fact(entity="Carl Doe", attribute="occupation", value="dentist",
                    span=at("dentist"))],
        attributions=[
            Attribution(id="a1", source=Source(text="a source", span=at("a source"),
                                               type="anonymous"),
                        cue=ts("told"), content=ts(source_content), direct_quote=False,
                        via="Gossip Daily"),
            Attribution(id="a2", source=Source(text="Roe", span=(roe, roe + 3),
                                               type="named_person"),
                        cue=ts("said"), content=ts("We are [bold]just friends[/],"),
                        direct_quote=True),
        ],
        hedges=[Hedge(text="allegedly", span=at("allegedly"), kind="hedge"),
                Hedge(text="denied", span=at("denied"), kind="denial")],
        timexes=[Timex(text="on Monday", span=at("on Monday"), value="2024-03-04",
                       granularity="day"),
                 Timex(text="2019", span=at("2019"), value="2019", granularity="year")],
        timeline=[TimelineEvent(date="2024-03-04", granularity="day", event="source spoke",
                                timex=0, certainty="hedged", attribution="a1"),
                  TimelineEvent(date="2019", granularity="year", event="Doe denied the rumor",
                                timex=1, certainty="denied")],
        credibility=(Credibility(p_false=0.73, label="likely_false", model="test-model",
                                 reasons=[Reason(signal="share_anonymous", effect=0.2,
                                                 evidence=[at("a source")]),
                                          Reason(signal="phrase: allegedly dating",
                                                 effect=-0.1,
                                                 evidence=[at("allegedly dating")])])
                     if scored else Credibility()),
        signals={"hedge_rate": 0.5},
        warnings=[] if published else ["no publication date: relative expressions unresolved"],
    )


def test_fixture_spans_are_consistent() -> None:
    analysis = make_analysis()
    roe = analysis.attributions[1].source
    assert TEXT[slice(*roe.span)] == "Roe" and TEXT[roe.span[1]:].startswith(" said")


# --- span-to-markup ---------------------------------------------------------------------------

class _Coverage(HTMLParser):
    """Rebuilds the text and, per character, the set of open mark classes; checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.chars: list[tuple[str, frozenset[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":  # the page's only void element
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"misnested </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        active = frozenset(css for _, css in self.stack)
        self.chars.extend((ch, active) for ch in data)


def coverage(fragment: str) -> _Coverage:
    parser = _Coverage()
    parser.feed(fragment)
    parser.close()
    assert not parser.stack, "unclosed tags"
    return parser


def expected_coverage(text: str, marks: list[Mark]) -> list[frozenset[str]]:
    return [frozenset(m.css for m in marks if m.start <= i < m.end) for i in range(len(text))]


def test_markup_nests_inner_span_inside_outer() -> None:
    text = "a source said she allegedly left"
    outer, inner = Mark(0, len(text), "content", "c", tag="span"), Mark(*at("allegedly", text),
                                                                         "hedge", "h")
    out = markup(text, [inner, outer])
    assert out == ('<span class="content" title="c">a source said she '
                   '<mark class="hedge" title="h">allegedly</mark> left</span>')


def test_markup_splits_overlapping_spans_and_keeps_them_well_nested() -> None:
    text = "0123456789"
    marks = [Mark(0, 6, "a", "A"), Mark(3, 9, "b", "B")]
    out = markup(text, marks)
    assert out == ('<mark class="a" title="A">012<mark class="b" title="B">345</mark></mark>'
                   '<mark class="b" title="B">678</mark>9')
    assert [c for _, c in coverage(out).chars] == expected_coverage(text, marks)


def test_markup_escapes_text_and_titles_and_drops_bad_spans() -> None:
    text = '<script>alert(1)</script> " onmouseover="x'
    out = markup(text, [Mark(0, 8, "m", 'x" onclick="y'), Mark(5, 5, "empty", ""),
                        Mark(-1, 3, "neg", ""), Mark(3, 999, "far", "")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'title="x&quot; onclick=&quot;y"' in out
    assert "empty" not in out and "neg" not in out and "far" not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize("seed", range(20))
def test_markup_random_spans_cover_exactly_their_characters(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <&\">'\n") for _ in range(40))
    marks = []
    for i in range(rng.randint(1, 8)):
        start = rng.randrange(0, 40)
        marks.append(Mark(start, rng.randint(start + 1, 40), f"m{i}", f"t{i}",
                          tag=rng.choice(["mark", "span"]), layer=rng.randint(0, 2)))
    parsed = coverage(markup(text, marks))
    assert "".join(ch for ch, _ in parsed.chars) == text
    assert [c for _, c in parsed.chars] == expected_coverage(text, marks)


# --- HTML report --------------------------------------------------------------------------------

def test_html_escapes_untrusted_text_and_title() -> None:
    page = render_report([make_analysis()])
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '" onmouseover=' not in page and "onmouseover" in page
    assert "<b>Daily</b>" not in page and "&lt;b&gt;Daily&lt;/b&gt;" in page


def test_html_has_no_external_resources() -> None:
    page = render_report([make_analysis()])
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(|<link|<iframe|<img", page, re.I)
    assert "https://example.com/story" in page  # shown as text only


def test_html_is_well_nested_and_text_round_trips() -> None:
    page = render_report([make_analysis(), make_analysis(published=None)])
    coverage(page)  # the whole page is well nested too
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    parsed = coverage(body)
    assert "".join(ch for ch, _ in parsed.chars) == TEXT
    inside_content = [css for ch, css in parsed.chars][at("allegedly")[0]]
    assert {"content src-anonymous", "hedge kind-hedge"} <= inside_content


def test_html_marks_carry_classes_titles_and_legend() -> None:
    page = render_report([make_analysis()])
    assert re.search(r'<mark class="hedge kind-denial" title="denial[^"]*">denied</mark>', page)
    assert 'title="time expression: 2024-03-04 (day, DATE)">on Monday</mark>' in page
    assert '<mark class="source src-anonymous" title="source: anonymous, via Gossip Daily">' in page
    assert '<mark class="source src-named_person"' in page
    legend = re.search(r'<div class="legend">(.*?)</div>', page, re.S).group(1)
    for source_type in ("named_person", "anonymous", "outlet", "official", "social_media",
                        "unspecified"):
        assert f"src-{source_type}" in legend


def test_html_sections_metadata_people_timeline_credibility() -> None:
    page = render_report([make_analysis(), make_analysis(published=None, scored=False)])
    assert page.count('<section class="article"') == 2
    assert 'href="#article-1"' in page and 'href="#article-2"' in page
    assert page.count("no publication date: relative dates left unresolved") == 1
    assert "<li>age: 41</li><li>spouse: Carl Doe</li>" in page
    assert "<li>occupation: dentist</li>" in page
    assert "cert-denied" in page and "Doe denied the rumor" in page
    assert page.count('class="cred cred-likely_false"') == 1 and "(p_false 0.73)" in page


# --- shared views -----------------------------------------------------------------------------

def test_people_match_facts_by_alias_and_keep_unknown_holders() -> None:
    rows = {p.name: p for p in people(make_analysis())}
    assert set(rows) == {"Jane Doe", "Max Roe", "Carl Doe"}
    assert rows["Jane Doe"].fact_lines() == ["age: 41", "spouse: Carl Doe"]
    assert rows["Carl Doe"].fact_lines() == ["occupation: dentist"]


def test_summary_counts_split_hedges_and_denials() -> None:
    counts = summary_counts(make_analysis())
    assert (counts["hedges"], counts["denials"], counts["time expressions"]) == (1, 1, 2)


# --- terminal -----------------------------------------------------------------------------------

def terminal_output(analysis: Analysis, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render_analysis(analysis, console)
    return console.export_text()


def test_terminal_prints_markup_like_text_literally() -> None:
    out = terminal_output(make_analysis())
    assert "[bold]just friends[/]" in out
    assert "<script>alert(1)</script>" in out
    assert "Gossip <b>Daily</b>" in out


def test_terminal_report_sections() -> None:
    out = terminal_output(make_analysis())
    assert "2024-03-06" in out and "Splash" in out and "t1" in out
    assert re.search(r"Jane Doe\s+Doe\s+age: 41", out)
    assert re.search(r"2019\s+Doe denied the rumor\s+denied", out)
    assert re.search(r"2024-03-04\s+source spoke\s+hedged\s+a source", out)
    assert re.search(r"a source\s+told\s+Jane Doe, 41, is allegedly dating Max Roe", out)
    assert re.search(r"anonymous\s+indirect", out) and "via Gossip Daily" in out
    assert "1 hedges · 1 denials · 2 time expressions" in out
    assert "Credibility: likely false" in out and "p_false 0.73" in out


def test_terminal_flags_missing_date_and_hides_unscored_credibility() -> None:
    out = terminal_output(make_analysis(published=None, scored=False))
    assert "no publication date" in out
    assert "Credibility" not in out


def test_terminal_styles_hedges_and_denials_differently() -> None:
    styled = {(s.start, s.end): s.style for s in _marked_text(make_analysis()).spans}
    assert styled[at("allegedly")] == HEDGE_STYLE
    assert styled[at("denied")] == DENIAL_STYLE
    assert HEDGE_STYLE != DENIAL_STYLE


# --- the reference article through the real pipeline ----------------------------------------

@pytest.fixture(scope="module")
def reference() -> Analysis:
    from rumorscope import analyze

    return analyze("/work/shared/examples/kim-kanye-counseling.txt")


def test_reference_article_renders_in_both_formats(reference: Analysis) -> None:
    out = terminal_output(reference)
    assert "2016-12-20" in out and "SplashNews" in out and "Kim Kardashian" in out
    page = render_report([reference])
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert "".join(ch for ch, _ in coverage(body).chars) == reference.article.text


def test_reports_carry_the_sourcing_summary(reference_analysis):
    from io import StringIO

    from rich.console import Console

    from rumorscope.render.html import render_report
    from rumorscope.render.terminal import render_analysis

    summary = reference_analysis.sourcing.summary
    assert summary.startswith(f"{len(reference_analysis.claims)} claims: ")
    buffer = StringIO()
    render_analysis(reference_analysis, Console(file=buffer, width=400, force_terminal=False))
    assert f"Sourcing: {summary}" in buffer.getvalue()
    assert f"<b>Sourcing:</b> {summary.replace(chr(39), '&#39;')}" in render_report(
        [reference_analysis])


# --- credibility gauge and evidence ------------------------------------------------------------

def test_html_gauge_places_the_needle_and_reasons_link_to_their_evidence() -> None:
    page = render_report([make_analysis()])
    assert 'role="meter"' in page and 'aria-valuenow="0.73"' in page
    assert 'class="needle" style="left: 73.0%"' in page
    links = re.findall(r'href="#(article-1-r\d+-\d+)"', page)
    assert links == ["article-1-r0-0", "article-1-r1-0"]
    for anchor in links:  # each link lands on exactly one element, in the article text
        assert page.count(f'id="{anchor}"') == 1
    # "allegedly dating" overlaps the hedge and the content marks, so its mark is split:
    # the id stays on the first piece only, and the passage is still all inside the marks.
    evidence = re.search(r'<span id="article-1-r1-0" class="evidence"[^>]*>(.*?)</span>', page)
    assert evidence and "allegedly" in html.unescape(re.sub(r"<[^>]+>", "", evidence.group(1)))
    assert "share of attributions whose source is anonymous" in page
    assert "the wording &#34;allegedly dating&#34;" in page or \
        "the wording &quot;allegedly dating&quot;" in page


def test_topic_reasons_read_as_what_the_story_is_about() -> None:
    from rumorscope.render import reason_label

    assert reason_label("topic: kim kardashian").startswith('a story about "kim kardashian"')
    assert reason_label("phrase: allegedly") == 'the wording "allegedly"'


def test_html_evidence_passages_are_escaped() -> None:
    analysis = make_analysis()
    analysis.credibility.reasons = [Reason(signal="phrase: x", effect=0.3,
                                           evidence=[at("<script>alert(1)</script>")])]
    page = render_report([analysis])
    assert "<script>" not in page and "“&lt;script&gt;alert(1)&lt;/script&gt;”" in page


def test_terminal_gauge_and_reasons_quote_their_evidence() -> None:
    out = terminal_output(make_analysis())
    assert "▕" + "█" * 15 + "░" * 5 + "▏" in out  # 0.73 of 20 cells, rounded
    assert "+0.20 share of attributions whose source is anonymous" in out
    assert "“a source”" in out and f"[{at('a source')[0]}:{at('a source')[1]}]" in out
    assert "-0.10 the wording \"allegedly dating\"" in out


def test_terminal_attributions_show_the_chain_of_the_relayed_quote(reference_analysis) -> None:
    out = terminal_output(reference_analysis, width=80)
    assert re.search(r"the site’s\s+claims", out)
    assert re.search(r"quoting Kim\s+Kardashian", out) and re.search(r"via Daily\s+Mail", out)
    assert "according to" in out  # the cue is not cut down to "accordi…"
