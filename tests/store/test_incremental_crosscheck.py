"""Incremental cross-checking after ingest gives what a full ``claimledger crosscheck`` gives."""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from dataclasses import replace

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from incremental_builders import ClaimSpec, ReportSpec, report, report_specs, store_report

import claimledger.crosscheck as bridge
from claimledger.crosscheck import crosscheck_ingested, crosscheck_ledger, story_timeline
from claimledger.errors import StoreError
from claimledger.model import Document
from claimledger.reconcile.state import load_index
from claimledger.store import Store, open_store, schema
from claimledger.store.crosscheck import (
    ConcurrentUpdateError,
    ResultsUpdate,
    saved_generation,
    saved_index,
    write_crosscheck,
)


def results(store: Store) -> dict[str, object]:
    """Everything a cross-checking run leaves in the ledger."""
    return {
        "conflicts": set(store.conflicts()),
        "corroborations": set(store.corroborations()),
        "estimates": set(store.estimates()),
        "grades": set(store.grades()),
        "reliability": {(s.id, s.reliability, s.reliability_suggested) for s in store.sources()},
    }


@pytest.fixture
def fresh() -> Iterator[Store]:
    with open_store("sqlite://") as opened:
        yield opened


TOLL = ClaimSpec("toll", "Lowtown", 12, "asserted", "Army")
RIVAL = ClaimSpec("toll", "Lowtown", 40, "asserted", "Medics")
SAME = ClaimSpec("toll", "Lowtown", 12, "reported", "Police")
ATTACK = ClaimSpec("attack", "Lowtown", 0, "asserted", "Rebels")
DENIAL = ClaimSpec("denial", "Lowtown", 0, "denied", "Army")
REPORTS = [
    ReportSpec("Wire", 0, (TOLL, ATTACK)),
    ReportSpec("Courier", 1, (SAME, DENIAL)),
    ReportSpec("Gazette", 2, (RIVAL,)),
    ReportSpec("Wire", 3, (SAME, TOLL)),
]


def ingest_one_by_one(store: Store, specs: Sequence[ReportSpec]) -> list[bridge.CrossCheckRun]:
    runs = []
    for number, spec in enumerate(specs):
        store_report(store, number, spec)
        runs.append(crosscheck_ingested(store))
    return runs


def test_incremental_runs_match_a_full_run(store: Store, fresh: Store) -> None:
    runs = ingest_one_by_one(store, REPORTS)
    for number, spec in enumerate(REPORTS):
        store_report(fresh, number, spec)
    crosscheck_ledger(fresh)
    assert [r.incremental for r in runs] == [False, True, True, True]
    assert results(store) == results(fresh)
    assert store.conflicts() and store.corroborations() and store.estimates()


def test_incremental_run_writes_only_what_changed(store: Store) -> None:
    runs = ingest_one_by_one(store, REPORTS[:3])
    last = runs[-1].result
    # The third report touches its own claims and the toll it disputes, not the denial.
    assert {g.claim_id for g in last.grades} < {g.claim_id for g in store.grades()}
    assert set(last.retired_ids) & {e.id for e in store.estimates()} == set()


def test_an_earlier_report_falls_back_to_a_full_run(store: Store, fresh: Store) -> None:
    late_first = [replace(REPORTS[1], day=5), REPORTS[0], replace(REPORTS[2], day=6)]
    runs = ingest_one_by_one(store, late_first)
    assert not runs[1].incremental
    assert "report order" in runs[1].reason
    assert runs[2].incremental
    for number, spec in enumerate(late_first):
        store_report(fresh, number, spec)
    crosscheck_ledger(fresh)
    assert results(store) == results(fresh)


def full_run_results(specs: Sequence[tuple[int, ReportSpec]], *, undated: int = -1) -> object:
    """Store the numbered reports in this order, cross-check them in one go, return results."""
    with open_store("sqlite://") as full:
        for number, spec in specs:
            store_dated_or_not(full, number, spec, undated=number == undated)
        crosscheck_ledger(full)
        return results(full)


