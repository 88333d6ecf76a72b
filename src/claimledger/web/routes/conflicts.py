"""Conflicts: each contradiction as competing claims side by side; revisions apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from claimledger.model import Conflict, Document, Quantity
from claimledger.store import Store
from claimledger.store.search import claim_by_id
from claimledger.web.context import ClaimContext, store_of
from claimledger.web.highlight import extraction_highlights, highlight, sentence_window
from claimledger.web.pages import render
from claimledger.web.schemas import ClaimOut, ConflictOut, QuantityOut, is_revision
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])


def _out(conflict: Conflict) -> ConflictOut:
    return ConflictOut.model_validate(conflict).model_copy(
        update={"revision": is_revision(conflict)}
    )


@router.get("/api/conflicts", tags=["conflicts"])
def conflicts_api(
    request: Request,
    revisions: Annotated[
        bool | None, Query(description="true: only revisions; false: only contradictions")
    ] = None,
) -> list[ConflictOut]:
    """List contradictions and revisions between claims or figures."""
    found = [_out(c) for c in store_of(request).conflicts()]
    return [c for c in found if revisions is None or c.revision == revisions]


@dataclass(frozen=True, slots=True)
class Side:
    """One column of a conflict: a claim in its document, with its figures."""

    claim: ClaimOut
    document: Document
    sentence: Markup
    figures: list[QuantityOut]


def _sides(store: Store, conflict: Conflict, context: ClaimContext) -> list[Side]:
    figures = {q.id: q for q in store.quantities() if q.id in conflict.quantity_ids}
    claim_ids = list(conflict.claim_ids)
    for quantity in figures.values():
        if quantity.claim_id and quantity.claim_id not in claim_ids:
            claim_ids.append(quantity.claim_id)
    sides = []
    for claim_id in claim_ids:
        claim = claim_by_id(store, claim_id)
        document = store.document(claim.document_id) if claim else None
        if claim is None or document is None:
            continue
        sides.append(_side(store, document, context.out(claim), figures))
    return sides


def _side(store: Store, document: Document, claim: ClaimOut, figures: dict[str, Quantity]) -> Side:
    window = sentence_window(document.text, claim.content.start, claim.content.end)
    marks = extraction_highlights(store.extraction(document.id), claim_href="/claims/{id}")
    mine = [QuantityOut.model_validate(q) for q in figures.values() if q.claim_id == claim.id]
    return Side(claim, document, highlight(document.text, marks, window=window), mine)


@router.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
def conflicts_page(
    request: Request, only: Annotated[str | None, Query(max_length=80)] = None
) -> HTMLResponse:
    store = store_of(request)
    context = ClaimContext.load(store)
    found = [c for c in store.conflicts() if only is None or c.id == only]
    if only is not None and not found:
        raise HTTPException(404, f"no conflict {only!r}")
    shown = [(_out(c), _sides(store, c, context)) for c in found]
    return render(
        request,
        "conflicts.html",
        {
            "contradictions": [x for x in shown if not x[0].revision],
            "revisions": [x for x in shown if x[0].revision],
        },
    )
