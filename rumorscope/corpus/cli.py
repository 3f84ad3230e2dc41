"""Corpus commands: `ingest`, `stories`, `story`, `person`, `outlet` (a Typer sub-app).

`ingest` analyses and stores articles, each in its own transaction, skipping ids already
stored, so it can be stopped at any point (Ctrl-C, a crash, kill -9) and run again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rumorscope.corpus import DEFAULT_URL
from rumorscope.corpus.report_text import outlet_text, person_text, story_text
from rumorscope.ingest import IngestError, iter_articles
from rumorscope.schema import Article

if TYPE_CHECKING:
    from rumorscope.corpus.store import Store

corpus_app = typer.Typer(help="Store articles and follow stories across outlets.",
                         no_args_is_help=True, add_completion=False,
                         pretty_exceptions_enable=False)

DbOption = Annotated[str, typer.Option("--db", help="sqlite:///FILE or postgresql://... URL")]
CHUNK = 64


class Format(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _say(message: str) -> None:
    typer.echo(f"rumorscope: {message}", err=True)


def new_articles(items: Iterable[Article | IngestError], store: Store,
                 errors: list[IngestError]) -> Iterator[Article]:
    """Articles not stored yet (checked a chunk at a time); bad records reported, skipped."""
    seen: set[str] = set()
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        good = []
        for item in chunk:
            if isinstance(item, IngestError):
                errors.append(item)
                _say(str(item))
            elif item.id not in seen:
                seen.add(item.id)
                good.append(item)
        known = store.known_ids(a.id for a in good)
        yield from (a for a in good if a.id not in known)


@corpus_app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories, or -.")],
    db: DbOption = DEFAULT_URL,
) -> None:
    """Analyse articles and store them with their analyses; place each in its story."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rumorscope.analyzer import Analyzer

    store = _open(db)
    errors: list[IngestError] = []
    stored = 0
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} stored"), TimeElapsedColumn())
    try:
        if replaced := store.place_unplaced():
            _say(f"placed {replaced} articles of an older store in stories")
        with Progress(*columns, console=Console(stderr=True)) as progress:
            task = progress.add_task("ingesting", total=None)
            analyses = Analyzer().analyze_many(new_articles(iter_articles(paths), store, errors))
            for analysis in analyses:
                if store.add(analysis) is not None:
                    stored += 1
                    progress.advance(task)
    except KeyboardInterrupt:
        _say(f"interrupted: {stored} articles stored; run again to go on")
        raise typer.Exit(130) from None
    finally:
        store.close()
    _say(f"{stored} new articles stored in {db}; {len(errors)} bad records skipped")
    if errors:
        raise typer.Exit(1)


@corpus_app.command()
def restory(db: DbOption = DEFAULT_URL) -> None:
    """Place every stored article in its story again, oldest first, by this version's
    rule (stories made by an earlier version keep their old grouping until then)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from rumorscope.corpus import store as store_module

    store = _open(db, create=False)
    try:
        with Progress(BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=Console(stderr=True)) as progress:
            task = progress.add_task("placing", total=store.count())
            placed = store.restory(lambda: progress.advance(task))
        stories = store.count(store_module.stories)
    except KeyboardInterrupt:
        _say("interrupted: the next ingest or restory places the articles not yet placed")
        raise typer.Exit(130) from None
    finally:
        store.close()
    _say(f"{placed} articles placed in {stories} stories in {db}")


def _emit(data: Any, fmt: Format, text: str) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt is Format.json else text)


def _open(db: str, create: bool = True) -> Store:
    from rumorscope.corpus.store import Store

    try:
        return Store(db, create=create)
    except Exception as err:  # a bad URL or an unreachable server: one line, not a trace
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()
        _say(f"cannot open {db}: {reason[0] if reason else type(err).__name__}")
        raise typer.Exit(2) from None


def _query(db: str, name: str, *args: Any) -> Any:
    """Run one query of `rumorscope.corpus.queries` on a store opened for it alone."""
    from rumorscope.corpus import queries

    store = _open(db, create=False)
    try:
        return getattr(queries, name)(store, *args)
    finally:
        store.close()


@corpus_app.command("stories")
def stories_command(
    db: DbOption = DEFAULT_URL, fmt: FormatOption = Format.text,
    person: Annotated[str | None, typer.Option(help="Stories naming this person.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Stories this outlet published or "
                                               "was cited in.")] = None,
    since: Annotated[str | None, typer.Option(help="Active on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Begun on or before this date.")] = None,
    limit: Annotated[int, typer.Option(help="Text format only: how many to show.")] = 50,
) -> None:
    """List stories, newest first (JSON: every story, no limit)."""
    found = _query(db, "list_stories", person, outlet, since, until)
    lines = [f"{s['id']:>6}  {s['last_published'] or '?':<10}  {len(s['articles']):>3} art.  "
             f"{s['title'] or '(untitled)'}" for s in found[:limit]]
    _emit(found, fmt, "\n".join(lines) or "no stories")


@corpus_app.command("story")
def story_command(story_id: Annotated[int, typer.Argument(help="Story id.")],
                  db: DbOption = DEFAULT_URL, fmt: FormatOption = Format.text) -> None:
    """One story: timeline across outlets, first report, citations, corroboration."""
    report = _query(db, "story_report", story_id)
    if report is None:
        _say(f"no story {story_id}")
        raise typer.Exit(1)
    _emit(report, fmt, story_text(report))


@corpus_app.command("person")
def person_command(name: Annotated[str, typer.Argument(help="Person name (or part).")],
                   db: DbOption = DEFAULT_URL, fmt: FormatOption = Format.text) -> None:
    """Every claim about a person over time, with its sources."""
    report = _query(db, "person_report", name)
    if not report["articles"]:
        _say(f"no article in {db} names {name!r}")
        raise typer.Exit(1)
    _emit(report, fmt, person_text(report))


@corpus_app.command("outlet")
def outlet_command(name: Annotated[str, typer.Argument(help="Outlet name as stored.")],
                   db: DbOption = DEFAULT_URL, fmt: FormatOption = Format.text) -> None:
    """An outlet's sourcing profile and score distribution."""
    report = _query(db, "outlet_report", name)
    if not report["articles"] and not report["cited_by"]:
        _say(f"no article in {db} is from or cites {name!r}")
        raise typer.Exit(1)
    _emit(report, fmt, outlet_text(report))


if __name__ == "__main__":  # pragma: no cover
    corpus_app()
