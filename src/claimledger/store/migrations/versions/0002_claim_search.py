"""Full-text search over claims: an SQLite FTS5 index kept in step by triggers.

Other databases (PostgreSQL) skip this revision; the claim search falls back
to a case-insensitive LIKE there.

Revision ID: 0002_claim_search
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

revision = "0002_claim_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# External-content FTS5: the index stores no copy of the text, only tokens,
# and is addressed by the claims table's rowid.
_CREATE = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5("
    "content_text, source_name, content='claims', content_rowid='rowid')",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, content_text, source_name) "
    "VALUES (new.rowid, new.content_text, new.source_name); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, content_text, source_name) "
    "VALUES ('delete', old.rowid, old.content_text, old.source_name); END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, content_text, source_name) "
    "VALUES ('delete', old.rowid, old.content_text, old.source_name); "
    "INSERT INTO claims_fts(rowid, content_text, source_name) "
    "VALUES (new.rowid, new.content_text, new.source_name); END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    if _sqlite():
        for statement in _CREATE:
            op.execute(statement)


def downgrade() -> None:
    if _sqlite():
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS claims_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
