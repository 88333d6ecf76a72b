"""Cross-check the stored ledger: read claim facts from the store, run the engine, store results.

The engine (:mod:`claimledger.reconcile`) is pure; this module is the bridge
that feeds it from a :class:`~claimledger.store.Store` and writes back what it
found. Two ways:

- :func:`crosscheck_ledger` (``claimledger crosscheck``): a full run over
  every stored claim that replaces every stored result and saves the
  engine's index;
- :func:`crosscheck_ingested` (after ``claimledger ingest``): restores the
  saved index, compares only the claims of documents it does not cover yet,
  and writes back only what changed. It falls back to a full run whenever
  the saved index could give a different answer than a full run would (see
  :func:`crosscheck_ingested`).

Both write results and index in one transaction, so they never disagree.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar

from claimledger.model import (
    Claim,
    Document,
    Event,
    Extraction,
    Place,
    Quantity,
    Source,
    TimeRef,
)
from claimledger.reconcile import (
    DEFAULT_POLICY,
    DEFAULT_WINDOW_DAYS,
    ClaimFacts,
    CrossCheckIndex,
    CrossCheckResult,
    TimelineEntry,
)
from claimledger.reconcile.facts import facts_of
from claimledger.reconcile.index import report_order
from claimledger.reconcile.state import dump_index, engine_fingerprint, load_index
from claimledger.store import Store
from claimledger.store import crosscheck as saved
from claimledger.store.crosscheck import ConcurrentUpdateError, ResultsUpdate, SavedIndex

__all__ = [
    "SNAPSHOT_EVERY",
    "CrossCheckRun",
    "IndexCache",
    "crosscheck_ingested",
    "crosscheck_ledger",
    "ledger_facts",
    "ledger_index",
    "story_timeline",
]

#: Documents cross-checked incrementally before the saved index is written out
#: whole again. In between, only their ids are saved and they are replayed on
#: load: writing a 100k-claim index costs seconds, replaying a document ~20 ms.
SNAPSHOT_EVERY = 25

_R = TypeVar("_R", Claim, Quantity, Place, TimeRef, Event)


@dataclass(frozen=True, slots=True)
class CrossCheckRun:
    """What a cross-checking run did.

    Attributes:
        result: What the engine returned (everything for a full run; what is
            new or changed for an incremental one).
        incremental: False when the whole ledger was cross-checked.
        reason: Why a full run was needed (empty for incremental runs).
        seconds: Wall time of each step ("load", "facts", "engine", "write").
    """

    result: CrossCheckResult
    incremental: bool
    reason: str = ""
    seconds: Mapping[str, float] = field(default_factory=dict)


class IndexCache:
    """The index a long-running process (the web app) last saved, kept in memory.

    Restoring a saved index costs time in proportion to the ledger; a process
    that cross-checks again and again passes one of these so the next run can
    skip that while the saved index is still the one it wrote (same generation).
    """

    def __init__(self) -> None:
        self._kept: tuple[int, CrossCheckIndex] | None = None

    def take(self, generation: int) -> CrossCheckIndex | None:
        """Return the kept index if it is at ``generation``; either way, forget it.

        A run that fails half-way must not leave a changed index behind.
        """
        kept, self._kept = self._kept, None
        return kept[1] if kept is not None and kept[0] == generation else None

    def keep(self, generation: int, index: CrossCheckIndex) -> None:
        """Remember ``index``, saved at ``generation``."""
        self._kept = (generation, index)


class _Stale(Exception):
    """The saved index cannot stand in for a full run; the message says why."""


@contextmanager
def _timed(seconds: dict[str, float], step: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    seconds[step] = seconds.get(step, 0.0) + time.perf_counter() - started


def _by_document(records: Iterable[_R]) -> dict[str, list[_R]]:
    grouped: dict[str, list[_R]] = defaultdict(list)
    for record in records:
        grouped[record.document_id].append(record)
    return grouped


_S = TypeVar("_S", Quantity, Place, TimeRef)


def _in_text_order(records: Iterable[_S]) -> tuple[_S, ...]:
    return tuple(sorted(records, key=lambda r: (r.span.start, r.id)))


def _document_facts(
    document: Document, extraction: Extraction, source_ids: Mapping[str, str], ingested: int
) -> list[ClaimFacts]:
    # One order whatever query read the records: the engine numbers its items
    # in this order, so a full and an incremental run must see the same one.
    ordered = replace(
        extraction,
        claims=tuple(sorted(extraction.claims, key=lambda c: (c.content.start, c.id))),
        quantities=_in_text_order(extraction.quantities),
        places=_in_text_order(extraction.places),
        times=_in_text_order(extraction.times),
        events=tuple(sorted(extraction.events, key=lambda e: e.id)),
    )
    return facts_of(document, ordered, source_ids=source_ids, ingested=ingested)


def ledger_facts(store: Store) -> list[ClaimFacts]:
    """Return one :class:`ClaimFacts` per stored claim (a handful of bulk queries)."""
    return _ledger_facts(store)[0]


def _ledger_facts(store: Store) -> tuple[list[ClaimFacts], set[str]]:
    """Return every claim's facts and the ids of the documents read."""
    claims, quantities = _by_document(store.claims()), _by_document(store.quantities())
    places, times = _by_document(store.places()), _by_document(store.times())
    events, source_ids = _by_document(store.events()), store.claim_sources()
    ingested = saved.ingest_times(store)
    facts: list[ClaimFacts] = []
    documents = store.documents()
    for document in documents:
        if document.id not in claims:
            continue
        extraction = Extraction(
            claims=tuple(claims[document.id]),
            quantities=tuple(quantities[document.id]),
            places=tuple(places[document.id]),
            times=tuple(times[document.id]),
            events=tuple(events[document.id]),
        )
        facts.extend(_document_facts(document, extraction, source_ids, ingested[document.id]))
    return facts, {d.id for d in documents}


