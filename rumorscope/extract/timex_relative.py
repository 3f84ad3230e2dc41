"""Handlers for expressions that count from the anchor or from an earlier mention:
"last week", "two weeks ago", "the same evening", "Monday", durations, sets and
PAST/PRESENT/FUTURE references (see `timex_resolve` for the handler contract)."""

from __future__ import annotations

import datetime as dt
import re

from rumorscope.extract import timex_calendar as cal
from rumorscope.extract.timex_lexicon import (
    ORDINALS,
    PART,
    PARTS_OF_DAY,
    REFS,
    SETS,
    UNIT_CODES,
    WEEKDAY,
    WEEKDAYS,
)
from rumorscope.extract.timex_resolve import (
    Context,
    Resolved,
    at_granularity,
    day_value,
    deictic_week,
    duration,
    fine_enough,
    handles,
    number,
    quarter_of,
    shift_value,
    with_part,
)

# "Tuesday nights", "Monday and Tuesday nights": a weekday with a plural part of day recurs.
PLURAL_PART = re.compile(rf"(?P<other>\s+(?:and|or)\s+{WEEKDAY})?\s+(?P<part>{PART})s\b", re.I)
# The mentions a shift by one unit can count from: "two days later" needs a day.
FINE_BASES = {"day": ("day",), "week": ("day",), "month": ("day", "month")}
PAST_RELS = {"last": "past", "past": "past", "previous": "past", "next": "future",
             "coming": "future"}


def unit_of(text: str) -> str:
    t = text.lower()
    return "century" if t.startswith("centur") else t.rstrip("s")


@handles("range")
def number_range(m: re.Match, ctx: Context) -> list[Resolved]:
    a, b = number(m["n1"]), number(m["n2"])
    unit = unit_of(m["unit"])
    return [Resolved(duration(a, unit), "duration", "DURATION", m.start("n1"), m.end("n1")),
            Resolved(duration(b, unit), "duration", "DURATION", m.start("n2"), m.end())]


@handles("duration")
def plain_duration(m: re.Match, ctx: Context) -> list[Resolved]:
    unit, n = unit_of(m["unit"]), number(m["num"])
    singular_count = m["unit"][-1] != "s" and n != 1 and "-" not in m.group()
    if unit in ("second", "quarter") and (m["num"].lower() in ("a", "an") or singular_count):
        return []
    if m["half"] or m["half2"]:
        n = n + 0.5 if n != "X" else n
    if m.group().lower() == "one day" and ctx.direction() == "future":
        return [Resolved("FUTURE_REF", "reference")]  # "she will one day lead": someday
    return [Resolved(duration(n, unit), "duration", "DURATION")]


