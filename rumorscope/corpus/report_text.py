"""The terminal form of the corpus reports (`rumorscope story ID`, `outlet NAME`,
`person NAME`): every part of the JSON report, in sections a reader scans top to bottom,
nothing dropped or printed as a dict."""

from __future__ import annotations

from typing import Any

CLAIM_CHARS = 160


def _quoted(text: str) -> str:
    """A claim in quotation marks, one line, cut at a word boundary when long."""
    text = " ".join(text.split())
    if len(text) > CLAIM_CHARS:
        text = text[:CLAIM_CHARS].rsplit(" ", 1)[0] + " …"
    return f"“{text}”"


def _count(n: int, noun: str) -> str:
    """"1 article", "3 articles"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _articles(n: int) -> str:
    return _count(n, "article")


def _heading(report: dict[str, Any]) -> list[str]:
    timeline = report["timeline"]
    outlets = {t["outlet"] for t in timeline if t["outlet"]}
    dates = sorted(t["published"] for t in timeline if t["published"])
    span = (f", {dates[0]} to {dates[-1]}" if len(dates) > 1 and dates[0] != dates[-1]
            else f", {dates[0]}" if dates else ", no publication dates")
    return [f"story {report['id']}: {report['title'] or '(untitled)'}",
            f"{_articles(len(timeline))} from {_count(len(outlets), 'outlet')}{span}"]


def _section(title: str, body: list[str], empty: str = "none") -> list[str]:
    """A blank line, the section's title, then its lines (or one saying there are none)."""
    return ["", title, *(body or [f"  {empty}"])]


def _timeline(report: dict[str, Any]) -> list[str]:
    body = []
    for item in report["timeline"]:
        body.append(f"  {item['published'] or 'undated':<10}  {item['outlet'] or '?':<24}  "
                    f"{item['credibility']:<12}  {item['title'] or item['article']}")
        body.append(f"  {'':<10}  {'':<24}  {item['sourcing']}")
    return _section("timeline", body)


def _first_report(report: dict[str, Any]) -> list[str]:
    first = report["first_report"]
    earliest = first["earliest"]
    if earliest:
        body = [f"  earliest in the corpus: {earliest['outlet'] or '?'} on "
                f"{earliest['published']} ({earliest['article']})"]
    else:
        body = ["  earliest in the corpus: unknown (no article has a publication date)"]
    for origin in first["cited_origins"]:
        where = "in the corpus" if origin["in_corpus"] else "not in the corpus"
        body.append(f"  cited as a source: {origin['outlet']} (by "
                    f"{_articles(len(origin['cited_by']))}; {where})")
    return _section("first report", body)


def _citations(report: dict[str, Any]) -> list[str]:
    body = [f"  {edge['from']} → {edge['to']} ({_count(edge['claims'], 'claim')})"
            for edge in report["citations"]]
    return _section("who cites whom", body, "no article cites another outlet")


def _corroboration(report: dict[str, Any]) -> list[str]:
    body = []
    for item in report["corroboration"]:
        body.append(f"  {item['status']}: {_quoted(item['claim'])}")
        body.append(f"    {_articles(len(item['articles']))}; origins: "
                    f"{', '.join(item['origins'])}")
    return _section("claims told by more than one article", body)


def _contradictions(report: dict[str, Any]) -> list[str]:
    body = []
    for item in report["contradictions"]:
        first, second = item["claims"]
        body.append(f"  {first['outlet'] or first['article']}: {_quoted(first['text'])}")
        body.append(f"    against {second['outlet'] or second['article']}: "
                    f"{_quoted(second['text'])}")
    return _section("contradictions", body)


def story_text(report: dict[str, Any]) -> str:
    """The whole report as plain text."""
    return "\n".join(_heading(report) + _timeline(report) + _first_report(report)
                     + _citations(report) + _corroboration(report) + _contradictions(report))


def _share(value: float) -> str:
    return f"{value:.0%}"


def outlet_text(report: dict[str, Any]) -> str:
    """An outlet's sourcing profile: how its claims are sourced, whom it cites and who
    cites it, and how its articles score."""
    lines = [f"outlet {report['outlet']}: {_articles(report['articles'])}, "
             f"{report['claims']} claims",
             f"  in its own voice: {_share(report['own_voice_share'])} of claims",
             f"  of attributed claims: {_share(report['anonymous_share'])} anonymous, "
             f"{_share(report['on_record_share'])} on record"]
    types = sorted(report["source_types"].items(), key=lambda item: -item[1])
    lines += _section("sources by type", [f"  {kind:<14} {n}" for kind, n in types])
    lines += _section("outlets it cites", [f"  {name} ({_count(n, 'claim')})"
                                           for name, n in report["cites"].items()])
    lines += _section("outlets citing it", [f"  {name} ({_articles(n)})"
                                            for name, n in report["cited_by"].items()])
    scores = report["credibility"]
    body = [f"  {label:<14} {n}" for label, n in sorted(scores["labels"].items())]
    body += [f"  p(false) {band}: {n}" for band, n in scores["p_false"].items()]
    return "\n".join(lines + _section("credibility of its articles", body))


def person_text(report: dict[str, Any]) -> str:
    """Every claim about a person, oldest first, with its certainty and where it came from."""
    claims = report["claims"]
    lines = [f"{report['person']}: {_count(len(claims), 'claim')} in "
             f"{_articles(report['articles'])}"]
    for claim in claims:
        lines.append(f"  {claim['published'] or 'undated':<10}  {claim['outlet'] or '?':<24}  "
                     f"{claim['certainty']:<9}  {_quoted(claim['claim'])}")
        chain = " ← ".join(claim["chain"]) if claim["chain"] else claim["origin"]
        lines.append(f"  {'':<10}  {'':<24}  {'':<9}  from {chain}")
    return "\n".join(lines)
