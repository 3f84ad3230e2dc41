"""Quotations in running text: which quote marks pair up, and which are apostrophes.

News text mixes typographic (“ ” ‘ ’) and straight (" ') marks, and the single marks
double as apostrophes: "Kanye’s", "the kids’ toys" and the clipped name "‘Ye" must not
open or close a quotation. A mark only opens when a word starts right after it and no
word ends right before it, and only closes the other way round; a single mark that finds
no partner in its paragraph is an apostrophe. A double mark left open at the end of a
paragraph is the news convention for a quotation running over paragraphs: it ends there
and the next paragraph reopens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r"[“”‘’\"']")
QUOTE_CHARS = frozenset("“”‘’\"'")  # the characters MARKS finds, for token tests
# Longest stretch a single-mark pair may enclose before it is taken for two apostrophes.
MAX_SINGLE_QUOTE = 400
OPENERS = {"“": "”", "‘": "’", '"': '"', "'": "'"}


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` enclose the words inside the marks."""

    start: int
    end: int
    closed: bool = True

    @property
    def outer(self) -> tuple[int, int]:
        """The span including the marks (an unclosed quote has no closing mark)."""
        return self.start - 1, self.end + (1 if self.closed else 0)


def _can_open(text: str, i: int) -> bool:
    """A mark opens when nothing word-like touches it on the left and a word follows."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace() and after not in ".,;:!?)"


def _can_close(text: str, i: int) -> bool:
    """A mark closes when text ends right before it and no letter follows ("she’s" is not)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _is_plural_possessive(text: str, i: int) -> bool:
    """"the kids’ toys": s + mark + space + lowercase word is likely a possessive; it closes
    a quote only when no other mark can."""
    return text[i - 1:i] == "s" and re.match(r"[’'] [a-z]", text[i:i + 3]) is not None


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations of `text`, in order (quotes nested inside others are dropped)."""
    quotes: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n"):
        quotes.extend(_paragraph_quotes(text, offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return quotes


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Pair the marks of one paragraph, outermost first, left to right."""
    marks = [m.start() for m in MARKS.finditer(text, start, end)]
    found: list[Quote] = []
    k = 0
    while k < len(marks):
        i = marks[k]
        close_char = OPENERS.get(text[i])
        if close_char is None or not _can_open(text, i):
            k += 1
            continue
        j = _partner(text, marks, k, close_char)
        if j is None:
            if close_char == "”" or (close_char == '"' and _only_mark(text, marks, k, '"')):
                found.append(Quote(i + 1, _trim_end(text, i + 1, end), closed=False))
                break
            k += 1
            continue
        found.append(Quote(i + 1, marks[j]))
        k = j + 1
    return found


def _partner(text: str, marks: list[int], k: int, close_char: str) -> int | None:
    """Index in `marks` of the mark that closes the one at `marks[k]`, if any."""
    i = marks[k]
    single = close_char in "’'"
    possessive: int | None = None
    for j in range(k + 1, len(marks)):
        m = marks[j]
        if single and m - i > MAX_SINGLE_QUOTE:
            break
        if single and text[m] == text[i] and _can_open(text, m) and not _can_close(text, m):
            return None  # a second opener: single quotes do not nest, the first was an apostrophe
        if text[m] != close_char or not _can_close(text, m):
            continue
        if single and _is_plural_possessive(text, m):
            possessive = j if possessive is None else possessive
            continue
        return j
    return possessive


def _only_mark(text: str, marks: list[int], k: int, char: str) -> bool:
    """True when no later mark of this kind is in the paragraph (a quote left open)."""
    return all(text[m] != char for m in marks[k + 1:])


def _trim_end(text: str, start: int, end: int) -> int:
    """End of an unclosed quote: the paragraph's end without trailing spaces."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
