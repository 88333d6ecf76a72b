"""Named, ordered schema migrations (Alembic), applied when a ledger is opened."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from claimledger.errors import MigrationError

_SCRIPTS = Path(__file__).parent / "migrations"


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.attributes["connection"] = connection
    return config


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Tell Alembic's comparisons to skip SQLite's FTS5 index and its shadow tables.

    They are created by migration ``0002_claim_search`` with raw SQL and are not
    part of :data:`claimledger.store.schema.metadata`.
    """
    return not (type_ == "table" and name is not None and name.startswith("claims_fts"))


def head_revision() -> str:
    """Return the newest migration's revision id."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """Return the revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending_revisions(engine: sa.Engine) -> list[str]:
    """Return the revisions not yet applied, oldest first."""
    script = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    pending = [rev.revision for rev in script.walk_revisions(base="base", head="heads")]
    pending.reverse()
    if current is None:
        return pending
    return pending[pending.index(current) + 1 :]


def upgrade(engine: sa.Engine, *, revision: str = "head") -> None:
    """Apply pending migrations, each inside the transaction Alembic opens."""
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), revision)
    except Exception as exc:
        raise MigrationError(f"could not migrate {engine.url!r}: {exc}") from exc
