"""kill -9 in the middle of `ingest`, then ingest again: every article stored exactly once,
none half-stored (each has its people, keys and story), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from rumorscope.corpus.store import make_engine
from tests.test_store import db_url  # noqa: F401 - the fixture, shared

N = 40
NAMES = ("Dana Vale", "Rick Moor", "Lena Ortiz", "Tom Brack", "Ivy Chen")
PLACES = ("Paris", "Malibu", "Toronto", "Rome", "Austin", "Oslo", "Lima", "Perth")


def _articles(path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(N):
            a, b = NAMES[i % 5], NAMES[(i + 2) % 5]
            place = PLACES[i % 8]
            text = (f"{a} and {b} were seen together in {place} on Friday, a source told the "
                    f"magazine. {a}, 3{i % 10}, has been filming a drama there since May. "
                    f"\"We are just friends,\" {b} said in a statement on Saturday.")
            out.write(json.dumps({"id": f"k{i:03d}", "text": text, "outlet": "example.com",
                                  "published": f"2024-0{1 + i % 9}-1{i % 10}"}) + "\n")


def _ingest(path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rumorscope.corpus.cli", "ingest",
                             str(path), "--db", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _scalar(engine, sql: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(sql)).scalar()


def test_kill_during_ingest_then_again_stores_each_article_once(tmp_path, db_url):  # noqa: F811
    source = tmp_path / "articles.jsonl"
    _articles(source)
    engine = make_engine(db_url)
    process = _ingest(source, db_url)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored = _scalar(engine, "SELECT COUNT(*) FROM articles")
        except sa.exc.OperationalError:
            stored = 0  # tables not created yet
        except sa.exc.ProgrammingError:
            stored = 0
        if stored >= 3:
            break
        time.sleep(0.05)
    assert process.poll() is None, "ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _scalar(engine, "SELECT COUNT(*) FROM articles")
    assert 3 <= partial < N

    again = _ingest(source, db_url)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert _scalar(engine, "SELECT COUNT(*) FROM articles") == N
    assert _scalar(engine, "SELECT COUNT(DISTINCT id) FROM articles") == N
    half = ("SELECT COUNT(*) FROM articles a WHERE a.story_id IS NULL "
            "OR NOT EXISTS (SELECT 1 FROM article_keys k WHERE k.article_id = a.id) "
            "OR NOT EXISTS (SELECT 1 FROM article_people p WHERE p.article_id = a.id)")
    assert _scalar(engine, half) == 0
    assert _scalar(engine, "SELECT SUM(size) FROM stories") == N
    engine.dispose()
