"""The ``claimledger`` command line: thin commands over the library."""

from __future__ import annotations

# Importing the command modules registers their commands on ``app``.
from claimledger.cli import crosscheck as _crosscheck  # noqa: E402,F401
from claimledger.cli import db as _db  # noqa: E402,F401
from claimledger.cli import demo as _demo  # noqa: E402,F401
from claimledger.cli import export as _export  # noqa: E402,F401
from claimledger.cli import ingest as _ingest  # noqa: E402,F401
from claimledger.cli import ledger as _ledger  # noqa: E402,F401
from claimledger.cli import serve as _serve  # noqa: E402,F401
from claimledger.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line."""
    app()
