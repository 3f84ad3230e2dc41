"""The command line: formats, JSON Lines validated against the shipped schema, exit codes,
one-line errors and whole-or-nothing output files."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from rumorscope.cli import app
from rumorscope.schema import json_schema
from rumorscope.schemas import analysis_v1

from .conftest import EXAMPLES, REFERENCE

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_shipped_schema_matches_the_models():
    assert analysis_v1() == json.loads(json.dumps(json_schema()))


def test_json_output_is_valid_analysis_v1():
    result = run("analyze", str(REFERENCE), "--format", "json")
    assert result.exit_code == 0, result.output
    [obj] = json_lines(result.stdout)
    jsonschema.validate(obj, analysis_v1())
    assert obj["schema"] == "rumorscope/analysis-v1"
    assert obj["article"]["published"] == "2016-12-20"
    for key in ("entities", "facts", "attributions", "hedges", "timexes", "timeline", "claims"):
        assert isinstance(obj[key], list)
    text = obj["article"]["text"]
    for hedge in obj["hedges"]:
        assert text[hedge["span"][0]:hedge["span"][1]] == hedge["text"]
    for timex in obj["timexes"]:
        assert text[timex["span"][0]:timex["span"][1]] == timex["text"]


def test_a_directory_gives_json_lines_one_per_article_in_order():
    result = run("analyze", str(EXAMPLES), "-f", "json")
    assert result.exit_code == 0, result.output
    objs = json_lines(result.stdout)
    assert len(objs) == 5  # two .txt, two records in feed.jsonl, one .html; README.md skipped
    ids = [o["article"]["id"] for o in objs]
    assert "feed-1" in ids and "feed-2" in ids
    for obj in objs:
        jsonschema.validate(obj, analysis_v1())
    undated = next(o for o in objs if o["article"]["id"] == "feed-2")
    assert any("no publication date" in w for w in undated["warnings"])


def test_published_option_overrides_and_is_validated():
    result = run("analyze", str(REFERENCE), "-f", "json", "--published", "2017-06-01")
    assert json_lines(result.stdout)[0]["article"]["published"] == "2017-06-01"
    bad = run("analyze", str(REFERENCE), "-f", "json", "--published", "someday")
    assert bad.exit_code == 2
    assert bad.stderr.strip().splitlines() == [
        "rumorscope: --published: 'someday' is not a date (use YYYY-MM-DD)"]


def test_stdin():
    result = run("analyze", "-", "-f", "json", stdin=b"date 2020-05-05\n\nA quiet day.")
    assert result.exit_code == 0
    assert json_lines(result.stdout)[0]["article"]["published"] == "2020-05-05"


def test_bad_record_is_skipped_the_rest_go_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok1", "text": "Fine."}\n{oops\n{"id": "ok2", "text": "Also fine."}\n',
                    encoding="utf-8")
    result = run("analyze", str(path), "-f", "json")
    assert result.exit_code == 1
    assert [o["article"]["id"] for o in json_lines(result.stdout)] == ["ok1", "ok2"]
    assert result.stderr.strip().splitlines() == [
        f"rumorscope: {path}:2: malformed JSON (Expecting property name enclosed in double quotes "
        "at column 2)"]


BAD_INPUTS = [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02\x03binary"),
    ("latin1.txt", "Café olé".encode("latin-1")),
    ("broken.json", b'{"text": '),
    ("broken.csv", b"id,title\n1,x\n"),
    ("broken.html", b"<html><body><nav></nav></body></html>"),
    ("baddate.jsonl", b'{"text": "Words.", "published": "the day after"}\n'),
]


@pytest.mark.parametrize(("name", "content"), BAD_INPUTS)
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_bad_input_one_line_nonzero_nothing_written(tmp_path, name, content, fmt):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / f"out.{fmt}"
    result = run("analyze", str(path), "-f", fmt, "-o", str(out))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"rumorscope: {path}")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "report.html"
    result = run("analyze", str(REFERENCE), "-f", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Kim Kardashian" in html


def test_text_report_names_people_and_dates():
    result = run("analyze", str(REFERENCE))
    assert result.exit_code == 0, result.output
    assert "Kim Kardashian" in result.stdout
    assert "2016-12-20" in result.stdout


def test_console_script_exit_status_in_a_real_process(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "rumorscope.cli", "analyze", str(empty)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"rumorscope: {empty}: empty file"
    assert proc.stdout == ""
