"""The store on a real SQLite file and a real PostgreSQL server (RUMORSCOPE_TEST_PG).

`eval "$(bash .ci/postgres.sh)"` starts a server and sets the variable; without it the
PostgreSQL cases are skipped.
"""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from rumorscope.corpus import store as store_module
from rumorscope.corpus.store import Store, make_engine, migrate
from rumorscope.corpus.stories import MemoryIndex, story_keys
from rumorscope.schema import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Source,
    Sourcing,
    TextSpan,
)

PG_URL = os.environ.get("RUMORSCOPE_TEST_PG")


def make_analysis(article_id: str, text: str, *, title: str | None = None,
                  outlet: str | None = "example.com", published: str | None = "2024-03-01",
                  people: tuple[str, ...] = (), cites: str | None = None,
                  certainty: str = "asserted") -> Analysis:
    """A hand-built analysis: people as PERSON entities mentioned at the start, one claim
    on the whole text, attributed to `cites` (an outlet) when given."""
    entities = [Entity(id=f"e{i}", name=name, type="PERSON", mentions=[(0, 1)])
                for i, name in enumerate(people)]
    attributions = []
    if cites:
        attributions.append(Attribution(
            id="a0", source=Source(text=cites, span=(0, 1), type="outlet", resolves_to=cites),
            cue=TextSpan(text="according to", span=(0, 1)),
            content=TextSpan(text=text, span=(0, len(text))), direct_quote=False))
    claims = [Claim(id="c0", text=text, span=(0, len(text)), certainty=certainty,
                    attribution="a0" if cites else None)]
    return Analysis(
        article=Article(id=article_id, title=title, outlet=outlet, published=published,
                        text=text),
        entities=entities, attributions=attributions, claims=claims,
        sourcing=Sourcing(claims=1, own_voice=0 if cites else 1,
                          by_type={"outlet": 1} if cites else {},
                          outlets={cites: 1} if cites else {}),
    )


