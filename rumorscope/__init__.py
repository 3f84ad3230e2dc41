"""rumorscope: who said it, how sure they were, when it happened, how credible it is.

    >>> from rumorscope import analyze
    >>> analysis = analyze("examples/kim-kanye-counseling.txt")
    >>> analysis.hedges[0].text
"""

from __future__ import annotations

from pathlib import Path

from rumorscope.analyzer import Analyzer
from rumorscope.schema import Analysis, Article

__all__ = ["Analysis", "Analyzer", "Article", "analyze"]
__version__ = "0.1.0"


def analyze(text_or_path: str | Path, published: str | None = None) -> Analysis:
    """Analyse one article given as text or as a path to a file in any supported format."""
    from rumorscope.ingest import article_from_text_or_path

    article = article_from_text_or_path(text_or_path, published=published)
    return Analyzer().analyze(article)
