"""Sources: canonical names, aliases, kind, country, reliability, track record."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from claimledger.review import RELIABILITY_GRADES, reviewed_claims
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.schemas import SourceOut
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])


def _sources(request: Request) -> list[SourceOut]:
    store = store_of(request)
    counts = Counter(store.claim_sources().values())
    return [
        SourceOut.model_validate(s).model_copy(update={"claims": counts.get(s.id, 0)})
        for s in store.sources()
    ]


@router.get("/api/sources", tags=["sources"])
def sources_api(request: Request) -> list[SourceOut]:
    """List canonical sources with aliases, reliability and claim counts."""
    return _sources(request)


def _track_record(request: Request) -> dict[str, Counter[str]]:
    """Per source: claims in conflicts and corroborations, and review verdicts."""
    store = store_of(request)
    owner = store.claim_sources()
    record: dict[str, Counter[str]] = {}
    for conflict in store.conflicts():
        for claim_id in conflict.claim_ids:
            if claim_id in owner:
                record.setdefault(owner[claim_id], Counter())["contested"] += 1
    for corroboration in store.corroborations():
        for claim_id in corroboration.claim_ids:
            if claim_id in owner:
                record.setdefault(owner[claim_id], Counter())["corroborated"] += 1
    for claim_id, state in reviewed_claims(store).items():
        if claim_id in owner:
            record.setdefault(owner[claim_id], Counter())[state.verdict] += 1
    return record


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request) -> HTMLResponse:
    context = {
        "sources": _sources(request),
        "record": _track_record(request),
        "grades": RELIABILITY_GRADES,
    }
    return render(request, "sources.html", context)
