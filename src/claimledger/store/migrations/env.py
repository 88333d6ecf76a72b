"""Alembic environment: migrations run on the connection claimledger hands over."""

from __future__ import annotations

from alembic import context

from claimledger.store.migrate import include_name
from claimledger.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the alembic CLI comes here
    raise RuntimeError("claimledger runs its migrations through claimledger.store.migrate")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
