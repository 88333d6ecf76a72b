"""``claimledger export``: the ledger as JSON, JSONL or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimledger.cli.app import DbOption, app, console, reported_errors
from claimledger.share import export_ledger
from claimledger.store import open_store


@app.command("export")
def export_command(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or csv.")] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
) -> None:
    """Export the ledger in a stable, documented format (docs/export.md)."""
    with reported_errors():
        text = export_ledger(open_store(db), format=format)
    if output is None:
        typer.echo(text, nl=False)
        return
    # Write beside, then rename: an interrupted export never leaves half a file.
    partial = output.with_name(output.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(output)
    console.print(f"wrote {output}")
