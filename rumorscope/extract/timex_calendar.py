"""Calendar arithmetic behind time values: weeks, seasons, holidays, nearest dates.

Pure functions of dates, so the rules in `timex.py` stay short and the arithmetic can
be trusted on its own (ISO weeks, last Monday of May, Easter).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

Direction = str | None  # "past", "future" or None (let closeness decide)

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def week_value(day: dt.date) -> str:
    """TimeML week value (`2018-W44`) of the ISO week holding `day`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def shift_years(day: dt.date, delta: int) -> dt.date:
    """`day` moved by whole years, 29 February falling back to the 28th."""
    try:
        return day.replace(year=day.year + delta)
    except ValueError:
        return day.replace(year=day.year + delta, day=28)


def nearest(make: Callable[[int], dt.date | None], anchor: dt.date,
            direction: Direction, future_bias: float = 0.5) -> dt.date | None:
    """The date `make(year)` closest before the anchor, or after it when the tense says so.

    With no tense to go by, a future date wins only when it is much closer (by
    `future_bias`), since news mostly reports what has happened.
    """
    dates = [d for d in (make(anchor.year + k) for k in (-1, 0, 1)) if d is not None]
    past = max((d for d in dates if d <= anchor), default=None)
    future = min((d for d in dates if d > anchor), default=None)
    if direction == "past" or future is None:
        return past
    if direction == "future" or past is None:
        return future
    return future if (future - anchor).days < future_bias * (anchor - past).days else past


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None for impossible ones such as 31 April."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (Monday 0) of a month; n = -1 for the last one."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: tuple, year: int) -> dt.date:
    """The date of a holiday rule from `timex_lexicon.HOLIDAYS` in a given year."""
    if rule[0] == "easter":
        return easter(year)
    if rule[0] == "last":
        return nth_weekday(year, rule[1], rule[2], -1)
    if rule[0] == "nth":
        offset = rule[4] if len(rule) > 4 else 0
        return nth_weekday(year, rule[1], rule[2], rule[3]) + dt.timedelta(days=offset)
    return dt.date(year, rule[0], rule[1])


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, code) of the season holding `day`; December opens the next year's winter."""
    if day.month == 12:
        return day.year + 1, "WI"
    code = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        day.month, "FA")
    return day.year, code


def season_start(year: int, code: str) -> dt.date:
    """First day of a season, for ordering."""
    return dt.date(year - 1, 12, 1) if code == "WI" else dt.date(year, SEASON_START[code], 1)


def relative_season(code: str, anchor: dt.date, rel: str | None, direction: Direction) -> str:
    """`last/this/next fall` or a bare `summer`, as `2017-FA`: last and next skip the
    season the anchor falls in; a bare season follows the tense, past by default."""
    current = season_start(*season_of(anchor))
    starts = [(season_start(y, code), y) for y in range(anchor.year - 1, anchor.year + 3)]
    if rel == "this":
        return f"{anchor.year}-{code}"
    if rel == "next" or (rel is None and direction == "future"):
        strict = rel == "next"
        year = next(y for s, y in starts if s > current or (not strict and s == current))
    else:
        strict = rel == "last"
        year = max(y for s, y in starts if s < current or (not strict and s == current))
    return f"{year}-{code}"


def start_of(value: str) -> dt.date | None:
    """The first day a calendar value covers (`2016-11` -> 1 Nov 2016), for ordering."""
    try:
        if "-W" in value:
            year, week = value[:4], value[6:8]
            return dt.date.fromisocalendar(int(year), int(week), 1)
        if "-Q" in value:
            return dt.date(int(value[:4]), 3 * int(value[6]) - 2, 1)
        if value[5:7] in SEASON_START:
            return season_start(int(value[:4]), value[5:7])
        if len(value) in (2, 3):
            return dt.date(int(value.ljust(4, "0")), 1, 1)
        parts = value[:10].split("-")
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                       int(parts[2][:2]) if len(parts) > 2 else 1)
    except ValueError:
        return None
