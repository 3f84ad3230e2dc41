"""The article store: SQLite by default, PostgreSQL by URL (SQLAlchemy 2, psycopg 3).

Each analysis is kept whole as JSON, beside the columns queries need (outlet, date,
people, cited outlets, story). One article is one transaction: its row, its people, its
citations, its story placement commit together or not at all, so a crash or Ctrl-C
leaves every article either fully stored or absent. Storing is idempotent by article
id (INSERT ... ON CONFLICT DO NOTHING), so ingesting the same input twice, or after a
kill, stores each article once. Opening a store runs the Alembic migrations, so a store
made by an older version opens.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from rumorscope.corpus import DEFAULT_URL
from rumorscope.corpus.stories import Info, Placement, place, story_keys
from rumorscope.outlets import cites_another
from rumorscope.schema import Analysis

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

metadata = sa.MetaData()
articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("outlet", sa.String(255)),
    sa.Column("title", sa.Text()),
    sa.Column("published", sa.String(32)),
    sa.Column("label", sa.String(16)),
    sa.Column("p_false", sa.Float()),
    sa.Column("analysis", sa.Text(), nullable=False),
    sa.Column("ingested_at", sa.DateTime(), nullable=False),
    sa.Column("story_id", sa.Integer()),
    sa.Column("key_norm", sa.Float()),
    sa.Column("best_score", sa.Float()),
)
article_people = sa.Table(
    "article_people", metadata,
    sa.Column("article_id", sa.String(255), primary_key=True),
    sa.Column("name", sa.String(255), primary_key=True),
)
article_citations = sa.Table(
    "article_citations", metadata,
    sa.Column("article_id", sa.String(255), primary_key=True),
    sa.Column("outlet", sa.String(255), primary_key=True),
    sa.Column("claims", sa.Integer(), nullable=False),
)
article_keys = sa.Table(
    "article_keys", metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("article_id", sa.String(255), primary_key=True),
    sa.Column("weight", sa.Float(), nullable=False),
)
key_df = sa.Table(
    "key_df", metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("df", sa.Integer(), nullable=False),
)
stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text()),
    sa.Column("first_published", sa.String(32)),
    sa.Column("last_published", sa.String(32)),
    sa.Column("size", sa.Integer(), nullable=False),
)


def engine_url(url: str) -> str:
    """`postgresql://` goes through psycopg 3; a bare path means an SQLite file; any
    other kind of database is refused by name rather than by a missing driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    backend = sa.engine.make_url(url).get_backend_name()
    if backend not in {"sqlite", "postgresql"}:
        raise ValueError(f"unsupported database '{backend}' "
                         "(give a file path, sqlite:///PATH or postgresql://...)")
    return url


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL (readers never block the writer) and a busy timeout."""
    engine = sa.create_engine(engine_url(url))
    if engine.dialect.name == "sqlite":
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable across a process kill
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()
    return engine


def _require_sqlite_file(url: str) -> None:
    location = sa.engine.make_url(engine_url(url))
    database = location.database or ""
    if location.get_backend_name() == "sqlite" and database not in {"", ":memory:"} \
            and not Path(database).exists():
        raise FileNotFoundError(f"no store at {database} (ingest articles first)")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic (a new store starts from nothing)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def people_of(analysis: Analysis) -> set[str]:
    """Every person the article names, lower-cased fullest name (the person query's key)."""
    return {e.name.lower()[:255] for e in analysis.entities if e.type == "PERSON"}


def citations_of(analysis: Analysis) -> dict[str, int]:
    """Outlets the article cites, with how many of its claims rest on each."""
    cited = {o: n for o, n in analysis.sourcing.outlets.items()}
    for attribution in analysis.attributions:
        source = attribution.source
        for outlet in (attribution.via,
                       (source.resolves_to or source.text) if source.type == "outlet" else None):
            if outlet:
                cited.setdefault(outlet, 1)
    own = analysis.article.outlet
    return {o[:255]: n for o, n in cited.items()
            if cites_another(o, own)}


class SqlKeyIndex:
    """The story KeyIndex over the store's tables, inside one transaction."""

    def __init__(self, connection: Connection, n_articles: int) -> None:
        self.connection = connection
        self.n = n_articles

    def n_articles(self) -> int:
        return self.n

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        query = sa.select(key_df.c.key, key_df.c.df).where(key_df.c.key.in_(list(keys)))
        return dict(self.connection.execute(query).all())

    def top_candidates(self, factors: dict[str, float], limit: int) -> list[str]:
        if not factors:
            return []
        score = sa.func.sum(article_keys.c.weight * sa.case(factors, value=article_keys.c.key))
        query = (sa.select(article_keys.c.article_id)
                 .where(article_keys.c.key.in_(list(factors)))
                 .group_by(article_keys.c.article_id).order_by(score.desc()).limit(limit))
        return list(self.connection.scalars(query))

    def dot(self, ids: list[str], factors: dict[str, float]) -> dict[str, float]:
        sums = dict.fromkeys(ids, 0.0)
        if not ids or not factors:
            return sums
        if self.connection.dialect.name == "postgresql":
            # Summed by the server, joined to the factors as a VALUES list: the candidates
            # hold thousands of key rows, and fetching them costs more than the join.
            wanted = sa.values(sa.column("key", sa.String), sa.column("factor", sa.Float),
                               name="wanted").data(list(factors.items()))
            query = (sa.select(article_keys.c.article_id,
                               sa.func.sum(article_keys.c.weight * wanted.c.factor))
                     .join(wanted, wanted.c.key == article_keys.c.key)
                     .where(article_keys.c.article_id.in_(ids))
                     .group_by(article_keys.c.article_id))
            sums.update(self.connection.execute(query).all())
            return sums
        # SQLite: these articles' own keys (by ix_article_keys_article_id), summed here; a
        # CASE over a hundred keys, or a filter on them, costs it more than the rows.
        query = sa.select(article_keys.c.article_id, article_keys.c.key,
                          article_keys.c.weight).where(article_keys.c.article_id.in_(ids))
        for article_id, key, weight in self.connection.execute(query):
            sums[article_id] += weight * factors.get(key, 0.0)
        return sums

    def candidate_info(self, ids: Iterable[str]) -> dict[str, Info]:
        ids = list(ids)
        if not ids:
            return {}
        query = (sa.select(articles.c.id, articles.c.story_id, articles.c.key_norm,
                           articles.c.published, articles.c.best_score, stories.c.size)
                 .outerjoin(stories, stories.c.id == articles.c.story_id)
                 .where(articles.c.id.in_(ids)))
        return {row[0]: Info(row[1], row[2] or 1.0, row[3], row[4] or 0.0, row[5] or 0)
                for row in self.connection.execute(query)}


class Store:
    """Articles, analyses and stories in one database."""

    def __init__(self, url: str = DEFAULT_URL, create: bool = True) -> None:
        """Open (and migrate) the store; with `create` False a missing SQLite file is an
        error, so a query never leaves an empty database behind a typo."""
        self.url = url
        if not create:
            _require_sqlite_file(url)
        self.engine = make_engine(url)
        migrate(self.engine)
        self._insert = (postgresql.insert if self.engine.dialect.name == "postgresql"
                        else sqlite.insert)
        self._count: int | None = None

    def close(self) -> None:
        self.engine.dispose()

    def count(self, table: sa.Table = articles) -> int:
        """How many articles are stored (or rows of another of the store's tables)."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already (so ingest skips their analysis)."""
        ids = list(ids)
        with self.engine.connect() as connection:
            query = sa.select(articles.c.id).where(articles.c.id.in_(ids))
            return set(connection.scalars(query))

    def add(self, analysis: Analysis) -> Placement | None:
        """Store one analysis and place it in a story, in one transaction.

        Returns the placement, or None when an article with this id was stored already.
        """
        if self._count is None:
            self._count = self.count()
        with self.engine.begin() as connection:
            placement = self._add(connection, analysis)
        if placement is not None:
            self._count += 1
        return placement

    def _add(self, connection: Connection, analysis: Analysis) -> Placement | None:
        article = analysis.article
        inserted = connection.execute(self._insert(articles).values(
            id=article.id, outlet=article.outlet, title=article.title,
            published=article.published, label=analysis.credibility.label,
            p_false=analysis.credibility.p_false, ingested_at=dt.datetime.now(dt.UTC)
            .replace(tzinfo=None),
            analysis=json.dumps(analysis.to_json_dict(), ensure_ascii=False),
        ).on_conflict_do_nothing(index_elements=["id"]).returning(articles.c.id))
        if inserted.scalar() is None:
            return None
        keys = story_keys(analysis)
        placement = place(keys, article.published, SqlKeyIndex(connection, self._count or 0))
        placement.story = self._join_story(connection, placement.story, article.title,
                                           article.published)
        connection.execute(articles.update().where(articles.c.id == article.id).values(
            story_id=placement.story, key_norm=placement.norm,
            best_score=placement.match_cosine))
        if placement.matched:
            best = sa.case((articles.c.best_score > placement.match_cosine,
                            articles.c.best_score), else_=placement.match_cosine)
            connection.execute(articles.update().where(articles.c.id == placement.matched)
                               .values(best_score=best))
        rows = [{"article_id": article.id, "name": n} for n in people_of(analysis)]
        if rows:
            connection.execute(article_people.insert(), rows)
        rows = [{"article_id": article.id, "outlet": o, "claims": n}
                for o, n in citations_of(analysis).items()]
        if rows:
            connection.execute(article_citations.insert(), rows)
        if keys:
            self._store_keys(connection, article.id, keys)
        return placement

    def _store_keys(self, connection: Connection, article_id: str, keys: dict[str, float]
                    ) -> None:
        """The article's keys and their document frequencies (sorted: one lock order, so
        concurrent ingests cannot deadlock). PostgreSQL gets one multi-row statement each,
        as a round trip per key is most of its cost; SQLite, in process, is quicker with
        executemany than with compiling a statement of hundreds of rows."""
        key_rows = [{"key": k, "article_id": article_id, "weight": w} for k, w in keys.items()]
        df_rows = [{"key": k, "df": 1} for k in sorted(keys)]
        bump = {"df": key_df.c.df + 1}
        if self.engine.dialect.name == "postgresql":
            connection.execute(article_keys.insert().values(key_rows))
            connection.execute(self._insert(key_df).values(df_rows)
                               .on_conflict_do_update(index_elements=["key"], set_=bump))
            return
        connection.execute(article_keys.insert(), key_rows)
        connection.execute(self._insert(key_df).on_conflict_do_update(
            index_elements=["key"], set_=bump), df_rows)

    @staticmethod
    def _join_story(connection: Connection, story: int | None, title: str | None,
                    published: str | None) -> int:
        """Create the story or grow it; its title is that of its earliest article."""
        if story is None:
            return connection.execute(stories.insert().values(
                title=title, first_published=published, last_published=published, size=1,
            ).returning(stories.c.id)).scalar_one()
        row = connection.execute(sa.select(stories).where(stories.c.id == story)).one()
        values: dict = {"size": row.size + 1}
        if published and (row.first_published is None or published < row.first_published):
            values.update(first_published=published, title=title or row.title)
        if published and (row.last_published is None or published > row.last_published):
            values["last_published"] = published
        connection.execute(stories.update().where(stories.c.id == story).values(**values))
        return story

    def restory(self, on_placed: Callable[[], None] | None = None) -> int:
        """Forget every story and place each article again, oldest first, by the current
        placement: for a store whose stories an earlier version made. Keys and document
        frequencies are rebuilt as they would be by ingesting in that order. If this is
        interrupted, the next `place_unplaced` (every ingest runs it) places the rest."""
        with self.engine.begin() as connection:
            connection.execute(articles.update().values(story_id=None, key_norm=None,
                                                        best_score=None))
            connection.execute(article_keys.delete())
            connection.execute(key_df.delete())
            connection.execute(stories.delete())
        return self.place_unplaced(on_placed)

    def place_unplaced(self, on_placed: Callable[[], None] | None = None) -> int:
        """Place articles that have no story (stored by a version without stories, or
        forgotten by `restory`), oldest first, one transaction each."""
        with self.engine.connect() as connection:
            ids = list(connection.scalars(
                sa.select(articles.c.id).where(articles.c.story_id.is_(None))
                .order_by(articles.c.published, articles.c.id)))
        self._count = self.count() - len(ids)
        for article_id in ids:
            with self.engine.begin() as connection:
                analysis = self._load(connection, article_id)
                connection.execute(articles.delete().where(articles.c.id == article_id))
                connection.execute(article_people.delete()
                                   .where(article_people.c.article_id == article_id))
                connection.execute(article_citations.delete()
                                   .where(article_citations.c.article_id == article_id))
                stale = sa.select(article_keys.c.key).where(article_keys.c.article_id
                                                            == article_id)
                connection.execute(key_df.update().where(key_df.c.key.in_(stale))
                                   .values(df=key_df.c.df - 1))
                connection.execute(article_keys.delete()
                                   .where(article_keys.c.article_id == article_id))
                self._add(connection, analysis)
            self._count += 1
            if on_placed is not None:
                on_placed()
        return len(ids)

    @staticmethod
    def _load(connection: Connection, article_id: str) -> Analysis:
        text = connection.execute(sa.select(articles.c.analysis)
                                  .where(articles.c.id == article_id)).scalar_one()
        return Analysis.model_validate_json(text)

    def analyses(self, ids: Iterable[str]) -> Iterator[Analysis]:
        """Stored analyses of these ids (those stored), in published order."""
        ids = list(ids)
        with self.engine.connect() as connection:
            query = (sa.select(articles.c.analysis).where(articles.c.id.in_(ids))
                     .order_by(articles.c.published, articles.c.id))
            for text in connection.scalars(query):
                yield Analysis.model_validate_json(text)
