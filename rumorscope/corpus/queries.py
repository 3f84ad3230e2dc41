"""Read-side queries over a store: stories, one story, one person, one outlet.

Each returns plain JSON-ready data; the CLI prints it as JSON or as text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from rumorscope.corpus import citations
from rumorscope.corpus.store import Store, article_citations, article_people, articles, stories
from rumorscope.outlets import cites_another


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_stories(store: Store, person: str | None = None, outlet: str | None = None,
                 since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Every story (filtered by a person named, an outlet publishing or cited, a date range),
    newest first, each with its article ids."""
    query = sa.select(articles.c.id, articles.c.story_id, articles.c.outlet,
                      articles.c.published).where(articles.c.story_id.is_not(None))
    if person:
        named = sa.select(article_people.c.article_id).where(
            article_people.c.name.like(_like(person), escape="\\"))
        query = query.where(articles.c.story_id.in_(
            sa.select(articles.c.story_id).where(articles.c.id.in_(named))))
    if outlet:
        citing = sa.select(article_citations.c.article_id).where(
            sa.func.lower(article_citations.c.outlet) == outlet.lower())
        query = query.where(articles.c.story_id.in_(
            sa.select(articles.c.story_id).where(
                (sa.func.lower(articles.c.outlet) == outlet.lower())
                | articles.c.id.in_(citing))))
    members: dict[int, list[tuple]] = defaultdict(list)
    with store.engine.connect() as connection:
        for row in connection.execute(query.order_by(articles.c.published, articles.c.id)):
            members[row.story_id].append(row)
        rows = connection.execute(sa.select(stories).where(stories.c.id.in_(list(members))))
        found = {row.id: row for row in rows} if members else {}
    result = []
    for story_id, rows in members.items():
        row = found[story_id]
        if since and (row.last_published or "") < since:
            continue
        if until and (row.first_published or "9999") > until:
            continue
        result.append({
            "id": story_id, "title": row.title, "articles": [r.id for r in rows],
            "first_published": row.first_published, "last_published": row.last_published,
            "outlets": sorted({r.outlet for r in rows if r.outlet}),
        })
    return sorted(result, key=lambda s: (s["last_published"] or "", s["id"]), reverse=True)


def story_report(store: Store, story_id: int) -> dict[str, Any] | None:
    """One story: cross-outlet timeline (oldest first, undated last), first report,
    citation graph, corroboration, contradictions. None when there is no such story."""
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(stories).where(stories.c.id == story_id)).first()
        ids = list(connection.scalars(sa.select(articles.c.id)
                                      .where(articles.c.story_id == story_id)))
    if row is None:
        return None
    # Oldest first; undated articles after the dated ones, by id so the order is stable.
    analyses = sorted(store.analyses(ids), key=lambda a: (a.article.published is None,
                                                          a.article.published or "",
                                                          a.article.id))
    return {
        "id": story_id, "title": row.title, "articles": [a.article.id for a in analyses],
        "timeline": [{
            "published": a.article.published, "article": a.article.id,
            "outlet": a.article.outlet, "title": a.article.title,
            "credibility": a.credibility.label, "sourcing": a.sourcing.summary,
        } for a in analyses],
        "first_report": citations.first_report(analyses),
        "citations": citations.citation_graph(analyses),
        "corroboration": citations.corroboration(analyses),
        "contradictions": citations.contradictions(analyses),
    }


def _mentions_person(claim_span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(claim_span[0] <= s < claim_span[1] for s, _ in spans)


def person_report(store: Store, name: str) -> dict[str, Any]:
    """Every claim about a person (a claim holding one of their mentions), oldest first,
    with its certainty and provenance."""
    with store.engine.connect() as connection:
        ids = list(connection.scalars(sa.select(article_people.c.article_id).where(
            article_people.c.name.like(_like(name), escape="\\")).distinct()))
    claims = []
    needle = name.lower()
    for analysis in store.analyses(ids):
        spans = [tuple(m) for e in analysis.entities
                 if e.type == "PERSON" and needle in e.name.lower() for m in e.mentions]
        for claim in analysis.claims:
            if _mentions_person(claim.span, spans):
                claims.append({
                    "published": analysis.article.published, "article": analysis.article.id,
                    "outlet": analysis.article.outlet, "claim": claim.text,
                    "certainty": claim.certainty,
                    "origin": citations.origin_of(claim, analysis),
                    "chain": [link.name for link in claim.chain],
                })
    return {"person": name, "articles": len(ids), "claims": claims}


def outlet_report(store: Store, name: str) -> dict[str, Any]:
    """An outlet's sourcing profile: shares of anonymous and on-record claims, the outlets
    it cites and that cite it, and its credibility scores."""
    with store.engine.connect() as connection:
        ids = list(connection.scalars(sa.select(articles.c.id).where(
            sa.func.lower(articles.c.outlet) == name.lower())))
        cited_by = connection.execute(
            sa.select(articles.c.outlet, sa.func.count()).join(
                article_citations, article_citations.c.article_id == articles.c.id)
            .where(sa.func.lower(article_citations.c.outlet) == name.lower())
            .group_by(articles.c.outlet)).all()
    by_type: Counter[str] = Counter()
    cites: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    bins: Counter[str] = Counter()
    claims = own = on_record = 0
    for analysis in store.analyses(ids):
        sourcing = analysis.sourcing
        claims += sourcing.claims
        own += sourcing.own_voice
        on_record += sourcing.on_record
        by_type.update(sourcing.by_type)
        cites.update({o: n for o, n in sourcing.outlets.items() if cites_another(o, name)})
        labels[analysis.credibility.label] += 1
        if analysis.credibility.p_false is not None:
            low = min(int(analysis.credibility.p_false * 10), 9) / 10
            bins[f"{low:.1f}-{low + 0.1:.1f}"] += 1
    attributed = max(claims - own, 1)
    return {
        "outlet": name, "articles": len(ids), "claims": claims,
        "own_voice_share": round(own / claims, 3) if claims else 0.0,
        "anonymous_share": round(by_type["anonymous"] / attributed, 3),
        "on_record_share": round(on_record / attributed, 3),
        "source_types": dict(by_type), "cites": dict(cites.most_common()),
        "cited_by": {outlet or "?": n for outlet, n in cited_by},
        "credibility": {"labels": dict(labels), "p_false": dict(sorted(bins.items()))},
    }
