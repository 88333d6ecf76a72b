"""Where the ledger lives and how to connect to it: the URL, the engine, SQLite's pragmas."""

from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa

__all__ = ["DEFAULT_DATABASE", "database_url", "ledger_engine"]

#: Where the ledger lives when neither ``--db`` nor ``CLAIMLEDGER_DB`` says.
DEFAULT_DATABASE = "claimledger.db"


def database_url(db: str | None = None) -> str:
    """Turn ``--db`` (a URL or a file path), ``CLAIMLEDGER_DB`` or the default into a URL."""
    value = db or os.environ.get("CLAIMLEDGER_DB") or DEFAULT_DATABASE
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps the file consistent if the process is killed mid-write, and
    # lets readers (the web app) work while an ingest writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints instead of at every commit (one fsync per
    # document otherwise). The file stays consistent; a power cut (not a killed
    # process) may lose the last documents, which a re-run of the ingest stores again.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def ledger_engine(url: str) -> sa.Engine:
    """Return an engine for ``url``; SQLite connections get the ledger's pragmas."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        # One shared connection, usable from a web server's worker threads.
        engine = sa.create_engine(
            url, poolclass=sa.pool.StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine
