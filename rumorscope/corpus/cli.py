"""Corpus commands: `ingest`, `stories`, `story`, `person`, `outlet` (a Typer sub-app).

`ingest` analyses and stores articles, each in its own transaction, skipping ids already
stored, so it can be stopped at any point (Ctrl-C, a crash, kill -9) and run again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import islice
from typing import Annotated, Any

import typer

from rumorscope.corpus.store import DEFAULT_URL, Store
from rumorscope.ingest import IngestError, iter_articles
from rumorscope.schema import Article

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
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rumorscope.analyzer import Analyzer

    store = Store(db)
    errors: list[IngestError] = []
    stored = 0
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} stored"), TimeElapsedColumn())
    try:
        if replaced := store.place_unplaced():
            _say(f"placed {replaced} articles of an older store in stories")
        with Progress(*columns, transient=False) as progress:
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


def _emit(data: Any, fmt: Format, text: str) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt is Format.json else text)


if __name__ == "__main__":  # pragma: no cover
    corpus_app()
