"""Estimates from UCDP events' report headlines against UCDP's own low/best/high.

Usage:
    python benchmarks/ucdp_estimates.py [--limit N] [--baseline-only]

Reads ../shared/eval/dev/ucdp/ucdp_ukraine_events.jsonl at run time (or
$CLAIMLEDGER_SHARED/eval/dev/ucdp/...). For every event with two or more reporting
articles of which at least one headline states UCDP's best figure (in digits or
words), each headline is ingested as a dated document from its outlet into a fresh
in-memory ledger, the ledger is cross-checked, and the estimate that combines the
most figures is compared with UCDP: a hit when its low <= best <= high.

Also printed: the regex baseline (every number in the headlines; min..max as the
range) on the same events, and false contradictions on events whose toll rose
(a later headline states a higher number than an earlier one): any numeric
conflict found there counts as false, since a rising toll is a revision.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

SHARED = Path(
    os.environ.get("CLAIMLEDGER_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
EVENTS = SHARED / "eval" / "dev" / "ucdp" / "ucdp_ukraine_events.jsonl"
_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")


def _numbers(text: str) -> list[int]:
    found = [int(m.group().replace(",", "")) for m in _NUMBER.finditer(text)]
    words = re.findall(r"[a-z]+", text.lower())
    found += [_WORDS.index(w) for w in words if w in _WORDS]
    return [n for n in found if not 1900 <= n <= 2100]


def _events(limit: int | None) -> list[dict[str, Any]]:
    chosen = []
    with EVENTS.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            # A few articles are unparsed ("raw"); only dated headlines can be ingested.
            articles = [a for a in event.get("source_articles") or [] if "headline" in a]
            event["source_articles"] = articles
            if len(articles) < 2:
                continue
            if not any(event["best"] in _numbers(a["headline"]) for a in articles):
                continue
            chosen.append(event)
    return chosen[:limit] if limit else chosen


def _rising(event: dict[str, Any]) -> bool:
    dated = sorted(event["source_articles"], key=lambda a: a["date"])
    firsts = [max(_numbers(a["headline"]), default=None) for a in dated]
    values = [v for v in firsts if v is not None]
    return len(values) >= 2 and values[-1] > values[0]


def _baseline(event: dict[str, Any]) -> bool:
    numbers = [n for a in event["source_articles"] for n in _numbers(a["headline"])]
    return bool(numbers) and min(numbers) <= event["best"] <= max(numbers)


def _ledger_check(event: dict[str, Any], nlp: Any) -> tuple[bool, int]:
    from claimledger.crosscheck import crosscheck_ledger
    from claimledger.ingest.dedupe import document_id
    from claimledger.ingest.runner import ingest_documents
    from claimledger.model import Document
    from claimledger.store import open_store

    documents = [
        Document(
            id=document_id(a["headline"]),
            text=a["headline"],
            external_id=f"{event['id']}/{i}",
            outlet=a["outlet"],
            published=date.fromisoformat(a["date"]),
        )
        for i, a in enumerate(event["source_articles"])
    ]
    with open_store("sqlite://") as store:
        list(ingest_documents(documents, store=store, nlp=nlp))
        result = crosscheck_ledger(store)
    numeric = sum(c.kind == "numeric" for c in result.conflicts)
    killed = [e for e in result.estimates if e.category in ("killed", "killed_or_wounded")]
    if not killed:
        return False, numeric
    best = max(killed, key=lambda e: len(e.quantity_ids))
    low = best.low if best.low is not None else float("-inf")
    high = best.high if best.high is not None else float("inf")
    return low <= event["best"] <= high, numeric


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not EVENTS.is_file():
        print(f"{EVENTS} is absent: this benchmark reads ../shared at run time; nothing measured.")
        return
    from claimledger.extract import load_pipeline

    events = _events(args.limit)
    nlp = load_pipeline()
    start = time.perf_counter()
    hits, false_conflicts, rising = 0, 0, 0
    for event in events:
        hit, numeric = _ledger_check(event, nlp)
        hits += hit
        if _rising(event):
            rising += 1
            false_conflicts += numeric
    baseline = sum(_baseline(e) for e in events)
    n = len(events)
    print(f"events with several reports whose headlines state UCDP's best: {n}")
    print(f"ledger estimate low <= best <= high: {hits}/{n} = {hits / n:.2f}")
    print(f"regex baseline (min..max of headline numbers): {baseline}/{n} = {baseline / n:.2f}")
    print(
        f"events whose toll rose: {rising}; "
        f"numeric contradictions reported there: {false_conflicts}"
    )
    print(f"time: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
