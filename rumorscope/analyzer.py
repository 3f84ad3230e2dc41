"""The Analyzer: turns Articles into Analyses with one pipeline loaded once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from rumorscope.pipeline import load_pipeline
from rumorscope.schema import Analysis, Article

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
        return Analysis(
            article=article,
            entities=doc._.entities or [],
            facts=doc._.facts or [],
            hedges=doc._.hedges or [],
            timexes=doc._.timexes or [],
            timeline=doc._.timeline or [],
            warnings=warnings,
        )
