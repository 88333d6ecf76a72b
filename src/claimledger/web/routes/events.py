"""Events and the timeline of a story: dated claims in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.model import Document
from claimledger.store.search import ClaimQuery, search_claims
from claimledger.web.context import ClaimContext, document_titles, store_of
from claimledger.web.pages import render
from claimledger.web.schemas import ClaimOut, EventOut, TimeOut
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])


@router.get("/api/events", tags=["events"])
def events_api(request: Request) -> list[EventOut]:
    """List typed events (capture, death, attack, ...) with their claims."""
    return [EventOut.model_validate(e) for e in store_of(request).events()]


@router.get("/api/times", tags=["events"])
def times_api(request: Request) -> list[TimeOut]:
    """List resolved time expressions."""
    return [TimeOut.model_validate(t) for t in store_of(request).times()]


@dataclass(frozen=True, slots=True)
class Moment:
    """One entry of the timeline: a claim at the date it speaks of (or was reported)."""

    when: date
    label: str
    claim: ClaimOut
    document: Document
    reported: bool


def timeline(request: Request, story: str | None) -> list[Moment]:
    """Return the story's claims in date order: event time if known, else report date."""
    store = store_of(request)
    claims = search_claims(store, ClaimQuery(search=story or None), limit=2000)
    context = ClaimContext.load(store, claims)
    documents = document_titles(store)
    dated = {t.claim_id: t for t in store.times() if t.claim_id}
    moments = []
    for claim in claims:
        document = documents.get(claim.document_id)
        if document is None:
            continue
        time = dated.get(claim.id)
        if time is not None:
            moments.append(Moment(time.start, time.iso, context.out(claim), document, False))
        elif document.published is not None:
            label = document.published.isoformat()
            moments.append(Moment(document.published, label, context.out(claim), document, True))
    return sorted(moments, key=lambda m: (m.when, m.claim.id))


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(
    request: Request, story: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    moments = timeline(request, story)
    return render(request, "timeline.html", {"moments": moments, "story": story or ""})
