"""The ledger over SQLAlchemy Core: SQLite by default, PostgreSQL by URL.

Connecting (URL, engine, SQLite pragmas) lives in :mod:`claimledger.store.database`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from claimledger.errors import StoreError
from claimledger.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Estimate,
    Event,
    Extraction,
    Grade,
    Place,
    Quantity,
    Source,
    TimeRef,
)
from claimledger.store import rows, schema
from claimledger.store.database import DEFAULT_DATABASE, database_url, ledger_engine
from claimledger.store.migrate import upgrade

# DEFAULT_DATABASE and database_url moved to store.database; still importable from here.
__all__ = ["DEFAULT_DATABASE", "LedgerStats", "Store", "database_url", "open_store"]

_DESCRIPTIVE = ("name", "kind", "country", "affiliation")


@dataclass(frozen=True, slots=True)
class LedgerStats:
    """How much the ledger holds."""

    documents: int
    duplicates: int
    claims: int
    sources: int
    quantities: int
    places: int
    events: int
    conflicts: int
    corroborations: int
    estimates: int


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and by default migrate) the ledger at ``db``.

    Example:
        >>> store = open_store("sqlite://")  # an in-memory ledger
    """
    url = database_url(db)
    try:
        engine = ledger_engine(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    if migrate:
        upgrade(engine)
    return Store(engine)


class Store:
    """The ledger. Each document and its extraction is written in one transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        """Close the store's database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def add_document(
        self,
        document: Document,
        extraction: Extraction,
        *,
        signature: bytes | None = None,
        sources: Mapping[str, Source] | None = None,
    ) -> bool:
        """Store ``document`` with its records; return False if it was already stored.

        ``sources`` maps claim ids to their canonical source.
        """
        sources = sources or {}
        try:
            with self.engine.begin() as connection:
                if self._exists(connection, document.id):
                    return False
                row = rows.document_row(document) | {
                    "signature": signature,
                    "ingested_at": datetime.now(UTC),
                }
                connection.execute(schema.documents.insert(), [row])
                self._write_sources(connection, sources.values())
                self._write_extraction(connection, document.id, extraction, sources)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{document.external_id}: could not store: {exc}") from exc
        return True

    def has_document(self, document_id: str) -> bool:
        """Return True if a document with this id is stored (reads no text)."""
        with self.engine.connect() as connection:
            return self._exists(connection, document_id)

    def _exists(self, connection: sa.Connection, document_id: str) -> bool:
        query = sa.select(schema.documents.c.id).where(schema.documents.c.id == document_id)
        return connection.execute(query).first() is not None

    def _write_sources(self, connection: sa.Connection, sources: Iterable[Source]) -> None:
        # Two reads and at most three batched writes per document, not three per source.
        unique = list({s.id: s for s in sources}.values())
        if not unique:
            return
        table, aliases = schema.sources, schema.source_aliases
        ids = [s.id for s in unique]
        stored = set(connection.execute(sa.select(table.c.id).where(table.c.id.in_(ids))).scalars())
        known: dict[str, set[str]] = {}
        query = sa.select(aliases.c.source_id, aliases.c.alias).where(aliases.c.source_id.in_(ids))
        for source_id, alias in connection.execute(query):
            known.setdefault(source_id, set()).add(alias)
        new = [rows.source_row(s) for s in unique if s.id not in stored]
        # The registry may have learnt a fuller name or a kind; an analyst's
        # reliability is not the registry's to change.
        changed = [
            {"_id": s.id} | {k: v for k, v in rows.source_row(s).items() if k in _DESCRIPTIVE}
            for s in unique
            if s.id in stored
        ]
        new_aliases = [
            {"source_id": s.id, "alias": alias}
            for s in unique
            for alias in sorted(set(s.aliases) - known.get(s.id, set()))
        ]
        if new:
            connection.execute(table.insert(), new)
        if changed:
            # The SET clause comes from the parameters' column names.
            connection.execute(table.update().where(table.c.id == sa.bindparam("_id")), changed)
        if new_aliases:
            connection.execute(aliases.insert(), new_aliases)

    def _write_extraction(
        self,
        connection: sa.Connection,
        document_id: str,
        extraction: Extraction,
        sources: Mapping[str, Source],
    ) -> None:
        batches: list[tuple[sa.Table, list[dict[str, Any]]]] = [
            (schema.mentions, [rows.mention_row(m, document_id) for m in extraction.mentions]),
            (
                schema.claims,
                [
                    rows.claim_row(c, source_id=sources[c.id].id if c.id in sources else None)
                    for c in extraction.claims
                ],
            ),
            (schema.quantities, [rows.quantity_row(q) for q in extraction.quantities]),
            (schema.places, [rows.place_row(p) for p in extraction.places]),
            (schema.times, [rows.time_row(t) for t in extraction.times]),
            (schema.events, [rows.event_row(e) for e in extraction.events]),
        ]
        for table, batch in batches:
            if batch:
                connection.execute(table.insert(), batch)

    def replace_crosscheck(
        self,
        *,
        conflicts: Sequence[Conflict],
        corroborations: Sequence[Corroboration],
        estimates: Sequence[Estimate],
        grades: Sequence[Grade],
    ) -> None:
        """Replace all cross-checking results in one transaction."""
        with self.engine.begin() as connection:
            for table in (schema.links, schema.estimates, schema.grades):
                connection.execute(table.delete())
            links: list[Conflict | Corroboration] = [*conflicts, *corroborations]
            batches: list[tuple[sa.Table, list[dict[str, Any]]]] = [
                (schema.links, [rows.link_row(x) for x in links]),
                (schema.estimates, [rows.estimate_row(e) for e in estimates]),
                (schema.grades, [rows.grade_row(g) for g in grades]),
            ]
            for table, batch in batches:
                if batch:
                    connection.execute(table.insert(), batch)

    def set_source_reliability(
        self, source_id: str, reliability: str | None, *, suggested: bool
    ) -> None:
        """Set a source's Admiralty reliability (A-F)."""
        with self.engine.begin() as connection:
            connection.execute(
                schema.sources.update()
                .where(schema.sources.c.id == source_id)
                .values(reliability=reliability, reliability_suggested=suggested)
            )

    # -- reading ---------------------------------------------------------

    def _rows(self, query: sa.Select[Any]) -> list[sa.RowMapping]:
        with self.engine.connect() as connection:
            return list(connection.execute(query).mappings())

    def document(self, document_id: str) -> Document | None:
        """Return one document, or None."""
        found = self._rows(sa.select(schema.documents).where(schema.documents.c.id == document_id))
        return rows.document_from(found[0]) if found else None

    def documents(
        self, *, search: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Document]:
        """Return documents ordered by report date then id."""
        table = schema.documents
        query = sa.select(table).order_by(
            table.c.published.is_(None), table.c.published, table.c.id
        )
        if search:
            pattern = f"%{search}%"
            query = query.where(sa.or_(table.c.text.ilike(pattern), table.c.title.ilike(pattern)))
        return [rows.document_from(r) for r in self._rows(query.limit(limit).offset(offset))]

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Yield (document id, near-duplicate signature) for every stored document."""
        table = schema.documents
        query = sa.select(table.c.id, table.c.signature).where(table.c.signature.is_not(None))
        for row in self._rows(query):
            yield row["id"], row["signature"]

    def extraction(self, document_id: str) -> Extraction:
        """Return everything stored for one document."""
        document = self.document(document_id)
        text = document.text if document else None

        def of(table: sa.Table) -> sa.Select[Any]:
            return sa.select(table).where(table.c.document_id == document_id).order_by(table.c.id)

        return Extraction(
            mentions=tuple(rows.mention_from(r) for r in self._rows(of(schema.mentions))),
            claims=tuple(rows.claim_from(r, text=text) for r in self._rows(of(schema.claims))),
            quantities=tuple(rows.quantity_from(r) for r in self._rows(of(schema.quantities))),
            places=tuple(rows.place_from(r) for r in self._rows(of(schema.places))),
            times=tuple(rows.time_from(r) for r in self._rows(of(schema.times))),
            events=tuple(rows.event_from(r) for r in self._rows(of(schema.events))),
        )

    def claims(
        self,
        *,
        source: str | None = None,
        status: str | None = None,
        search: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Claim]:
        """Return claims, filtered; ``source`` matches the canonical id or name."""
        table = schema.claims
        query = sa.select(table).order_by(table.c.document_id, table.c.content_start, table.c.id)
        if source:
            names = sa.select(schema.sources.c.id).where(
                sa.or_(schema.sources.c.id == source, schema.sources.c.name.ilike(source))
            )
            query = query.where(
                sa.or_(table.c.source_id.in_(names), table.c.source_name.ilike(source))
            )
        if status:
            query = query.where(table.c.status == status)
        if search:
            query = query.where(table.c.content_text.ilike(f"%{search}%"))
        if document_id:
            query = query.where(table.c.document_id == document_id)
        return [rows.claim_from(r) for r in self._rows(query.limit(limit).offset(offset))]

    def claim_sources(self) -> dict[str, str]:
        """Return claim id -> canonical source id for attributed claims."""
        table = schema.claims
        query = sa.select(table.c.id, table.c.source_id).where(table.c.source_id.is_not(None))
        return {r["id"]: r["source_id"] for r in self._rows(query)}

    def quantities(self, *, category: str | None = None) -> list[Quantity]:
        """Return figures, optionally of one category."""
        table = schema.quantities
        query = sa.select(table).order_by(table.c.document_id, table.c.span_start, table.c.id)
        if category:
            query = query.where(table.c.category == category)
        return [rows.quantity_from(r) for r in self._rows(query)]

    def places(self) -> list[Place]:
        """Return resolved place mentions."""
        table = schema.places
        query = sa.select(table).order_by(table.c.document_id, table.c.span_start, table.c.id)
        return [rows.place_from(r) for r in self._rows(query)]

    def times(self) -> list[TimeRef]:
        """Return resolved time expressions."""
        table = schema.times
        query = sa.select(table).order_by(table.c.document_id, table.c.span_start, table.c.id)
        return [rows.time_from(r) for r in self._rows(query)]

    def events(self) -> list[Event]:
        """Return typed events."""
        table = schema.events
        query = sa.select(table).order_by(table.c.document_id, table.c.id)
        return [rows.event_from(r) for r in self._rows(query)]

    def sources(self) -> list[Source]:
        """Return canonical sources with their aliases, by name."""
        aliases: dict[str, list[str]] = {}
        for row in self._rows(sa.select(schema.source_aliases)):
            aliases.setdefault(row["source_id"], []).append(row["alias"])
        query = sa.select(schema.sources).order_by(schema.sources.c.name, schema.sources.c.id)
        return [
            rows.source_from(r, aliases=tuple(sorted(aliases.get(r["id"], ()))))
            for r in self._rows(query)
        ]

    def conflicts(self) -> list[Conflict]:
        """Return contradictions and revisions."""
        return [x for x in self._links("conflict") if isinstance(x, Conflict)]

    def corroborations(self) -> list[Corroboration]:
        """Return corroborations."""
        return [x for x in self._links("corroboration") if isinstance(x, Corroboration)]

    def _links(self, relation: str) -> list[Conflict | Corroboration]:
        table = schema.links
        query = sa.select(table).where(table.c.relation == relation).order_by(table.c.id)
        return [rows.link_from(r) for r in self._rows(query)]

    def estimates(self) -> list[Estimate]:
        """Return low/best/high estimates."""
        query = sa.select(schema.estimates).order_by(schema.estimates.c.id)
        return [rows.estimate_from(r) for r in self._rows(query)]

    def grades(self) -> list[Grade]:
        """Return per-claim credibility grades."""
        query = sa.select(schema.grades).order_by(schema.grades.c.claim_id)
        return [rows.grade_from(r) for r in self._rows(query)]

    def stats(self) -> LedgerStats:
        """Count what the ledger holds."""
        with self.engine.connect() as connection:

            def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
                query = sa.select(sa.func.count()).select_from(table).where(*where)
                return int(connection.execute(query).scalar_one())

            links = schema.links.c.relation
            return LedgerStats(
                documents=count(schema.documents),
                duplicates=count(schema.documents, schema.documents.c.duplicate_of.is_not(None)),
                claims=count(schema.claims),
                sources=count(schema.sources),
                quantities=count(schema.quantities),
                places=count(schema.places),
                events=count(schema.events),
                conflicts=count(schema.links, links == "conflict"),
                corroborations=count(schema.links, links == "corroboration"),
                estimates=count(schema.estimates),
            )