def store_dated_or_not(store: Store, number: int, spec: ReportSpec, *, undated: bool) -> None:
    document, extraction, sources = report(number, spec)
    if undated:
        document = replace(document, published=None)
    assert store.add_document(document, extraction, sources=sources)


def test_a_same_day_report_with_a_smaller_id_stays_incremental(fresh: Store) -> None:
    # Report 9 is ingested first; report 2 of the same day comes later. Ordered
    # by document id (the old tie-break), report 2 would come first: a full run.
    specs = [(9, REPORTS[0]), (2, replace(REPORTS[1], day=0)), (1, replace(REPORTS[2], day=0))]
    runs = []
    for number, spec in specs:
        store_report(fresh, number, spec)
        runs.append(crosscheck_ingested(fresh))
    assert [r.incremental for r in runs] == [False, True, True], [r.reason for r in runs]
    assert results(fresh) == full_run_results(specs)
    assert fresh.conflicts() and fresh.corroborations()


def test_an_undated_report_after_dated_ones_stays_incremental(fresh: Store) -> None:
    specs = [(0, REPORTS[0]), (1, REPORTS[1]), (2, REPORTS[2]), (3, REPORTS[3])]
    runs = []
    for number, spec in specs:
        store_dated_or_not(fresh, number, spec, undated=number == 2)
        runs.append(crosscheck_ingested(fresh))
    # An undated report counts as reported on its ingest day (today), after
    # the dated ones; report 3, dated before today, then needs a full run.
    assert [r.incremental for r in runs] == [False, True, True, False]
    assert "report order" in runs[3].reason
    assert results(fresh) == full_run_results(specs, undated=2)


def test_a_new_citable_source_falls_back_to_a_full_run(fresh: Store) -> None:
    relayed = ClaimSpec("relayed", "Lowtown", 12, "reported", "Army")
    runs = ingest_one_by_one(fresh, [ReportSpec("Wire", 0, (relayed,)), REPORTS[1]])
    # Report 1 brings the Police into the registry: report 0 now cites them.
    assert not runs[1].incremental
    assert "aliases" in runs[1].reason, runs[1].reason


def test_analyst_letters_match_a_full_run(fresh: Store) -> None:
    ingest_one_by_one(fresh, REPORTS[:2])
    fresh.set_source_reliability("s-army", "B", suggested=False)
    store_report(fresh, 2, REPORTS[2])
    assert crosscheck_ingested(fresh).incremental
    fresh.set_source_reliability("s-army", None, suggested=False)  # withdrawn
    store_report(fresh, 3, REPORTS[3])
    run = crosscheck_ingested(fresh)
    assert not run.incremental and "withdrawn" in run.reason
    with open_store("sqlite://") as full:
        for number, spec in enumerate(REPORTS):
            store_report(full, number, spec)
        crosscheck_ledger(full)
        assert results(fresh) == results(full)


