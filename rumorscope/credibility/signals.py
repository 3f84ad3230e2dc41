"""Named credibility signals: numbers a reader can check, computed from an Analysis.

Each signal is documented in `SIGNALS` (what it measures, why it matters, its range) and
grounded in published indicators: the Credibility Coalition's content and context
indicators (Zhang et al., 2018: "clickbait title", "emotionally charged tone",
"source types", "number of sources", "representative citations", "confidence/hedging")
and NewsGuard's criteria ("gathers and presents information responsibly", "avoids
deceptive headlines", "clearly labels opinion"). `compute` returns the values and, per
signal, the spans of `article.text` that are its evidence, so a reason can be checked.

Rates are per 100 words or shares in [0, 1], so a long article and a short one compare.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from rumorscope.credibility.features import clean_title, excluded_spans, mask
from rumorscope.schema import Analysis, Span
from rumorscope.spans import merge_spans

SOURCE_TYPES = ("named_person", "anonymous", "outlet", "official", "social_media", "unspecified")
ON_RECORD_TYPES = ("named_person", "official")
VAGUE_GRANULARITIES = ("reference", "unknown")


@dataclass(frozen=True)
class SignalInfo:
    """Documentation of one signal."""

    name: str
    measures: str
    why: str
    range: str
    indicator: str


def _doc(name: str, measures: str, why: str, range_: str, indicator: str) -> SignalInfo:
    return SignalInfo(name, measures, why, range_, indicator)


_TYPE_DOCS = [
    _doc(f"share_{t}", f"share of attributions whose source is {t.replace('_', ' ')}",
         "who a story rests on: on-record and official sources can be checked, anonymous and "
         "unspecified ones cannot", "0..1", "CredCo: source types")
    for t in SOURCE_TYPES
] + [
    _doc(f"count_{t}", f"number of attributions to {t.replace('_', ' ')} sources",
         "how much of the story is sourced at all, per kind of source", "0..inf",
         "CredCo: number of sources")
    for t in SOURCE_TYPES
]

SIGNALS: dict[str, SignalInfo] = {s.name: s for s in [
    *_TYPE_DOCS,
    _doc("unattributed_claims", "share of claims in the article's own voice, with no source",
         "claims nobody stands behind cannot be checked", "0..1",
         "NewsGuard: gathers and presents information responsibly"),
    _doc("single_anonymous_source", "share of claims resting on the only source when that "
         "source is a single anonymous one (an insider, a friend)",
         "a story carried by one unnamed insider is the classic tabloid rumour", "0..1",
         "CredCo: representative citations"),
    _doc("outlets_cited", "distinct outlets the article relays claims from",
         "re-reporting another outlet's claim adds no verification; many relays mark "
         "aggregation", "0..inf", "CredCo: number of sources"),
    _doc("on_record_share", "share of claims from named people or officials",
         "on-record sources can be asked and held to what they said", "0..1",
         "NewsGuard: gathers and presents information responsibly"),
    _doc("official_statements", "attributions to official sources (representatives, "
         "spokespeople, police, courts)", "an official statement is the usual way a rumour "
         "is confirmed or denied", "0..inf", "CredCo: source types"),
    _doc("direct_quote_share", "share of attributions that quote their source directly",
         "exact quotes can be checked against the source", "0..1",
         "CredCo: representative citations"),
    _doc("hedge_rate", "hedge cues (reportedly, allegedly, rumoured) per 100 words",
         "hedging marks claims the writer will not stand behind", "0..~5",
         "CredCo: confidence"),
    _doc("denial_rate", "denial cues (denied, false, not true) per 100 words",
         "a story that reports denials is about a disputed claim", "0..~3",
         "CredCo: confidence"),
    _doc("hedged_claims", "share of claims whose certainty is hedged",
         "how much of the story is uncertain by the article's own words", "0..1",
         "CredCo: confidence"),
    _doc("disputed_claims", "share of claims disputed or denied",
         "a story that contradicts itself rests on contested claims", "0..1",
         "CredCo: confidence"),
    _doc("self_disputing", "phrases in which the article disputes its own claim "
         "(\"it has never been confirmed\", \"could not be verified\") per 100 words",
         "the writer concedes the claim is unverified yet runs it", "0..~2",
         "NewsGuard: gathers and presents information responsibly"),
    _doc("comment_sought", "phrases showing the subject was asked for comment "
         "(\"did not respond to a request for comment\", \"reached out to\")",
         "asking the subject is basic verification practice", "0..inf",
         "NewsGuard: gathers and presents information responsibly"),
    _doc("clickbait_headline", "clickbait patterns in the headline and lead (\"Get the "
         "shocking details\", \"You won't believe\", \"Wow.\", questions, all capitals, !)",
         "deceptive headlines sell a story the text does not support", "0..~6",
         "NewsGuard: avoids deceptive headlines; CredCo: clickbait title"),
    _doc("exclamations", "exclamation marks per 100 words",
         "sensational punctuation substitutes tone for evidence", "0..~5",
         "CredCo: emotionally charged tone"),
    _doc("emotional_intensity", "emotive or sensational words (devastated, furious, "
         "shocking, bombshell, meltdown) per 100 words", "emotion-laden framing is a marker of "
         "rumour and opinion rather than report", "0..~10", "CredCo: emotionally charged tone"),
    _doc("vague_time", "vague time references (recently, lately, these days, soon) per 100 "
         "words", "an event without a date cannot be checked against the record", "0..~3",
         "CredCo: representative citations"),
    _doc("dated_events", "time expressions resolved to a day or finer, per 100 words",
         "dated events can be checked", "0..~5", "CredCo: representative citations"),
    _doc("log_words", "log of the article's word count",
         "very short items are often re-blogged rumours", "0..~10", "CredCo: context"),
]}

_SELF_DISPUTE = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are)(?:n[o']t| not| never)(?: yet)? been "
    r"(?:confirmed|verified|substantiated|proven)|(?:could|can|cannot|can't|couldn't)"
    r"(?: not)? (?:be )?(?:independently )?(?:confirm|verif)\w*|unconfirmed|unverified|"
    r"(?:take|taken) (?:it|this|that|these|the report)? ?with a (?:grain|pinch) of salt|"
    r"remains to be seen|no (?:official )?confirmation|only time will tell|"
    r"(?:is|are) not (?:yet )?known|it(?:'s| is) unclear)\b", re.IGNORECASE)
_COMMENT = re.compile(
    r"\b(?:for (?:a )?comment|reached out to|did(?: not|n't) (?:immediately )?respond|"
    r"declined to comment|no comment|could not be reached|has(?: not|n't) commented)\b",
    re.IGNORECASE)
_CLICKBAIT = re.compile(
    r"\b(?:get the (?:\w+ )?details|you won'?t believe|find out|here'?s (?:why|what|how)|"
    r"this is (?:why|what|how)|the (?:real )?reason|shocking|stunning|bombshell|jaw-?dropping|"
    r"omg|wow|must see|can'?t stop|will blow|secret|exclusive|revealed?|reveals|slams?|"
    r"breaks? (?:her|his|their) silence|see (?:the )?(?:pics|photos|video)|what (?:happened|"
    r"really)|everything we know|all the details|sparks? (?:\w+ )?rumou?rs)\b|!|\?\s*$",
    re.IGNORECASE | re.MULTILINE)
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_EMOTIVE = re.compile(
    r"\b(?:devastat\w*|heartbr\w*|furious|fuming|livid|enraged|shock\w*|stun\w*|bombshell|"
    r"explosive|meltdown|feud\w*|desperate\w*|obsess\w*|jealous\w*|betray\w*|scandal\w*|"
    r"humiliat\w*|outrag\w*|horrif\w*|terrif\w*|disgust\w*|slam\w*|blast\w*|rag(?:e|ing)|"
    r"crush\w*|distraught|tearful|sobb\w*|panic\w*|frantic\w*|nightmare|disaster\w*|"
    r"brutal\w*|vicious|heartless|cruel|toxic|drama|war|wow|omg|insane\w*|crazy|"
    r"amazing|incredible|unbelievabl\w*|adorable|gorgeous|sexy|steamy|raunchy|cheat\w*|"
    r"secret\w*|torn|split|dumped?|broke(?:n)? up|love ?child|pregnan\w*|rehab|"
    r"spiral\w*|heartache|ecstatic|thrilled|overjoyed|fury|rage|spat)\b", re.IGNORECASE)
_VAGUE_TIME = re.compile(
    r"\b(?:recently|lately|these days|of late|soon|in the (?:near|coming) (?:future|weeks|"
    r"months)|at some point|some time ago|a while (?:ago|back)|in recent (?:weeks|months|days)|"
    r"the other day|once again|in the past)\b", re.IGNORECASE)
_WORD = re.compile(r"\b\w+\b")
_INTERJECTION = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?:wow|omg|whoa|yikes|oops|"
                           r"ugh|oh my god|oh no|seriously|yes|no way)\b[.!?]+",
                           re.IGNORECASE | re.MULTILINE)


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _lead(text: str, max_chars: int = 600) -> str:
    """The first paragraph (at most max_chars): where clickbait sits besides the headline."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    end = stripped.find("\n")
    return text[:offset + (end if 0 <= end < max_chars else max_chars)]


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _sourcing(analysis: Analysis) -> tuple[dict[str, float], dict[str, list[Span]]]:
    """Signals over attributions and claims: who the story rests on."""
    attributions = analysis.attributions
    claims = analysis.claims
    types = [a.source.type for a in attributions]
    values: dict[str, float] = {}
    evidence: dict[str, list[Span]] = {}
    for t in SOURCE_TYPES:
        values[f"count_{t}"] = float(types.count(t))
        values[f"share_{t}"] = _share(types.count(t), len(types))
        evidence[f"share_{t}"] = evidence[f"count_{t}"] = [
            a.source.span for a in attributions if a.source.type == t]
    own = [c for c in claims if c.attribution is None]
    values["unattributed_claims"] = _share(len(own), len(claims))
    evidence["unattributed_claims"] = [c.span for c in own]
    values["single_anonymous_source"], evidence["single_anonymous_source"] = \
        _single_anonymous(analysis)
    values["outlets_cited"] = float(len(analysis.sourcing.outlets))
    on_record = [a for a in attributions if a.source.type in ON_RECORD_TYPES]
    by_id = {a.id: a for a in attributions}
    on_record_claims = [c for c in claims if c.attribution in by_id
                        and by_id[c.attribution].source.type in ON_RECORD_TYPES]
    values["on_record_share"] = _share(len(on_record_claims), len(claims))
    evidence["on_record_share"] = [a.source.span for a in on_record]
    values["official_statements"] = values["count_official"]
    evidence["official_statements"] = evidence["count_official"]
    quoted = [a for a in attributions if a.direct_quote]
    values["direct_quote_share"] = _share(len(quoted), len(attributions))
    evidence["direct_quote_share"] = [a.content.span for a in quoted]
    certainties = (("hedged_claims", ("hedged",)), ("disputed_claims", ("disputed", "denied")))
    for name, kinds in certainties:
        chosen = [c for c in claims if c.certainty in kinds]
        values[name] = _share(len(chosen), len(claims))
        evidence[name] = [c.span for c in chosen]
    return values, evidence


