"""``claimledger db upgrade|status``: the ledger's schema migrations."""

from __future__ import annotations

import typer

from claimledger.cli.app import DbOption, app, console, reported_errors
from claimledger.store import database_url, open_store
from claimledger.store.migrate import current_revision, head_revision, pending_revisions

db_app = typer.Typer(help="Inspect and upgrade the ledger's database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade_command(db: DbOption = None) -> None:
    """Apply pending schema migrations."""
    with reported_errors():
        store = open_store(db)
    console.print(f"{database_url(db)} is at {current_revision(store.engine)}")


@db_app.command("status")
def status_command(db: DbOption = None) -> None:
    """Show the schema revision and pending migrations (changes nothing)."""
    with reported_errors():
        store = open_store(db, migrate=False)
        current = current_revision(store.engine)
        pending = pending_revisions(store.engine)
    console.print(f"database: {database_url(db)}")
    console.print(f"current:  {current or '(empty)'}")
    console.print(f"head:     {head_revision()}")
    console.print(f"pending:  {', '.join(pending) if pending else 'none'}")
