"""A timeline of dated events: each timex with a calendar value, ordered by date.

The event phrase comes from the dependency parse: the word the time expression hangs
on (a verb, or an event noun such as "breakdown") with its core arguments, trimmed to
a few words. Certainty comes from the hedge and denial cues whose words govern the
expression's clause or sit inside it; a denial in a following "But ..." sentence
disputes or denies what the previous sentence dated.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from rumorscope.extract.doc_text import doc_text
from rumorscope.extract.timex_calendar import start_of
from rumorscope.schema import Hedge, TimelineEvent, Timex

CALENDAR_VALUE = re.compile(r"\d{2,4}(?:-|$)")
SUBJECTS = {"nsubj", "nsubjpass"}
VERB_PARTS = {"aux", "auxpass", "neg", "prt"}
OBJECTS = {"dobj", "attr", "acomp", "oprd", "xcomp", "dative"}
NOUN_MODIFIERS = {"poss", "amod", "compound", "nmod", "nummod", "case"}
ATTACHMENTS = {"pobj", "npadvmod", "appos", "nummod", "compound", "poss", "nmod", "amod"}
UNSURE_DENIALS = ("confirm", "unclear", "unverified", "disput", "question", "unknown")
CONTRAST = {"but", "however", "yet", "still"}
MAX_WORDS = 10
# An embedded post's signature line: "— Stella McCartney (@StellaMcCartney) March 22,
# 2017" (a tweet), "A post shared by Bella Hadid (@bellahadid) on Apr 5, 2017" (Instagram).
POST_SIGNATURE = re.compile(r"(?:[—–]|post shared by)\s*([^()\n—–]{1,60}?)\s*"
                            r"\((@[\w.]{1,30})\)\s*(?:on\s+)?"
                            r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},?\s+at\s+)?$")
# A date standing as a heading ("3 May 2016:" on its own line) dates the paragraph below.
HEADING_END = re.compile(r"[ \t]*:?[ \t]*\n")


def build_timeline(doc: Doc, timexes: list[Timex], hedges: list[Hedge]) -> list[TimelineEvent]:
    """Dated events in date order (ties in text order); durations, sets, refs left out."""
    text = doc_text(doc)
    dated = []
    taken = {t.i for x in timexes
             if (sp := doc.char_span(*x.span, alignment_mode="expand")) is not None for t in sp}
    for index, timex in enumerate(timexes):
        if not timex.value or timex.type in ("DURATION", "SET") \
                or not CALENDAR_VALUE.match(timex.value):
            continue
        start = start_of(timex.value)
        span = doc.char_span(*timex.span, alignment_mode="expand")
        if start is None or span is None:
            continue
        head = attachment(span)
        if head.i in taken or head.pos_ in ("ADV", "ADP", "PART", "NUM"):
            head = clause_verb(head)  # "Back in 2019, ...", "from 2014 to 2022"
        signed = POST_SIGNATURE.search(text, max(0, span.start_char - 100), span.start_char)
        phrase = f"post by {signed[1]} ({signed[2]})" if signed else event_phrase(head, taken)
        if not phrase and (below := _paragraph_below(doc, span)) is not None:
            head, phrase = below.root, event_phrase(below.root, taken)
        if not phrase:
            continue  # a date with nothing said to happen on it (a photo credit line)
        event = TimelineEvent(date=timex.value, granularity=timex.granularity,
                              event=phrase, timex=index,
                              certainty=certainty(doc, span, head, hedges))
        dated.append((start, index, event))
    return [event for _, _, event in sorted(dated, key=lambda d: (d[0], d[1]))]


def _paragraph_below(doc: Doc, span: Span) -> Span | None:
    """The first sentence under a date that stands as a heading on its own line."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start:span.start_char].strip() or not HEADING_END.match(text, span.end_char):
        return None
    following = [s for s in doc.sents if s.start_char >= span.end_char and s.text.strip()
                 and s.text.strip() != ":"]
    return following[0] if following else None


