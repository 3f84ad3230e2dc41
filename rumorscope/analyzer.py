"""The Analyzer: turns Articles into Analyses with one pipeline loaded once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from rumorscope.extract.provenance import chain_for, summarise_sourcing
from rumorscope.pipeline import load_pipeline
from rumorscope.schema import Analysis, Article, Attribution, Claim, TimelineEvent

NO_ANCHOR_WARNING = (
    "no publication date: relative time expressions are left unresolved (value null)"
)


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    return dt.date.fromisoformat(value[:10])


class Analyzer:
    """Loads the spaCy pipeline once and analyses any number of articles with it."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 32) -> None:
        self.nlp = nlp or load_pipeline()
        self.batch_size = batch_size

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, streaming through `nlp.pipe`."""
        pending: list[Article] = []

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                doc = self.nlp.make_doc(article.text)
                doc._.published = parse_iso_date(article.published)
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield self._to_analysis(pending.pop(0), doc)

    @staticmethod
    def _to_analysis(article: Article, doc: Doc) -> Analysis:
        warnings = [] if article.published else [NO_ANCHOR_WARNING]
        attributions: list[Attribution] = doc._.attributions or []
        claims: list[Claim] = doc._.claims or []
        by_id = {a.id: a for a in attributions}
        for claim in claims:
            claim.chain = chain_for(by_id.get(claim.attribution or ""), article)
        timexes = doc._.timexes or []
        timeline = link_timeline(doc._.timeline or [], timexes, claims)
        return Analysis(
            article=article,
            entities=doc._.entities or [],
            facts=doc._.facts or [],
            attributions=attributions,
            hedges=doc._.hedges or [],
            timexes=timexes,
            timeline=timeline,
            claims=claims,
            sourcing=summarise_sourcing(claims, attributions),
            warnings=warnings,
        )


def link_timeline(events: list[TimelineEvent], timexes: list, claims: list[Claim]
                  ) -> list[TimelineEvent]:
    """Each event carries the attribution and certainty of the claim its date sits in."""
    for event in events:
        start, end = timexes[event.timex].span
        claim = next((c for c in claims if c.span[0] <= start and end <= c.span[1]), None)
        if claim is not None:
            event.attribution = claim.attribution
            event.certainty = claim.certainty
    return events