def _documents_facts(store: Store, document_ids: Collection[str]) -> list[ClaimFacts]:
    """Return the facts of some documents' claims, as :func:`ledger_facts` builds them."""
    source_ids = saved.claim_source_ids(store, document_ids)
    ingested = saved.ingest_times(store, document_ids)
    facts: list[ClaimFacts] = []
    for document_id in sorted(document_ids):
        document = store.document(document_id)
        if document is None:
            raise _Stale(f"document {document_id} is no longer stored")
        # Claims as the bulk read gives them (without the text-derived parts).
        claims = tuple(store.claims(document_id=document_id))
        extraction = replace(store.extraction(document_id), claims=claims)
        facts.extend(_document_facts(document, extraction, source_ids, ingested[document_id]))
    return facts


def ledger_index(
    store: Store, *, policy: str = DEFAULT_POLICY
) -> tuple[CrossCheckIndex, CrossCheckResult]:
    """Build the engine's index over the whole ledger; return it and the full result."""
    index = CrossCheckIndex(policy=policy, sources=store.sources())
    facts = ledger_facts(store)
    return index, index.add(sorted(facts, key=report_order))


def _report_key(facts: ClaimFacts) -> tuple[str | int, ...]:
    day, ingested, document_id, start, claim_id = report_order(facts)
    return (day.isoformat(), ingested, document_id, start, claim_id)


def _update(result: CrossCheckResult) -> ResultsUpdate:
    return ResultsUpdate(
        conflicts=result.conflicts,
        corroborations=result.corroborations,
        estimates=result.estimates,
        grades=result.grades,
        retired_ids=result.retired_ids,
        reliabilities=[(g.source_id, g.reliability) for g in result.source_grades if g.suggested],
    )


def _full_run(
    store: Store, *, policy: str, reason: str, cache: IndexCache | None = None
) -> CrossCheckRun:
    seconds: dict[str, float] = {}
    with _timed(seconds, "facts"):
        facts, documents = _ledger_facts(store)
        facts.sort(key=report_order)
    with _timed(seconds, "engine"):
        registry = store.sources()
        index = CrossCheckIndex(policy=policy, sources=registry)
        result = index.add(facts)
    with _timed(seconds, "write"):
        state = SavedIndex(
            generation=0,  # the store numbers full runs itself
            fingerprint=engine_fingerprint(),
            policy=policy,
            window_days=DEFAULT_WINDOW_DAYS,
            claims=len(facts),
            documents=frozenset(documents),
            pending=(),
            last_report=_report_key(facts[-1]) if facts else (),
            analyst_sources=_analyst_sources(registry),
            snapshot=dump_index(index),
        )
        generation = saved.write_crosscheck(store, _update(result), state=state, replace=True)
    if cache is not None:
        cache.keep(generation, index)
    return CrossCheckRun(result, incremental=False, reason=reason, seconds=seconds)


def crosscheck_ledger(
    store: Store, *, policy: str = DEFAULT_POLICY, cache: IndexCache | None = None
) -> CrossCheckResult:
    """Cross-check every stored claim, replace the stored results and save the index.

    Source reliability the engine suggests is written only where no analyst set one.
    """
    return _full_run(store, policy=policy, reason="full run asked for", cache=cache).result


