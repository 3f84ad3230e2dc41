"""Handlers for years and periods said in words: "nineteen ninety-six", "for years",
"recent months", "the full year", "the 1988 quarter" (see `timex_resolve` for the
handler contract). TimeML gives vague spans an X count (`PXY`) and reporting periods
the quarter or year the text is about."""

from __future__ import annotations

import re

from rumorscope.extract.timex_lexicon import NUMBER_WORDS
from rumorscope.extract.timex_resolve import (
    Context,
    Resolved,
    duration,
    handles,
    month_number,
)


@handles("spelled_year")
def spelled_year(m: re.Match, ctx: Context) -> list[Resolved]:
    """Transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    ones = NUMBER_WORDS.get((m["ones"] or m["ones2"] or "").lower(), 0)
    year = (1900 + NUMBER_WORDS[m["tens"].lower()] if m["tens"] else 2000) + ones
    if m["month"]:
        return [Resolved(f"{year}-{month_number(m['month']):02d}", "month")]
    return [Resolved(str(year), "year")]


@handles("vague_units")
def vague_units(m: re.Match, ctx: Context) -> list[Resolved]:
    """"recent months", "for years", "decades-long": a span of an unstated count."""
    unit = (m["unit"] or m["bare"] or m["long"]).lower().rstrip("s")
    return [Resolved(duration("X", "year" if unit == "decade" else unit), "duration",
                     "DURATION")]


@handles("fiscal_year")
def fiscal_year(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the full year", "by year's end" are the anchor's year; "the year ended March 31"
    is a year-long span whose end is named apart."""
    if m["dur"]:
        return [Resolved("P1Y", "duration", "DURATION", m.start("dur"), m.end("dur"))]
    return [Resolved(str(ctx.anchor.year) if ctx.anchor else None, "year")]


@handles("year_quarter")
def year_quarter(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the 1988 quarter": the quarter under discussion, in the year named."""
    ref = ctx.ref("quarter")
    if ref:
        return [Resolved(f"{m['year']}{ref[4:]}", "quarter")]
    if m["unit"].lower() == "quarter":
        return [Resolved(f"{m['year']}-QX", "quarter")]
    return [Resolved(m["year"], "year", start=m.start("year"), end=m.end("year"))]


@handles("half")
def half_year(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the first half of 1990" is `1990-H1`; "first-half profit" and "the second half
    of the year" take the year in discussion."""
    year = m["year"] or m["year2"]
    rel = (m["rel"] or "").lower()
    if year is None:
        base = ctx.ref("year") if rel in ("", "the") else None
        if base is None and ctx.anchor is None:
            return [Resolved(None, "unknown")]
        step = {"next": 1, "last": -1}.get(rel, 0)
        year = str(int(base[:4]) if base else ctx.anchor.year + step)
    return [Resolved(f"{year}-H{1 if m['ord'].lower() == 'first' else 2}", "unknown")]
