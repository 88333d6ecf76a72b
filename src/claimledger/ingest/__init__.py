"""From inputs to stored documents: readers, duplicate detection, the ingest runner."""

from __future__ import annotations

from claimledger.ingest.runner import IngestSummary, Outcome, ingest_documents

__all__ = ["IngestSummary", "Outcome", "ingest_documents"]
