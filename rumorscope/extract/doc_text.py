"""A Doc's text, joined once per document.

spaCy's `Doc.text` rebuilds the string from every token on each read, and the extractors
read it several times per article (every component, and the timeline once per date). It
is joined once and kept in `doc.user_data`; a cheap length check guards against a Doc
whose tokens changed after it was stored.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "rumorscope.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed on the first call for this Doc only."""
    text = doc.user_data.get(KEY)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != end:
        text = doc.text
        doc.user_data[KEY] = text
    return text