def _single_anonymous(analysis: Analysis) -> tuple[float, list[Span]]:
    """Share of claims carried by the article's only source, when that is one anonymous one."""
    sources = {(a.source.resolves_to or a.source.text).lower(): a for a in analysis.attributions}
    if len(sources) != 1:
        return 0.0, []
    only = next(iter(sources.values()))
    if only.source.type != "anonymous":
        return 0.0, []
    ids = {a.id for a in analysis.attributions}
    resting = [c for c in analysis.claims if c.attribution in ids]
    return _share(len(resting), len(analysis.claims)), [only.source.span]


def _text_signals(analysis: Analysis, words: int, excluded: list[Span]
                  ) -> tuple[dict[str, float], dict[str, list[Span]]]:
    """Signals read off the text and headline with precompiled patterns."""
    text = analysis.article.text
    title = mask(clean_title(analysis.article.title), analysis.article.outlet)
    per100 = 100.0 / max(words, 1)
    hedges = [h.span for h in analysis.hedges if h.kind == "hedge"]
    denials = [h.span for h in analysis.hedges if h.kind == "denial"]
    lead = _lead(text)
    evidence: dict[str, list[Span]] = {
        "hedge_rate": hedges,
        "denial_rate": denials,
        "self_disputing": _spans(_SELF_DISPUTE, text),
        "comment_sought": _spans(_COMMENT, text),
        "clickbait_headline": _spans(_CLICKBAIT, lead) + _spans(_INTERJECTION, text),
        "exclamations": [(m.start(), m.end()) for m in re.finditer("!", text)],
        "emotional_intensity": _spans(_EMOTIVE, text),
        "vague_time": _vague_times(analysis),
        "dated_events": [t.span for t in analysis.timexes
                         if t.granularity in ("day", "time", "part_of_day")],
    }
    evidence = {name: _outside(spans, excluded) for name, spans in evidence.items()}
    headline_hits = len(_CLICKBAIT.findall(title)) + 2 * _share(
        len(_CAPS.findall(title)), len(_WORD.findall(title)))
    values = {
        "hedge_rate": len(hedges) * per100,
        "denial_rate": len(denials) * per100,
        "self_disputing": len(evidence["self_disputing"]) * per100,
        "comment_sought": float(len(evidence["comment_sought"])),
        "clickbait_headline": headline_hits + len(evidence["clickbait_headline"]),
        "exclamations": len(evidence["exclamations"]) * per100,
        "emotional_intensity": len(evidence["emotional_intensity"]) * per100,
        "vague_time": len(evidence["vague_time"]) * per100,
        "dated_events": len(evidence["dated_events"]) * per100,
        "log_words": math.log1p(words),
    }
    return values, evidence


