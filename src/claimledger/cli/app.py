"""The ``claimledger`` Typer application and the options its commands share.

Command modules register on :data:`app`; each command parses its input, calls
one library function and prints. Library errors become one-line messages here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from claimledger.errors import ClaimLedgerError

app = typer.Typer(
    name="claimledger",
    help="Turn conflict news into a sourced ledger of claims, and cross-check them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

console = Console()
errors = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger database: a file path or SQLAlchemy URL "
        "[env CLAIMLEDGER_DB; default ./claimledger.db].",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a library error into a one-line message and exit status 1."""
    try:
        yield
    except ClaimLedgerError as exc:
        errors.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from exc
