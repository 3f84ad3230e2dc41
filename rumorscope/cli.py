"""The `rumorscope` command line (Typer).

Contracts other scripts rely on (DESIGN.md): `analyze --format json` prints one
analysis-v1 object per article per line, exits 0 only when every article was analysed,
and reports each bad input as one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from rumorscope.ingest import IngestError, iter_articles
from rumorscope.ingest.dates import DateError, normalise_published
from rumorscope.schema import Analysis, Article

app = typer.Typer(
    help="Who said it, how sure they were, when it happened: analyse news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"rumorscope: {message}", err=True)
    return typer.Exit(code)


class ErrorCounter:
    """Reports bad records as they stream past and remembers whether any were seen."""

    def __init__(self) -> None:
        self.count = 0

    def analysis_failed(self, article: Article, err: Exception) -> None:
        self.count += 1
        typer.echo(f"rumorscope: article {article.id}: analysis failed "
                   f"({type(err).__name__}: {err})", err=True)

    def articles(self, items: Iterator[Article | IngestError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                self.count += 1
                typer.echo(f"rumorscope: {item}", err=True)
            else:
                yield item


def _write_analyses(analyses: Iterator[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """Write analyses in the chosen format; returns how many were written."""
    written = 0
    if fmt is OutputFormat.json:
        for analysis in analyses:
            out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")
            written += 1
    elif fmt is OutputFormat.html:
        from rumorscope.render.html import render_report

        collected = list(analyses)
        written = len(collected)
        if collected:
            out.write(render_report(collected))
    else:
        from rich.console import Console

        from rumorscope.render.terminal import render_analysis

        console = Console(file=out, force_terminal=None if out is sys.stdout else False)
        for analysis in analyses:
            render_analysis(analysis, console)
            written += 1
    return written


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A temporary file beside `path`, renamed over it only when the block finishes and
    wrote something; on any error or an empty result nothing is left behind."""
    directory = path.resolve().parent
    if not directory.is_dir():
        raise fail(f"{path}: directory {directory} does not exist")
    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        if os.path.getsize(temp):
            os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories, or - for stdin.")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = (
        OutputFormat.text),
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD), the anchor for relative dates; overrides the "
             "input's own.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (written whole, or not at all).")] = None,
) -> None:
    """Analyse articles: people and facts, hedges and denials, time expressions, timeline."""
    anchor = None
    if published is not None:
        try:
            anchor = normalise_published(published)
        except DateError as err:
            raise fail(f"--published: {err}") from None
    errors = ErrorCounter()
    articles = errors.articles(iter_articles(paths, published=anchor))

    from rumorscope.analyzer import Analyzer

    analyses = Analyzer().analyze_many(articles, on_error=errors.analysis_failed)
    if output is None:
        written = _write_analyses(analyses, fmt, sys.stdout)
    else:
        with atomic_output(output) as handle:
            written = _write_analyses(analyses, fmt, handle)
    if errors.count:
        raise typer.Exit(1)
    if not written:
        raise fail("no articles found in the input", code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis-v1 output."""
    from rumorscope.schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def _register_subcommands() -> None:
    """Commands that live with their own subsystem, registered at the top level."""
    from rumorscope.corpus.cli import corpus_app
    from rumorscope.credibility.cli import credibility_app

    app.add_typer(credibility_app)
    app.add_typer(corpus_app)


_register_subcommands()


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
