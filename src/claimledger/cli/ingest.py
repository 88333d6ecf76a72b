"""``claimledger ingest``: read inputs, extract, store."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimledger.cli.app import DbOption, app, console, errors, reported_errors
from claimledger.crosscheck import crosscheck_ingested
from claimledger.ingest import IngestSummary, Outcome
from claimledger.ingest.metadata import InputDefaults
from claimledger.ingest.paths import ingest_paths
from claimledger.settings import load_settings
from claimledger.store import open_store


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
        disable=quiet,
    )


def print_summary(summary: IngestSummary) -> None:
    """Print the one-line summary of an ingest run."""
    console.print(
        f"stored {summary.stored} ({summary.near_duplicates} near-duplicates linked), "
        f"duplicates {summary.duplicates}, failed {summary.failed}",
        soft_wrap=True,
    )


def run_ingest(outcomes_iter: Iterable[Outcome], *, quiet: bool) -> IngestSummary:
    """Drain ``outcomes_iter`` with a progress display; print each failure as one line."""
    outcomes: list[Outcome] = []
    with _progress(quiet) as progress:
        task = progress.add_task("ingesting", total=None)
        for outcome in outcomes_iter:
            outcomes.append(outcome)
            if outcome.status == "failed":
                errors.print(f"error: {outcome.error}", markup=False, highlight=False)
            progress.advance(task)
    return IngestSummary.of(outcomes)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet, where the input has none.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Report date YYYY-MM-DD, where the input has none.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL, where the input has none.")] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Largest document in bytes [max_document_bytes].")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    crosscheck: Annotated[
        bool, typer.Option(help="Cross-check the new documents against the ledger after storing.")
    ] = True,
) -> None:
    """Ingest text, HTML, JSONL and feed files (or directories of them) into the ledger."""
    defaults = InputDefaults(outlet=outlet, published=_published(published), url=url)
    with reported_errors():
        settings = load_settings(db=db, max_document_bytes=max_bytes)
        store = open_store(settings.db)
        outcomes = ingest_paths(paths, store=store, settings=settings, defaults=defaults)
        summary = run_ingest(outcomes, quiet=quiet)
        if crosscheck and summary.stored:
            run = crosscheck_ingested(store)
            if not quiet:
                how = "new claims only" if run.incremental else f"whole ledger ({run.reason})"
                errors.print(f"cross-checked: {how}", markup=False, highlight=False)
    print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)
