"""Typing and linking attributions: source type, `resolves_to`, `via`, `speaker`.

"the site" resolves to the outlet the article named as a source before it (or, failing
that, the first one named after it); "she" to the person named most recently; "they" or
"the insider" that takes up an anonymous source keeps its type and relaying outlet.
`via` is the outlet the cue reports to ("told Us Weekly"), the outlet that owns the
source ("the site's insider"), an outlet that reports in the same sentence, or the
platform of a post ("in a Facebook post").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from rumorscope.extract.doc_text import doc_text
from rumorscope.extract.sources import (
    NAME_JOINERS,
    OFFICE_NAME_WORDS,
    OUTLET_NAME_WORDS,
    PERSON_PRONOUNS,
    SOCIAL,
    head_token,
    is_capitalised_press_name,
    is_outlet_name,
    is_outlet_phrase,
    social_medium,
    source_type,
)
from rumorscope.schema import Attribution, Entity, Source, TextSpan

if TYPE_CHECKING:
    from rumorscope.extract.attribution import Found

POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
PRONOUN_WINDOW = 3  # sentences back in which a pronoun looks for its person
OBJECT_DEPS = frozenset({"dative", "dobj", "pobj"})
WEB_ADDRESS = re.compile(r"[A-Z][\w-]*(?:\.[a-z]{2,})+")
# What publications do with news: the subject of "TMZ broke the news" is an outlet even
# when the entity recogniser misses it.
PUBLISHING_VERBS = frozenset({"break", "publish", "obtain", "report", "reveal", "air",
                              "print", "run", "learn"})


def to_attributions(doc: Doc, found: list[Found], entities: list[Entity] | None
                    ) -> list[Attribution]:
    """Schema attributions with ids a1, a2, ... from the found spans, typed and linked."""
    text = doc_text(doc)
    persons = _person_mentions(doc, entities)
    outlets = _named_outlets(doc, found, entities)
    done: dict[tuple[tuple[int, int], tuple[int, int]], Attribution] = {}
    result: list[Attribution] = []
    for f in found:
        key = (f.source, f.cue)
        earlier = done.get(key)
        if earlier is None:
            earlier = _link(doc, text, f, result, persons, outlets, entities)
            done[key] = earlier
        speaker = _resolve_name(doc, f.speaker, f.source[0], persons) if f.speaker else None
        result.append(earlier.model_copy(update={
            "id": f"a{len(result) + 1}",
            "content": TextSpan(text=text[f.content[0]:f.content[1]], span=f.content),
            "direct_quote": f.direct,
            "speaker": speaker or earlier.speaker,
        }, deep=True))
    return result


def _link(doc: Doc, text: str, f: Found, before: list[Attribution],
          persons: list[tuple[int, int, str]], outlets: list[tuple[int, str]],
          entities: list[Entity] | None) -> Attribution:
    """One attribution's source type, resolution and via."""
    span = doc.char_span(*f.source, alignment_mode="expand")
    cue = doc.char_span(*f.cue, alignment_mode="expand")
    label = _label(doc, span, entities)
    kind = source_type(span, label, cue)
    head = head_token(span)
    resolves, via = None, None
    recent = _recent(before, f.source[0], text)
    if head.lower_ in PERSON_PRONOUNS:
        if recent is not None and recent.source.type == "anonymous" and \
                not _person_between(persons, recent.source.span[1], f.source[0], before):
            kind, via = "anonymous", recent.via
        else:
            resolves = _antecedent(doc, f.source[0], persons)
    elif f.turn:  # "WARD:" in a transcript is Chris Ward speaking, not an outlet
        kind, resolves = "named_person", _person_named(span.text, persons)
    elif kind == "outlet" and is_outlet_phrase(span):
        resolves = _outlet_for(f.source[0], outlets)
    if kind != "outlet":
        via = _cue_via(cue, outlets) or _owner_via(span, outlets) or via \
            or _sentence_via(doc, f, before) or _definite_via(span, kind, before)
    return Attribution(
        id="a0",
        source=Source(text=span.text, span=f.source, type=kind, resolves_to=resolves,
                      explicit=f.explicit),
        cue=TextSpan(text=cue.text, span=f.cue),
        content=TextSpan(text="", span=f.content),
        direct_quote=f.direct, via=via)


def _label(doc: Doc, span: Span, entities: list[Entity] | None) -> str | None:
    """Entity label of the source's head word, from our entities or else spaCy's."""
    head = head_token(span)
    lo, hi = head.idx, head.idx + len(head)
    for entity in entities or []:
        if any(s < hi and lo < e for s, e in entity.mentions):
            return entity.type
    return head.ent_type_ or None


