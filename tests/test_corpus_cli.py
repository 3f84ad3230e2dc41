"""The corpus commands end to end on a real SQLite file with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rumorscope.corpus.cli import corpus_app

RECORDS = [
    {"id": "n1", "outlet": "Daily Mail", "published": "2024-03-01",
     "title": "Dana Vale and Rick Moor in couples therapy",
     "text": "Dana Vale and Rick Moor are in couples therapy, a source told the Daily Mail. "
             "\"They are working hard to save their marriage,\" the insider said on Friday."},
    {"id": "n2", "outlet": "Star Weekly", "published": "2024-03-02",
     "title": "Dana Vale and Rick Moor seek couples therapy to save marriage",
     "text": "Dana Vale and Rick Moor are in couples therapy, according to the Daily Mail. "
             "\"They are working hard to save their marriage,\" an insider told the paper."},
    {"id": "n3", "outlet": "Gossip Now", "published": "2024-03-03",
     "title": "Lena Ortiz opens a bakery in Toronto",
     "text": "Lena Ortiz opened a bakery in Toronto on Monday. Fans queued for hours to "
             "taste her maple croissants, the shop's manager said."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    source = folder / "articles.jsonl"
    lines = [json.dumps(r) for r in RECORDS] + ['{"id": "bad", "title": "no text"}']
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'corpus.db'}"
    first = CliRunner().invoke(corpus_app, ["ingest", str(source), "--db", url])
    again = CliRunner().invoke(corpus_app, ["ingest", str(source), "--db", url])
    return url, first, again


def _json(args: list[str]):
    result = CliRunner().invoke(corpus_app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_reports_bad_record_and_is_idempotent(corpus):
    _, first, again = corpus
    assert first.exit_code == 1  # one bad record, reported and skipped
    assert "bad" in first.stderr and "3 new articles stored" in first.stderr
    assert "0 new articles stored" in again.stderr


def test_stories_json_lists_every_article_once(corpus):
    url, _, _ = corpus
    stories = _json(["stories", "--db", url, "--format", "json"])
    ids = [a for s in stories for a in s["articles"]]
    assert sorted(ids) == ["n1", "n2", "n3"]
    assert all({"id", "title", "articles"} <= set(s) for s in stories)
    together = next(s for s in stories if "n1" in s["articles"])
    assert together["articles"] == ["n1", "n2"]
    assert together["title"] == RECORDS[0]["title"]
    vale = _json(["stories", "--db", url, "--format", "json", "--person", "dana vale"])
    assert [s["id"] for s in vale] == [together["id"]]
    assert _json(["stories", "--db", url, "--format", "json", "--since", "2024-03-03"]) == [
        s for s in stories if "n3" in s["articles"]]


def test_story_report_has_timeline_and_first_report(corpus):
    url, _, _ = corpus
    stories = _json(["stories", "--db", url, "--format", "json"])
    story_id = next(s["id"] for s in stories if "n1" in s["articles"])
    report = _json(["story", str(story_id), "--db", url, "--format", "json"])
    assert [t["article"] for t in report["timeline"]] == ["n1", "n2"]
    assert report["first_report"]["earliest"]["article"] == "n1"
    result = CliRunner().invoke(corpus_app, ["story", "9999", "--db", url])
    assert result.exit_code == 1


def test_story_text_shows_timeline_origins_citations_and_repeats(corpus):
    url, _, _ = corpus
    stories = _json(["stories", "--db", url, "--format", "json"])
    story_id = next(s["id"] for s in stories if "n1" in s["articles"])
    result = CliRunner().invoke(corpus_app, ["story", str(story_id), "--db", url])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "2 articles from 2 outlets, 2024-03-01 to 2024-03-02"
    dated = [line.split()[0] for line in lines if line.startswith("  2024-")]
    assert dated == ["2024-03-01", "2024-03-02"]
    assert "  earliest in the corpus: Daily Mail on 2024-03-01 (n1)" in lines
    assert "  cited as a source: Daily Mail (by 1 article; in the corpus)" in lines
    assert "  Star Weekly → Daily Mail (2 claims)" in lines
    assert "  repeated: “Dana Vale and Rick Moor are in couples therapy”" in lines
    assert lines[lines.index("contradictions") + 1] == "  none"
    assert "{" not in result.stdout  # nothing printed as a raw dict


def test_person_and_outlet_reports(corpus):
    url, _, _ = corpus
    person = _json(["person", "Rick Moor", "--db", url, "--format", "json"])
    assert person["articles"] == 2
    assert person["claims"] and {c["article"] for c in person["claims"]} <= {"n1", "n2"}
    outlet = _json(["outlet", "Star Weekly", "--db", url, "--format", "json"])
    assert outlet["articles"] == 1
    assert 0.0 <= outlet["anonymous_share"] <= 1.0


def test_a_query_on_a_missing_store_fails_and_creates_nothing(tmp_path):
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(corpus_app, ["stories", "--db", f"sqlite:///{path}"])
    assert result.exit_code == 2
    assert f"no store at {path}" in result.output
    assert not path.exists()


@pytest.mark.parametrize(("url", "reason"), [
    ("mysql://host/db", "unsupported database 'mysql'"),
    ("postgresql://127.0.0.1:1/none", "connection"),
])
def test_unusable_database_urls_get_one_line(url, reason):
    result = CliRunner().invoke(corpus_app, ["stories", "--db", url])
    assert result.exit_code == 2
    assert reason in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_file_that_is_no_database_gets_one_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database\n")
    result = CliRunner().invoke(corpus_app, ["ingest", str(path), "--db", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == f"rumorscope: cannot open {path}: file is not a database"


def test_person_text_report_lists_dated_claims_with_their_outlets(corpus):
    url, _, _ = corpus
    result = CliRunner().invoke(corpus_app, ["person", "Rick Moor", "--db", url])
    assert result.exit_code == 0
    heading, *lines = result.output.strip().splitlines()
    assert heading.startswith("Rick Moor: ") and heading.endswith(" in 2 articles")
    claims, origins = lines[::2], lines[1::2]
    assert claims and all(line[2:12] in {"2024-03-01", "2024-03-02"} for line in claims)
    assert all(line.split()[1] in {"Daily", "Star"} for line in claims)
    assert all(line.strip().startswith("from ") for line in origins)
    assert any("Daily Mail" in line for line in origins)


def test_outlet_text_report_gives_its_sourcing_profile(corpus):
    url, _, _ = corpus
    result = CliRunner().invoke(corpus_app, ["outlet", "Star Weekly", "--db", url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("outlet Star Weekly: 1 article, ")
    assert lines[lines.index("outlets it cites") + 1].startswith("  Daily Mail (")
    cited = CliRunner().invoke(corpus_app, ["outlet", "Daily Mail", "--db", url])
    assert "  Star Weekly (1 article)" in cited.output.splitlines()


@pytest.mark.parametrize("command", [["person", "Nobody Known"], ["outlet", "nosuch.com"]])
def test_a_person_or_outlet_the_store_never_saw_is_a_one_line_error(corpus, command):
    url, _, _ = corpus
    result = CliRunner().invoke(corpus_app, [*command, "--db", url])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"rumorscope: no article in {url} "
        f"{'names' if command[0] == 'person' else 'is from or cites'} {command[1]!r}"]


def test_restory_places_every_article_again(corpus, tmp_path):
    url, _, _ = corpus
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(url.removeprefix("sqlite:///")).read_bytes())
    copied = f"sqlite:///{copy}"
    before = _json(["stories", "--db", copied, "--format", "json"])
    result = CliRunner().invoke(corpus_app, ["restory", "--db", copied])
    assert result.exit_code == 0, result.output
    assert "3 articles placed in 2 stories" in result.stderr
    after = _json(["stories", "--db", copied, "--format", "json"])
    assert sorted(s["articles"] for s in after) == sorted(s["articles"] for s in before)


def test_restory_of_a_missing_store_fails_without_making_one(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(corpus_app, ["restory", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2 and "none.db" in result.stderr
    assert not missing.exists()
