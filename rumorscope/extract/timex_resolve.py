"""Turn one matched time expression into a TimeML value, given what the text says so far.

One handler per rule of `timex_lexicon.RULE_PATTERNS`. A handler gets the rule's own
match and a `Context` (anchor date, tense at the expression, the last calendar value
mentioned, for anaphora like "the same evening") and returns `Resolved` items, or an
empty list to reject the match. Relative expressions get value None without an anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rumorscope.extract import timex_calendar as cal
from rumorscope.extract.timex_lexicon import (
    COUPLE,
    DECADE_WORDS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_CODES,
    VAGUE_NUMBERS,
)


@dataclass
class Resolved:
    """One normalised expression; `start`/`end` (offsets in the text) default to the match's."""

    value: str | None
    granularity: str
    type: str = "DATE"
    start: int | None = None
    end: int | None = None


@dataclass
class Context:
    """What a handler may use besides its own words."""

    anchor: dt.date | None
    direction: Callable[[], str | None]
    year_nearby: Callable[[], int | None]
    day_in_sentence: Callable[[], dt.date | None]
    value_in_sentence: Callable[[], str | None]
    refs: list[str] = field(default_factory=list)
    in_progress: Callable[[], bool] = lambda: False

    def ref(self, *needs: str) -> str | None:
        """The last calendar value mentioned that is at least as fine as one of `needs`."""
        for value in reversed(self.refs):
            if any(fine_enough(value, need) for need in needs):
                return value
        return None


def fine_enough(value: str, need: str) -> bool:
    """Whether a calendar value names a `need` ("day", "month", "year" or "quarter")."""
    if not value[:4].isdigit():
        return False
    if need == "quarter" or "-Q" in value:
        return need == "quarter" and "-Q" in value
    if need == "year":
        return True
    return len(value) >= (10 if need == "day" else 7) and value[5:7].isdigit()


Handler = Callable[[re.Match, Context], list[Resolved]]
HANDLERS: dict[str, Handler] = {}


def handles(*names: str):
    """Register a handler for one or more rules."""
    def register(func: Handler) -> Handler:
        for name in names:
            HANDLERS[name] = func
        return func
    return register


def month_number(text: str) -> int:
    return MONTHS[text[:3].lower()]


def number(text: str | None) -> float | str:
    """A count from digits or words; "X" for vague counts (a few, several)."""
    if text is None:
        return 1
    t = " ".join(text.lower().split())
    if t in VAGUE_NUMBERS:
        return "X"
    if t in COUPLE:
        return 2
    if t.replace(".", "", 1).isdigit():
        return float(t)
    if t.endswith(" 1/2"):
        return float(t[:-4]) + 0.5
    parts = re.split(r"[\s-]", t)
    return float(sum(NUMBER_WORDS.get(p, 0) for p in parts))


HALVES = {"year": "6M", "month": "15D", "week": "3DT12H", "day": "T12H", "hour": "30M",
          "minute": "30S"}


def duration(n: float | str, unit: str) -> str:
    """ISO duration for `n` units: P4Y, PT5H, PXD, P20Y for two decades, P2Y6M."""
    unit = "century" if unit.lower().startswith("centur") else unit.lower().rstrip("s")
    if unit in ("decade", "century") and n != "X":
        n, unit = n * (10 if unit == "decade" else 100), "year"
    lead = "PT" if unit in ("hour", "minute", "second") else "P"
    if isinstance(n, str):
        return f"{lead}X{UNIT_CODES[unit]}"
    whole, half = int(n), n - int(n) == 0.5
    if n != whole and not (half and unit in HALVES):
        return f"{lead}{n:g}{UNIT_CODES[unit]}"
    text = f"{lead}{whole}{UNIT_CODES[unit]}" if whole else lead
    return text + HALVES[unit] if half else text


def day_value(day: dt.date | None, part: str | None = None) -> str | None:
    if day is None:
        return None
    return day.isoformat() + (PARTS_OF_DAY[part.lower()] if part else "")


def with_part(day: dt.date | None, part: str | None) -> Resolved:
    if part:
        return Resolved(day_value(day, part), "part_of_day", "TIME")
    return Resolved(day_value(day), "day")


@handles("mdy", "dmy", "iso")
def absolute_day(m: re.Match, ctx: Context) -> list[Resolved]:
    month = int(m["month"]) if m["month"].isdigit() else month_number(m["month"])
    day = cal.safe_date(int(m["year"]), month, int(re.sub(r"\D", "", m["day"])))
    return [Resolved(day.isoformat(), "day")] if day else []


@handles("month_year")
def month_year(m: re.Match, ctx: Context) -> list[Resolved]:
    return [Resolved(f"{m['year']}-{month_number(m['month']):02d}", "month")]


def yearless(make: Callable[[int], dt.date | None], ctx: Context,
             rel: str | None = None) -> dt.date | None:
    """A day named without a year: a year said nearby, else the anchor and the tense."""
    year = ctx.year_nearby()
    if year is not None:
        return make(year)
    if ctx.anchor is None:
        return None
    direction = {"last": "past", "past": "past", "previous": "past", "next": "future",
                 "coming": "future"}.get((rel or "").lower()) or ctx.direction()
    return cal.nearest(make, ctx.anchor, direction)


