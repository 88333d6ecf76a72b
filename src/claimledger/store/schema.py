"""The ledger's tables, in one place (SQLAlchemy Core).

The migrations in ``migrations/versions`` create exactly these tables; a test
compares the two. Spans are stored as ``*_start``/``*_end`` character offsets
into ``documents.text``.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _span(prefix: str, *, nullable: bool = False) -> list[sa.Column[object]]:
    return [
        sa.Column(f"{prefix}_text", sa.Text, nullable=nullable),
        sa.Column(f"{prefix}_start", sa.Integer, nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer, nullable=nullable),
    ]


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("external_id", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_sha256", sa.String(64), nullable=False),
    sa.Column("duplicate_of", sa.String(40), sa.ForeignKey("documents.id")),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    *_span("span"),
    sa.Column("label", sa.String(32), nullable=False),
    sa.Index("ix_mentions_document", "document_id"),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("country", sa.String(16)),
    sa.Column("affiliation", sa.Text),
    sa.Column("reliability", sa.String(1)),
    sa.Column("reliability_suggested", sa.Boolean, nullable=False),
)

source_aliases = sa.Table(
    "source_aliases",
    metadata,
    sa.Column("source_id", sa.String(120), sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("source_id", "alias"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("source_id", sa.String(120), sa.ForeignKey("sources.id")),
    *_span("source", nullable=True),
    sa.Column("source_name", sa.Text),
    sa.Column("source_kind", sa.String(32)),
    sa.Column("source_country", sa.String(16)),
    sa.Column("source_affiliation", sa.Text),
    sa.Column("resolved_start", sa.Integer),
    sa.Column("resolved_end", sa.Integer),
    *_span("cue", nullable=True),
    *_span("content"),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("status_cues", sa.JSON, nullable=False),
    sa.Column("via", sa.JSON, nullable=False),
    sa.Column("parent_id", sa.String(80)),
    sa.Column("event_time", sa.String(32)),
    sa.Index("ix_claims_document", "document_id"),
    sa.Index("ix_claims_source", "source_id"),
)

quantities = sa.Table(
    "quantities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("claim_id", sa.String(80)),
    *_span("span"),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("bound", sa.String(16), nullable=False),
    sa.Column("category", sa.String(24), nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("qualifier", sa.Text),
    sa.Column("subset_of", sa.String(80)),
    sa.Index("ix_quantities_document", "document_id"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("claim_id", sa.String(80)),
    *_span("span"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("geonames_id", sa.Integer),
    sa.Column("country", sa.String(8)),
    sa.Column("admin1", sa.String(32)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("feature", sa.String(16), nullable=False),
    sa.Column("role", sa.String(16)),
    sa.Index("ix_places_document", "document_id"),
)

times = sa.Table(
    "times",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("claim_id", sa.String(80)),
    *_span("span"),
    sa.Column("date_start", sa.Date, nullable=False),
    sa.Column("date_end", sa.Date, nullable=False),
    sa.Column("granularity", sa.String(8), nullable=False),
    sa.Index("ix_times_document", "document_id"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("claim_id", sa.String(80), nullable=False),
    sa.Column("type", sa.String(24), nullable=False),
    sa.Column("participants", sa.JSON, nullable=False),
    sa.Column("place_id", sa.String(80)),
    sa.Column("time", sa.String(32)),
    sa.Index("ix_events_document", "document_id"),
)

links = sa.Table(
    "links",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("relation", sa.String(16), nullable=False),  # conflict | corroboration
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("claim_ids", sa.JSON, nullable=False),
    sa.Column("quantity_ids", sa.JSON, nullable=False),
    sa.Column("origins", sa.JSON, nullable=False),
)

estimates = sa.Table(
    "estimates",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("category", sa.String(24), nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("policy", sa.String(24), nullable=False),
    sa.Column("low", sa.Float),
    sa.Column("best", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("low_from", sa.String(80)),
    sa.Column("best_from", sa.String(80)),
    sa.Column("high_from", sa.String(80)),
    sa.Column("quantity_ids", sa.JSON, nullable=False),
)

grades = sa.Table(
    "grades",
    metadata,
    sa.Column("claim_id", sa.String(80), primary_key=True),
    sa.Column("credibility", sa.Integer, nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
)

#: Analyst reviews of claims and sources (issue 6): every change with who,
#: when, before and after. The extraction rows are never edited.
reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("target_kind", sa.String(16), nullable=False),
    sa.Column("target_id", sa.String(120), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("who", sa.String(80), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("before", sa.JSON, nullable=False),
    sa.Column("after", sa.JSON, nullable=False),
    sa.Column("note", sa.Text),
    sa.Index("ix_reviews_target", "target_kind", "target_id"),
)

#: Workbench users (``serve --auth``) and their API tokens, hashed at rest.
users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(80), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("user_name", sa.String(80), sa.ForeignKey("users.name"), nullable=False),
    sa.Column("token_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False),
)

#: The cross-checking engine's saved index (one row), so that an ingest compares
#: only its new claims with the ledger: what it covers here, the index itself in
#: ``crosscheck_snapshot`` (a row apart, so that updating this one does not
#: rewrite it). The snapshot holds the documents in ``documents`` minus those in
#: ``pending``, which are replayed (in their batches) on load; ``generation``
#: guards against two writers.
crosscheck_state = sa.Table(
    "crosscheck_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("generation", sa.Integer, nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("policy", sa.String(24), nullable=False),
    sa.Column("window_days", sa.Integer, nullable=False),
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Column("documents", sa.JSON, nullable=False),
    sa.Column("pending", sa.JSON, nullable=False),
    sa.Column("last_report", sa.JSON, nullable=False),
    sa.Column("analyst_sources", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)

crosscheck_snapshot = sa.Table(
    "crosscheck_snapshot",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("snapshot", sa.LargeBinary, nullable=False),
)

#: Tables holding one document's extraction, deleted with it.
DOCUMENT_TABLES = (mentions, claims, quantities, places, times, events)
