"""Cross-checking results and the engine's saved index: written together, or not at all.

A full run replaces every result; an incremental run deletes the ids the
engine retired and upserts what it returned. Either way the saved index is
written in the same transaction, so results and index always describe the
same documents. Records only: the engine itself is not imported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from claimledger.errors import StoreError
from claimledger.model import Conflict, Corroboration, Estimate, Grade
from claimledger.store import rows, schema
from claimledger.store.sql import Store

__all__ = [
    "ConcurrentUpdateError",
    "ResultsUpdate",
    "SavedIndex",
    "claim_count",
    "claim_source_ids",
    "document_ids",
    "ingest_times",
    "saved_generation",
    "saved_index",
    "saved_snapshot",
    "write_crosscheck",
]

_STATE_ROW = 1
#: Ids per ``IN (...)`` list, well under SQLite's bound-parameter limit.
_CHUNK = 500


class ConcurrentUpdateError(StoreError):
    """Another run saved the cross-checking index since this one read it."""


@dataclass(frozen=True, slots=True)
class SavedIndex:
    """The saved engine index and what it covers (see ``schema.crosscheck_state``).

    ``analyst_sources`` are the sources that had an analyst's reliability
    letter. ``snapshot`` is None when read (see :func:`saved_snapshot`) and, when
    written, means "keep the stored snapshot" (only the pending batches changed).
    """

    generation: int
    fingerprint: str
    policy: str
    window_days: int
    claims: int
    documents: frozenset[str]
    pending: tuple[tuple[str, ...], ...]
    last_report: tuple[str | int, ...]
    analyst_sources: frozenset[str] = frozenset()
    snapshot: bytes | None = None


@dataclass(frozen=True, slots=True)
class ResultsUpdate:
    """What a run writes: results, ids to delete, and suggested source letters."""

    conflicts: Sequence[Conflict] = ()
    corroborations: Sequence[Corroboration] = ()
    estimates: Sequence[Estimate] = ()
    grades: Sequence[Grade] = ()
    retired_ids: Sequence[str] = ()
    reliabilities: Sequence[tuple[str, str]] = field(default=())


def saved_index(store: Store) -> SavedIndex | None:
    """Return what the saved index covers (not the index), or None when there is none."""
    table = schema.crosscheck_state
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.id == _STATE_ROW)).mappings()
        found = row.first()
    if found is None:
        return None
    return SavedIndex(
        generation=found["generation"],
        fingerprint=found["fingerprint"],
        policy=found["policy"],
        window_days=found["window_days"],
        claims=found["claims"],
        documents=frozenset(found["documents"]),
        pending=tuple(tuple(batch) for batch in found["pending"]),
        last_report=tuple(found["last_report"]),
        analyst_sources=frozenset(found["analyst_sources"]),
    )


def saved_snapshot(store: Store) -> bytes | None:
    """Return the saved index itself (see :mod:`claimledger.reconcile.state`)."""
    table = schema.crosscheck_snapshot
    with store.engine.connect() as connection:
        query = sa.select(table.c.snapshot).where(table.c.id == _STATE_ROW)
        found = connection.execute(query).scalar()
    return bytes(found) if found is not None else None


def document_ids(store: Store) -> set[str]:
    """Return the ids of every stored document (reads no text)."""
    with store.engine.connect() as connection:
        return set(connection.execute(sa.select(schema.documents.c.id)).scalars())


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ingest_times(store: Store, documents: Iterable[str] | None = None) -> dict[str, int]:
    """Return document id -> when it was stored, in microseconds since 1970 UTC.

    Args:
        documents: Only these documents; default: every stored one.
    """
    table = schema.documents
    query = sa.select(table.c.id, table.c.ingested_at)
    chunks = [None] if documents is None else list(_chunks(sorted(documents)))
    found: dict[str, int] = {}
    with store.engine.connect() as connection:
        for chunk in chunks:
            where = query if chunk is None else query.where(table.c.id.in_(chunk))
            found.update(
                {row.id: _microseconds(row.ingested_at) for row in connection.execute(where)}
            )
    return found


def _microseconds(moment: datetime) -> int:
    # SQLite gives back the UTC time it was given without its zone.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware - _EPOCH) // timedelta(microseconds=1)


def claim_count(store: Store) -> int:
    """Return how many claims the ledger holds."""
    query = sa.select(sa.func.count()).select_from(schema.claims)
    with store.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def claim_source_ids(store: Store, documents: Iterable[str]) -> dict[str, str]:
    """Return claim id -> canonical source id for the attributed claims of some documents."""
    table = schema.claims
    found: dict[str, str] = {}
    with store.engine.connect() as connection:
        for chunk in _chunks(sorted(documents)):
            query = sa.select(table.c.id, table.c.source_id).where(
                table.c.document_id.in_(chunk), table.c.source_id.is_not(None)
            )
            found.update({row.id: row.source_id for row in connection.execute(query)})
    return found


def write_crosscheck(
    store: Store, update: ResultsUpdate, *, state: SavedIndex, replace: bool
) -> int:
    """Write results and the saved index in one transaction; return its generation.

    Args:
        replace: A full run: delete every stored result first and overwrite
            the saved index whatever its generation.

    Raises:
        ConcurrentUpdateError: (incremental only) the saved index is no longer
            at ``state.generation - 1``; nothing was written.
    """
    try:
        with store.engine.begin() as connection:
            generation = _save_state(connection, state, replace=replace)
            _write_results(connection, update, replace=replace)
            _write_reliabilities(connection, update.reliabilities)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"could not store cross-checking results: {exc}") from exc
    return generation


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _delete(connection: sa.Connection, column: sa.Column[Any], ids: Iterable[str]) -> None:
    for chunk in _chunks(sorted(set(ids))):
        connection.execute(column.table.delete().where(column.in_(chunk)))


def _write_results(connection: sa.Connection, update: ResultsUpdate, *, replace: bool) -> None:
    links: list[Conflict | Corroboration] = [*update.conflicts, *update.corroborations]
    if replace:
        for table in (schema.links, schema.estimates, schema.grades):
            connection.execute(table.delete())
    else:
        # Upsert as delete-then-insert: portable across SQLite and PostgreSQL.
        retired = set(update.retired_ids)
        _delete(connection, schema.links.c.id, retired | {x.id for x in links})
        _delete(connection, schema.estimates.c.id, retired | {e.id for e in update.estimates})
        _delete(connection, schema.grades.c.claim_id, (g.claim_id for g in update.grades))
    batches: list[tuple[sa.Table, list[dict[str, Any]]]] = [
        (schema.links, [rows.link_row(x) for x in links]),
        (schema.estimates, [rows.estimate_row(e) for e in update.estimates]),
        (schema.grades, [rows.grade_row(g) for g in update.grades]),
    ]
    for table, batch in batches:
        if batch:
            connection.execute(table.insert(), batch)


def _write_reliabilities(connection: sa.Connection, letters: Sequence[tuple[str, str]]) -> None:
    """Set suggested letters, except where an analyst set one."""
    table = schema.sources
    analyst_set = sa.and_(
        table.c.reliability.is_not(None), table.c.reliability_suggested.is_(False)
    )
    query = (
        table.update()
        .where(table.c.id == sa.bindparam("source"), sa.not_(analyst_set))
        .values(reliability=sa.bindparam("letter"), reliability_suggested=True)
    )
    if letters:
        connection.execute(query, [{"source": s, "letter": letter} for s, letter in letters])


def _save_state(connection: sa.Connection, state: SavedIndex, *, replace: bool) -> int:
    table = schema.crosscheck_state
    values: dict[str, Any] = {
        "generation": state.generation,
        "fingerprint": state.fingerprint,
        "policy": state.policy,
        "window_days": state.window_days,
        "claims": state.claims,
        "documents": sorted(state.documents),
        "pending": [list(batch) for batch in state.pending],
        "last_report": list(state.last_report),
        "analyst_sources": sorted(state.analyst_sources),
        "saved_at": datetime.now(UTC),
    }
    if state.snapshot is not None:
        connection.execute(schema.crosscheck_snapshot.delete())
        connection.execute(
            schema.crosscheck_snapshot.insert(), [{"id": _STATE_ROW, "snapshot": state.snapshot}]
        )
    if replace:
        if state.snapshot is None:
            raise StoreError("a full cross-checking run must save a snapshot")
        # A full run wins whatever was saved meanwhile; its generation still grows.
        previous = connection.execute(sa.select(sa.func.max(table.c.generation))).scalar()
        connection.execute(table.delete())
        values["generation"] = (previous or 0) + 1
        connection.execute(table.insert(), [values | {"id": _STATE_ROW}])
        return int(values["generation"])
    query = table.update().where(
        table.c.id == _STATE_ROW, table.c.generation == state.generation - 1
    )
    if connection.execute(query.values(values)).rowcount != 1:
        raise ConcurrentUpdateError("another run saved the cross-checking index meanwhile")
    return state.generation


def saved_generation(store: Store) -> int:
    """Return the saved index's generation (0 when none), without reading it."""
    table = schema.crosscheck_state
    with store.engine.connect() as connection:
        return int(connection.execute(sa.select(sa.func.max(table.c.generation))).scalar() or 0)