def crosscheck_ingested(
    store: Store, *, policy: str | None = None, cache: IndexCache | None = None
) -> CrossCheckRun:
    """Cross-check the claims of documents the saved index does not cover yet.

    Restores the saved index, adds the new documents' claims to it and writes
    back only what changed (retired ids deleted, the rest upserted). Falls
    back to a full run (which saves a fresh index) when the result could
    differ from one: no saved index; another engine version, policy or
    window; a covered document gone or the claim count changed; a new claim
    that comes before a covered one in report order (the engine reads claims
    in that order); a source registry change that reads a covered claim's
    citations differently; or another run saving the index meanwhile.

    Args:
        policy: Estimate policy; default: the saved index's (else the default).
        cache: Where a long-running process keeps the index between runs.
    """
    seconds: dict[str, float] = {}
    with _timed(seconds, "load"):
        state = saved.saved_index(store)
    policy = policy or (state.policy if state is not None else DEFAULT_POLICY)
    try:
        if state is None:
            raise _Stale("the ledger has no saved cross-checking index")
        return _incremental(store, state, policy=policy, seconds=seconds, cache=cache)
    except (_Stale, ConcurrentUpdateError) as stale:
        return _full_run(store, policy=policy, reason=str(stale), cache=cache)


def _check_saved(state: SavedIndex, *, policy: str) -> None:
    if state.fingerprint != engine_fingerprint():
        raise _Stale("the saved index was built by another engine version")
    if (state.policy, state.window_days) != (policy, DEFAULT_WINDOW_DAYS):
        raise _Stale(f"the saved index uses policy {state.policy}, window {state.window_days}")


def _analyst_sources(registry: Iterable[Source]) -> frozenset[str]:
    return frozenset(s.id for s in registry if s.reliability and not s.reliability_suggested)


def _restored(
    store: Store, state: SavedIndex, registry: list[Source], cache: IndexCache | None = None
) -> CrossCheckIndex:
    """Return the saved index with its pending batches replayed, checked against the ledger."""
    index = cache.take(state.generation) if cache is not None else None
    if index is None:
        snapshot = saved.saved_snapshot(store)
        if snapshot is None:
            raise _Stale("the saved index is missing")
        index = load_index(snapshot)
        for batch in state.pending:
            index.add(sorted(_documents_facts(store, batch), key=report_order))
    if len(index) != state.claims:
        raise _Stale("the saved index does not hold the claims it should")
    if not state.analyst_sources <= _analyst_sources(registry):
        # Only a full run knows the suggested letter that takes its place.
        raise _Stale("an analyst's reliability letter was withdrawn")
    if not index.refresh_sources(registry):
        raise _Stale("source names or aliases changed which sources stored claims cite")
    return index


def _incremental(
    store: Store,
    state: SavedIndex,
    *,
    policy: str,
    seconds: dict[str, float],
    cache: IndexCache | None,
) -> CrossCheckRun:
    _check_saved(state, policy=policy)
    with _timed(seconds, "load"):
        registry = store.sources()
        index = _restored(store, state, registry, cache)
    with _timed(seconds, "facts"):
        stored = saved.document_ids(store)
        if not state.documents <= stored:
            raise _Stale("documents the saved index covers were deleted")
        new_documents = stored - state.documents
        new = sorted(_documents_facts(store, new_documents), key=report_order)
        if saved.claim_count(store) != state.claims + len(new):
            raise _Stale("the stored claims changed since the index was saved")
        if new and state.last_report and _report_key(new[0]) <= state.last_report:
            raise _Stale("a new document comes before stored ones in report order")
    with _timed(seconds, "engine"):
        result = index.add(new)
    with _timed(seconds, "write"):
        generation = saved.write_crosscheck(
            store,
            _update(result),
            state=_next_state(state, index, new_documents, new, registry=registry),
            replace=False,
        )
    if cache is not None:
        cache.keep(generation, index)
    return CrossCheckRun(result, incremental=True, seconds=seconds)


def _next_state(
    state: SavedIndex,
    index: CrossCheckIndex,
    documents: Collection[str],
    new: list[ClaimFacts],
    *,
    registry: list[Source],
) -> SavedIndex:
    pending = (*state.pending, tuple(sorted(documents))) if new else state.pending
    snapshot = None
    if sum(len(batch) for batch in pending) >= SNAPSHOT_EVERY:
        pending, snapshot = (), dump_index(index)
    return replace(
        state,
        generation=state.generation + 1,
        claims=len(index),
        documents=state.documents | frozenset(documents),
        pending=pending,
        last_report=_report_key(new[-1]) if new else state.last_report,
        analyst_sources=_analyst_sources(registry),
        snapshot=snapshot,
    )


def story_timeline(store: Store, claim_or_proposition_id: str) -> tuple[TimelineEntry, ...]:
    """Return the claims of the proposition a claim belongs to, in report order.

    Uses the saved index when it covers the whole ledger; otherwise builds one.
    """
    state = saved.saved_index(store)
    if state is not None:
        try:
            _check_saved(state, policy=state.policy)
            index = _restored(store, state, store.sources())
            if state.documents == saved.document_ids(store):
                return index.timeline(claim_or_proposition_id)
        except _Stale:
            pass
    index, _ = ledger_index(store)
    return index.timeline(claim_or_proposition_id)
