"""Hand-built records for the cross-checking tests (our own sentences)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from claimledger.model import Claim, Event, Place, Quantity, SourceRef, TextSpan, TimeRef
from claimledger.reconcile import ClaimFacts

BASE_DAY = date(2025, 3, 1)


def span(text: str) -> TextSpan:
    return TextSpan(text, 0, len(text))


def qty(
    qid: str,
    value: float,
    *,
    bound: str = "exact",
    category: str = "killed",
    subject: str | None = "villagers",
    low: float | None = None,
    high: float | None = None,
    subset_of: str | None = None,
    text: str | None = None,
) -> Quantity:
    return Quantity(
        id=qid,
        span=span(text or f"{value:g}"),
        value=value,
        low=low,
        high=high,
        bound=bound,
        category=category,
        subject=subject,
        subset_of=subset_of,
    )


PLACES = {
    # name: (country, admin1, feature, geonames id)
    "Freedonia": ("FD", None, "country", 1),
    "Sylvania": ("SY", None, "country", 2),
    "North March": ("SY", "07", "admin1", 3),
    "Lowtown": ("SY", "07", "city", 4),
    "Harbourside": ("SY", "09", "city", 5),
    "Eastfield": ("FD", "01", "city", 6),
}


def place(name: str, *, role: str | None = "event") -> Place:
    country, admin1, feature, gid = PLACES[name]
    return Place(
        id=f"p-{name}-{role}",
        span=span(name),
        name=name,
        geonames_id=gid,
        country=country,
        admin1=admin1,
        feature=feature,
        role=role,
    )


def fact(
    cid: str,
    text: str,
    *,
    doc: str = "d1",
    day: int = 0,
    source: str | None = "Ministry",
    source_id: str | None = "auto",
    status: str = "asserted",
    outlet: str | None = "Wire",
    duplicate_of: str | None = None,
    quantities: Sequence[Quantity] = (),
    places: Sequence[Place] = (),
    times: Sequence[TimeRef] = (),
    events: Sequence[Event] = (),
    via: Sequence[str] = (),
    parent: str | None = None,
    cited: Sequence[str] = (),
) -> ClaimFacts:
    ref = SourceRef(span=span(source), name=source) if source else None
    claim = Claim(
        id=cid,
        content=span(text),
        document_id=doc,
        source=ref,
        status=status,
        via=tuple(via),
        parent_id=parent,
    )
    sid = (f"s-{source.lower()}" if source else None) if source_id == "auto" else source_id
    return ClaimFacts(
        claim=claim,
        published=BASE_DAY + timedelta(days=day),
        outlet=outlet,
        duplicate_of=duplicate_of,
        source_id=sid,
        cited_source_ids=tuple(cited),
        quantities=tuple(q if q.claim_id else _own(q, cid) for q in quantities),
        places=tuple(places),
        times=tuple(times),
        events=tuple(events),
    )


def _own(q: Quantity, cid: str) -> Quantity:
    from dataclasses import replace

    return replace(q, claim_id=cid)


def when(start_day: int, end_day: int | None = None) -> TimeRef:
    start = BASE_DAY + timedelta(days=start_day)
    end = BASE_DAY + timedelta(days=end_day if end_day is not None else start_day)
    return TimeRef(id=f"t{start_day}", span=span("then"), start=start, end=end)
