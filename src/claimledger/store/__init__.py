"""The ledger's storage: SQLite by default, any SQLAlchemy URL (PostgreSQL) by ``--db``."""

from __future__ import annotations

from claimledger.store.database import DEFAULT_DATABASE, database_url
from claimledger.store.sql import LedgerStats, Store, open_store

__all__ = ["DEFAULT_DATABASE", "LedgerStats", "Store", "database_url", "open_store"]
