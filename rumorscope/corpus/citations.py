"""Within one story: the first report, who cites whom, corroboration and contradictions.

Only what reads as a publication's name counts as a cited outlet
(`outlets.cites_another`): "the mag" the text never resolved does not, nor the
article's own outlet however written.

A claim's *origin* is the first outlet in its provenance chain ("according to Daily
Mail" makes Daily Mail the origin even when its article is not in the corpus), else
the named person or official it is attributed to, else the article's own outlet. A
claim told by several articles is *corroborated* when it has two or more independent
origins, and *repeated* when every article took it from one origin. Two claims about the
same thing where one says it and the other denies it are a *contradiction*.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from rumorscope.corpus.stories import STOP_WORDS
from rumorscope.extract.provenance import outlet_of
from rumorscope.outlets import cites_another, same_outlet
from rumorscope.schema import Analysis, Claim

_WORD = re.compile(r"[a-z][a-z'’]+")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|nothing|neither)\b|n[’']t\b", re.I)
SAME_CLAIM = 0.5
MAX_CLAIMS = 1500


def content_words(text: str) -> frozenset[str]:
    """Content words of a claim, negations and contractions folded away."""
    words = (w.replace("’", "'").removesuffix("n't").removesuffix("'s")
             for w in _WORD.findall(text.lower()))
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS)


def negated(claim: Claim) -> bool:
    """Whether a claim says something is not so (a denial, or a negation in its text)."""
    return claim.certainty == "denied" or bool(_NEGATION.search(claim.text))


def origin_of(claim: Claim, analysis: Analysis) -> str:
    """The outlet or person a claim comes from, before any relay (see the module docstring)."""
    attribution = next((a for a in analysis.attributions if a.id == claim.attribution), None)
    if attribution is not None:
        if outlet := outlet_of(attribution):
            return outlet
        if attribution.speaker:
            return attribution.speaker
        if attribution.source.type in ("named_person", "official"):
            return attribution.source.resolves_to or attribution.source.text
    return analysis.article.outlet or analysis.article.id


def cited_outlets(analysis: Analysis) -> set[str]:
    """Outlets an article's claims say they come from (its own excepted, however written:
    "a source tells PEOPLE" in a people.com article is the article's own reporting)."""
    own = analysis.article.outlet
    return {o for o in analysis.sourcing.outlets
            if cites_another(o, own)}


def first_report(analyses: list[Analysis]) -> dict[str, Any]:
    """The earliest published article, and outlets cited by others as candidate origins."""
    dated = [a for a in analyses if a.article.published]
    earliest = min(dated, key=lambda a: a.article.published) if dated else None
    citing: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for outlet in cited_outlets(analysis):
            citing[outlet].add(analysis.article.id)
    present = {a.article.outlet for a in analyses if a.article.outlet}
    return {
        "earliest": None if earliest is None else {
            "article": earliest.article.id, "outlet": earliest.article.outlet,
            "published": earliest.article.published},
        "cited_origins": [
            {"outlet": o, "cited_by": sorted(ids),
             "in_corpus": any(same_outlet(o, p) for p in present)}
            for o, ids in sorted(citing.items(), key=lambda item: -len(item[1]))],
    }


def citation_graph(analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Edges outlet -> cited outlet, with how many claims rest on the citation."""
    edges: Counter[tuple[str, str]] = Counter()
    for analysis in analyses:
        own = analysis.article.outlet or analysis.article.id
        for outlet, n in analysis.sourcing.outlets.items():
            if cites_another(outlet, own):
                edges[(own, outlet)] += n
    return [{"from": a, "to": b, "claims": n} for (a, b), n in edges.most_common()]


@dataclass
class _Item:
    analysis: Analysis
    claim: Claim
    words: frozenset[str]


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _items(analyses: list[Analysis]) -> list[_Item]:
    items = [_Item(a, c, content_words(c.text)) for a in analyses for c in a.claims]
    return [i for i in items if len(i.words) >= 3][:MAX_CLAIMS]


def corroboration(analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Claims told by more than one article: corroborated (independent origins) or repeated."""
    items = _items(analyses)
    groups: list[list[_Item]] = []
    for item in items:
        for group in groups:
            if (negated(group[0].claim) == negated(item.claim)
                    and _similar(group[0].words, item.words) >= SAME_CLAIM):
                group.append(item)
                break
        else:
            groups.append([item])
    result = []
    for group in groups:
        articles = {i.analysis.article.id for i in group}
        if len(articles) < 2:
            continue
        origins = sorted({origin_of(i.claim, i.analysis) for i in group})
        result.append({
            "claim": group[0].claim.text,
            "articles": sorted(articles),
            "origins": origins,
            "status": "corroborated" if len(origins) > 1 else "repeated",
        })
    return sorted(result, key=lambda r: (-len(r["origins"]), -len(r["articles"])))


def contradictions(analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Pairs of claims from different articles about the same thing, one negated."""
    items = _items(analyses)
    found = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if (a.analysis.article.id != b.analysis.article.id
                    and negated(a.claim) != negated(b.claim)
                    and _similar(a.words, b.words) >= SAME_CLAIM):
                found.append({
                    "claims": [
                        {"article": x.analysis.article.id, "outlet": x.analysis.article.outlet,
                         "text": x.claim.text, "certainty": x.claim.certainty}
                        for x in (a, b)]})
    return found
