"""HTML pages: main text, title, author and site through trafilatura; the date through htmldate."""

from __future__ import annotations

from rumorscope.ingest.article import make_article
from rumorscope.ingest.errors import IngestError
from rumorscope.schema import Article


def read_html_article(html: str, where: str, published: str | None = None,
                      url: str | None = None) -> Article:
    """One article from an HTML page; no network access, nothing fetched."""
    import trafilatura
    from htmldate import find_date

    if "<" not in html:
        raise IngestError(where, "not HTML (no tags found)")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except Exception as err:  # trafilatura raises many lxml error types on broken markup
        raise IngestError(where, f"malformed HTML ({type(err).__name__}: {err})") from None
    if doc is None or not (doc.text or "").strip():
        raise IngestError(where, "no article text found in the HTML")
    date = published
    if date is None:
        try:
            date = find_date(html, outputformat="%Y-%m-%d", original_date=True,
                             extensive_search=False)
        except Exception:  # htmldate on broken markup: the date is then unknown, not fatal
            date = None
    fields = {"text": doc.text, "title": doc.title, "byline": doc.author,
              "outlet": doc.sitename, "url": doc.url or url, "published": date}
    return make_article(fields, where)
