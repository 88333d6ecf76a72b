"""Overview: what the ledger holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from claimledger.review import reviews
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.schemas import StatsOut
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])


def _stats(request: Request) -> StatsOut:
    store = store_of(request)
    counts = store.stats()
    return StatsOut(
        documents=counts.documents,
        duplicates=counts.duplicates,
        claims=counts.claims,
        sources=counts.sources,
        quantities=counts.quantities,
        places=counts.places,
        events=counts.events,
        conflicts=counts.conflicts,
        corroborations=counts.corroborations,
        estimates=counts.estimates,
        reviews=len(reviews(store)),
    )


@router.get("/api/stats", tags=["stats"])
def stats_api(request: Request) -> StatsOut:
    """Count what the ledger holds."""
    return _stats(request)


@router.get("/api/openapi.json", include_in_schema=False)
def openapi_schema(request: Request) -> dict[str, Any]:
    """The OpenAPI schema of this API."""
    schema: dict[str, Any] = request.app.openapi()
    return schema


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request) -> HTMLResponse:
    return render(request, "home.html", {"stats": _stats(request)})
