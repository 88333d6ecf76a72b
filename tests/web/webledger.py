"""A small hand-made ledger for the workbench tests (fictional places and people)."""

from __future__ import annotations

import functools
import tempfile
from datetime import date
from pathlib import Path

import httpx
from fastapi import FastAPI

from claimledger.model import (
    Claim,
    Conflict,
    Document,
    Estimate,
    Event,
    Extraction,
    Grade,
    Place,
    Quantity,
    Source,
    SourceRef,
    TextSpan,
    TimeRef,
)
from claimledger.store import Store, open_store

FIRST = (
    "The Coastal Ministry said on Monday that 120 soldiers were killed near Port Elmar. "
    "A spokesman for the Northern Front denied the report, calling it <propaganda> & lies."
)
SECOND = (
    "Observers from the Lakeside Monitor said at least 40 soldiers were killed near Port Elmar. "
    "The Coastal Ministry later said the toll had risen to 150."
)


def span(text: str, piece: str, *, after: int = 0) -> TextSpan:
    start = text.index(piece, after)
    return TextSpan(piece, start, start + len(piece))


def _first() -> tuple[Document, Extraction, dict[str, Source]]:
    doc = Document(
        id="doc1",
        text=FIRST,
        external_id="first.txt",
        title="Toll reported near Port Elmar",
        outlet="Harbour Wire",
        published=date(2031, 3, 3),
    )
    ministry = Source(
        id="coastal-ministry",
        name="Coastal Ministry",
        kind="government",
        country="CM",
        aliases=("the ministry",),
    )
    front = Source(id="northern-front", name="Northern Front", kind="military", country="NF")
    c1 = Claim(
        id="doc1:c1",
        document_id="doc1",
        content=span(FIRST, "120 soldiers were killed near Port Elmar"),
        source=SourceRef(
            span=span(FIRST, "The Coastal Ministry"), name="Coastal Ministry", kind="government"
        ),
        cue=span(FIRST, "said"),
        status="reported",
    )
    c2 = Claim(
        id="doc1:c2",
        document_id="doc1",
        content=span(FIRST, "the report"),
        source=SourceRef(
            span=span(FIRST, "A spokesman for the Northern Front"),
            name="Northern Front",
            kind="military",
        ),
        cue=span(FIRST, "denied"),
        status="denied",
    )
    q1 = Quantity(
        id="doc1:q1",
        document_id="doc1",
        span=span(FIRST, "120 soldiers"),
        value=120,
        category="killed",
        claim_id="doc1:c1",
    )
    p1 = Place(
        id="doc1:p1",
        document_id="doc1",
        span=span(FIRST, "Port Elmar"),
        name="Port Elmar",
        country="CM",
        lat=46.5,
        lon=31.0,
        role="event",
        claim_id="doc1:c1",
    )
    t1 = TimeRef(
        id="doc1:t1",
        document_id="doc1",
        span=span(FIRST, "Monday"),
        start=date(2031, 3, 3),
        end=date(2031, 3, 3),
        claim_id="doc1:c1",
    )
    e1 = Event(
        id="doc1:e1", type="death", claim_id="doc1:c1", document_id="doc1", place_id="doc1:p1"
    )
    extraction = Extraction(
        claims=(c1, c2), quantities=(q1,), places=(p1,), times=(t1,), events=(e1,)
    )
    return doc, extraction, {"doc1:c1": ministry, "doc1:c2": front}


def _second() -> tuple[Document, Extraction, dict[str, Source]]:
    doc = Document(
        id="doc2",
        text=SECOND,
        external_id="second.txt",
        title="Monitor counts fewer dead",
        outlet="Lake Post",
        published=date(2031, 3, 5),
    )
    monitor = Source(id="lakeside-monitor", name="Lakeside Monitor", kind="organisation")
    ministry = Source(
        id="coastal-ministry", name="Coastal Ministry", kind="government", country="CM"
    )
    c1 = Claim(
        id="doc2:c1",
        document_id="doc2",
        content=span(SECOND, "at least 40 soldiers were killed near Port Elmar"),
        source=SourceRef(
            span=span(SECOND, "Observers from the Lakeside Monitor"),
            name="Lakeside Monitor",
            kind="organisation",
        ),
        cue=span(SECOND, "said"),
        status="reported",
    )
    c2 = Claim(
        id="doc2:c2",
        document_id="doc2",
        content=span(SECOND, "the toll had risen to 150"),
        source=SourceRef(span=span(SECOND, "The Coastal Ministry"), name="Coastal Ministry"),
        cue=span(SECOND, "said", after=60),
        status="reported",
    )
    q1 = Quantity(
        id="doc2:q1",
        document_id="doc2",
        span=span(SECOND, "at least 40 soldiers"),
        value=40,
        bound="at_least",
        category="killed",
        claim_id="doc2:c1",
    )
    q2 = Quantity(
        id="doc2:q2",
        document_id="doc2",
        span=span(SECOND, "150"),
        value=150,
        category="killed",
        claim_id="doc2:c2",
    )
    p1 = Place(
        id="doc2:p1",
        document_id="doc2",
        span=span(SECOND, "Port Elmar"),
        name="Port Elmar",
        country="CM",
        lat=46.5,
        lon=31.0,
        role="event",
        claim_id="doc2:c1",
    )
    extraction = Extraction(claims=(c1, c2), quantities=(q1, q2), places=(p1,))
    return doc, extraction, {"doc2:c1": monitor, "doc2:c2": ministry}


def fill_ledger(store: Store) -> Store:
    """Store the two documents and a cross-check result; return the store."""
    for document, extraction, sources in (_first(), _second()):
        store.add_document(document, extraction, sources=sources)
    store.replace_crosscheck(
        conflicts=[
            Conflict(
                id="x1",
                kind="numeric",
                summary="killed near Port Elmar: 120 vs at least 40",
                claim_ids=("doc1:c1", "doc2:c1"),
                quantity_ids=("doc1:q1", "doc2:q1"),
            ),
            Conflict(
                id="x2",
                kind="revision",
                summary="the ministry's toll rose from 120 to 150",
                claim_ids=("doc1:c1", "doc2:c2"),
                quantity_ids=("doc1:q1", "doc2:q2"),
            ),
        ],
        corroborations=[],
        estimates=[
            Estimate(
                id="est1",
                category="killed",
                policy="range",
                low=40,
                best=120,
                high=150,
                quantity_ids=("doc1:q1", "doc2:q1", "doc2:q2"),
                low_from="doc2:q1",
                best_from="doc1:q1",
                high_from="doc2:q2",
                subject="soldiers",
            ),
        ],
        grades=[Grade(claim_id="doc1:c1", credibility=3), Grade(claim_id="doc2:c1", credibility=2)],
    )
    return store


@functools.cache
def _template() -> bytes:
    # Migrating and filling a ledger takes most of a second; build it once
    # per test run and give every test its own copy of the file.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.db"
        store = fill_ledger(open_store(str(path)))
        store.engine.dispose()
        return path.read_bytes()


def ledger_store(folder: Path) -> Store:
    """Open a new ledger file in ``folder`` holding the two documents."""
    path = folder / "ledger.db"
    path.write_bytes(_template())
    return open_store(str(path))


def asgi_client(app: FastAPI, **headers: str) -> httpx.AsyncClient:
    """An httpx client talking to ``app`` in-process."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver", headers=headers
    )