@handles("span_dur")
def span_duration(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the past two months" is a duration; "the next day", "the following year" are dates
    counted from the last time mentioned."""
    unit, rel = unit_of(m["unit"]), m["rel"].lower()
    plural = m["unit"].lower().endswith("s")
    shifts = rel in ("following", "previous") or (rel == "next" and unit == "day")
    if not m["num"] and not plural and shifts and unit in ("day", "week", "month", "year"):
        base = ctx.ref(*FINE_BASES.get(unit, ("year",)))
        base = base or (ctx.anchor.isoformat() if ctx.anchor else None)
        step = -1 if rel == "previous" else 1
        gran = "day" if unit == "week" else unit
        value = shift_value(base, unit, step)[:{"year": 4, "month": 7}.get(unit)] if base else None
        return [Resolved(value, gran)]
    n = "X" if plural and not m["num"] else number(m["num"])
    return [Resolved(duration(n, unit), "duration", "DURATION")]


@handles("ago")
def ago(m: re.Match, ctx: Context) -> list[Resolved]:
    """"two weeks ago" counts from the anchor, "a year earlier" from the last mention."""
    n, unit = number(m["num"]), unit_of(m["unit"])
    if n == "X" or (m["num"] is None and m["unit"].lower().endswith("s")):
        return [Resolved("PAST_REF" if m["dir"].lower() != "later" else "FUTURE_REF",
                         "reference")]
    gran = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}.get(unit, "year")
    if unit in ("hour", "minute", "second"):
        return [Resolved(day_value(ctx.anchor), "day")]
    sign = 1 if m["dir"].lower() == "later" else -1
    if m["dir"].lower() != "ago":  # "two days later" counts from a day, not from "1997"
        need = FINE_BASES.get(unit, ("quarter", "day", "month", "year"))
        said = ctx.value_in_sentence()
        base = said if said and any(fine_enough(said, n) for n in need) else ctx.ref(*need)
    else:  # "a year ago" beside a quarter's results compares with that quarter
        base = ctx.ref("quarter") if unit == "year" and n == 1 else None
    if base is not None:  # "a decade later" moves ten years
        years = {"decade": 10, "century": 100}.get(unit)
        step = int(sign * n * (years or 1))
        return [Resolved(shift_value(base, "year" if years else unit, step), gran)]
    if ctx.anchor is None:
        return [Resolved(None, gran)]
    return [Resolved(at_granularity(ctx.anchor, unit, int(-sign * n)), gran)]


@handles("year_earlier")
def year_earlier(m: re.Match, ctx: Context) -> list[Resolved]:
    base = ctx.value_in_sentence() or ctx.ref("quarter")
    if base is None and ctx.anchor is not None:
        base = str(ctx.anchor.year)
    return [Resolved(shift_value(base, "year", -1) if base else None, "year")]


def quarter_value(year: int, q: int) -> str:
    return f"{year}-Q{q}"


@handles("quarter")
def quarter(m: re.Match, ctx: Context) -> list[Resolved]:
    q = ORDINALS[m["ord"].lower()]
    if m["y1"] or m["y2"]:
        return [Resolved(quarter_value(int(m["y1"] or m["y2"]), q), "quarter")]
    if ctx.anchor is None:
        return [Resolved(None, "quarter")]
    year, now = quarter_of(ctx.anchor)
    if m["rel"]:
        step = {"this": 0, "next": 1, "coming": 1}.get(m["rel"].lower(), -1)
        return [Resolved(quarter_value(year + step, q), "quarter")]
    return [Resolved(quarter_value(year if q <= now else year - 1, q), "quarter")]


@handles("the_quarter")
def the_quarter(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the latest quarter" is the last one completed; "the quarter" the one in play;
    "the corresponding period last year" the one in play a year back."""
    which = (m["which"] or m["pwhich"] or "").lower()
    ref = ctx.ref("quarter")
    if which in ("year-earlier", "year-ago") or m["last"]:
        return [Resolved(shift_value(ref, "year", -1) if ref else None, "quarter")]
    if ref and which in ("", "same", "comparable", "corresponding"):
        return [Resolved(ref, "quarter")]
    if ctx.anchor is None:
        return [Resolved(None, "quarter")]
    if which == "current":
        return [Resolved(quarter_value(*quarter_of(ctx.anchor)), "quarter")]
    return [Resolved(at_granularity(ctx.anchor, "quarter", 1), "quarter")]


@handles("rel_unit")
def relative_unit(m: re.Match, ctx: Context) -> list[Resolved]:
    """"last week", "this month", "early next year", "this weekend"."""
    unit, rel = m["unit"].lower(), m["rel"].lower()
    gran = {"weekend": "weekend", "quarter": "quarter"}.get(unit, unit)
    if ctx.anchor is None:
        return [Resolved(None, gran)]
    step = {"past": -1, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit in ("week", "weekend"):
        value = cal.week_value(deictic_week(ctx.anchor, rel))
        return [Resolved(value + ("-WE" if unit == "weekend" else ""), gran)]
    if unit == "quarter":  # "this quarter" in a report is the quarter reported on
        ref = ctx.ref("quarter") if step == 0 else None
        return [Resolved(ref or at_granularity(ctx.anchor, "quarter", -step), gran)]
    if unit == "month":
        yy, mm = cal.add_months(ctx.anchor.year, ctx.anchor.month, step)
        return [Resolved(f"{yy}-{mm:02d}", gran)]
    if unit == "decade":
        return [Resolved(str(ctx.anchor.year // 10 + step), gran)]
    if unit == "century":
        return [Resolved(f"{ctx.anchor.year // 100 + step:02d}", gran)]
    return [Resolved(str(ctx.anchor.year + step), gran)]


@handles("anaphor")
def anaphor(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the same evening", "that week", "the end of the year": the last mention's time."""
    unit = (m["unit"] or m["unit2"]).lower()
    fallback = ctx.anchor.isoformat() if ctx.anchor else None
    if unit in ("year",):
        value = ctx.ref("year", "quarter") or fallback
        return [Resolved(value[:4] if value else None, "year")]
    if unit == "month":
        value = ctx.ref("month", "day") or fallback
        return [Resolved(value[:7] if value else None, "month")]
    value = ctx.ref("day") or fallback
    day = dt.date.fromisoformat(value[:10]) if value else None
    if unit in ("week", "weekend"):
        if m["unit2"] and day and not ctx.ref("day"):
            day -= dt.timedelta(days=(day.weekday() + 2) % 7 if unit == "weekend" else 0)
        suffix = "-WE" if unit == "weekend" else ""
        return [Resolved(cal.week_value(day) + suffix if day else None, unit)]
    return [with_part(day, unit if unit in PARTS_OF_DAY else None)]


@handles("next_part")
def next_part(m: re.Match, ctx: Context) -> list[Resolved]:
    """"the next morning": the day after the last day mentioned."""
    base = ctx.ref("day") or (ctx.anchor.isoformat() if ctx.anchor else None)
    step = -1 if m["rel"].lower() == "previous" else 1
    day = dt.date.fromisoformat(base[:10]) + dt.timedelta(days=step) if base else None
    return [with_part(day, m["part"])]


@handles("relday")
def relative_day(m: re.Match, ctx: Context) -> list[Resolved]:
    word = " ".join(m["word"].lower().split())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}.get(word, 0)
    day = ctx.anchor + dt.timedelta(days=shift) if ctx.anchor else None
    part = "night" if word == "tonight" else m["part"]
    return [with_part(day, part)]


@handles("relpart")
def relative_part(m: re.Match, ctx: Context) -> list[Resolved]:
    shift = -1 if m["rel"].lower() == "last" else 0
    day = ctx.anchor + dt.timedelta(days=shift) if ctx.anchor else None
    return [with_part(day, m["part"])]


@handles("weekday")
def weekday(m: re.Match, ctx: Context) -> list[Resolved]:
    """A weekday is the closest one before the anchor unless tense or "next" says later."""
    target = WEEKDAYS[m["wd"].lower()]
    if plural := PLURAL_PART.match(m.string, m.end()):
        return [Resolved(f"XXXX-WXX-{target + 1}{PARTS_OF_DAY[plural['part'].lower()]}", "set",
                         "SET", end=None if plural["other"] else plural.end())]
    if ctx.anchor is None:
        return [with_part(None, m["part"])]
    rel = (m["rel"] or "").lower()
    direction = PAST_RELS.get(rel) or ctx.direction() or "past"
    back = (ctx.anchor.weekday() - target) % 7
    if direction == "future" and back == 0 and not rel and ctx.in_progress():
        direction = "past"  # "is flying out Monday", written on a Monday: today
    if direction == "future":
        day = ctx.anchor + dt.timedelta(days=(target - ctx.anchor.weekday()) % 7 or 7)
    else:
        day = ctx.anchor - dt.timedelta(days=back or (7 if rel in ("last", "past") else 0))
    return [with_part(day, m["part"])]


@handles("time")
def clock_time(m: re.Match, ctx: Context) -> list[Resolved]:
    """"9:32am PDT": on the day named in the same sentence, else the anchor."""
    if m["word"]:
        hour, minute = (12 if m["word"].lower() == "noon" else 0), 0
    else:
        hour, minute = clock_hour(int(m["h"]), m["ap"].lower().split()[-1]), int(m["m"] or 0)
        if hour is None:
            return []
    day = ctx.day_in_sentence() or ctx.anchor
    return [Resolved(f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None, "time",
                     "TIME")]


# The 12-hour clock readings each part of day can hold, and hours to add to them:
# "4 in the morning" is 04:00, "9 at night" 21:00, "2 at night" 02:00.
PART_HOURS = {"morning": (range(1, 12), 0), "afternoon": (range(1, 7), 12),
              "evening": (range(4, 12), 12)}


def clock_hour(hour: int, marker: str) -> int | None:
    """The 24-hour hour of `hour` followed by a.m./p.m. or a part of day; None when the
    part of day cannot hold it ("1 in the evening" is no clock time)."""
    if marker == "night":
        return hour % 12 + (12 if 6 <= hour <= 11 else 0)
    if marker == "afternoon" and hour == 12:
        return 12
    if marker in PART_HOURS:
        hours, add = PART_HOURS[marker]
        return hour + add if hour in hours else None
    return hour % 12 + (12 if marker.startswith("p") else 0)


@handles("set")
def frequency(m: re.Match, ctx: Context) -> list[Resolved]:
    if m["adj"]:
        return [Resolved(SETS[m["adj"].lower()], "set", "SET")]
    if m["wd"] or m["wds"]:  # "every Monday", "on Mondays"
        return [Resolved(f"XXXX-WXX-{WEEKDAYS[(m['wd'] or m['wds']).lower()] + 1}", "set", "SET")]
    n = number(m["num"]) if m["num"] else 1
    if m["other"]:
        n = 2
    unit = unit_of(m["unit"])
    if unit not in UNIT_CODES:
        return []
    return [Resolved(duration(n, unit), "set", "SET")]


@handles("ref")
def reference(m: re.Match, ctx: Context) -> list[Resolved]:
    words = (m["ref"] or m["atref"]).lower().split()
    key = " ".join(words) if words[0] == "these" else words[-1]
    return [Resolved(REFS[key], "reference")]