def attachment(span: Span) -> Token:
    """The word outside the expression that it modifies ("released" for "Nov. 30")."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    elif root.dep_ not in ATTACHMENTS and root.dep_ != "ROOT":
        head = root.head
    if head.i in range(span.start, span.end):
        return root
    if head.ent_type_ and head.pos_ == "PROPN":  # "according to Daily Mail, Dec. 20"
        return clause_verb(head)
    return head


def clause_verb(token: Token) -> Token:
    """The nearest verb above `token` that heads a clause (not "according" in "according to")."""
    return next((t for t in token.ancestors
                 if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("prep", "pcomp", "amod")), token)


def event_phrase(head: Token, skip: set[int]) -> str:
    """A few words naming what happened at that time (time expressions left out)."""
    verbal = head.pos_ in ("VERB", "AUX")
    words = clause_words(head, skip) if verbal else noun_words(head, skip)
    words = [t for t in words if t.i not in skip and (not t.is_punct or inner(t))]
    while words and words[0].dep_ in ("det", "cc", "prep", "mark", "punct"):
        words = words[1:]
    return render(sorted(words, key=lambda t: t.i)[:MAX_WORDS])


def inner(token: Token) -> bool:
    """Punctuation inside a word, as the hyphens of "heart-to-heart" or an apostrophe."""
    doc = token.doc
    return (token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_
            ) or token.tag_ == "POS"


def render(words: list[Token]) -> str:
    """Words as the text spells them, a single space where words were left out."""
    out = ""
    for k, token in enumerate(words):
        out += token.text
        if k + 1 < len(words):
            adjacent = words[k + 1].i == token.i + 1
            out += token.whitespace_ if adjacent else " "
    return out.strip()


def noun_words(head: Token, skip: set[int]) -> list[Token]:
    """An event noun with its left modifiers: "Kanye's reported psychotic breakdown"."""
    words: list[Token] = []
    for child in head.lefts:
        if child.dep_ in NOUN_MODIFIERS and child.i not in skip:
            words.extend(t for t in child.subtree if t.i not in skip)
    words.append(head)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            words.extend(short(child, skip, 4))
            break
    return sorted(words, key=lambda t: t.i)


def clause_words(verb: Token, skip: set[int]) -> list[Token]:
    """Subject, auxiliaries, verb and first complement: "Kanye was released from medical care"."""
    words: list[Token] = [verb]
    complement = False
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in SUBJECTS:
            words.extend(short(child, skip, 6))  # "Rosa Pike and Joe Lane"
        elif child.dep_ in VERB_PARTS:
            words.append(child)
        elif not complement and (child.dep_ in OBJECTS or
                                 (child.dep_ == "prep" and not any(
                                     t.i in skip for t in child.subtree))):
            words.extend(short(child, skip, 5))
            complement = True
    return sorted(words, key=lambda t: t.i)


def short(token: Token, skip: set[int], limit: int) -> list[Token]:
    """A dependent's words, or just its head word and close modifiers when too long."""
    words = [t for t in token.subtree if t.i not in skip]
    if sum(not t.is_punct for t in words) <= limit:
        return words
    core = [t for t in token.lefts if t.dep_ in NOUN_MODIFIERS | VERB_PARTS | {"det"}]
    core.append(token)  # "to stick" keeps its "to", "the shocking news" its modifiers
    if token.dep_ == "prep":
        core += [c for c in token.children if c.dep_ == "pobj"][:1]
    return [t for t in core if t.i not in skip][:limit]


def certainty(doc: Doc, span: Span, head: Token, hedges: list[Hedge]) -> str:
    """denied > disputed > hedged > asserted, from cues on the expression's chain of heads
    (its event word and the clauses above it) or attached to one of them."""
    sent = span.sent
    scope = {t.i for t in span.root.ancestors} | {span.root.i, head.i}
    found = set()
    following = next_contrast_sentence(doc, sent)
    for hedge in hedges:
        cue = doc.char_span(*hedge.span, alignment_mode="expand")
        if cue is None:
            continue
        if following is not None and following.start <= cue.start < following.end:
            found.add(denial_kind(hedge) if hedge.kind == "denial" else "")
            continue
        if not sent.start <= cue.start < sent.end:
            continue
        token = cue.root
        if token.i in scope or token.head.i in scope:
            found.add(denial_kind(hedge) if hedge.kind == "denial" else "hedged")
    for level in ("denied", "disputed", "hedged"):
        if level in found:
            return level
    return "asserted"


def denial_kind(hedge: Hedge) -> str:
    """"never confirmed" leaves it open (disputed); "denied", "not true" negate it."""
    text = hedge.text.lower()
    return "disputed" if any(w in text for w in UNSURE_DENIALS) else "denied"


def next_contrast_sentence(doc: Doc, sent: Span) -> Span | None:
    """The next sentence when it opens with "But" or "However", else None."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    return nxt if nxt[0].lower_ in CONTRAST else None
