"""Join the records of one document: ledger ids, and figures/places/times to claims.

Extractors give records ids local to a document ("c1", "q2") and leave
``claim_id`` empty unless they know better. Here each figure, place and time is
given to the innermost claim whose content contains it, and each claim's event
time is taken from the first time expression inside its content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from claimledger.model import (
    Claim,
    Event,
    Extraction,
    Mention,
    Place,
    Quantity,
    TextSpan,
    TimeRef,
)

_R = TypeVar("_R", Quantity, Place, TimeRef)


def ledger_id(document_id: str, local_id: str | None) -> str | None:
    """Return the ledger-wide id of a record with ``local_id`` in a document."""
    if local_id is None or local_id.startswith(f"{document_id}:"):
        return local_id
    return f"{document_id}:{local_id}"


def _innermost_claim(span: TextSpan, claims: Sequence[Claim]) -> str | None:
    holders = [c for c in claims if c.content.contains(span)]
    if not holders:
        return None
    return min(holders, key=lambda c: c.content.end - c.content.start).id


def _linked(records: Iterable[_R], claims: Sequence[Claim], document_id: str) -> tuple[_R, ...]:
    out = []
    for record in records:
        claim_id = ledger_id(document_id, record.claim_id) or _innermost_claim(record.span, claims)
        out.append(
            replace(
                record,
                id=ledger_id(document_id, record.id) or record.id,
                document_id=document_id,
                claim_id=claim_id,
            )
        )
    return tuple(out)


def _claims(claims: Iterable[Claim], document_id: str) -> tuple[Claim, ...]:
    return tuple(
        replace(
            c,
            id=ledger_id(document_id, c.id) or c.id,
            document_id=document_id,
            parent_id=ledger_id(document_id, c.parent_id),
        )
        for c in claims
    )


def _with_event_times(claims: Sequence[Claim], times: Sequence[TimeRef]) -> tuple[Claim, ...]:
    out = []
    for claim in claims:
        inside = [t for t in times if t.claim_id == claim.id]
        if claim.event_time is None and inside:
            first = min(inside, key=lambda t: t.span.start)
            claim = replace(claim, event_time=first.iso)
        out.append(claim)
    return tuple(out)


def assemble(
    *,
    document_id: str,
    published: date | None = None,
    mentions: Iterable[Mention] = (),
    claims: Iterable[Claim] = (),
    quantities: Iterable[Quantity] = (),
    places: Iterable[Place] = (),
    times: Iterable[TimeRef] = (),
    events: Iterable[Event] = (),
) -> Extraction:
    """Return one document's :class:`Extraction` with ledger ids and claim links."""
    ledger_claims = _claims(claims, document_id)
    ledger_quantities = tuple(
        replace(q, subset_of=ledger_id(document_id, q.subset_of))
        for q in _linked(quantities, ledger_claims, document_id)
    )
    ledger_times = _linked(times, ledger_claims, document_id)
    ledger_events = tuple(
        replace(
            e,
            id=ledger_id(document_id, e.id) or e.id,
            document_id=document_id,
            claim_id=ledger_id(document_id, e.claim_id) or e.claim_id,
            place_id=ledger_id(document_id, e.place_id),
        )
        for e in events
    )
    return Extraction(
        mentions=tuple(mentions),
        claims=_with_event_times(ledger_claims, ledger_times),
        quantities=ledger_quantities,
        places=_linked(places, ledger_claims, document_id),
        times=ledger_times,
        events=ledger_events,
    )
