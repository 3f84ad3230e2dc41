"""Publication dates from headers, records and the command line, as ISO `YYYY-MM-DD`.

Unparseable dates are errors, never guesses: a wrong anchor silently shifts every
relative time expression in the article.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")
_EPOCH = re.compile(r"^\d{9,11}(\.\d+)?$")


class DateError(ValueError):
    """A value that is not a recognisable date."""


def normalise_published(value: object) -> str | None:
    """ISO date for a published value: ISO string, Unix seconds, RFC 2822 or a written date."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError as err:
            raise DateError(f"{text!r} is not a valid date ({err})") from None
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    return _from_words(text)


def _from_epoch(seconds: float) -> str:
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        raise DateError(f"{seconds!r} is not a valid Unix time") from None


def _from_words(text: str) -> str:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only for dates that are neither ISO nor epoch

    parsed = dateparser.parse(
        text.replace(".", " ") if re.search(r"[A-Za-z]\.", text) else text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        raise DateError(f"{text!r} is not a date (use YYYY-MM-DD)")
    return parsed.date().isoformat()
