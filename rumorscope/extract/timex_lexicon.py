"""Words and regular expressions that find time expressions in raw text.

Every rule is a named alternative of one compiled regex (`TIMEX_RE`), tried left to
right at each position, so a single pass over `doc.text` finds all candidates; the
rule's own regex (`RULES[name]`) then re-reads the match to pull out its parts. Month
and weekday names are case-sensitive (so the modal "may" and the verb "march" never
match); the other words are case-insensitive through scoped `(?i:...)` groups.
"""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                "tonight": "TNI"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
              "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}
SETS = {"daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "weekly": "P1W",
        "biweekly": "P2W", "monthly": "P1M", "yearly": "P1Y",
        "annually": "P1Y"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "present": "PRESENT_REF", "moment": "PRESENT_REF", "current": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "recent": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF",
        "previously": "PAST_REF", "past": "PAST_REF", "soon": "FUTURE_REF",
        "future": "FUTURE_REF", "date": "FUTURE_REF"}  # "at a later date"

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"a": 1, "an": 1, "one": 1, "hundred": 100,
                                                     "a dozen": 12, "dozen": 12}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many")
COUPLE = ("a couple of", "couple of", "a couple")
DECADE_WORDS = {"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
                "sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}


def _alt(words) -> str:
    """A regex alternation of `words`, longest first so prefixes never win."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_A = "['’]"  # either apostrophe
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
         r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\d$£€.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = (rf"(?:(?:{_alt(_TENS)})(?:[\s-](?:{_alt(_UNITS[1:10])}))?|{_alt(_UNITS[1:])}"
         r"|hundred|a\s+dozen)")
NUM = (rf"(?i:\d+(?:\.\d+)?(?:\s+1/2)?|{_NUMW}|{_alt(COUPLE)}|{_alt(VAGUE_NUMBERS)}|an?)")
UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|centuries|quarter)s?"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "new year": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "fourth of july": (7, 4), "st. patrick's day": (3, 17),
    "veterans day": (11, 11), "cinco de mayo": (5, 5), "boxing day": (12, 26),
    "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
    "black friday": ("nth", 11, 3, 4, 1), "memorial day": ("last", 5, 0),
    "labor day": ("nth", 9, 0, 1), "mother's day": ("nth", 5, 6, 2),
    "father's day": ("nth", 6, 6, 3), "martin luther king day": ("nth", 1, 0, 3),
    "presidents' day": ("nth", 2, 0, 3), "columbus day": ("nth", 10, 0, 2),
    "easter sunday": ("easter",), "easter": ("easter",),
}
_HOLIDAY = "|".join(
    r"\s+".join(w.capitalize() if w not in ("of", "de") else w for w in h.split())
    .replace("'", _A).replace(".", r"\.") for h in sorted(HOLIDAYS, key=len, reverse=True))
_REL = r"(?i:last|this|next|past|coming|previous)"
_EDGE = r"(?i:early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle|rest)\s+of)"
_MOD = (r"(?i:about|around|almost|nearly|more\s+than|less\s+than|over|under|at\s+least"
        r"|up\s+to|roughly|some|just|only|the\s+better\s+part\s+of)")
_TZ = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST))?"

_PLURAL = r"(?:minutes|hours|days|weeks|months|years|decades)"
# "for years", "within weeks": a bare plural after a preposition of extent (not "over the years")
_EXTENT = "|".join(rf"(?<={w} )" for w in ("for", "For", "within", "in", "after", "After"))
_ONES = _alt(_UNITS[1:10])
SPELLED_YEAR = (rf"(?i:nineteen[\s-]+(?P<tens>{_alt(_TENS)})(?:[\s-]+(?P<ones>{_ONES}))?"
                rf"|(?<=the year )two\s+thousand(?:\s+and)?(?:\s+(?P<ones2>{_ONES}))?)")

RULE_PATTERNS: dict[str, str] = {
    "range": rf"(?P<n1>{NUM})\s*(?:to|-|–|or)\s*(?P<n2>{NUM})[\s-]+(?P<unit>{UNIT})\b",
    "mdy": rf"(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})",
    "dmy": rf"(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})",
    "iso": r"(?<![\d/])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d/])",
    "md": (rf"(?:(?i:the)\s+(?={MONTH}\s*{DAY}\s+(?i:weekend)))?(?P<month>{MONTH})\s*"
           rf"(?P<day>{DAY})(?:\s+(?i:weekend))?"),
    "dm": rf"(?:(?i:the)\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})",
    "month_year": rf"(?:{_EDGE}[\s-]+)?(?P<month>{MONTH})\s*(?:of\s+)?(?P<year>{YEAR})",
    "holiday": rf"(?:(?P<rel>{_REL})\s+)?(?P<name>{_HOLIDAY})(?:\s+(?P<year>{YEAR}))?\b",
    "quarter": (rf"(?:(?i:the)\s+)?(?:(?P<y1>{YEAR})\s+|(?P<rel>{_REL})\s+(?i:year){_A}s\s+)?"
                rf"(?:(?i:fiscal|latest|current|same)\s+)*(?P<ord>(?i:first|"
                rf"second|third|fourth|[1-4](?:st|nd|rd|th)))[\s-]+(?i:quarter)\b"
                rf"(?:\s+of\s+(?P<y2>{YEAR}))?"),
    "the_quarter": (r"(?i:the\s+(?:(?P<which>latest|current|same|year-earlier|year-ago)?\s*quarter"
                    r"|(?P<pwhich>latest|current|same|comparable|corresponding|year-earlier|year-ago)"
                    r"\s+period)(?P<last>\s+last\s+year)?)\b"),
    "year_quarter": rf"(?i:the)\s+(?P<year>{YEAR})\s+(?P<unit>(?i:quarter|period))\b",
    "fiscal_year": (r"(?i:(?P<whole>the\s+(?:full|current|current\s+fiscal)\s+year|year['’]s\s+end"
                    r"|(?<=by\s)year[\s-]end)|(?P<dur>the\s+(?:fiscal\s+)?year)\s+end(?:ed|ing))\b"),
    "half": (rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second))(?:-(?i:half)|\s+(?i:half)\s+of\s+"
             rf"(?:(?i:fiscal)\s+(?P<year>{YEAR})|(?P<year2>{YEAR})|(?P<rel>(?i:the|this|next|last))"
             r"\s+(?i:year)))\b"),
    "spelled_year": rf"(?:(?P<month>{MONTH})\s+)?(?:(?i:the\s+year)\s+)?{SPELLED_YEAR}\b",
    "vague_units": (rf"(?:(?i:the)\s+)?(?i:recent|coming)\s+(?P<unit>(?i:{_PLURAL}))\b"
                    rf"|(?:{_EXTENT})(?P<bare>(?i:{_PLURAL}))\b(?![\s-]+(?:old|ago|earlier|later)\b)"
                    rf"|(?P<long>(?i:{_PLURAL}))-long\b"),
    "ago": (rf"(?:{_MOD}\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\s+(?P<dir>(?i:ago|(?:earlier"
            r"|later)\b(?!\s+(?:than|that|on|in)\b)))"),
    "year_earlier": r"(?i:(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:quarter|period))?)\b",
    "span_dur": (rf"(?i:the\s+(?P<rel>past|last|previous|next|coming|following|first|final)"
                 rf"\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}))\b"),
    "rel_unit": (rf"(?:(?P<edge>{_EDGE})\s+)?(?P<rel>{_REL})\s+(?P<unit>(?i:week|weekend|month"
                 r"|year|decade|century|quarter))\b"),
    "anaphor": (rf"(?:(?P<edge>{_EDGE})\s+)?(?:(?P<same>(?i:the\s+same|that))\s+"
                rf"(?P<unit>day|{PART}|week|weekend|month|year)"
                r"|(?i:the)\s+(?P<unit2>week|weekend|month|year))\b(?!\s+\d)"),
    "season": (rf"(?:(?P<edge>{_EDGE})\s+)?(?:(?P<rel>{_REL}|(?i:the))\s+)?"
               rf"(?P<season>(?i:{SEASON}))(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"),
    "decade": (r"(?:(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?)?(?:(?P<dec>(?:19|20)\d0|['’]\d0"
               rf"|(?<=the )\d0)(?:'?s)\b|(?<=the )(?P<word>(?i:{_alt(DECADE_WORDS)})))"),
    "century": r"(?:(?i:the)\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b",
    "next_part": rf"(?i:the\s+(?P<rel>next|following|previous)\s+(?P<part>{PART}))\b",
    "relday": (r"(?P<word>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday"
               rf"|tomorrow|tonight))(?:\s+(?P<part>(?i:{PART})))?\b"),
    "relpart": rf"(?P<rel>(?i:this|last))\s+(?P<part>(?i:{PART}))\b",
    "weekday": (rf"(?:(?P<rel>{_REL})\s+)?(?P<wd>{WEEKDAY})\b"
                rf"(?:\s+(?P<part>(?i:{PART})))?"),
    "time": (r"(?P<h>1[0-2]|0?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b"
             r"|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b))" + _TZ
             + r"|(?P<word>(?i:noon|midnight))\b"),
    "month": (rf"(?:(?P<edge>{_EDGE})[\s-]+)?(?:(?P<rel>{_REL})\s+)?(?P<month>{MONTH})"
              r"(?![\w'’])(?:\s+(?P<yrel>(?i:this|last|next))\s+(?i:year)\b)?"),
    "year": rf"(?:(?i:fiscal|early|mid|late|the\s+year)[\s-]+)?(?P<year>{YEAR})",
    "duration": (rf"(?:{_MOD}\s+)*(?:(?i:the)\s+)?(?P<num>{NUM})(?P<half>\s+and\s+a\s+half)?"
                 rf"[\s-]+(?:(?i:trading|business|working)\s+(?=days?\b))?"
                 rf"(?P<unit>{UNIT})(?P<half2>\s+and\s+a\s+half)?\b"
                 r"(?![-\s]old\b|-earlier|-ago|-long\b|(?<=quarter)\s+of\b|(?<=quarters)\s+of\b)"),
    "set": (r"(?P<adj>(?i:daily|nightly|hourly|weekly|biweekly|monthly|yearly|annually))"
            rf"\b|(?i:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\b"
            rf"|(?:(?i:every|each)\s+(?P<wd>{WEEKDAY})|(?P<wds>{WEEKDAY})s)\b"),
    "ref": (r"(?P<ref>(?i:right\s+now|just\s+now|now|currently|nowadays|these\s+days|recently"
            r"|recent|lately|previously|soon|current(?!\s+(?:quarter|period|fiscal|year)s?\b)|the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future"
            r"|the\s+past))\b(?![-‑])"
            r"|(?<=\bat\s)(?P<atref>(?i:present|the\s+moment|a\s+later\s+date))\b"),
}

RULES = {name: re.compile(p) for name, p in RULE_PATTERNS.items()}
# Words an expression may begin with. A word start that is none of these is rejected
# by one cheap lookahead instead of by every rule in turn, which halves the scan time.
FIRST_WORDS = {
    "the", "that", "these", "this", "last", "next", "past", "previous", "coming", "following",
    "early", "earlier", "late", "later", "mid", "about", "around", "almost", "nearly", "more",
    "less", "over", "under", "at", "up", "roughly", "some", "just", "only", "right", "fiscal",
    "every", "each", "per", "today", "tomorrow", "tonight", "yesterday", "noon", "midnight",
    "now", "currently", "nowadays", "recent", "recently", "lately", "previously", "soon",
    "present", "latest", "current", "same", "first", "third", "fourth", "year's", "year’s",
    "a", "an", "few", "several", "many", "couple", "dozen", "hundred", *SETS,
    *SEASONS, *(u + s for u in UNIT_CODES for s in ("", "s")), "centuries",
    *NUMBER_WORDS, *_TENS, *_UNITS}
FIRST_CAPS = sorted({w.capitalize() for w in (*MONTHS, *WEEKDAYS)} | {
    re.match(r"\w+", h).group().capitalize() for h in HOLIDAYS})
_GUARD = (rf"(?=[\d'’]|(?:{'|'.join(FIRST_CAPS)})|(?i:{_alt(FIRST_WORDS)})\b)")

# One scan: only plausible word starts are tried; every rule must end at a word boundary.
TIMEX_RE = re.compile(r"(?<!\w)" + _GUARD + "(?:" + "|".join(
    rf"(?P<{name}>{re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', p)})"
    for name, p in RULE_PATTERNS.items()) + r")(?!\w)")
