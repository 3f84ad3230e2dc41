"""Readers: header lines, records, HTML, stdin sniffing, and refusal of bad input."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from rumorscope.ingest import IngestError, article_from_text_or_path, iter_articles, sniff
from rumorscope.ingest.article import text_id
from rumorscope.ingest.dates import DateError, normalise_published
from rumorscope.ingest.decode import MAX_ARTICLE_BYTES
from rumorscope.ingest.text import parse_headers, read_text_article

from .conftest import EXAMPLES, REFERENCE


def test_reference_header_line_is_metadata_not_body():
    article = article_from_text_or_path(REFERENCE)
    assert article.published == "2016-12-20"
    assert article.credit == "SplashNews"
    assert article.text.startswith("Kim Kardashian and Kanye West")
    assert "SplashNews" not in article.text
    assert article.id == text_id(article.text)


def test_named_header_lines():
    article = read_text_article(
        "title: A Title\noutlet: example.com\nbyline: Jo Doe\npublished: 2020-02-03\n\nBody here.",
        "x.txt")
    assert (article.title, article.outlet, article.byline, article.published) == (
        "A Title", "example.com", "Jo Doe", "2020-02-03")
    assert article.text == "Body here."


def test_first_paragraph_starting_like_a_header_stays_body():
    text = "Date night went badly for the couple.\n\nSecond paragraph."
    article = read_text_article(text, "x.txt")
    assert article.text == text
    assert article.published is None
    assert parse_headers("date 2020-01-01 Credit\nnot a header") is None


def test_published_override_beats_header():
    article = article_from_text_or_path(REFERENCE, published="2017-01-01")
    assert article.published == "2017-01-01"


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-12-20", "2016-12-20"),
    ("2016-12-20T10:00:00Z", "2016-12-20"),
    (1525925890.229, "2018-05-10"),
    ("1525925890", "2018-05-10"),
    ("Tue, 20 Dec 2016 08:00:00 GMT", "2016-12-20"),
    ("Dec. 20, 2016", "2016-12-20"),
    (None, None),
])
def test_published_formats(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["notadate", "2016-13-45", "soon", True])
def test_unknown_dates_are_errors(value):
    with pytest.raises(DateError):
        normalise_published(value)


def test_jsonl_bad_record_is_reported_and_skipped(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "a", "text": "First."}\n{broken\n\n'
                    '{"id": "c", "content": "Third.", "published": 1700000000}\n'
                    '{"id": "d", "text": "Fourth.", "published": "whenever"}\n'
                    '["not", "an", "object"]\n', encoding="utf-8")
    items = list(iter_articles([path]))
    good = [i for i in items if not isinstance(i, IngestError)]
    bad = [str(i) for i in items if isinstance(i, IngestError)]
    assert [a.id for a in good] == ["a", "c"]
    assert good[1].published == "2023-11-14"
    assert bad[0].startswith(f"{path}:2: malformed JSON")
    assert bad[1].startswith(f"{path}:5: published:")
    assert bad[2] == f"{path}:6: expected a JSON object, got list"


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z", "body": "Zed text."}) + "\n")
    [article] = list(iter_articles([path]))
    assert (article.id, article.text) == ("z", "Zed text.")


def test_json_array_and_object(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": "1", "text": "One."}, {"text": ""}]), encoding="utf-8")
    items = list(iter_articles([path]))
    assert items[0].id == "1"
    assert str(items[1]) == (
        f"{path}[1]: no article text (expected a 'text', 'content' or 'body' field)")


def test_csv_records_and_a_ragged_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,title,text,published\n1,T,"Hello, world.",2020-01-02\n'
                    '2,T,x,2020-01-02,extra\n3,T,"Last one.",\n', encoding="utf-8")
    items = list(iter_articles([path]))
    assert [getattr(i, "id", None) for i in items] == ["1", None, "3"]
    assert "row has 5 fields, the header has 4" in str(items[1])
    assert items[0].published == "2020-01-02"


def test_csv_stray_and_unclosed_quotes_are_reported_and_skipped(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,"Fine."\n2,"glued"on\n3,"Also fine."\n4,"never closed\n',
                    encoding="utf-8")
    items = list(iter_articles([path]))
    assert [getattr(i, "id", None) for i in items] == ["1", None, "3", None]
    assert f"{path}:3: malformed CSV" in str(items[1])
    assert "unexpected end of data" in str(items[3])


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,title\n1,x\n", encoding="utf-8")
    [error] = list(iter_articles([path]))
    assert isinstance(error, IngestError)
    assert "no 'text', 'content' or 'body' column" in str(error)


def test_html_page_through_trafilatura_and_htmldate():
    [article] = list(iter_articles([EXAMPLES / "page.html"]))
    assert article.title == "Chef Amara Quinn Denies Feud With Co-Star"
    assert article.published == "2022-10-04"
    assert article.byline == "Lee Carver"
    assert "Share on Facebook" not in article.text
    assert "Celebrity chef Amara Quinn, 45" in article.text


def test_directory_reads_every_article_file_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Bee.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert [a.text for a in iter_articles([tmp_path])] == ["Ay.", "Bee."]


@pytest.mark.parametrize(("data", "kind"), [
    (b'{"text": "x"}', "json"),
    (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
    (b'[{"text": "x"}]', "json"),
    (b"<!DOCTYPE html><html></html>", "html"),
    (b"Plain words.", "text"),
])
def test_stdin_is_sniffed(data, kind):
    assert sniff(data) == kind


def test_stdin_text_with_header():
    stream = io.BytesIO(b"date 2019-05-01\n\nSomething happened yesterday.")
    [article] = list(iter_articles(["-"], stdin=stream))
    assert article.published == "2019-05-01"


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file (only whitespace)"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "binary file"),
    ("latin1.txt", "Beyoncé".encode("latin-1"), "not valid UTF-8 (byte 0xE9 at offset 6)"),
    ("bad.json", b'{"text": "x",', "malformed JSON"),
    ("page.html", b"<html><body><script>var a = 1;</script></body></html>",
     "no article text found in the HTML"),
    ("empty.jsonl", b"\n\n", "empty file: no JSON lines"),
    ("empty.csv", b"", "empty file"),
])
def test_bad_files_give_one_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    items = list(iter_articles([path]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    message = str(items[0])
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    [error] = list(iter_articles([path]))
    assert "over the 10 MB limit" in str(error)


def test_utf16_with_bom_is_accepted(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Beyoncé sang.".encode("utf-16"))
    [article] = list(iter_articles([path]))
    assert article.text == "Beyoncé sang."


def test_missing_path(tmp_path):
    [error] = list(iter_articles([tmp_path / "nope.txt"]))
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_python_api_accepts_text():
    article = article_from_text_or_path("Someone said something.\nAnother line.")
    assert article.text.startswith("Someone said")