def _person_mentions(doc: Doc, entities: list[Entity] | None) -> list[tuple[int, int, str]]:
    """(start, end, full name) of every person mention, in text order."""
    if entities:
        found = [(s, e, ent.name) for ent in entities if ent.type == "PERSON"
                 for s, e in ent.mentions]
    else:
        found = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    return sorted(found)


def _person_named(text: str, persons: list[tuple[int, int, str]]) -> str | None:
    """The person whose name holds every word of `text` ("Kim": Kim Kardashian); a label
    in capitals matches whatever the case ("WARD": Chris Ward)."""
    fold = str.lower if text.isupper() else str
    words = [fold(w) for w in text.split()]
    for _s, _e, name in persons:
        parts = [fold(p) for p in name.split()]
        if all(w in parts for w in words):
            return name
    return None


def _named_outlets(doc: Doc, found: list[Found], entities: list[Entity] | None
                   ) -> list[tuple[int, str]]:
    """(offset, name) of outlets named as sources, as whom a cue reports to, or as an
    organisation whose name has a press word in it ("Us Weekly confirmed ...")."""
    names = [(ent.start_char, _strip_possessive(ent.text)) for ent in doc.ents
             if ent.label_ in {"ORG", "WORK_OF_ART"} and is_outlet_name(ent, ent.label_)
             and any(t.lower_ in OUTLET_NAME_WORDS or t.is_upper for t in ent)]
    names += _publishing_subjects(doc)
    for f in found:
        span = doc.char_span(*f.source, alignment_mode="expand")
        if span is not None and is_outlet_name(span, _label(doc, span, entities)) \
                and not is_outlet_phrase(span):
            names.append((f.source[0], _strip_possessive(span.text)))
        cue = doc.char_span(*f.cue, alignment_mode="expand")
        for obj in _cue_objects(cue):
            if not is_outlet_phrase(obj) and head_token(obj).lower_ not in SOCIAL \
                    and _names_outlet(obj, _label(doc, obj, entities)):
                names.append((obj.start_char, _strip_possessive(obj.text)))
    return sorted(names)


def _publishing_subjects(doc: Doc) -> list[tuple[int, str]]:
    """(offset, name) of proper names that publish ("TMZ broke the news", "Page Six
    obtained photos") with an acronym or a press word in the name, not people."""
    names = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.ent_type_ == "PERSON" \
                or tok.head.lemma_.lower() not in PUBLISHING_VERBS:
            continue
        name = doc[tok.left_edge.i:tok.i + 1]
        capitalised = all(t.is_title or t.is_upper or t.text in NAME_JOINERS for t in name)
        acronym = len(name) == 1 and tok.is_upper and len(tok) >= 2
        pressed = len(name) > 1 and any(t.lower_ in OUTLET_NAME_WORDS for t in name)
        if capitalised and (acronym or pressed) \
                and not any(t.lower_ in OFFICE_NAME_WORDS for t in name):
            names.append((name.start_char, _strip_possessive(name.text)))
    return names


def _cue_objects(cue: Span) -> list[Span]:
    """Noun phrases a cue reports to or in: "told Us Weekly", "told the magazine"."""
    found = []
    for child in cue.root.children:
        if child.dep_ in {"dative", "dobj"} and (child.pos_ in {"PROPN", "NOUN"} or (
                child.pos_ == "X" and child.ent_type_ == "ORG")):  # "told RadarOnline.com"
            found.append(child)
        if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "in", "with"}:
            found += [c for c in child.children if c.dep_ == "pobj"
                      and c.pos_ in {"PROPN", "NOUN"}]
    doc = cue.doc
    spans = []
    for tok in map(_medium_partner, found):
        end = tok.right_edge.i + 1
        while end > tok.i + 1 and not doc[end - 1].is_alpha:
            end -= 1
        if end == tok.i + 1 and (tok.is_title or tok.is_upper):
            end = _name_run_end(doc, end)  # "told E! News": the parser splits the name
        spans.append(doc[tok.left_edge.i:end])
    return spans


def _name_run_end(doc: Doc, end: int) -> int:
    """The end of the capitalised words (and "!" or "&" between them) running on from
    `end` in the same sentence: the rest of a publication's name."""
    sent_end = doc[end - 1].sent.end
    while end < sent_end:
        joins = doc[end].text in NAME_JOINERS and end + 1 < sent_end and doc[end + 1].is_title
        if not (joins or doc[end].is_title):
            return end
        end += 1
    return end


