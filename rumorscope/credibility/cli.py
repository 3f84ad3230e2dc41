"""`rumorscope train` and `rumorscope evaluate`: the credibility model's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rumorscope.credibility.model import DEFAULT_PATH

credibility_app = typer.Typer(help="Train and evaluate the credibility model.",
                              no_args_is_help=True, add_completion=False)


@credibility_app.command("train")
def train_command(
    data: Annotated[Path, typer.Option(help="folder holding gossipcop/, celebrity/, "
                                            "fakenewsamt/")] = Path("../shared/data"),
    out: Annotated[Path, typer.Option(help="where to write the model")] = DEFAULT_PATH,
    seed: Annotated[int, typer.Option(help="random seed (folds, solvers)")] = 0,
    sets: Annotated[str, typer.Option(help="comma-separated data sets to train on")
                    ] = "gossipcop,celebrity,fakenewsamt",
) -> None:
    """Fit the model on the shared labelled sets (analyses cached in .cache/)."""
    from rumorscope.credibility.train import train

    try:
        bundle = train(data, out, seed, tuple(s.strip() for s in sets.split(",") if s.strip()))
    except ValueError as error:
        typer.echo(f"rumorscope: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(f"wrote {out} ({bundle.name}, {bundle.meta['examples']} examples, "
               f"threshold {bundle.meta['threshold']})")


@credibility_app.command("evaluate")
def evaluate_command(
    data: Annotated[Path, typer.Option(help="labelled JSON Lines (.jsonl or .jsonl.gz), "
                                            "label fake vs real/legit")],
    model: Annotated[Path, typer.Option(help="model file")] = DEFAULT_PATH,
) -> None:
    """Print accuracy, macro-F1, fake-class F1, ROC AUC and ECE of the model on a file."""
    from rumorscope.credibility.evaluate import evaluate_file, format_metrics
    from rumorscope.credibility.model import load

    if not data.is_file():
        typer.echo(f"rumorscope: {data}: no such file", err=True)
        raise typer.Exit(2)
    try:
        values = evaluate_file(data, load(model))
    except ValueError as error:
        typer.echo(f"rumorscope: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(format_metrics(str(data), values))
