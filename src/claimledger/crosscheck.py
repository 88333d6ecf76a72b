"""Cross-check the stored ledger: read claim facts from the store, run the engine, store results.

The engine (:mod:`claimledger.reconcile`) is pure; this module is the bridge
that feeds it from a :class:`~claimledger.store.Store` and writes back what it
found. A full run replaces every stored result, so it is safe to repeat.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from claimledger.model import Claim, Event, Extraction, Place, Quantity, TimeRef
from claimledger.reconcile import (
    DEFAULT_POLICY,
    ClaimFacts,
    CrossCheckIndex,
    CrossCheckResult,
    TimelineEntry,
)
from claimledger.reconcile.facts import facts_of
from claimledger.reconcile.index import report_order
from claimledger.store import Store

_R = TypeVar("_R", Claim, Quantity, Place, TimeRef, Event)


def _by_document(records: Iterable[_R]) -> dict[str, list[_R]]:
    grouped: dict[str, list[_R]] = defaultdict(list)
    for record in records:
        grouped[record.document_id].append(record)
    return grouped


def ledger_facts(store: Store) -> list[ClaimFacts]:
    """Return one :class:`ClaimFacts` per stored claim (a handful of bulk queries)."""
    claims, quantities = _by_document(store.claims()), _by_document(store.quantities())
    places, times = _by_document(store.places()), _by_document(store.times())
    events, source_ids = _by_document(store.events()), store.claim_sources()
    facts: list[ClaimFacts] = []
    for document in store.documents():
        if document.id not in claims:
            continue
        extraction = Extraction(
            claims=tuple(claims[document.id]),
            quantities=tuple(quantities[document.id]),
            places=tuple(places[document.id]),
            times=tuple(times[document.id]),
            events=tuple(events[document.id]),
        )
        facts.extend(facts_of(document, extraction, source_ids=source_ids))
    return facts


def ledger_index(
    store: Store, *, policy: str = DEFAULT_POLICY
) -> tuple[CrossCheckIndex, CrossCheckResult]:
    """Build the engine's index over the whole ledger; return it and the full result."""
    index = CrossCheckIndex(policy=policy, sources=store.sources())
    facts = ledger_facts(store)
    return index, index.add(sorted(facts, key=report_order))


def crosscheck_ledger(store: Store, *, policy: str = DEFAULT_POLICY) -> CrossCheckResult:
    """Cross-check every stored claim and replace the stored results.

    Source reliability the engine suggests is written only where no analyst set one.
    """
    _, result = ledger_index(store, policy=policy)
    store.replace_crosscheck(
        conflicts=result.conflicts,
        corroborations=result.corroborations,
        estimates=result.estimates,
        grades=result.grades,
    )
    analyst_set = {s.id for s in store.sources() if s.reliability and not s.reliability_suggested}
    for grade in result.source_grades:
        if grade.source_id not in analyst_set:
            store.set_source_reliability(grade.source_id, grade.reliability, suggested=True)
    return result


def story_timeline(store: Store, claim_or_proposition_id: str) -> tuple[TimelineEntry, ...]:
    """Return the claims of the proposition a claim belongs to, in report order."""
    index, _ = ledger_index(store)
    return index.timeline(claim_or_proposition_id)
