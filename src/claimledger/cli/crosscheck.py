"""``crosscheck``, ``conflicts``, ``estimates``, ``timeline``: cross-checking the ledger."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from claimledger.cli.app import DbOption, JsonOption, app, console, reported_errors
from claimledger.cli.render import conflicts_tables, estimates_table, print_json
from claimledger.crosscheck import crosscheck_ledger, story_timeline
from claimledger.reconcile import DEFAULT_POLICY, POLICIES
from claimledger.share.export import estimate_json, link_json
from claimledger.store import open_store

TIMELINE_COLUMNS = ("published", "source", "status", "change", "what", "claim_id")

PolicyOption = Annotated[str, typer.Option(help=f"Estimate policy: {', '.join(POLICIES)}.")]


@app.command("crosscheck")
def crosscheck_command(db: DbOption = None, policy: PolicyOption = DEFAULT_POLICY) -> None:
    """Cross-check the whole ledger again and replace the stored results."""
    with reported_errors():
        result = crosscheck_ledger(open_store(db), policy=policy)
    console.print(
        f"{len(result.conflicts)} conflicts, {len(result.corroborations)} corroborations, "
        f"{len(result.estimates)} estimates, {len(result.grades)} graded claims",
        soft_wrap=True,
    )


@app.command("conflicts")
def conflicts_command(db: DbOption = None, json_: JsonOption = False) -> None:
    """List contradictions (and, apart, revisions) with their reasons."""
    with reported_errors():
        conflicts = open_store(db).conflicts()
    if json_:
        print_json([link_json(c) for c in conflicts])
        return
    for table in conflicts_tables(conflicts):
        console.print(table)


@app.command("estimates")
def estimates_command(db: DbOption = None, json_: JsonOption = False) -> None:
    """List low / best / high per figure, with the figure behind each bound."""
    with reported_errors():
        estimates = open_store(db).estimates()
    if json_:
        print_json([estimate_json(e) for e in estimates])
        return
    console.print(estimates_table(estimates))


@app.command("timeline")
def timeline_command(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="A claim or proposition id.")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Show a story: the claims about one thing in report order, with status changes."""
    with reported_errors():
        entries = story_timeline(open_store(db), claim_id)
    if json_:
        print_json([asdict(e) for e in entries])
        return
    table = Table(*TIMELINE_COLUMNS, title=f"Timeline of {claim_id}")
    for entry in entries:
        table.add_row(*(str(getattr(entry, c, "")) for c in TIMELINE_COLUMNS))
    console.print(table)
