"""Store documents with their extraction, one transaction per document.

A failure in document N leaves documents 1..N-1 stored and nothing of document
N; a process killed mid-run leaves a consistent ledger, and a re-run skips what
is already stored (documents are keyed by their normalised text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.language import Language

from claimledger.errors import ClaimLedgerError, InputError
from claimledger.extract import process
from claimledger.model import Document, Extraction, Source, SourceRef
from claimledger.store import Store


class SourceResolver(Protocol):
    """Maps a claim's resolved source to a canonical ledger source."""

    def canonical(self, ref: SourceRef) -> Source: ...


class DuplicateIndex(Protocol):
    """Finds the stored document a text copies (near-duplicates), by signature."""

    def signature(self, text: str) -> bytes: ...

    def find_signature(self, signature: bytes) -> str | None: ...

    def add_signature(self, document_id: str, signature: bytes) -> None: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input document.

    ``status`` is "stored", "duplicate" (same normalised text already stored)
    or "failed" (``error`` says why, naming the input).
    """

    where: str
    status: str
    document_id: str | None = None
    duplicate_of: str | None = None
    error: str | None = None
    words: int = 0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """Counts over a run's outcomes."""

    stored: int
    duplicates: int
    near_duplicates: int
    failed: int

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> IngestSummary:
        items = list(outcomes)
        return cls(
            stored=sum(o.status == "stored" for o in items),
            duplicates=sum(o.status == "duplicate" for o in items),
            near_duplicates=sum(o.status == "stored" and o.duplicate_of is not None for o in items),
            failed=sum(o.status == "failed" for o in items),
        )


class _Run:
    """One ingest run's state: what is already known, and the indexes to keep."""

    def __init__(
        self, store: Store, *, duplicates: DuplicateIndex | None, sources: SourceResolver | None
    ) -> None:
        self.store = store
        self.duplicates = duplicates
        self.sources = sources
        self.skipped: list[Outcome] = []

    def fresh(self, items: Iterable[Document | InputError]) -> Iterator[Document]:
        """Yield documents not yet stored; remember failures and exact duplicates."""
        for item in items:
            if isinstance(item, InputError):
                self.skipped.append(Outcome(where=item.where, status="failed", error=str(item)))
            elif self.store.has_document(item.id):
                self.skipped.append(
                    Outcome(where=item.external_id, status="duplicate", document_id=item.id)
                )
            else:
                yield item

    def store_one(self, document: Document, extraction: Extraction) -> Outcome:
        signature = None
        if self.duplicates is not None:
            # Looked up here, not when the document is read: nlp.pipe reads a
            # batch ahead, and a copy may sit in the same batch as its original.
            signature = self.duplicates.signature(document.text)
            if document.duplicate_of is None:
                copied = self.duplicates.find_signature(signature)
                document = replace(document, duplicate_of=copied)
        sources = {}
        if self.sources is not None:
            sources = {
                c.id: self.sources.canonical(c.source) for c in extraction.claims if c.source
            }
        stored = self.store.add_document(document, extraction, signature=signature, sources=sources)
        if not stored:
            return Outcome(where=document.external_id, status="duplicate", document_id=document.id)
        if self.duplicates is not None and signature is not None:
            self.duplicates.add_signature(document.id, signature)
        return Outcome(
            where=document.external_id,
            status="stored",
            document_id=document.id,
            duplicate_of=document.duplicate_of,
            words=len(document.text.split()),
        )

    def drain(self) -> Iterator[Outcome]:
        while self.skipped:
            yield self.skipped.pop(0)


def ingest_documents(
    items: Iterable[Document | InputError],
    *,
    store: Store,
    nlp: Language,
    duplicates: DuplicateIndex | None = None,
    sources: SourceResolver | None = None,
    batch_size: int = 16,
) -> Iterator[Outcome]:
    """Extract and store each document; yield one :class:`Outcome` per input.

    Example:
        >>> outcomes = list(ingest_documents(docs, store=store, nlp=nlp))  # doctest: +SKIP
    """
    run = _Run(store, duplicates=duplicates, sources=sources)
    for document, extraction in process(nlp, run.fresh(items), batch_size=batch_size):
        yield from run.drain()
        try:
            yield run.store_one(document, extraction)
        except ClaimLedgerError as exc:
            yield Outcome(where=document.external_id, status="failed", error=str(exc))
    yield from run.drain()
