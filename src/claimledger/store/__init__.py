"""The ledger's storage: SQLite by default, any SQLAlchemy URL (PostgreSQL) by ``--db``."""

from __future__ import annotations

from claimledger.store.sql import DEFAULT_DATABASE, LedgerStats, Store, database_url, open_store

__all__ = ["DEFAULT_DATABASE", "LedgerStats", "Store", "database_url", "open_store"]
