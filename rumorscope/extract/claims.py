"""Split an article into checkable claims, each tied to its attribution and a certainty.

A claim is a reported content (one per sentence it spans) or a sentence in the
article's own voice that states something: questions, verbless fragments ("Wow.") and
calls to read on are not claims. Certainty comes from the hedge and denial cues inside
the claim, on its attribution's cue, and from later sentences of the article that
dispute the same thing ("it has never been confirmed that ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from rumorscope.extract.doc_text import doc_text
from rumorscope.schema import Attribution, Certainty, Claim, Hedge
from rumorscope.spans import merge_spans

_RANK: dict[Certainty, int] = {"asserted": 0, "hedged": 1, "disputed": 2, "denied": 3}
_DISPUTE = re.compile(r"confirm|exaggerat|way off|unclear|unverified|speculat", re.I)
_MIN_TOKENS = 3
_MIN_SHARED_WORDS = 3
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


class _DocView:
    """What claim-finding reads of a Doc, computed once: `doc.text` and `doc.sents` are
    rebuilt by spaCy on every access."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.sents = list(doc.sents)
        self.word_starts: list[int] = []
        self.words: list[str] = []
        for token in doc:
            if token.is_alpha and not token.is_stop and len(token) > 2:
                self.word_starts.append(token.idx)
                self.words.append(token.lemma_.lower())

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """A character range cut at sentence boundaries, empty pieces dropped."""
        pieces = []
        for sent in self.sents:
            lo, hi = max(start, sent.start_char), min(end, sent.end_char)
            if lo < hi:
                lo, hi = self.trim(lo, hi)
                if hi - lo > 1:
                    pieces.append((lo, hi))
        return pieces

    def content_words(self, start: int, end: int) -> set[str]:
        lo, hi = bisect_left(self.word_starts, start), bisect_left(self.word_starts, end)
        return set(self.words[lo:hi])


def _units(view: _DocView, attributions: list[Attribution]
           ) -> list[tuple[int, int, Attribution | None]]:
    units: list[tuple[int, int, Attribution | None]] = []
    for attribution in attributions:
        start, end = attribution.content.span
        units.extend((lo, hi, attribution) for lo, hi in view.pieces(start, end))
    # A sentence is the article's own claim only when most of it is neither reported
    # content nor the words that report it ("the site's insider claims Kim said, '...'").
    reported = merge_spans([(a, b) for a, b, _ in units]
                       + [tuple(x.span) for a in attributions for x in (a.source, a.cue)])
    for sent in view.sents:
        lo, hi = view.trim(sent.start_char, sent.end_char)
        covered = sum(max(0, min(b, hi) - max(a, lo)) for a, b in reported)
        if covered <= _OWN_COVERAGE * (hi - lo) and _is_checkable(sent):
            units.append((lo, hi, None))
    return sorted(units, key=lambda u: (u[0], u[1]))


def find_claims(doc: Doc, attributions: list[Attribution], hedges: list[Hedge]) -> list[Claim]:
    """Claims in text order, with certainty from their own, their cue's and disputing hedges."""
    view = _DocView(doc)
    claims: list[Claim] = []
    for start, end, attribution in _units(view, attributions):
        windows = [(start, end)]
        if attribution is not None:
            windows.append(tuple(attribution.cue.span))
        indices = [i for i, h in enumerate(hedges)
                   if any(lo <= h.span[0] and h.span[1] <= hi for lo, hi in windows)]
        certainty: Certainty = "asserted"
        for i in indices:
            certainty = max(certainty, denial_certainty(hedges[i]), key=_RANK.__getitem__)
        claims.append(Claim(id=f"c{len(claims) + 1}", text=view.text[start:end], span=(start, end),
                            attribution=attribution.id if attribution else None,
                            certainty=certainty, hedges=indices))
    _spread_disputes(view, claims)
    return claims


def _spread_disputes(view: _DocView, claims: list[Claim]) -> None:
    """A claim disputed or denied elsewhere ("it has never been confirmed that X") takes it too."""
    disputing = [c for c in claims if c.certainty in ("disputed", "denied")]
    if not disputing:
        return
    words = {c.id: view.content_words(*c.span) for c in claims}
    for source in disputing:
        for claim in claims:
            if claim is source or _RANK[claim.certainty] >= _RANK[source.certainty]:
                continue
            if len(words[source.id] & words[claim.id]) >= _MIN_SHARED_WORDS:
                claim.certainty = source.certainty