def _vague_times(analysis: Analysis) -> list[Span]:
    """Vague time phrases, from the time tagger (reference granularity) and a pattern."""
    spans = {t.span[0]: t.span for t in analysis.timexes if t.granularity in VAGUE_GRANULARITIES}
    for start, end in _spans(_VAGUE_TIME, analysis.article.text):
        spans.setdefault(start, (start, end))
    return sorted(spans.values())


def _outside(spans: list[Span], excluded: list[Span]) -> list[Span]:
    """The spans that overlap no excluded span; `excluded` is merged (sorted, disjoint)."""
    starts = [s for s, _ in excluded]
    kept = []
    for start, end in spans:
        i = bisect.bisect_left(starts, end) - 1  # the last excluded span starting before end
        if i < 0 or excluded[i][1] <= start:
            kept.append((start, end))
    return kept


def compute(analysis: Analysis) -> tuple[dict[str, float], dict[str, list[Span]]]:
    """Every signal in `SIGNALS` (name -> value) and its evidence spans in article.text.

    Text patterns and word counts skip page furniture, outlet names and URLs, so that
    "E! News" is not an exclamation and a share-button line does not dilute a rate."""
    article = analysis.article
    excluded = merge_spans(excluded_spans(article.text, article.outlet))
    words = len(_outside([m.span() for m in _WORD.finditer(article.text)], excluded))
    values, evidence = _sourcing(analysis)
    text_values, text_evidence = _text_signals(analysis, words, excluded)
    values.update(text_values)
    evidence.update(text_evidence)
    return {name: round(values[name], 4) for name in SIGNALS}, evidence

