"""Attributions marked by layout rather than by a reporting verb.

News copy credits words with punctuation alone in three common layouts, which the cue
model (trained on words) scores low because a bare colon or dash rarely reports:
- transcript turns: "WALLACE: Let's start with ..." / "PENCE: Well, look, ...", "Q: ..."
  / "A: ...", lines opened by speakers' names in capitals and a colon (`_transcript_speakers`
  tells them from section labels such as "WATCH:" or "WINNER:");
- a name heading a line: "Pat Caddell: Democrat Voters Worried About ..." or
  'Kim Kardashian: "I'm fine"', where the words before the colon are a person or an
  organisation the entity recogniser knows and a verb follows;
- a sign-off after a quotation: '"Mr. Trump embodies ..." ― Sonya Herridge', the name
  after a dash closing the line, or an embedded post's signature ('"..." — Kim
  Kardashian (@KimKardashian) March 3, 2017').
Each is returned as a `LabelledReport` in characters; as everywhere in the spec,
`direct` means the content stands inside quotation marks.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from spacy.tokens import Doc, Span

from rumorscope.extract.quotes import Quote

SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
MAX_LABEL_WORDS = 4
MAX_SIGNATURE_WORDS = 5
MIN_CONTENT_WORDS = 3
# A line opened by a short label and a colon, optionally inside an opening quote mark.
LINE_LABEL = re.compile(r"(?m)^[\"'“”‘’ \t]*([^\n:]{1,60}?):[ \t]+(\S[^\n]*)")
SIGN_OFF = re.compile(r"[^\S\n]*([―—–]|--?)[^\S\n]*")
POST_SIGNATURE = re.compile(r"([^\n(]*?)\s*\(@\w+\)")
NAME_WORD = re.compile(r"[A-Z][\w.’'-]*|[A-Z]\.?")



class LabelledReport(NamedTuple):
    """One attribution found by layout, in characters."""

    source: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    turn: bool = False  # a transcript speaker: a person on record, whatever the label


def layout_attributions(doc: Doc, text: str, quotes: list[Quote],
                        known_names: frozenset[str] = frozenset()) -> list[LabelledReport]:
    """Every transcript turn, name-headed line and signed-off quotation of `doc`.
    `known_names` are the article's people and organisations (names and aliases): a
    title-case headline often hides a name from the recogniser ("Pence: Gennifer Flowers
    Won't Be at Debate") that the body names plainly. They count in the headline only; a
    known name heading a line further down is often a section ("Brownstone Productions:
    Elizabeth and Max co-founded ...")."""
    return _line_labels(doc, text, quotes, known_names) + _sign_offs(text, quotes)


def _line_labels(doc: Doc, text: str, quotes: list[Quote], known_names: frozenset[str]
                 ) -> list[LabelledReport]:
    """Transcript turns and name-headed lines: a line opened by a name and a colon."""
    labels = []
    for match in LINE_LABEL.finditer(text):
        name, rest = match.span(1), match.span(2)
        words = text[name[0]:name[1]].split()
        if 0 < len(words) <= MAX_LABEL_WORDS and all(NAME_WORD.fullmatch(w) for w in words):
            headline = not text[:match.start()].strip()
            labels.append((name, rest, (headline and text[name[0]:name[1]] in known_names)
                           or _names_speaker(doc, name)))
    speakers = _transcript_speakers(doc, [(text[a:b], entity)
                                          for (a, b), _rest, entity in labels])
    found = []
    for name, rest, entity in labels:
        transcript = text[name[0]:name[1]] in speakers  # a turn may be short: "A: Yes."
        if not transcript and not (len(text[rest[0]:rest[1]].split()) >= MIN_CONTENT_WORDS
                                   and entity and _has_clause(doc, rest)):
            continue
        content, direct = _line_content(text, quotes, rest)
        found.append(LabelledReport(name, (name[1], name[1] + 1), content, direct, transcript))
    return found


def _transcript_speakers(doc: Doc, labels: list[tuple[str, bool]]) -> set[str]:
    """Capitalised line labels that are speakers taking turns: the text has turns by more
    than one label, some label speaks more than once, and each speaker is a name (the
    entity recogniser's, or one the article uses in running text: "PENCE" for Mike
    Pence) or the "Q" and "A" of an interview. "WATCH:", "RELATED:" or "WINNER:" heading
    lines are section labels. `labels` pairs each label with whether it is an entity."""
    capitals = Counter(label for label, _entity in labels if label.isupper())
    if len(capitals) < 2 or max(capitals.values(), default=0) < 2:
        return set()
    named = {word.lower() for ent in doc.ents if ent.label_ in SPEAKER_ENTITIES
             and not ent.text.isupper() for word in ent.text.split()}
    speakers = {label for label, entity in labels if label in capitals and (
        entity or all(word.lower() in named for word in label.split()))}
    if {"Q", "A"} <= capitals.keys():
        speakers |= {"Q", "A"}
    return speakers if len(speakers) >= 2 else set()


def _names_speaker(doc: Doc, name: tuple[int, int]) -> bool:
    """Whether the words before the colon are, whole, a person or organisation."""
    span: Span | None = doc.char_span(*name, alignment_mode="expand")
    return span is not None and any(
        ent.label_ in SPEAKER_ENTITIES and ent.start <= span.start and span.end <= ent.end
        for ent in doc.ents)


def _has_clause(doc: Doc, rest: tuple[int, int]) -> bool:
    """Whether the line after the name says something (has a verb), unlike a listing
    such as "Ron Funches: Giggle Fit Comedy special 11p"."""
    span = doc.char_span(*rest, alignment_mode="expand")
    return span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span)


def _line_content(text: str, quotes: list[Quote], rest: tuple[int, int]
                  ) -> tuple[tuple[int, int], bool]:
    """The rest of the line: the quotation opening it when one spans it, else the words."""
    start = rest[0]
    end = start + len(text[start:rest[1]].rstrip())
    for q in quotes:
        if q.start - 1 == start and q.end >= end - 2:
            return (q.start, q.end), True
    return (start, end), False


def _is_title(text: str, quote: Quote) -> bool:
    """'"La Flor De La Canela" — Rubén Blades' credits a song, not words: a quotation of
    fewer than three words or capitalised throughout is a title."""
    words = [w for w in text[quote.start:quote.end].split() if w[:1].isalpha()]
    return len(words) < MIN_CONTENT_WORDS or all(w[:1].isupper() for w in words)


def _sign_offs(text: str, quotes: list[Quote]) -> list[LabelledReport]:
    """Quotations followed on their line by a dash and a name (or a post's signature)."""
    found = []
    for q in quotes:
        dash = SIGN_OFF.match(text, q.outer[1])
        if dash is None:
            continue
        line_end = text.find("\n", dash.end())
        line_end = len(text) if line_end < 0 else line_end
        line = text[dash.end():line_end]
        post = POST_SIGNATURE.match(line)  # "— Kim (@KimKardashian) March 3, 2017"
        name = post.group(1) if post else line.rstrip().rstrip(".")
        words = name.split()
        if not 0 < len(words) <= MAX_SIGNATURE_WORDS \
                or not all(NAME_WORD.fullmatch(w) for w in words) or _is_title(text, q):
            continue
        found.append(LabelledReport((dash.end(), dash.end() + len(name)), dash.span(1),
                                    (q.start, q.end), True))
    return found
