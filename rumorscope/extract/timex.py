"""Time expressions, normalised against the publication date (spec section 3).

One precompiled regex pass over `doc.text` finds candidates (`timex_lexicon`); the
parse only vetoes and orients them: entity labels reject ages, money and names such as
"Us Weekly", part-of-speech tags reject the modal "May", and the governing verb's tense
decides whether "Monday" or "May 25" lies before or after the anchor. Values come from
our own calendar code (`timex_resolve`, `timex_relative`); dateparser is not needed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from rumorscope.extract import timex_periods, timex_relative  # noqa: F401  (register handlers)
from rumorscope.extract.doc_text import doc_text
from rumorscope.extract.timex_lexicon import RULES, TIMEX_RE, YEAR
from rumorscope.extract.timex_resolve import HANDLERS, Context, Resolved
from rumorscope.schema import Timex

NAME_LABELS = {"ORG", "WORK_OF_ART", "PERSON", "PRODUCT", "FAC", "EVENT", "LAW"}
NUMBER_LABELS = {"MONEY", "PERCENT", "QUANTITY"}
FUTURE_MODALS = {"will", "'ll", "wo", "shall"}
# "may fall Thursday", "said it would close Friday": a modal looks ahead unless "have"
# makes it past ("would have closed Friday").
MAYBE_MODALS = {"may", "might", "should", "must", "can", "would"}
FUTURE_HEADS = {"go", "set", "schedule", "plan", "expect", "due", "slate", "intend", "hope"}
# Words that date what they govern forward whatever the main verb's tense: "declared a
# dividend payable Dec. 7", "a pact effective June 1", "scheduled a news conference Thursday".
FUTURE_GOVERNORS = {"payable", "due", "effective", "schedule", "slate", "expire"}
PAST_AUX = {"did", "had", "was", "were"}
PROGRESSIVE_AUX = {"is", "are", "am", "'s", "'re"}
# "a New Year's getaway in 2005", but not "Dec. 31 and expects profit in 1999": a clause
# boundary word ends the phrase.
YEAR_AFTER = re.compile(rf"(?:['’]s)?(?:\s+(?!(?i:and|or|but|that|which|who|when|while)\b)"
                        rf"[\w'’-]+){{0,3}}?\s+in\s+({YEAR})\b")
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
JOINED = re.compile(r"\s*,?\s*")
CALENDAR_VALUE = re.compile(r"\d{4}(?:-|$)")
# "average daily volume": the frequency word names the unit of a statistic, not a time.
AVERAGE_BEFORE = re.compile(r"(?i:average)\s+$")
DERIVED = {"ago", "year_earlier", "anaphor", "the_quarter", "year_quarter", "span_dur",
           "next_part"}


def find_timexes(doc: Doc, anchor: dt.date | None) -> list[Timex]:
    """Every time expression in `doc` with its TimeML value; relative ones need `anchor`."""
    text = doc_text(doc)
    refs: list[str] = []
    found: list[Timex] = []
    for match in TIMEX_RE.finditer(text):
        rule, (start, end) = match.lastgroup, match.span()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0 or vetoed(rule, span, text, start, end):
            continue
        parts = RULES[rule].fullmatch(text, start, end)
        if parts is None:
            continue
        ctx = Context(anchor=anchor, refs=refs,
                      direction=lambda span=span: tense_direction(span),
                      in_progress=lambda span=span: in_progress(span),
                      year_nearby=lambda end=end: year_after(text, end),
                      day_in_sentence=lambda start=start: in_sentence(found, text, start, True),
                      value_in_sentence=lambda start=start: in_sentence(found, text, start))
        try:
            resolved = HANDLERS[rule](parts, ctx)
        except (ValueError, KeyError, OverflowError):  # an impossible date ("Feb. 30, 2019")
            continue
        for res in resolved:
            found.append(to_timex(res, text, start, end))
            if rule not in DERIVED and res.value and CALENDAR_VALUE.match(res.value):
                refs.append(res.value)
    return date_clock_times(found, text)


def date_clock_times(found: list[Timex], text: str) -> list[Timex]:
    """"10:35 a.m. (0735 GMT) Friday": a day named right after a clock time dates it, and
    every clock time of a run before it ("from 9pm-midnight EST on Nov. 30"); with
    nothing but a comma between ("midnight Friday", "5 p.m. EST, Nov. 6") the last time
    and the day are one expression, as TimeML marks them."""
    merged: set[int] = set()
    for i, time in enumerate(found):
        if time.granularity != "time" or not time.value:
            continue
        j = i + 1
        while j < len(found) and found[j].granularity == "time" \
                and found[j].span[0] - found[j - 1].span[1] <= 20:
            j += 1
        if j == len(found):
            continue
        day, last = found[j], found[j - 1]
        if (day.granularity == "day" and day.value and day.span[0] - last.span[1] <= 20
                and not SENTENCE_BREAK.search(text, time.span[1], day.span[0])):
            time.value = day.value + time.value[10:]
            if j == i + 1 and JOINED.fullmatch(text, time.span[1], day.span[0]):
                time.span, time.text = (time.span[0], day.span[1]), text[time.span[0]:day.span[1]]
                merged.add(j)
    return [t for i, t in enumerate(found) if i not in merged] if merged else found


def to_timex(res: Resolved, text: str, start: int, end: int) -> Timex:
    s = res.start if res.start is not None else start
    e = res.end if res.end is not None else end
    return Timex(text=text[s:e], span=(s, e), value=res.value,
                 granularity=res.granularity, type=res.type)


def vetoed(rule: str, span: Span, text: str, start: int, end: int) -> bool:
    """Reject matches the parse shows are not times: ages, money, names, modals."""
    first = span[0]
    if rule in ("year", "decade") and first.ent_type_ in NUMBER_LABELS:
        return True
    if rule == "year":
        return year_vetoed(span, first)
    if rule == "month":
        return first.tag_ == "MD" or first.pos_ == "VERB" or first.ent_type_ in NAME_LABELS
    if rule in ("weekday", "season", "decade"):
        return inside_longer_name(span)
    if rule == "set":
        return part_of_name(span) or AVERAGE_BEFORE.search(text, start - 9, start) is not None
    if rule == "ref":
        return ref_vetoed(first, text, start, end)
    if rule in ("relday", "relpart", "rel_unit", "time") and first.is_alpha:
        return title_word(first)  # "USA Today", "CBS This Morning", "ABC's This Week"
    return False


def title_word(token: Token) -> bool:
    """"USA Today", "High Noon": a capitalised day word continuing a capitalised name
    inside a sentence is a title, not a time."""
    if not token.text[0].isupper() or token.is_sent_start or token.i == 0:
        return False
    prev = token.nbor(-1)
    return prev.is_alpha and prev.text[0].isupper() and not prev.is_sent_start


def ref_vetoed(first: Token, text: str, start: int, end: int) -> bool:
    """"as recently as", "a previously announced plan" (the adverb only dates a
    modifier), "was soon released" (a narrative step, not the future) are no references."""
    if text[max(0, start - 3):start].lower() == "as " and text[end:end + 3] == " as":
        return True
    word, head = first.lower_, first.head
    if word in ("previously", "recently"):
        return head.i > first.i and head.dep_ in ("amod", "compound")
    return word == "soon" and tense_direction(first.doc[first.i:first.i + 1]) == "past"


def inside_longer_name(span: Span) -> bool:
    """"Saturday Night Live": the words begin or continue a longer named entity."""
    doc, first = span.doc, span[0]
    if first.ent_type_ not in NAME_LABELS:
        return False
    after = span.end < len(doc) and doc[span.end].ent_iob_ == "I"
    return (first.ent_iob_ == "I" and doc[first.i - 1].ent_type_ in NAME_LABELS) or after


def year_vetoed(span: Span, token: Token) -> bool:
    """A bare four-digit number that counts things or names a product is no year."""
    if token.ent_type_ == "CARDINAL":
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.tag_ == "NNS"
    return token.ent_type_ in {"PRODUCT", "LAW", "FAC", "ORG"} and token.ent_iob_ == "I"


def part_of_name(span: Span) -> bool:
    """"Us Weekly", "Daily Mail": a capitalised set word inside a title-case name."""
    token = span[0]
    if not token.text[0].isupper():
        return False
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.text[:1].isupper() and not prev.is_sent_start:
        return True
    if nxt is not None and nxt.text[:1].isupper():
        return prev is None or prev.lower_ not in ("a", "an")
    return False


class Governor(NamedTuple):
    """What an expression hangs from: its finite verb (None when none), or a word that
    dates it forward first ("payable", "due")."""

    verb: Token | None
    future_word: bool = False


def governing_verb(span: Span) -> Governor:
    """Climb from the expression to the first finite verb, or to a future-dating word."""
    verb = span.root
    for _ in range(8):
        if verb.lemma_ in FUTURE_GOVERNORS:
            return Governor(None, future_word=True)
        finite = verb.pos_ in ("VERB", "AUX") and not (verb.tag_ == "VBN" and verb.dep_ == "acl")
        if finite or verb.head is verb:
            break
        verb = verb.head
    return Governor(verb if verb.pos_ in ("VERB", "AUX") else None)


def tense_direction(span: Span) -> str | None:
    """Past or future as the verb governing the expression tells, else None."""
    verb, future_word = governing_verb(span)
    if verb is None:
        return "future" if future_word else None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_MODALS or (verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_HEADS):
        return "future"
    if verb.tag_ == "VBN" and verb.lemma_ in FUTURE_HEADS and aux & PROGRESSIVE_AUX:
        return "future"  # "the wedding is set for Saturday", "is scheduled for June 1"
    if aux & MAYBE_MODALS and "have" not in aux:
        return "future"
    if verb.tag_ == "VBG" and aux & PROGRESSIVE_AUX:
        return "future"
    if verb.tag_ == "VBD" or aux & PAST_AUX or (verb.tag_ == "VBN" and not aux):
        return "past"
    return None


def in_progress(span: Span) -> bool:
    """Whether the governing verb is in the present progressive ("I am still thinking
    about it on Monday morning"): for the anchor's own weekday that day is today."""
    verb = governing_verb(span).verb
    if verb is None or verb.tag_ != "VBG":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & PROGRESSIVE_AUX) and not aux & (FUTURE_MODALS | MAYBE_MODALS)


def year_after(text: str, end: int) -> int | None:
    """A year the same phrase gives: "a New Year's getaway in 2005"."""
    match = YEAR_AFTER.match(text, end, min(len(text), end + 60))
    return int(match.group(1)) if match else None


def in_sentence(found: list[Timex], text: str, start: int, day: bool = False):
    """The calendar value (or, with `day`, the date) named last in the same sentence:
    the day of a clock time, the period "a year earlier" compares with."""
    for timex in reversed(found):
        if SENTENCE_BREAK.search(text, timex.span[1], start):
            return None
        if day and timex.granularity == "day" and timex.value:
            return dt.date.fromisoformat(timex.value[:10])
        if not day and timex.value and CALENDAR_VALUE.match(timex.value):
            return timex.value
    return None
