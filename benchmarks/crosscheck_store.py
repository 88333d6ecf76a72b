"""End-to-end incremental cross-checking through the store: ledgers of 10k and 100k claims.

For each size, in a fresh subprocess (so memory is that size's alone), with a
SQLite ledger in a temporary directory:

1. store the synthetic ledger of :mod:`crosscheck_scale` (bulk inserts: the
   store's write path is not what is measured here);
2. ``claimledger crosscheck`` (:func:`claimledger.crosscheck.crosscheck_ledger`):
   a full run that also saves the engine's index;
3. ingest five new 20-claim documents, dated after the ledger, one at a time:
   ``Store.add_document`` then :func:`claimledger.crosscheck.crosscheck_ingested`,
   the path ``claimledger ingest`` takes. Printed per step: restoring the saved
   index ("load": unpickle plus replaying pending documents), reading the new
   facts and checking the ledger ("facts"), the engine ("engine") and the
   transaction writing results and index ("write"), each with the resident
   memory after it;
4. five more, in one process that keeps the index in memory between ingests
   (:class:`claimledger.crosscheck.IndexCache`, as the web app's ingest does).

Times are wall clock, with process CPU time for whole runs (the figure to
trust on a shared machine); memory is the resident set
(``/proc/self/statm``) and its peak (``ru_maxrss``), minus the resident size
at start.

Run: ``PYTHONPATH=src python benchmarks/crosscheck_store.py [SIZE ...]``
(default sizes 10000 100000). Nothing here reads ../shared.
"""

from __future__ import annotations

import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crosscheck_scale import CLAIMS_PER_DOCUMENT, NEW_DOCUMENTS, synthetic_ledger

from claimledger.crosscheck import IndexCache, crosscheck_ingested, crosscheck_ledger
from claimledger.model import Document, Extraction, Source
from claimledger.reconcile import ClaimFacts
from claimledger.store import Store, open_store, rows, schema
from claimledger.store.crosscheck import saved_snapshot


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _document(facts: list[ClaimFacts]) -> tuple[Document, Extraction, dict[str, Source]]:
    doc, first = facts[0].document_id, facts[0]

    def own(record_id: str) -> str:  # wire copies keep the original's place ids
        return f"{doc}:{record_id.split(':', 1)[-1]}"

    document = Document(
        id=doc,
        text=" ".join(f.claim.content.text for f in facts),
        external_id=f"{doc}.txt",
        outlet=first.outlet,
        published=first.published,
        duplicate_of=first.duplicate_of,
    )
    extraction = Extraction(
        claims=tuple(f.claim for f in facts),
        quantities=tuple(replace(q, document_id=doc) for f in facts for q in f.quantities),
        places=tuple(replace(p, id=own(p.id), document_id=doc) for f in facts for p in f.places),
        times=tuple(replace(t, id=own(t.id), document_id=doc) for f in facts for t in f.times),
    )
    sources = {
        f.id: Source(f.source_id, f.claim.source.name)
        for f in facts
        if f.source_id and f.claim.source
    }
    return document, extraction, sources


def _by_document(facts: list[ClaimFacts]) -> list[list[ClaimFacts]]:
    grouped: dict[str, list[ClaimFacts]] = defaultdict(list)
    for f in facts:
        grouped[f.document_id].append(f)
    return list(grouped.values())


def _bulk_store(store: Store, documents: list[list[ClaimFacts]]) -> None:
    batches: dict[str, list[dict[str, Any]]] = defaultdict(list)
    registry: dict[str, Source] = {}
    now = datetime.now(UTC)
    for facts in documents:
        document, extraction, sources = _document(facts)
        registry.update({s.id: s for s in sources.values()})
        batches["documents"].append(
            rows.document_row(document) | {"signature": None, "ingested_at": now}
        )
        batches["claims"] += [
            rows.claim_row(c, source_id=sources[c.id].id if c.id in sources else None)
            for c in extraction.claims
        ]
        batches["quantities"] += [rows.quantity_row(q) for q in extraction.quantities]
        batches["places"] += [rows.place_row(p) for p in extraction.places]
        batches["times"] += [rows.time_row(t) for t in extraction.times]
    batches["sources"] = [rows.source_row(s) for s in registry.values()]
    order = ("sources", "documents", "claims", "quantities", "places", "times")
    with store.engine.begin() as connection:
        for name in order:
            connection.execute(schema.metadata.tables[name].insert(), batches[name])


