"""`doc_text`: a Doc's text joined once, and joined again if its tokens changed."""

from __future__ import annotations

import spacy

from rumorscope.extract.doc_text import KEY, doc_text


def test_text_is_joined_once_and_kept():
    doc = spacy.blank("en")("Kim said the couple split.")
    assert doc_text(doc) == doc.text
    doc.user_data[KEY] = doc.text.upper()  # a stored copy is what later calls return
    assert doc_text(doc) == "KIM SAID THE COUPLE SPLIT."


def test_a_stale_copy_of_another_length_is_replaced():
    doc = spacy.blank("en")("Kim said the couple split.")
    doc.user_data[KEY] = "something else"
    assert doc_text(doc) == "Kim said the couple split."
    assert doc_text(spacy.blank("en")("")) == ""
