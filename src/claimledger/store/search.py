"""Claim queries with every filter the workbench offers, and full-text search.

Full-text search uses the SQLite FTS5 index of migration ``0002_claim_search``
when the database has it, and a case-insensitive LIKE on any other database.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from claimledger.model import Claim
from claimledger.store import rows, schema
from claimledger.store.sql import Store

__all__ = [
    "ClaimQuery",
    "claim_by_id",
    "claim_grades",
    "claim_source_ids",
    "count_claims",
    "fts_expression",
    "search_claims",
]

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters over claims; every field left None matches everything.

    ``source`` matches the canonical source id or name, or the name as written;
    ``category`` keeps claims carrying a figure of that category; ``place``
    keeps claims linked to a place of that name or country code; ``date_from``
    / ``date_to`` bound the report date of the claim's document (inclusive);
    ``search`` is full text over the claim's content and source name.
    """

    source: str | None = None
    status: str | None = None
    category: str | None = None
    place: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    search: str | None = None
    document_id: str | None = None


def fts_expression(search: str) -> str | None:
    """Turn free text into a safe FTS5 query: every word, as a quoted prefix.

    Example:
        >>> fts_expression('killed "near" Elmar*')
        '"killed"* "near"* "Elmar"*'
    """
    words = _WORD.findall(search)
    return " ".join(f'"{word}"*' for word in words) or None


@functools.cache
def _has_fts(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite" and sa.inspect(engine).has_table("claims_fts")


def _search_clause(store: Store, search: str) -> sa.ColumnElement[bool]:
    table = schema.claims
    if _has_fts(store.engine):
        expression = fts_expression(search)
        if expression is None:
            return sa.true()
        matches = sa.text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q").bindparams(
            q=expression
        )
        return sa.literal_column("claims.rowid").in_(matches)
    pattern = f"%{search}%"
    return sa.or_(table.c.content_text.ilike(pattern), table.c.source_name.ilike(pattern))


def _where(store: Store, query: ClaimQuery) -> list[sa.ColumnElement[bool]]:
    table = schema.claims
    clauses: list[sa.ColumnElement[bool]] = []
    if query.source:
        sources = schema.sources
        names = sa.select(sources.c.id).where(
            sa.or_(sources.c.id == query.source, sources.c.name.ilike(query.source))
        )
        clauses.append(
            sa.or_(table.c.source_id.in_(names), table.c.source_name.ilike(query.source))
        )
    if query.status:
        clauses.append(table.c.status == query.status)
    if query.document_id:
        clauses.append(table.c.document_id == query.document_id)
    if query.category:
        figures = schema.quantities
        with_figure = sa.select(figures.c.claim_id).where(figures.c.category == query.category)
        clauses.append(table.c.id.in_(with_figure))
    if query.place:
        places = schema.places
        at_place = sa.select(places.c.claim_id).where(
            sa.or_(places.c.name.ilike(query.place), places.c.country == query.place.upper())
        )
        clauses.append(table.c.id.in_(at_place))
    clauses.extend(_date_clauses(query))
    if query.search and query.search.strip():
        clauses.append(_search_clause(store, query.search))
    return clauses


def _date_clauses(query: ClaimQuery) -> list[sa.ColumnElement[bool]]:
    documents = schema.documents
    clauses: list[sa.ColumnElement[bool]] = []
    for bound, compare in ((query.date_from, "ge"), (query.date_to, "le")):
        if bound is None:
            continue
        column = documents.c.published
        condition = column >= bound if compare == "ge" else column <= bound
        in_range = sa.select(documents.c.id).where(condition)
        clauses.append(schema.claims.c.document_id.in_(in_range))
    return clauses


def search_claims(
    store: Store, query: ClaimQuery, *, limit: int | None = None, offset: int = 0
) -> list[Claim]:
    """Return the claims matching ``query``, by document then position.

    Example:
        >>> search_claims(store, ClaimQuery(status="denied", search="bridge"), limit=50)
    """
    table = schema.claims
    select: sa.Select[Any] = (
        sa.select(table)
        .where(*_where(store, query))
        .order_by(table.c.document_id, table.c.content_start, table.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        return [rows.claim_from(r) for r in connection.execute(select).mappings()]


def count_claims(store: Store, query: ClaimQuery) -> int:
    """Count the claims matching ``query``."""
    select = sa.select(sa.func.count()).select_from(schema.claims).where(*_where(store, query))
    with store.engine.connect() as connection:
        return int(connection.execute(select).scalar_one())


def claim_by_id(store: Store, claim_id: str) -> Claim | None:
    """Return one claim (with its resolved source span), or None."""
    table = schema.claims
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.id == claim_id)).mappings().first()
        if row is None:
            return None
        documents = schema.documents
        text = connection.execute(
            sa.select(documents.c.text).where(documents.c.id == row["document_id"])
        ).scalar_one_or_none()
    return rows.claim_from(row, text=text)


def claim_source_ids(store: Store, claim_ids: list[str]) -> dict[str, str]:
    """Return claim id -> canonical source id for the attributed claims among ``claim_ids``."""
    table = schema.claims
    query = sa.select(table.c.id, table.c.source_id).where(
        table.c.id.in_(claim_ids), table.c.source_id.is_not(None)
    )
    with store.engine.connect() as connection:
        return {row.id: row.source_id for row in connection.execute(query)}


def claim_grades(store: Store, claim_ids: list[str]) -> dict[str, int]:
    """Return claim id -> Admiralty credibility for the graded claims among ``claim_ids``."""
    table = schema.grades
    query = sa.select(table.c.claim_id, table.c.credibility).where(table.c.claim_id.in_(claim_ids))
    with store.engine.connect() as connection:
        return {row.claim_id: row.credibility for row in connection.execute(query)}
