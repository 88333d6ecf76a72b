"""Claims: the filterable table, one claim with its review history."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.model import CERTAINTY_STATUSES, QUANTITY_CATEGORIES
from claimledger.review import CLAIM_ACTIONS, reviews
from claimledger.store.search import ClaimQuery, claim_by_id, count_claims, search_claims
from claimledger.web.context import ClaimContext, document_titles, store_of
from claimledger.web.highlight import extraction_highlights, highlight, sentence_window
from claimledger.web.pages import render
from claimledger.web.schemas import ClaimOut, ClaimPage, QuantityOut, ReviewOut
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])

_Text = Annotated[str | None, Query(max_length=200)]


def claim_query(
    source: _Text = None,
    status: _Text = None,
    category: _Text = None,
    place: _Text = None,
    date_from: Annotated[date | None, Query(description="Reported on or after")] = None,
    date_to: Annotated[date | None, Query(description="Reported on or before")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search")] = None,
    document: _Text = None,
) -> ClaimQuery:
    """Dependency: the claim filters of a request's query string."""
    return ClaimQuery(
        source=source or None,
        status=status or None,
        category=category or None,
        place=place or None,
        date_from=date_from,
        date_to=date_to,
        search=q or None,
        document_id=document or None,
    )


Filters = Annotated[ClaimQuery, Depends(claim_query)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _page(request: Request, query: ClaimQuery, limit: int, offset: int) -> ClaimPage:
    store = store_of(request)
    found = search_claims(store, query, limit=limit, offset=offset)
    # A short first page is the whole result: no need to count again.
    total = len(found) if offset == 0 and len(found) < limit else count_claims(store, query)
    return ClaimPage(
        total=total,
        limit=limit,
        offset=offset,
        items=ClaimContext.load(store, found).outs(found),
    )


def _claim(request: Request, claim_id: str) -> ClaimOut:
    store = store_of(request)
    claim = claim_by_id(store, claim_id)
    if claim is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return ClaimContext.load(store, [claim]).out(claim)


@router.get("/api/claims", tags=["claims"])
def claims_api(
    request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0
) -> ClaimPage:
    """List claims, filtered by source, status, figure category, place, report date, text."""
    return _page(request, filters, limit, offset)


@router.get("/api/claims/{claim_id}", tags=["claims"])
def claim_api(request: Request, claim_id: str) -> ClaimOut:
    """Return one claim as extracted, with its grade and review state."""
    return _claim(request, claim_id)


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, filters: Filters, offset: Offset = 0) -> HTMLResponse:
    page = _page(request, filters, 100, offset)
    context = {
        "page": page,
        "filters": filters,
        "documents": document_titles(store_of(request)),
        "statuses": CERTAINTY_STATUSES,
        "categories": QUANTITY_CATEGORIES,
        "query_string": request.url.query,
    }
    return render(request, "claims.html", context)


@router.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_page(request: Request, claim_id: str) -> HTMLResponse:
    store = store_of(request)
    claim = _claim(request, claim_id)
    document = store.document(claim.document_id)
    extraction = store.extraction(claim.document_id)
    assert document is not None
    start, end = sentence_window(document.text, claim.content.start, claim.content.end)
    marks = extraction_highlights(extraction, claim_href="/claims/{id}")
    history = reviews(store, target_kind="claim", target_id=claim_id)
    context = {
        "claim": claim,
        "document": document,
        "sentence": highlight(document.text, marks, window=(start, end)),
        "figures": [
            QuantityOut.model_validate(q) for q in extraction.quantities if q.claim_id == claim_id
        ],
        "places": [p for p in extraction.places if p.claim_id == claim_id],
        "history": [ReviewOut.model_validate(r) for r in history],
        "actions": CLAIM_ACTIONS,
        "statuses": CERTAINTY_STATUSES,
        "categories": QUANTITY_CATEGORIES,
    }
    return render(request, "claim.html", context)
