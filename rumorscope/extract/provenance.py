"""Provenance chains (Kim <- the site's insider <- Daily Mail <- this article) and the
sourcing summary of an article ("14 claims: 9 from one outlet (Daily Mail), ...")."""

from __future__ import annotations

import re
from collections import Counter

from rumorscope.schema import Article, Attribution, ChainLink, Claim, Sourcing

ON_RECORD = ("named_person", "official", "social_media")
_TYPE_WORDS = {
    "named_person": "from named people",
    "anonymous": "anonymous",
    "outlet": "from outlets",
    "official": "official",
    "social_media": "from social media",
    "unspecified": "from unspecified reports",
}


def chain_for(attribution: Attribution | None, article: Article) -> list[ChainLink]:
    """Original speaker first, then the source, the relaying outlet, and this article last."""
    links: list[ChainLink] = []
    if attribution is not None:
        if attribution.speaker:
            links.append(ChainLink(name=attribution.speaker, role="speaker", type="named_person"))
        source = attribution.source
        links.append(ChainLink(name=source.text, role="source", type=source.type))
        relays = [attribution.via, source.resolves_to if source.type == "outlet" else None]
        for relay in dict.fromkeys(r for r in relays if r and r != source.text):
            links.append(ChainLink(name=relay, role="via", type="outlet"))
    links.append(ChainLink(name=article.outlet or "this article", role="article"))
    return links


_OUTLET_FRAME = re.compile(
    r"^(?:the\s+)|[\s,]+(?:magazine|newspaper|tabloid|website|web\s?site|site|show|"
    r"network|channel|outlet|news\s?paper)$", re.I)


def outlet_name(name: str) -> str:
    """One name per outlet: "the Star Pulse magazine" and "Star Pulse" count together."""
    original, previous = name, None
    while previous != name:
        previous, name = name, _OUTLET_FRAME.sub("", name).strip()
    return name if any(c.isupper() for c in name) else original  # "the site" stays itself


def outlet_of(attribution: Attribution) -> str | None:
    """The outlet a claim comes through: the relay, or the source itself when it is an outlet."""
    if attribution.via:
        return outlet_name(attribution.via)
    if attribution.source.type == "outlet":
        return outlet_name(attribution.source.resolves_to or attribution.source.text)
    return None


def summarise_sourcing(claims: list[Claim], attributions: list[Attribution]) -> Sourcing:
    """Counts per source type and per outlet, and one readable sentence."""
    by_id = {a.id: a for a in attributions}
    types: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    own = 0
    for claim in claims:
        attribution = by_id.get(claim.attribution or "")
        if attribution is None:
            own += 1
            continue
        types[attribution.source.type] += 1
        if outlet := outlet_of(attribution):
            outlets[outlet] += 1
    on_record = sum(types[t] for t in ON_RECORD)
    return Sourcing(claims=len(claims), own_voice=own, by_type=dict(types), outlets=dict(outlets),
                    on_record=on_record, summary=_sentence(len(claims), own, types, outlets,
                                                           on_record))


def _sentence(total: int, own: int, types: Counter[str], outlets: Counter[str],
              on_record: int) -> str:
    parts = []
    if outlets:
        names = ", ".join(f"{name} {count}" if len(outlets) > 1 else name
                          for name, count in outlets.most_common())
        parts.append(f"{sum(outlets.values())} through {len(outlets)} "
                     f"outlet{'s' if len(outlets) > 1 else ''} ({names})")
    for kind in ("anonymous", "unspecified"):
        if types[kind]:
            parts.append(f"{types[kind]} {_TYPE_WORDS[kind]}")
    parts.append(f"{on_record} on record")
    parts.append(f"{own} in the article's own voice")
    return f"{total} claim{'s' if total != 1 else ''}: " + ", ".join(parts)
