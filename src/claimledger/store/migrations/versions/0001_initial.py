"""Initial ledger schema: documents, extraction records, sources, cross-check results.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("duplicate_of", sa.String(length=40), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "estimates",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("policy", sa.String(length=24), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("best", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("low_from", sa.String(length=80), nullable=True),
        sa.Column("best_from", sa.String(length=80), nullable=True),
        sa.Column("high_from", sa.String(length=80), nullable=True),
        sa.Column("quantity_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "grades",
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    op.create_table(
        "links",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("quantity_ids", sa.JSON(), nullable=False),
        sa.Column("origins", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=16), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("reliability", sa.String(length=1), nullable=True),
        sa.Column("reliability_suggested", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_kind", sa.String(length=32), nullable=True),
        sa.Column("source_country", sa.String(length=16), nullable=True),
        sa.Column("source_affiliation", sa.Text(), nullable=True),
        sa.Column("resolved_start", sa.Integer(), nullable=True),
        sa.Column("resolved_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_cues", sa.JSON(), nullable=False),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("parent_id", sa.String(length=80), nullable=True),
        sa.Column("event_time", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_document", ["document_id"], unique=False)
        batch_op.create_index("ix_claims_source", ["source_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("place_id", sa.String(length=80), nullable=True),
        sa.Column("time", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_document", ["document_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_document", ["document_id"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=True),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=32), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("feature", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index("ix_places_document", ["document_id"], unique=False)

    op.create_table(
        "quantities",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=True),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("bound", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("qualifier", sa.Text(), nullable=True),
        sa.Column("subset_of", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quantities", schema=None) as batch_op:
        batch_op.create_index("ix_quantities_document", ["document_id"], unique=False)

    op.create_table(
        "source_aliases",
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("source_id", "alias"),
    )
    op.create_table(
        "times",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=True),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("granularity", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.create_index("ix_times_document", ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.drop_index("ix_times_document")

    op.drop_table("times")
    op.drop_table("source_aliases")
    with op.batch_alter_table("quantities", schema=None) as batch_op:
        batch_op.drop_index("ix_quantities_document")

    op.drop_table("quantities")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index("ix_places_document")

    op.drop_table("places")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_document")

    op.drop_table("mentions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_document")

    op.drop_table("events")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_source")
        batch_op.drop_index("ix_claims_document")

    op.drop_table("claims")
    op.drop_table("sources")
    op.drop_table("links")
    op.drop_table("grades")
    op.drop_table("estimates")
    op.drop_table("documents")
