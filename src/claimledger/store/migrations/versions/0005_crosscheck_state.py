"""The cross-checking engine's saved index, for incremental cross-checks after ingest.

Revision ID: 0005_crosscheck_state
Revises: 0004_users
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_crosscheck_state"
down_revision = "0004_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crosscheck_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("policy", sa.String(length=24), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("pending", sa.JSON(), nullable=False),
        sa.Column("last_report", sa.JSON(), nullable=False),
        sa.Column("analyst_sources", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "crosscheck_snapshot",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("snapshot", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("crosscheck_snapshot")
    op.drop_table("crosscheck_state")
