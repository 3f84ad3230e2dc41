"""The Analyzer: turns Articles into Analyses with one pipeline loaded once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from rumorscope.credibility import score
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

    def __init__(self, nlp: Language | None = None, batch_size: int = 32,
                 credibility: bool = True) -> None:
        """`credibility=False` leaves the score out: training the credibility model reads
        analyses that its own earlier version must not have touched."""
        self.nlp = nlp or load_pipeline()
        self.batch_size = batch_size
        self.credibility = credibility

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article],
                     on_error: Callable[[Article, Exception], None] | None = None
                     ) -> Iterator[Analysis]:
        """Analyses in input order, streaming through `nlp.pipe` a batch at a time.

        With `on_error`, an article that makes any step fail is handed to it and skipped,
        and the run goes on; without it the error propagates."""
        for batch in minibatch(articles, self.batch_size):
            try:
                docs = list(self.nlp.pipe((self._doc(a) for a in batch),
                                          batch_size=self.batch_size))
            except Exception:
                if on_error is None:
                    raise
                yield from self._one_by_one(batch, on_error)
                continue
            for article, doc in zip(batch, docs, strict=True):
                yield self._to_analysis(article, doc)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = parse_iso_date(article.published)
        doc._.outlet = article.outlet
        return doc

    def _one_by_one(self, batch: list[Article],
                    on_error: Callable[[Article, Exception], None]) -> Iterator[Analysis]:
        """Re-run a failed batch article by article, so only the bad one is lost."""
        for article in batch:
            try:
                doc = self.nlp(self._doc(article))
            except Exception as err:  # any step may fail on hostile text: report, go on
                on_error(article, err)
                continue
            yield self._to_analysis(article, doc)

    def _to_analysis(self, article: Article, doc: Doc) -> Analysis:
        warnings = [] if article.published else [NO_ANCHOR_WARNING]
        attributions: list[Attribution] = doc._.attributions or []
        claims: list[Claim] = doc._.claims or []
        by_id = {a.id: a for a in attributions}
        for claim in claims:
            claim.chain = chain_for(by_id.get(claim.attribution or ""), article)
        timexes = doc._.timexes or []
        timeline = link_timeline(doc._.timeline or [], timexes, claims)
        analysis = Analysis(
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
        if self.credibility:
            analysis.signals, analysis.credibility = score(analysis)
        return analysis


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
