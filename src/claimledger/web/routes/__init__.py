"""One router per resource; each serves its JSON API and its HTML page."""

from __future__ import annotations

from fastapi import APIRouter

from claimledger.web.routes import (
    claims,
    conflicts,
    documents,
    estimates,
    events,
    home,
    ingest,
    login,
    places,
    reviews,
    sources,
)

ROUTERS: tuple[APIRouter, ...] = (
    login.router,
    home.router,
    documents.router,
    claims.router,
    reviews.router,
    conflicts.router,
    estimates.router,
    sources.router,
    places.router,
    events.router,
    ingest.router,
)
