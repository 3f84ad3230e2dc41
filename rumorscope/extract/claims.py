"""Split an article into checkable claims, each tied to its attribution and a certainty.

A claim is a reported content (one per sentence it spans) or a sentence in the
article's own voice that states something: questions, verbless fragments ("Wow.") and
calls to read on are not claims. Certainty comes from the hedge and denial cues inside
the claim, on its attribution's cue, and from later sentences of the article that
dispute the same thing ("it has never been confirmed that ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from rumorscope.schema import Attribution, Certainty, Claim, Hedge

_RANK: dict[Certainty, int] = {"asserted": 0, "hedged": 1, "disputed": 2, "denied": 3}
_DISPUTE = re.compile(r"confirm|exaggerat|way off|unclear|unverified|speculat", re.I)
_MIN_TOKENS = 3
_MIN_SHARED_WORDS = 2
_OWN_COVERAGE = 0.5


def denial_certainty(hedge: Hedge) -> Certainty:
    """'never confirmed', 'greatly exaggerated' dispute a claim; 'denied', 'not true' deny it."""
    if hedge.kind == "hedge":
        return "hedged"
    return "disputed" if _DISPUTE.search(hedge.text) else "denied"


def _is_checkable(sent: Span) -> bool:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < _MIN_TOKENS or sent.text.rstrip().endswith("?"):
        return False
    if sent.root.tag_ == "VB" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in sent):
        return False  # an imperative ("Get the shocking details.") asks, it does not state
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A character range cut at sentence boundaries, empty pieces dropped."""
    pieces = []
    for sent in doc.sents:
        lo, hi = max(start, sent.start_char), min(end, sent.end_char)
        if lo < hi:
            lo, hi = _trim(doc, lo, hi)
            if hi - lo > 1:
                pieces.append((lo, hi))
    return pieces


def _units(doc: Doc, attributions: list[Attribution]) -> list[tuple[int, int, Attribution | None]]:
    units: list[tuple[int, int, Attribution | None]] = []
    for attribution in attributions:
        start, end = attribution.content.span
        units.extend((lo, hi, attribution) for lo, hi in _pieces(doc, start, end))
    for sent in doc.sents:
        covered = sum(max(0, min(hi, sent.end_char) - max(lo, sent.start_char))
                      for lo, hi, _ in units)
        if covered <= _OWN_COVERAGE * len(sent.text.strip()) and _is_checkable(sent):
            lo, hi = _trim(doc, sent.start_char, sent.end_char)
            units.append((lo, hi, None))
    return sorted(units, key=lambda u: (u[0], u[1]))


def _words(doc: Doc, start: int, end: int) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and len(t) > 2}


def find_claims(doc: Doc, attributions: list[Attribution], hedges: list[Hedge]) -> list[Claim]:
    """Claims in text order, with certainty from their own, their cue's and disputing hedges."""
    claims: list[Claim] = []
    for start, end, attribution in _units(doc, attributions):
        windows = [(start, end)]
        if attribution is not None:
            windows.append(tuple(attribution.cue.span))
        indices = [i for i, h in enumerate(hedges)
                   if any(lo <= h.span[0] and h.span[1] <= hi for lo, hi in windows)]
        certainty: Certainty = "asserted"
        for i in indices:
            certainty = max(certainty, denial_certainty(hedges[i]), key=_RANK.__getitem__)
        claims.append(Claim(id=f"c{len(claims) + 1}", text=doc.text[start:end], span=(start, end),
                            attribution=attribution.id if attribution else None,
                            certainty=certainty, hedges=indices))
    _spread_disputes(doc, claims, hedges)
    return claims


def _spread_disputes(doc: Doc, claims: list[Claim], hedges: list[Hedge]) -> None:
    """A claim disputed or denied later on ("it has never been confirmed that X") takes it too."""
    for disputing in claims:
        if disputing.certainty not in ("disputed", "denied"):
            continue
        words = _words(doc, *disputing.span)
        for claim in claims:
            if claim is disputing or _RANK[claim.certainty] >= _RANK[disputing.certainty]:
                continue
            if len(words & _words(doc, *claim.span)) >= _MIN_SHARED_WORDS + 1:
                claim.certainty = disputing.certainty
