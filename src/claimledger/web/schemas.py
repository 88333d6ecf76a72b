"""The JSON API's response and request models: pydantic mirrors of the records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claimledger.model import Claim, Conflict, Extraction
from claimledger.review import ReviewedClaim


class _Record(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Span(_Record):
    text: str
    start: int
    end: int


class DocumentSummary(_Record):
    id: str
    external_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    duplicate_of: str | None = None


class DocumentOut(DocumentSummary):
    text: str


class MentionOut(_Record):
    span: Span
    label: str


class SourceRefOut(_Record):
    span: Span
    name: str
    kind: str = "unknown"
    country: str | None = None
    affiliation: str | None = None
    resolved_from: Span | None = None


class ReviewStateOut(_Record):
    verdict: str
    who: str
    at: datetime
    values: dict[str, str | float | int | None] = {}
    figures: dict[str, dict[str, str | float | int | None]] = {}
    note: str | None = None


class ClaimOut(_Record):
    id: str
    document_id: str
    content: Span
    source: SourceRefOut | None = None
    source_id: str | None = None
    cue: Span | None = None
    direct: bool = False
    status: str
    status_cues: list[str] = []
    via: list[str] = []
    parent_id: str | None = None
    event_time: str | None = None
    credibility: int | None = Field(None, description="Admiralty credibility 1-6, if graded")
    review: ReviewStateOut | None = Field(None, description="Analyst review, if any")


class QuantityOut(_Record):
    id: str
    document_id: str
    span: Span
    value: float
    low: float | None = None
    high: float | None = None
    bound: str
    category: str
    subject: str | None = None
    qualifier: str | None = None
    subset_of: str | None = None
    claim_id: str | None = None


class PlaceOut(_Record):
    id: str
    document_id: str
    span: Span
    name: str
    geonames_id: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str
    role: str | None = None
    claim_id: str | None = None


class TimeOut(_Record):
    id: str
    document_id: str
    span: Span
    start: date
    end: date
    granularity: str
    claim_id: str | None = None


class EventOut(_Record):
    id: str
    type: str
    claim_id: str
    document_id: str
    participants: list[str] = []
    place_id: str | None = None
    time: str | None = None


class ExtractionOut(_Record):
    mentions: list[MentionOut]
    claims: list[ClaimOut]
    quantities: list[QuantityOut]
    places: list[PlaceOut]
    times: list[TimeOut]
    events: list[EventOut]


class DocumentDetail(BaseModel):
    document: DocumentOut
    extraction: ExtractionOut


class ClaimPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ClaimOut]


class ConflictOut(_Record):
    id: str
    kind: str
    summary: str
    claim_ids: list[str] = []
    quantity_ids: list[str] = []
    revision: bool = Field(False, description="A revision (a figure updated over time)")


class EstimateOut(_Record):
    id: str
    category: str
    policy: str
    low: float | None
    best: float | None
    high: float | None
    quantity_ids: list[str] = []
    low_from: str | None = None
    best_from: str | None = None
    high_from: str | None = None
    subject: str | None = None


class SourceOut(_Record):
    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    aliases: list[str] = []
    reliability: str | None = None
    reliability_suggested: bool = False
    claims: int = 0


class PlaceCount(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    claims: int


class StatsOut(BaseModel):
    documents: int
    duplicates: int
    claims: int
    sources: int
    quantities: int
    places: int
    events: int
    conflicts: int
    corroborations: int
    estimates: int
    reviews: int


class ReviewOut(_Record):
    id: int
    target_kind: str
    target_id: str
    action: str
    who: str
    at: datetime
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    note: str | None = None


class ReviewIn(BaseModel):
    action: str = Field(description="confirm, correct, reject or note")
    changes: dict[str, str | float | None] = Field(
        default_factory=dict,
        description="For corrections: source, status, place, figure, value, category",
    )
    note: str | None = Field(None, max_length=4000)


class ReliabilityIn(BaseModel):
    reliability: str | None = Field(None, description="A-F, or null to clear")
    note: str | None = Field(None, max_length=4000)


class IngestOut(BaseModel):
    name: str
    documents: int
    claims: int
    message: str


def claim_out(
    claim: Claim,
    *,
    source_id: str | None = None,
    credibility: int | None = None,
    review: ReviewedClaim | None = None,
) -> ClaimOut:
    """Build the API form of a claim with its ledger context."""
    out = ClaimOut.model_validate(claim)
    return out.model_copy(
        update={
            "source_id": source_id,
            "credibility": credibility,
            "review": ReviewStateOut.model_validate(review) if review else None,
        }
    )


def extraction_out(extraction: Extraction, claims: list[ClaimOut]) -> ExtractionOut:
    """Build the API form of an extraction, with claims already in context."""
    return ExtractionOut(
        mentions=[MentionOut.model_validate(m) for m in extraction.mentions],
        claims=claims,
        quantities=[QuantityOut.model_validate(q) for q in extraction.quantities],
        places=[PlaceOut.model_validate(p) for p in extraction.places],
        times=[TimeOut.model_validate(t) for t in extraction.times],
        events=[EventOut.model_validate(e) for e in extraction.events],
    )


def is_revision(conflict: Conflict) -> bool:
    """Return True for a revision (an updated figure) rather than a contradiction."""
    return "revision" in conflict.kind.lower()


__all__ = [
    "ClaimOut",
    "ClaimPage",
    "ConflictOut",
    "DocumentDetail",
    "DocumentOut",
    "DocumentSummary",
    "EstimateOut",
    "EventOut",
    "IngestOut",
    "PlaceCount",
    "PlaceOut",
    "QuantityOut",
    "ReliabilityIn",
    "ReviewIn",
    "ReviewOut",
    "SourceOut",
    "StatsOut",
    "TimeOut",
    "claim_out",
    "extraction_out",
    "is_revision",
]