def _names_outlet(obj: Span, label: str | None) -> bool:
    """Whether whom a cue reports to is a publication ("told People", "told E! News",
    "told RadarOnline.com")."""
    return (is_outlet_name(obj, label) or is_capitalised_press_name(obj, label)
            or (len(obj) == 1 and WEB_ADDRESS.fullmatch(obj.text) is not None))


def _medium_partner(tok: Token) -> Token:
    """"in an interview with Us Weekly", "in a statement to TMZ": the named outlet the
    interview or statement was given to stands for it."""
    if tok.pos_ != "NOUN":
        return tok
    return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                 for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), tok)


def _strip_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending):
            return text[: -len(ending)].rstrip()
    return text


def _outlet_for(offset: int, outlets: list[tuple[int, str]]) -> str | None:
    """The outlet named last before `offset`, else the first named after it."""
    earlier = [name for pos, name in outlets if pos < offset]
    if earlier:
        return earlier[-1]
    later = [name for pos, name in outlets if pos > offset]
    return later[0] if later else None


def _cue_via(cue: Span, outlets: list[tuple[int, str]]) -> str | None:
    """"told Us Weekly" -> Us Weekly; "in a Facebook post" -> Facebook."""
    medium = social_medium(cue)
    if medium is not None:
        return medium
    names = {name for _pos, name in outlets}
    for obj in _cue_objects(cue):
        name = _strip_possessive(obj.text)
        if name in names:
            return name
        if is_outlet_phrase(obj):
            return _outlet_for(obj.start_char, outlets)
    return None


def _owner_via(span: Span, outlets: list[tuple[int, str]]) -> str | None:
    """"the site's insider" -> the site's outlet; "Hollywood Life's source" -> Hollywood Life."""
    for tok in span:
        if tok.dep_ == "poss" and tok.head in span:
            owner = span.doc[tok.left_edge.i:tok.i + 1]
            if is_outlet_phrase(owner):
                return _outlet_for(owner.start_char, outlets)
            if is_outlet_name(owner, tok.ent_type_ or None):
                return _strip_possessive(owner.text)
    return None


def _sentence_via(doc: Doc, f: Found, before: list[Attribution]) -> str | None:
    """An outlet that reports in the same sentence relays the other sources in it."""
    sent = doc.char_span(*f.cue, alignment_mode="expand").sent
    for a in reversed(before):
        if a.source.type == "outlet" and sent.start_char <= a.cue.span[0] < sent.end_char:
            return a.source.resolves_to or _strip_possessive(a.source.text)
    return None


def _definite_via(span: Span, kind: str, before: list[Attribution]) -> str | None:
    """"the insider" takes up the last anonymous source, with its relaying outlet."""
    if kind != "anonymous" or span[0].lower_ not in {"the", "this", "that"}:
        return None
    for a in reversed(before):
        if a.source.type == "anonymous":
            return a.via
    return None


def _recent(before: list[Attribution], offset: int, text: str) -> Attribution | None:
    """The last attribution before `offset`, if it is within a few sentences."""
    earlier = [a for a in before if a.source.span[0] < offset]
    if not earlier:
        return None
    last = earlier[-1]
    gap = text.count(".", last.source.span[1], offset)
    return last if gap <= PRONOUN_WINDOW else None


def _person_between(persons: list[tuple[int, int, str]], lo: int, hi: int,
                    before: list[Attribution]) -> bool:
    """A person named between two points, outside the quoted words of earlier reports."""
    quoted = [a.content.span for a in before if a.direct_quote]
    return any(lo <= s and e <= hi and not any(q[0] <= s < q[1] for q in quoted)
               for s, e, _name in persons)


def _antecedent(doc: Doc, offset: int, persons: list[tuple[int, int, str]]) -> str | None:
    """The person named last before `offset` within a few sentences ("she" -> Kim)."""
    sent_start = doc.char_span(offset, offset + 1, alignment_mode="expand").sent.start
    window_start = doc[max(0, sent_start - 1)].sent.start
    for _ in range(PRONOUN_WINDOW - 1):
        window_start = doc[max(0, window_start - 1)].sent.start
    lo = doc[window_start].idx
    candidates = [name for s, e, name in persons if lo <= s and e <= offset]
    return candidates[-1] if candidates else None


def _resolve_name(doc: Doc, text: str | None, offset: int,
                  persons: list[tuple[int, int, str]]) -> str | None:
    """A speaker's fullest name: pronouns by antecedent, short names by a person entity."""
    if not text:
        return None
    if text.lower() in PERSON_PRONOUNS:
        return _antecedent(doc, offset, persons)
    return _person_named(text, persons) or text
