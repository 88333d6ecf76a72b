"""Analyst review: verdicts and corrections on claims, source reliability, notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from claimledger.access import User
from claimledger.review import review_claim, review_source, reviews
from claimledger.web.context import store_of
from claimledger.web.schemas import ReliabilityIn, ReviewIn, ReviewOut
from claimledger.web.security import api_write, current_user, guard, require_analyst

router = APIRouter(dependencies=[Depends(current_user)])

Writer = Annotated[User, Depends(api_write)]
Analyst = Annotated[User, Depends(require_analyst)]
_Field = Annotated[str | None, Form(max_length=400)]


@router.get("/api/reviews", tags=["reviews"])
def reviews_api(
    request: Request, target_kind: str | None = None, target_id: str | None = None
) -> list[ReviewOut]:
    """List every recorded review (who, when, before, after, note), oldest first."""
    found = reviews(store_of(request), target_kind=target_kind, target_id=target_id)
    return [ReviewOut.model_validate(r) for r in found]


@router.post("/api/claims/{claim_id}/reviews", status_code=201, tags=["reviews"])
def review_claim_api(request: Request, claim_id: str, body: ReviewIn, user: Writer) -> ReviewOut:
    """Confirm, correct, reject or annotate a claim (analysts and admins)."""
    done = review_claim(
        store_of(request),
        claim_id,
        action=body.action,
        changes=body.changes,
        who=user.name,
        note=body.note,
    )
    return ReviewOut.model_validate(done)


@router.put("/api/sources/{source_id}/reliability", tags=["reviews"])
def reliability_api(
    request: Request, source_id: str, body: ReliabilityIn, user: Writer
) -> ReviewOut:
    """Set a source's reliability A-F, or clear it (analysts and admins)."""
    done = review_source(
        store_of(request), source_id, reliability=body.reliability, who=user.name, note=body.note
    )
    return ReviewOut.model_validate(done)


@router.post("/claims/{claim_id}/review", include_in_schema=False)
def review_claim_form(
    request: Request,
    claim_id: str,
    user: Analyst,
    csrf_token: Annotated[str, Form()],
    action: Annotated[str, Form()],
    source: _Field = None,
    status: _Field = None,
    place: _Field = None,
    figure: _Field = None,
    value: _Field = None,
    category: _Field = None,
    note: Annotated[str | None, Form(max_length=4000)] = None,
) -> RedirectResponse:
    guard(request).check_csrf(request, csrf_token)
    changes = {"source": source, "status": status, "place": place}
    changes |= {"figure": figure, "value": value, "category": category}
    review_claim(
        store_of(request), claim_id, action=action, changes=changes, who=user.name, note=note
    )
    return RedirectResponse(f"/claims/{claim_id}#history", status_code=303)


@router.post("/sources/{source_id}/reliability", include_in_schema=False)
def reliability_form(
    request: Request,
    source_id: str,
    user: Analyst,
    csrf_token: Annotated[str, Form()],
    reliability: _Field = None,
    note: Annotated[str | None, Form(max_length=4000)] = None,
) -> RedirectResponse:
    guard(request).check_csrf(request, csrf_token)
    review_source(
        store_of(request), source_id, reliability=reliability or None, who=user.name, note=note
    )
    return RedirectResponse(f"/sources#{source_id}", status_code=303)
