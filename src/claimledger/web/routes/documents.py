"""Documents: the list with search, and the reader view with highlights."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.web.context import ClaimContext, store_of
from claimledger.web.highlight import extraction_highlights, highlight
from claimledger.web.pages import render
from claimledger.web.schemas import DocumentDetail, DocumentOut, DocumentSummary, extraction_out
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])

Search = Annotated[str | None, Query(max_length=200, description="Words in the title or text")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _documents(
    request: Request, search: str | None, limit: int, offset: int
) -> list[DocumentSummary]:
    found = store_of(request).documents(search=search or None, limit=limit, offset=offset)
    return [DocumentSummary.model_validate(d) for d in found]


def _detail(request: Request, document_id: str) -> DocumentDetail:
    store = store_of(request)
    document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id!r}")
    extraction = store.extraction(document_id)
    claims = ClaimContext.load(store, extraction.claims).outs(extraction.claims)
    return DocumentDetail(
        document=DocumentOut.model_validate(document),
        extraction=extraction_out(extraction, claims),
    )


@router.get("/api/documents", tags=["documents"])
def documents_api(
    request: Request, search: Search = None, limit: Limit = 100, offset: Offset = 0
) -> list[DocumentSummary]:
    """List documents by report date, optionally searching title and text."""
    return _documents(request, search, limit, offset)


@router.get("/api/documents/{document_id}", tags=["documents"])
def document_api(request: Request, document_id: str) -> DocumentDetail:
    """Return one document with everything extracted from it."""
    return _detail(request, document_id)


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, search: Search = None, offset: Offset = 0) -> HTMLResponse:
    found = _documents(request, search, 100, offset)
    return render(
        request, "documents.html", {"documents": found, "search": search or "", "offset": offset}
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    store = store_of(request)
    detail = _detail(request, document_id)
    extraction = store.extraction(document_id)
    marks = extraction_highlights(extraction, claim_href="/claims/{id}")
    return render(
        request,
        "document.html",
        {"detail": detail, "marked": highlight(detail.document.text, marks)},
    )