@handles("md", "dm")
def month_day(m: re.Match, ctx: Context) -> list[Resolved]:
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    if cal.safe_date(2000, month, day) is None:
        return []
    found = yearless(lambda y: cal.safe_date(y, month, day), ctx)
    return [Resolved(day_value(found), "day")]


@handles("holiday")
def holiday(m: re.Match, ctx: Context) -> list[Resolved]:
    rule = HOLIDAYS[" ".join(m["name"].lower().replace("’", "'").split())]
    if m["year"]:
        return [Resolved(cal.holiday_date(rule, int(m["year"])).isoformat(), "day")]
    found = yearless(lambda y: cal.holiday_date(rule, y), ctx, m["rel"])
    return [Resolved(day_value(found), "day")]


@handles("month")
def month(m: re.Match, ctx: Context) -> list[Resolved]:
    name = m["month"]
    abbreviated = len(name) <= 4 and not name.endswith(".") and name not in ("May", "June", "July")
    if abbreviated and not m["rel"] and not m["edge"]:
        return []
    num, rel = month_number(name), (m["rel"] or "").lower()
    anchor = ctx.anchor
    if m["yrel"]:  # "October this year": the month only, in the year the words give
        step = {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
        value = f"{anchor.year + step}-{num:02d}" if anchor else None
        return [Resolved(value, "month", end=m.end("month"))]
    if anchor and rel in ("last", "past", "previous", "next", "coming", "this"):
        step = {"this": 0, "next": 1, "coming": 1}.get(rel, -1)
        year = anchor.year if step == 0 else (
            anchor.year if (num - anchor.month) * step > 0 else anchor.year + step)
        return [Resolved(f"{year}-{num:02d}", "month")]
    if anchor and num == anchor.month and not ctx.year_nearby():  # the month in progress
        return [Resolved(f"{anchor.year}-{num:02d}", "month")]
    found = yearless(lambda y: dt.date(y, num, 1), ctx)
    return [Resolved(found.strftime("%Y-%m") if found else None, "month")]


@handles("year")
def year(m: re.Match, ctx: Context) -> list[Resolved]:
    return [Resolved(m["year"], "year")]


@handles("decade")
def decade(m: re.Match, ctx: Context) -> list[Resolved]:
    if m["word"]:
        return [Resolved(DECADE_WORDS[m["word"].lower()], "decade")]
    digits = m["dec"].lstrip("'’")
    if len(digits) == 2:
        digits = ("20" if digits in ("00", "10") else "19") + digits
    return [Resolved(digits[:3], "decade")]


@handles("century")
def century(m: re.Match, ctx: Context) -> list[Resolved]:
    return [Resolved(f"{int(m['ord']) - 1:02d}", "century")]


@handles("season")
def season(m: re.Match, ctx: Context) -> list[Resolved]:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return [Resolved(f"{m['year']}-{code}", "season")]
    rel = (m["rel"] or "").lower()
    if rel in ("", "the") and code in ("FA", "SP") and not m["edge"] and not rel:
        return []
    if ctx.anchor is None:
        return [Resolved(None, "season")]
    rel = {"past": "last", "previous": "last", "coming": "next"}.get(rel, rel)
    value = cal.relative_season(code, ctx.anchor, rel if rel != "the" else None,
                                ctx.direction())
    return [Resolved(value, "season")]


def deictic_week(anchor: dt.date | None, rel: str) -> dt.date | None:
    """A day in the week that `last/this/next` week points to."""
    if anchor is None:
        return None
    shift = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}.get(rel, 0)
    return anchor + dt.timedelta(days=shift)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def shift_value(value: str, unit: str, n: int) -> str:
    """A calendar value moved by `n` units, keeping its granularity where it can."""
    y = int(value[:4])
    if len(value) > 4 and not value[5:7].isdigit() and "-Q" not in value:  # week, season
        return f"{y + n}{value[4:]}" if unit == "year" else str(y)
    if "-Q" in value:
        q = y * 4 + int(value[6]) - 1 + (4 * n if unit == "year" else n)
        return f"{q // 4}-Q{q % 4 + 1}"
    if len(value) >= 10:
        day = dt.date.fromisoformat(value[:10])
        if unit == "year":
            return cal.shift_years(day, n).isoformat()
        if unit == "month":
            yy, mm = cal.add_months(day.year, day.month, n)
            return f"{yy}-{mm:02d}"
        return (day + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if len(value) == 7 and unit in ("year", "month"):
        yy, mm = cal.add_months(y, int(value[5:7]), n * (12 if unit == "year" else 1))
        return f"{yy}-{mm:02d}"
    return str(y + n if unit == "year" else y)


def at_granularity(day: dt.date, unit: str, n: int) -> str:
    """The anchor moved back by n units, named at that unit's granularity."""
    if unit == "day":
        return (day - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return cal.week_value(day - dt.timedelta(days=7 * n))
    if unit == "month":
        yy, mm = cal.add_months(day.year, day.month, -n)
        return f"{yy}-{mm:02d}"
    if unit == "quarter":
        y, q = quarter_of(day)
        idx = y * 4 + q - 1 - n
        return f"{idx // 4}-Q{idx % 4 + 1}"
    years = n * {"year": 1, "decade": 10, "century": 100}.get(unit, 1)
    return str(day.year - years)
