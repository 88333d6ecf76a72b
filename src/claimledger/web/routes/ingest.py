"""Ingest from the browser: paste text or upload files, through the library's ingest."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse

from claimledger.access import User
from claimledger.crosscheck import IndexCache, crosscheck_ingested
from claimledger.store import Store
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.schemas import IngestOut
from claimledger.web.security import current_user, guard, require_analyst

if TYPE_CHECKING:
    from spacy.language import Language

router = APIRouter(dependencies=[Depends(current_user)])

#: Takes the ledger, an input's file name and its bytes; stores what it reads.
Ingester = Callable[[Store, str, bytes], IngestOut]

_MAX_UPLOAD = 20 * 1024 * 1024


class LibraryIngester:
    """Ingest one input exactly as ``claimledger ingest FILE`` does.

    The spaCy pipeline is loaded on the first ingest and kept; ingests run one
    at a time because they share it. New documents are cross-checked against
    the ledger as the command does, with the engine's index kept in memory
    between ingests (restoring it from the ledger costs time with its size).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._nlp: Language | None = None
        self._index = IndexCache()

    def __call__(self, store: Store, name: str, data: bytes) -> IngestOut:
        # Imported here: spaCy takes seconds to import, and reading needs none of it.
        from claimledger.extract import load_pipeline
        from claimledger.ingest import IngestSummary
        from claimledger.ingest.paths import ingest_paths
        from claimledger.settings import load_settings

        safe = Path(name).name or "pasted.txt"
        with tempfile.TemporaryDirectory(prefix="claimledger-upload-") as folder:
            path = Path(folder) / safe
            path.write_bytes(data)
            with self._lock:
                if self._nlp is None:
                    self._nlp = load_pipeline()
                outcomes = list(
                    ingest_paths([str(path)], store=store, settings=load_settings(), nlp=self._nlp)
                )
                if any(o.status == "stored" for o in outcomes):
                    crosscheck_ingested(store, cache=self._index)
            # Errors name the input; show the uploaded name, not the temporary folder.
            failed = [o.error.replace(str(path), safe) for o in outcomes if o.error]
        stored = [o for o in outcomes if o.status == "stored" and o.document_id]
        claims = sum(len(store.extraction(o.document_id).claims) for o in stored if o.document_id)
        summary = IngestSummary.of(outcomes)
        message = "; ".join(failed) or (
            f"stored {summary.stored}, duplicates {summary.duplicates}, failed {summary.failed}"
        )
        return IngestOut(name=safe, documents=len(stored), claims=claims, message=message)


def _ingest(request: Request, name: str, data: bytes) -> IngestOut:
    if len(data) > _MAX_UPLOAD:
        raise HTTPException(413, f"{name}: larger than {_MAX_UPLOAD // (1024 * 1024)} MB")
    ingester: Ingester = request.app.state.ingester
    return ingester(store_of(request), name, data)


@router.post("/api/ingest", tags=["ingest"])
def ingest_api(
    request: Request,
    user: Annotated[User, Depends(require_analyst)],
    files: Annotated[list[UploadFile] | None, File(description="Files to ingest")] = None,
    text: Annotated[str | None, Form(max_length=2_000_000, description="Pasted text")] = None,
    csrf_token: Annotated[str | None, Form()] = None,
) -> list[IngestOut]:
    """Ingest uploaded files and/or pasted text (analysts and admins).

    A browser must send its page's ``csrf_token`` field; scripts use a token.
    """
    guard(request).check_csrf(request, csrf_token or request.headers.get("x-csrf-token"))
    results = []
    if text and text.strip():
        results.append(_ingest(request, "pasted.txt", text.encode("utf-8")))
    for upload in files or []:
        results.append(_ingest(request, upload.filename or "upload", upload.file.read()))
    if not results:
        raise HTTPException(400, "nothing to ingest: paste text or choose files")
    return results


@router.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
def ingest_page(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", {})