def test_another_policy_or_engine_falls_back(fresh: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_one_by_one(fresh, REPORTS[:1])
    store_report(fresh, 1, REPORTS[1])
    other = crosscheck_ingested(fresh, policy="conservative")
    assert not other.incremental and "policy" in other.reason
    store_report(fresh, 2, REPORTS[2])
    assert crosscheck_ingested(fresh).incremental  # keeps the saved index's policy
    assert {e.policy for e in fresh.estimates()} == {"conservative"}
    monkeypatch.setattr(bridge, "engine_fingerprint", lambda: "0" * 64)
    store_report(fresh, 3, REPORTS[3])
    assert "engine version" in crosscheck_ingested(fresh).reason


def test_nothing_new_writes_nothing(fresh: Store) -> None:
    ingest_one_by_one(fresh, REPORTS[:2])
    generation = saved_generation(fresh)
    run = crosscheck_ingested(fresh)
    assert run.incremental and run.result.conflicts == () and run.result.grades == ()
    assert saved_generation(fresh) == generation + 1


def test_pending_batches_are_replayed_then_snapshotted(
    fresh: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bridge, "SNAPSHOT_EVERY", 2)
    ingest_one_by_one(fresh, REPORTS[:2])
    state = saved_index(fresh)
    assert state is not None and state.pending == (("d1",),)
    store_report(fresh, 2, REPORTS[2])
    assert crosscheck_ingested(fresh).incremental
    state = saved_index(fresh)
    assert state is not None and state.pending == () and state.claims == 5


def test_a_concurrent_writer_is_refused_and_nothing_is_written(fresh: Store) -> None:
    ingest_one_by_one(fresh, REPORTS[:2])
    state = saved_index(fresh)
    assert state is not None
    before = results(fresh)
    stale = replace(state, generation=state.generation)  # should be generation + 1
    with pytest.raises(ConcurrentUpdateError):
        write_crosscheck(
            fresh,
            ResultsUpdate(retired_ids=[g.id for g in fresh.conflicts()]),
            state=stale,
            replace=False,
        )
    assert results(fresh) == before


def test_a_failed_write_leaves_results_and_index_as_they_were(
    fresh: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_one_by_one(fresh, REPORTS[:2])
    store_report(fresh, 2, REPORTS[2])
    before, generation = results(fresh), saved_generation(fresh)

    def broken(*_args: object) -> None:
        raise sa.exc.OperationalError("insert", {}, Exception("disk full"))

    monkeypatch.setattr("claimledger.store.crosscheck._write_reliabilities", broken)
    with pytest.raises(StoreError):
        crosscheck_ingested(fresh)
    assert results(fresh) == before and saved_generation(fresh) == generation


def test_the_saved_index_refuses_other_classes() -> None:
    import os

    class Evil:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, ("true",))

    with pytest.raises(StoreError, match="posix.system|os.system"):
        load_index(pickle.dumps(Evil()))
    with pytest.raises(StoreError, match="not a cross-check index"):
        load_index(pickle.dumps({"a": 1}))


def test_timeline_uses_the_saved_index(fresh: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_one_by_one(fresh, REPORTS[:3])

    def rebuilt(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the saved index should have been used")

    monkeypatch.setattr(bridge, "ledger_index", rebuilt)
    entries = story_timeline(fresh, "d0:c0")
    assert [e.claim_id for e in entries][:1] == ["d0:c0"] and len(entries) >= 3


def test_timeline_rebuilds_when_the_saved_index_lags(fresh: Store) -> None:
    ingest_one_by_one(fresh, REPORTS[:2])
    store_report(fresh, 2, REPORTS[2])  # stored without cross-checking
    assert "d2:c0" in {e.claim_id for e in story_timeline(fresh, "d0:c0")}


def test_the_saved_state_table_has_one_row(fresh: Store) -> None:
    ingest_one_by_one(fresh, REPORTS[:3])
    with fresh.engine.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(schema.crosscheck_state))
        assert count.scalar_one() == 1


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=st.lists(report_specs, min_size=2, max_size=5), in_order=st.booleans())
def test_any_ingest_order_gives_the_full_run_result(
    specs: list[ReportSpec], in_order: bool
) -> None:
    if in_order:  # mostly incremental runs; otherwise many fall back to full ones
        specs = sorted(specs, key=lambda s: s.day)
    with open_store("sqlite://") as incremental, open_store("sqlite://") as full:
        runs = ingest_one_by_one(incremental, specs)
        event(f"incremental runs: {sum(r.incremental for r in runs)} of {len(runs)}")
        for number, spec in enumerate(specs):
            store_report(full, number, spec)
        crosscheck_ledger(full)
        assert results(incremental) == results(full)


@pytest.fixture(scope="module")
def example_ledger(nlp: object) -> Iterator[Store]:
    """The packaged example corpus, extracted once (not cross-checked)."""
    from claimledger.demo import ingest_examples

    with open_store("sqlite://") as base:
        ingest_examples(base, nlp=nlp)  # type: ignore[arg-type]
        yield base


def copy_document(base: Store, target: Store, document_id: str) -> None:
    """Store one of ``base``'s documents in ``target`` as ingest stored it."""
    document, extraction = base.document(document_id), base.extraction(document_id)
    assert document is not None
    registry = {s.id: replace(s, reliability=None) for s in base.sources()}
    owners = base.claim_sources()
    sources = {c.id: registry[owners[c.id]] for c in extraction.claims if c.id in owners}
    assert target.add_document(document, extraction, sources=sources)


def originals_first(documents: list[Document]) -> Iterator[Document]:
    """Yield documents in the given order, except a copy waits for what it copies."""
    placed: set[str] = set()
    waiting = list(documents)
    while waiting:
        ready = next(d for d in waiting if d.duplicate_of in placed | {None})
        waiting.remove(ready)
        placed.add(ready.id)
        yield ready


@pytest.mark.model
@pytest.mark.parametrize("order", ["reported", "manifest", "reversed"])
def test_example_corpus_one_by_one_matches_a_full_run(
    example_ledger: Store, store: Store, fresh: Store, order: str
) -> None:
    documents = example_ledger.documents()  # by report date, then id
    if order == "manifest":
        documents.sort(key=lambda d: d.external_id)
    elif order == "reversed":
        documents.reverse()
    runs = []
    for document in originals_first(documents):
        copy_document(example_ledger, store, document.id)
        runs.append(crosscheck_ingested(store))
        copy_document(example_ledger, fresh, document.id)
    crosscheck_ledger(fresh)
    assert results(store) == results(fresh)
    assert store.conflicts() and store.corroborations() and store.estimates()
    if order == "reported":
        reasons = [r.reason for r in runs if not r.incremental]
        assert len(reasons) <= 2, reasons


def test_a_kept_index_skips_restoring(fresh: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = bridge.IndexCache()
    store_report(fresh, 0, REPORTS[0])
    assert not crosscheck_ingested(fresh, cache=cache).incremental

    def unread(*_args: object) -> None:
        raise AssertionError("the kept index should have been used")

    monkeypatch.setattr("claimledger.store.crosscheck.saved_snapshot", unread)
    for number in (1, 2):
        store_report(fresh, number, REPORTS[number])
        assert crosscheck_ingested(fresh, cache=cache).incremental
    with open_store("sqlite://") as full:
        for number in range(3):
            store_report(full, number, REPORTS[number])
        crosscheck_ledger(full)
        assert results(fresh) == results(full)


def test_a_kept_index_is_dropped_when_another_run_saved(fresh: Store) -> None:
    cache = bridge.IndexCache()
    ingest_one_by_one(fresh, REPORTS[:1])
    store_report(fresh, 1, REPORTS[1])
    crosscheck_ingested(fresh, cache=cache)
    store_report(fresh, 2, REPORTS[2])
    crosscheck_ingested(fresh)  # another process: the kept index is now behind
    store_report(fresh, 3, REPORTS[3])
    assert crosscheck_ingested(fresh, cache=cache).incremental
    with open_store("sqlite://") as full:
        for number, spec in enumerate(REPORTS):
            store_report(full, number, spec)
        crosscheck_ledger(full)
        assert results(fresh) == results(full)


@pytest.mark.model
def test_the_web_ingest_cross_checks_what_it_stores(fresh: Store, nlp: object) -> None:
    from claimledger.web.routes.ingest import LibraryIngester

    ingester = LibraryIngester()
    ingester._nlp = nlp  # type: ignore[assignment]
    text = (
        "The army said on Monday that 14 villagers were killed in the shelling of Lowtown.\n"
        "Medics said 30 villagers were killed in the shelling of Lowtown.\n"
    )
    ingester(fresh, "report.txt", text.encode())
    state = saved_index(fresh)
    assert state is not None and state.claims == len(fresh.claims()) > 0
    assert fresh.grades()
