"""Records <-> table rows. The only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimledger.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Estimate,
    Event,
    Grade,
    Mention,
    Place,
    Quantity,
    Source,
    SourceRef,
    TextSpan,
    TimeRef,
)

Row = Mapping[Any, Any]


def _span_columns(prefix: str, span: TextSpan | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _span(row: Row, prefix: str) -> TextSpan | None:
    if row[f"{prefix}_start"] is None:
        return None
    return TextSpan(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"])


def _required_span(row: Row, prefix: str) -> TextSpan:
    span = _span(row, prefix)
    assert span is not None, f"{prefix} span missing"
    return span


def document_row(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "external_id": document.external_id,
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "published": document.published,
        "text": document.text,
        "text_sha256": document.text_sha256,
        "duplicate_of": document.duplicate_of,
    }


def document_from(row: Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        external_id=row["external_id"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        duplicate_of=row["duplicate_of"],
    )


def mention_row(mention: Mention, document_id: str) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "label": mention.label,
        **_span_columns("span", mention.span),
    }


def mention_from(row: Row) -> Mention:
    return Mention(span=_required_span(row, "span"), label=row["label"])


def claim_row(claim: Claim, *, source_id: str | None) -> dict[str, Any]:
    source = claim.source
    resolved = source.resolved_from if source else None
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "source_id": source_id,
        **_span_columns("source", source.span if source else None),
        "source_name": source.name if source else None,
        "source_kind": source.kind if source else None,
        "source_country": source.country if source else None,
        "source_affiliation": source.affiliation if source else None,
        "resolved_start": resolved.start if resolved else None,
        "resolved_end": resolved.end if resolved else None,
        **_span_columns("cue", claim.cue),
        **_span_columns("content", claim.content),
        "direct": claim.direct,
        "status": claim.status,
        "status_cues": list(claim.status_cues),
        "via": list(claim.via),
        "parent_id": claim.parent_id,
        "event_time": claim.event_time,
    }


def _source_ref(row: Row, text: str | None) -> SourceRef | None:
    span = _span(row, "source")
    if span is None:
        return None
    resolved = None
    if row["resolved_start"] is not None and text is not None:
        start, end = row["resolved_start"], row["resolved_end"]
        resolved = TextSpan(text[start:end], start, end)
    return SourceRef(
        span=span,
        name=row["source_name"],
        kind=row["source_kind"] or "unknown",
        country=row["source_country"],
        affiliation=row["source_affiliation"],
        resolved_from=resolved,
    )


def claim_from(row: Row, *, text: str | None = None) -> Claim:
    return Claim(
        id=row["id"],
        content=_required_span(row, "content"),
        document_id=row["document_id"],
        source=_source_ref(row, text),
        cue=_span(row, "cue"),
        direct=bool(row["direct"]),
        status=row["status"],
        status_cues=tuple(row["status_cues"]),
        via=tuple(row["via"]),
        parent_id=row["parent_id"],
        event_time=row["event_time"],
    )


def quantity_row(quantity: Quantity) -> dict[str, Any]:
    return {
        "id": quantity.id,
        "document_id": quantity.document_id,
        "claim_id": quantity.claim_id,
        **_span_columns("span", quantity.span),
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "bound": quantity.bound,
        "category": quantity.category,
        "subject": quantity.subject,
        "qualifier": quantity.qualifier,
        "subset_of": quantity.subset_of,
    }


def quantity_from(row: Row) -> Quantity:
    return Quantity(
        id=row["id"],
        span=_required_span(row, "span"),
        value=row["value"],
        document_id=row["document_id"],
        low=row["low"],
        high=row["high"],
        bound=row["bound"],
        category=row["category"],
        subject=row["subject"],
        qualifier=row["qualifier"],
        subset_of=row["subset_of"],
        claim_id=row["claim_id"],
    )


def place_row(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "document_id": place.document_id,
        "claim_id": place.claim_id,
        **_span_columns("span", place.span),
        "name": place.name,
        "geonames_id": place.geonames_id,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "role": place.role,
    }


def place_from(row: Row) -> Place:
    return Place(
        id=row["id"],
        span=_required_span(row, "span"),
        name=row["name"],
        document_id=row["document_id"],
        geonames_id=row["geonames_id"],
        country=row["country"],
        admin1=row["admin1"],
        lat=row["lat"],
        lon=row["lon"],
        feature=row["feature"],
        role=row["role"],
        claim_id=row["claim_id"],
    )


def time_row(time: TimeRef) -> dict[str, Any]:
    return {
        "id": time.id,
        "document_id": time.document_id,
        "claim_id": time.claim_id,
        **_span_columns("span", time.span),
        "date_start": time.start,
        "date_end": time.end,
        "granularity": time.granularity,
    }


def time_from(row: Row) -> TimeRef:
    return TimeRef(
        id=row["id"],
        span=_required_span(row, "span"),
        start=row["date_start"],
        end=row["date_end"],
        document_id=row["document_id"],
        granularity=row["granularity"],
        claim_id=row["claim_id"],
    )


def event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "document_id": event.document_id,
        "claim_id": event.claim_id,
        "type": event.type,
        "participants": list(event.participants),
        "place_id": event.place_id,
        "time": event.time,
    }


def event_from(row: Row) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        claim_id=row["claim_id"],
        document_id=row["document_id"],
        participants=tuple(row["participants"]),
        place_id=row["place_id"],
        time=row["time"],
    )


def source_row(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "country": source.country,
        "affiliation": source.affiliation,
        "reliability": source.reliability,
        "reliability_suggested": source.reliability_suggested,
    }


def source_from(row: Row, *, aliases: tuple[str, ...]) -> Source:
    return Source(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row["country"],
        affiliation=row["affiliation"],
        aliases=aliases,
        reliability=row["reliability"],
        reliability_suggested=bool(row["reliability_suggested"]),
    )


def link_row(link: Conflict | Corroboration) -> dict[str, Any]:
    relation = "conflict" if isinstance(link, Conflict) else "corroboration"
    origins = list(link.origins) if isinstance(link, Corroboration) else []
    return {
        "id": link.id,
        "relation": relation,
        "kind": link.kind,
        "summary": link.summary,
        "claim_ids": list(link.claim_ids),
        "quantity_ids": list(link.quantity_ids),
        "origins": origins,
    }


def link_from(row: Row) -> Conflict | Corroboration:
    common = {
        "id": row["id"],
        "kind": row["kind"],
        "summary": row["summary"],
        "claim_ids": tuple(row["claim_ids"]),
        "quantity_ids": tuple(row["quantity_ids"]),
    }
    if row["relation"] == "conflict":
        return Conflict(**common)
    return Corroboration(**common, origins=tuple(row["origins"]))


def estimate_row(estimate: Estimate) -> dict[str, Any]:
    return {
        "id": estimate.id,
        "category": estimate.category,
        "subject": estimate.subject,
        "policy": estimate.policy,
        "low": estimate.low,
        "best": estimate.best,
        "high": estimate.high,
        "low_from": estimate.low_from,
        "best_from": estimate.best_from,
        "high_from": estimate.high_from,
        "quantity_ids": list(estimate.quantity_ids),
    }


def estimate_from(row: Row) -> Estimate:
    return Estimate(
        id=row["id"],
        category=row["category"],
        policy=row["policy"],
        low=row["low"],
        best=row["best"],
        high=row["high"],
        quantity_ids=tuple(row["quantity_ids"]),
        low_from=row["low_from"],
        best_from=row["best_from"],
        high_from=row["high_from"],
        subject=row["subject"],
    )


def grade_row(grade: Grade) -> dict[str, Any]:
    return {
        "claim_id": grade.claim_id,
        "credibility": grade.credibility,
        "reasons": list(grade.reasons),
    }


def grade_from(row: Row) -> Grade:
    return Grade(
        claim_id=row["claim_id"], credibility=row["credibility"], reasons=tuple(row["reasons"])
    )