def _new_documents(size: int, last_day: Any, count: int) -> list[list[ClaimFacts]]:
    extra = synthetic_ledger(size + (count + 4) * CLAIMS_PER_DOCUMENT)[size:]
    fresh = [d for d in _by_document(extra) if len(d) == CLAIMS_PER_DOCUMENT]
    fresh = [d for d in fresh if d[0].duplicate_of is None][:count]
    # Dated after the whole ledger, as a day's news is: the incremental case.
    return [
        [replace(f, published=last_day + timedelta(days=1 + n)) for f in d]
        for n, d in enumerate(fresh)
    ]


def run_size(size: int) -> None:
    """Measure one ledger size and print one line per step."""
    base = _rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "ledger.db"))
        ledger = synthetic_ledger(size)
        started = time.perf_counter()
        _bulk_store(store, _by_document(ledger))
        print(f"{size:>7} claims  stored in {time.perf_counter() - started:6.1f} s", flush=True)
        started, cpu = time.perf_counter(), time.process_time()
        crosscheck_ledger(store)
        full, cpu = time.perf_counter() - started, time.process_time() - cpu
        snapshot = saved_snapshot(store)
        assert snapshot is not None
        print(
            f"{size:>7} claims  claimledger crosscheck (full) {full:6.1f} s ({cpu:5.1f} s CPU); "
            f"saved index "
            f"{len(snapshot) / 2**20:5.1f} MB; RSS +{_rss_mb() - base:5.0f} MB, "
            f"peak +{_peak_mb() - base:5.0f} MB",
            flush=True,
        )
        del ledger
        last_day = max(f.published for f in synthetic_ledger(size) if f.published)
        new = _new_documents(size, last_day, 2 * NEW_DOCUMENTS)
        print("  each ingest a new process (claimledger ingest):")
        for n, facts in enumerate(new[:NEW_DOCUMENTS]):
            _ingest_one(store, n, facts, base=base)
        print("  one long-running process keeping the index (web app ingest):")
        cache = IndexCache()
        for n, facts in enumerate(new[NEW_DOCUMENTS:], start=NEW_DOCUMENTS):
            _ingest_one(store, n, facts, base=base, cache=cache)
        store.close()


def _ingest_one(
    store: Store, n: int, facts: list[ClaimFacts], *, base: float, cache: IndexCache | None = None
) -> None:
    document, extraction, sources = _document(facts)
    started = time.perf_counter()
    store.add_document(document, extraction, sources=sources)
    stored = time.perf_counter() - started
    if cache is None:
        gc.collect()  # as if each ingest were its own process: the last index is gone
    before, cpu = _rss_mb(), time.process_time()
    run = crosscheck_ingested(store, cache=cache)
    cpu = time.process_time() - cpu
    parts = "  ".join(f"{step} {s * 1000:7.0f} ms" for step, s in run.seconds.items())
    print(
        f"  new document {n + 1}: add_document {stored * 1000:5.0f} ms  "
        f"{'incremental' if run.incremental else 'FULL: ' + run.reason}  {parts}  "
        f"total {sum(run.seconds.values()):6.2f} s ({cpu:5.2f} s CPU)  "
        f"RSS +{_rss_mb() - base:5.0f} MB "
        f"(+{_rss_mb() - before:4.0f} during), peak +{_peak_mb() - base:5.0f} MB",
        flush=True,
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        run_size(int(argv[1]))
        return 0
    for size in [int(a) for a in argv] or [10_000, 100_000]:
        child = [sys.executable, __file__, "--child", str(size)]
        subprocess.run(child, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