def _fresh_pg_database() -> str:
    """A new, empty database on the test server, so that tests never see each other."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(store_module.engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    if not PG_URL:
        pytest.skip("RUMORSCOPE_TEST_PG not set (eval \"$(bash .ci/postgres.sh)\")")
    return _fresh_pg_database()


@pytest.fixture
def store(db_url):
    opened = Store(db_url)
    yield opened
    opened.close()


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        return connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar()


def test_same_article_twice_is_stored_once(store):
    analysis = make_analysis("a1", "Dana Vale and Rick Moor are in couples therapy.",
                             people=("Dana Vale", "Rick Moor"), cites="Daily Mail")
    assert store.add(analysis) is not None
    assert store.add(analysis) is None
    assert store.count() == 1
    assert _count(store, "article_people") == 2
    assert _count(store, "article_citations") == 1
    assert store.known_ids(["a1", "zz"]) == {"a1"}
    [back] = store.analyses(["a1"])
    assert back.article.text == analysis.article.text
    assert back.attributions[0].source.resolves_to == "Daily Mail"


def test_failure_mid_article_leaves_nothing(store, monkeypatch):
    def broken(_analysis):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module, "citations_of", broken)
    with pytest.raises(RuntimeError):
        store.add(make_analysis("a1", "Dana Vale is moving to Paris.", people=("Dana Vale",)))
    assert store.count() == 0
    for table in ("article_people", "article_keys", "stories"):
        assert _count(store, table) == 0
    monkeypatch.undo()
    assert store.add(make_analysis("a1", "Dana Vale is moving to Paris.")) is not None
    assert store.count() == 1


def test_store_made_by_first_version_opens_and_gets_stories(db_url):
    old = make_engine(db_url)
    migrate(old, "0001")
    texts = {"old1": "Rick Moor bought a castle in Scotland last spring.",
             "old2": "Rick Moor bought a castle in Scotland last spring, his rep said."}
    with old.begin() as connection:
        for article_id, text in texts.items():
            analysis = make_analysis(article_id, text, people=("Rick Moor",))
            connection.execute(sa.text(
                "INSERT INTO articles (id, outlet, title, published, analysis, ingested_at) "
                "VALUES (:id, 'example.com', NULL, '2024-03-01', :a, :t)"),
                {"id": article_id, "a": analysis.model_dump_json(by_alias=True),
                 "t": "2024-03-02 10:00:00"})
    old.dispose()
    store = Store(db_url)
    try:
        assert store.count() == 2
        assert store.place_unplaced() == 2
        with store.engine.connect() as connection:
            placed = connection.execute(sa.text(
                "SELECT story_id FROM articles ORDER BY id")).scalars().all()
        assert placed[0] is not None and placed == [placed[0]] * 2
        assert _count(store, "article_people") == 2
        assert store.place_unplaced() == 0
    finally:
        store.close()


def test_store_made_at_0002_gets_weights_and_document_frequencies(db_url):
    old = make_engine(db_url)
    migrate(old, "0002")
    analysis = make_analysis("k1", "Lena Ortiz opened a bakery in Toronto.")
    with old.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO stories (id, title, size) VALUES (7, 'bakery', 1)"))
        connection.execute(sa.text(
            "INSERT INTO articles (id, analysis, ingested_at, story_id) "
            "VALUES ('k1', :a, :t, 7)"),
            {"a": analysis.model_dump_json(by_alias=True), "t": "2024-03-02 10:00:00"})
        for key in ("t:bakery", "t:toronto"):
            connection.execute(sa.text(
                "INSERT INTO article_keys (key, article_id) VALUES (:k, 'k1')"), {"k": key})
    old.dispose()
    store = Store(db_url)
    try:
        with store.engine.connect() as connection:
            df = dict(connection.execute(sa.text("SELECT key, df FROM key_df")).all())
            weights = set(connection.scalars(sa.text("SELECT weight FROM article_keys")))
        assert df == {"t:bakery": 1, "t:toronto": 1}
        assert weights == {1.0}
        again = make_analysis("k2", "Lena Ortiz opened a bakery in Toronto.")
        assert store.add(again).matched == "k1"
    finally:
        store.close()


def test_articles_about_one_event_share_a_story(store):
    first = make_analysis(
        "m1", 'Dana Vale announced her engagement to Rick Moor at the Cannes gala: '
        '"I have never been happier in my whole life," she told reporters.',
        title="Dana Vale engaged to Rick Moor", people=("Dana Vale", "Rick Moor"))
    second = make_analysis(
        "m2", 'Rick Moor proposed to Dana Vale at the Cannes gala. "I have never been '
        'happier in my whole life," the actress said of the engagement.',
        title="Rick Moor and Dana Vale engaged at Cannes", published="2024-03-02",
        people=("Dana Vale", "Rick Moor"), cites="Daily Mail")
    other = make_analysis(
        "m3", "Dana Vale and Rick Moor were spotted buying groceries in Malibu on Sunday.",
        title="Dana Vale and Rick Moor shop for groceries", people=("Dana Vale", "Rick Moor"))
    placed = [store.add(a) for a in (first, second, other)]
    assert placed[1].story == placed[0].story
    assert placed[1].matched == "m1"
    assert placed[2].story != placed[0].story
    assert _count(store, "stories") == 2
    with store.engine.connect() as connection:
        wrong_df = connection.execute(sa.text(
            "SELECT COUNT(*) FROM key_df k WHERE k.df != "
            "(SELECT COUNT(*) FROM article_keys a WHERE a.key = k.key)")).scalar()
    assert wrong_df == 0 and _count(store, "key_df") > 10


def test_store_places_articles_as_the_memory_index_does(store):
    """The SQL index (story sizes included) and the in-memory one run the same placement:
    the same stories, matches and average-link scores, article by article."""
    texts = [
        ("v1", "Dana Vale adopts rescue puppy Biscuit",
         "Dana Vale adopts rescue puppy Biscuit, a beagle mix, from the Harbor shelter."),
        ("v2", "Dana Vale's rescue puppy Biscuit at her lakeside cabin",
         "Rescue puppy Biscuit, the beagle mix adopted from the Harbor shelter, settles in "
         "at Dana Vale's lakeside cabin with its wooden dock."),
        ("v3", "Biscuit the beagle mix meets Dana Vale's fans",
         "Biscuit, the rescue beagle mix from the Harbor shelter, met Dana Vale's fans."),
        ("v4", "Dana Vale lists lakeside cabin",
         "Dana Vale lists her lakeside cabin for sale, with its wooden dock."),
    ]
    memory = MemoryIndex()
    stored_story: dict[int, int] = {}
    for article_id, title, text in texts:
        analysis = make_analysis(article_id, text, title=title)
        expected = memory.add(article_id, story_keys(analysis), analysis.article.published)
        placed = store.add(analysis)
        assert (placed.matched, round(placed.score, 9)) == (expected.matched,
                                                           round(expected.score, 9))
        assert stored_story.setdefault(expected.story, placed.story) == placed.story
    assert len(set(stored_story)) < len(texts)


def test_restory_regroups_a_store_by_the_current_rule(store):
    """A store whose stories an earlier rule made (here: everything in one story) is
    regrouped as ingesting its articles afresh, oldest first, would group them."""
    texts = [
        ("r1", "2024-03-01", "Dana Vale announced her engagement to Rick Moor at the Cannes "
         "gala on Friday night.", "Dana Vale engaged to Rick Moor at Cannes gala"),
        ("r2", "2024-03-02", "Rick Moor proposed to Dana Vale at the Cannes gala on Friday "
         "night, her engagement ring a sapphire.", "Rick Moor engaged to Dana Vale at Cannes"),
        ("r3", "2024-03-03", "Lena Ortiz opened a bakery in Toronto on Monday with maple "
         "croissants.", "Lena Ortiz opens Toronto bakery"),
    ]
    analyses = [make_analysis(i, text, title=title, published=day)
                for i, day, text, title in texts]
    for analysis in analyses:
        store.add(analysis)
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE articles SET story_id = "
                                   "(SELECT MIN(id) FROM stories)"))
    placed: list[str] = []
    assert store.restory(lambda: placed.append("x")) == 3 and len(placed) == 3
    memory = MemoryIndex()
    expected = {a.article.id: memory.add(a.article.id, story_keys(a), a.article.published).story
                for a in analyses}
    with store.engine.connect() as connection:
        got = dict(connection.execute(sa.text("SELECT id, story_id FROM articles")).all())
        wrong_df = connection.execute(sa.text(
            "SELECT COUNT(*) FROM key_df k WHERE k.df != "
            "(SELECT COUNT(*) FROM article_keys a WHERE a.key = k.key)")).scalar()
    assert len(set(expected.values())) == 2
    assert {a: got[a] == got["r1"] for a in got} == {a: s == expected["r1"]
                                                     for a, s in expected.items()}
    assert _count(store, "stories") == 2 and wrong_df == 0
