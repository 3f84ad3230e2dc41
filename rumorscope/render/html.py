"""One self-contained HTML page (inline CSS, no scripts, no external resources) for analyses.

Every string in an Analysis is untrusted: the Jinja2 environment autoescapes, and the only
pre-built HTML (`markup`) escapes each text piece and attribute itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rumorscope.render import (
    GAUGE_BANDS,
    ReasonView,
    attribution_sources,
    people,
    reason_views,
    summary_counts,
    trim,
)
from rumorscope.schema import Analysis

SOURCE_COLORS = {  # RGB per source type, shared by marks, legend and tables
    "named_person": (46, 125, 50), "anonymous": (198, 40, 40), "outlet": (21, 101, 192),
    "official": (0, 131, 143), "social_media": (123, 31, 162), "unspecified": (230, 81, 0),
}
HEDGE_TITLES = {"hedge": "hedge: lowers the certainty of the claim",
                "denial": "denial: the claim is rejected or disputed"}
CONTENT_WIDTH = 160


@dataclass(frozen=True)
class Mark:
    """A span to wrap in an element; `layer` orders marks of the same extent (lower = outer)."""

    start: int
    end: int
    css: str
    title: str
    tag: str = "mark"
    layer: int = 0
    anchor: str = ""  # an id to link to; only the first piece of a split mark carries it

    def open(self, first: bool = True) -> str:
        anchor = f' id="{escape(self.anchor)}"' if self.anchor and first else ""
        return f'<{self.tag}{anchor} class="{escape(self.css)}" title="{escape(self.title)}">'

    def close(self) -> str:
        return f"</{self.tag}>"


def markup(text: str, marks: Iterable[Mark]) -> str:
    """Escaped `text` with every mark wrapped around its span, correctly nested.

    Marks may nest or overlap. At each boundary the marks that end are closed; any mark
    opened after them and still running is closed too and reopened right away, so the
    elements stay well nested and each character sits inside exactly the marks covering it.
    Marks starting together open longest first, keeping the number of splits low.
    """
    valid = {m for m in marks if 0 <= m.start < m.end <= len(text)}
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in valid:
        starting[mark.start].append(mark)
    boundaries = sorted({0, len(text)} | {m.start for m in valid} | {m.end for m in valid})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    previous = 0
    for pos in boundaries:
        out.append(escape(text[previous:pos]))
        previous = pos
        reopen = _close_ending(stack, pos, out)
        for mark in sorted(reopen + starting[pos], key=lambda m: (-m.end, m.layer, m.css)):
            out.append(mark.open(first=mark not in opened))
            opened.add(mark)
            stack.append(mark)
    return "".join(out)


def _close_ending(stack: list[Mark], pos: int, out: list[str]) -> list[Mark]:
    """Close the marks ending at `pos` and all above them; return the ones to reopen."""
    lowest = next((i for i, m in enumerate(stack) if m.end == pos), None)
    if lowest is None:
        return []
    closing = stack[lowest:]
    del stack[lowest:]
    out.extend(m.close() for m in reversed(closing))
    return [m for m in closing if m.end != pos]


def analysis_marks(analysis: Analysis) -> list[Mark]:
    """Marks for attribution contents, sources and cues, hedges and time expressions."""
    marks: list[Mark] = []
    for a in analysis.attributions:
        kind = a.source.type
        resolved = f" = {a.source.resolves_to}" if a.source.resolves_to else ""
        via = f", via {a.via}" if a.via else ""
        quote = "direct quote" if a.direct_quote else "indirect speech"
        marks += [
            Mark(*a.content.span, f"content src-{kind}",
                 f"{quote} attributed to {a.source.text} ({kind}{via})", tag="span"),
            Mark(*a.source.span, f"source src-{kind}", f"source: {kind}{resolved}{via}", layer=1),
            Mark(*a.cue.span, "cue", f"attribution cue ({a.id})", layer=1),
        ]
    for hedge in analysis.hedges:
        marks.append(Mark(*hedge.span, f"hedge kind-{hedge.kind}", HEDGE_TITLES[hedge.kind],
                          layer=2))
    for timex in analysis.timexes:
        value = timex.value or "unresolved"
        marks.append(Mark(*timex.span, "timex",
                          f"time expression: {value} ({timex.granularity}, {timex.type})",
                          layer=3))
    return marks


def evidence_marks(anchor: str, reasons: list[ReasonView]) -> list[Mark]:
    """A mark with an id on each passage a credibility reason rests on, so the reason can
    link to it (`{anchor}-r{reason}-{passage}`)."""
    return [Mark(start, end, "evidence", f"credibility evidence: {reason.label}",
                 tag="span", layer=4, anchor=f"{anchor}-r{i}-{k}")
            for i, reason in enumerate(reasons)
            for k, (start, end, _) in enumerate(reason.evidence)]


def gauge_view(p_false: float | None) -> dict[str, Any] | None:
    """Where the needle and the band edges sit on the gauge, in percent."""
    if p_false is None:
        return None
    edges, low = [], 0.0
    for name, top in GAUGE_BANDS:
        edges.append({"name": name, "left": round(100 * low, 1),
                      "width": round(100 * (top - low), 1)})
        low = top
    return {"needle": round(100 * max(0.0, min(1.0, p_false)), 1), "bands": edges}


def _article_view(index: int, analysis: Analysis) -> dict[str, Any]:
    """Everything the template shows for one article, precomputed in Python."""
    sources = attribution_sources(analysis)
    anchor = f"article-{index}"
    reasons = reason_views(analysis)
    marks = analysis_marks(analysis) + evidence_marks(anchor, reasons)
    return {
        "anchor": anchor,
        "a": analysis,
        "people": people(analysis),
        "others": [e for e in analysis.entities if e.type != "PERSON"],
        "counts": summary_counts(analysis),
        "timeline": [(e, sources.get(e.attribution or "", ""))
                     for e in sorted(analysis.timeline, key=lambda e: e.date)],
        "attributions": [(a, trim(a.content.text, CONTENT_WIDTH)) for a in analysis.attributions],
        "text_html": Markup(markup(analysis.article.text, marks)),
        "reasons": reasons,
        "gauge": gauge_view(analysis.credibility.p_false),
    }


_ENV = Environment(
    loader=PackageLoader("rumorscope.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_report(analyses: list[Analysis]) -> str:
    """The whole report page: one section per analysis, with a contents list when several."""
    views = [_article_view(i, a) for i, a in enumerate(analyses, start=1)]
    return _ENV.get_template("report.html.j2").render(views=views, source_colors=SOURCE_COLORS,
                                                         hedge_titles=HEDGE_TITLES)
