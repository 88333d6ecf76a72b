"""The ledger as one stable JSON object (docs/export.md), and its JSONL/CSV forms.

Order is deterministic (records sort by id, documents by id) and nothing in the
output depends on when or where it was made, so two exports of the same ledger
are byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from claimledger.errors import ExportError
from claimledger.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Estimate,
    Event,
    Place,
    Quantity,
    Source,
    TextSpan,
    TimeRef,
)
from claimledger.review import ReviewedClaim, reviewed_claims
from claimledger.store import Store

#: Bumped when a key changes meaning or disappears (adding keys does not bump it).
EXPORT_VERSION = 1
FORMATS = ("json", "jsonl", "csv")

Json = dict[str, Any]


def _span(span: TextSpan | None) -> list[int] | None:
    return [span.start, span.end] if span else None


def _text_span(span: TextSpan | None) -> Json | None:
    return {"text": span.text, "span": _span(span)} if span else None


def document_json(document: Document) -> Json:
    return {
        "id": document.id,
        "external_id": document.external_id,
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "text_sha256": document.text_sha256,
        "duplicate_of": document.duplicate_of,
    }


def _source_json(claim: Claim, canonical: Source | None) -> Json | None:
    ref = claim.source
    if ref is None:
        return None
    return {
        "id": canonical.id if canonical else None,
        "name": canonical.name if canonical else ref.name,
        "text": ref.span.text,
        "span": _span(ref.span),
        "kind": canonical.kind if canonical else ref.kind,
        "country": canonical.country if canonical else ref.country,
        "affiliation": ref.affiliation,
        "resolved_from": _text_span(ref.resolved_from),
    }


def claim_json(
    claim: Claim, *, canonical: Source | None, quantity_ids: list[str], place_ids: list[str]
) -> Json:
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "source": _source_json(claim, canonical),
        "cue": _text_span(claim.cue),
        "content": _text_span(claim.content),
        "direct": claim.direct,
        "status": claim.status,
        "status_cues": list(claim.status_cues),
        "via": list(claim.via),
        "parent_id": claim.parent_id,
        "quantity_ids": quantity_ids,
        "place_ids": place_ids,
        "event_time": claim.event_time,
    }


def quantity_json(quantity: Quantity) -> Json:
    return {
        "id": quantity.id,
        "document_id": quantity.document_id,
        "claim_id": quantity.claim_id,
        "text": quantity.span.text,
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "bound": quantity.bound,
        "category": quantity.category,
        "subject": quantity.subject,
        "qualifier": quantity.qualifier,
        "subset_of": quantity.subset_of,
        "span": _span(quantity.span),
    }


def place_json(place: Place) -> Json:
    return {
        "id": place.id,
        "document_id": place.document_id,
        "claim_id": place.claim_id,
        "text": place.span.text,
        "span": _span(place.span),
        "name": place.name,
        "geonames_id": place.geonames_id,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "role": place.role,
    }


def time_json(time: TimeRef) -> Json:
    return {
        "id": time.id,
        "document_id": time.document_id,
        "claim_id": time.claim_id,
        "text": time.span.text,
        "span": _span(time.span),
        "start": time.start.isoformat(),
        "end": time.end.isoformat(),
        "granularity": time.granularity,
        "value": time.iso,
    }


def event_json(event: Event) -> Json:
    return {
        "id": event.id,
        "document_id": event.document_id,
        "claim_id": event.claim_id,
        "type": event.type,
        "participants": list(event.participants),
        "place_id": event.place_id,
        "time": event.time,
    }


def source_json(source: Source, *, claims: int) -> Json:
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "country": source.country,
        "affiliation": source.affiliation,
        "aliases": list(source.aliases),
        "reliability": source.reliability,
        "reliability_suggested": source.reliability_suggested,
        "claims": claims,
    }


def link_json(link: Conflict | Corroboration) -> Json:
    out: Json = {
        "id": link.id,
        "kind": link.kind,
        "claim_ids": list(link.claim_ids),
        "quantity_ids": list(link.quantity_ids),
        "summary": link.summary,
    }
    if isinstance(link, Corroboration):
        out["origins"] = list(link.origins)
    return out


def estimate_json(estimate: Estimate) -> Json:
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


def _ids_by_claim(records: Iterable[Quantity | Place]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record.claim_id:
            grouped[record.claim_id].append(record.id)
    return {claim_id: sorted(ids) for claim_id, ids in grouped.items()}


def ledger_json(store: Store) -> Json:
    """Return the whole ledger in the export format (docs/export.md)."""
    quantities = sorted(store.quantities(), key=lambda q: q.id)
    places = sorted(store.places(), key=lambda p: p.id)
    sources = {s.id: s for s in store.sources()}
    claim_sources = store.claim_sources()
    quantity_ids, place_ids = _ids_by_claim(quantities), _ids_by_claim(places)
    claims = sorted(store.claims(), key=lambda c: c.id)
    counts: dict[str, int] = defaultdict(int)
    for source_id in claim_sources.values():
        counts[source_id] += 1
    ledger = {
        "format": "claimledger.export",
        "version": EXPORT_VERSION,
        "documents": [document_json(d) for d in sorted(store.documents(), key=lambda d: d.id)],
        "sources": [
            source_json(s, claims=counts[s.id])
            for s in sorted(sources.values(), key=lambda s: s.id)
        ],
        "claims": [
            claim_json(
                c,
                canonical=sources.get(claim_sources.get(c.id, "")),
                quantity_ids=quantity_ids.get(c.id, []),
                place_ids=place_ids.get(c.id, []),
            )
            for c in claims
        ],
        "quantities": [quantity_json(q) for q in quantities],
        "places": [place_json(p) for p in places],
        "times": [time_json(t) for t in sorted(store.times(), key=lambda t: t.id)],
        "events": [event_json(e) for e in sorted(store.events(), key=lambda e: e.id)],
        "conflicts": [link_json(x) for x in store.conflicts()],
        "corroborations": [link_json(x) for x in store.corroborations()],
        "estimates": [estimate_json(e) for e in store.estimates()],
    }
    return _with_reviews(ledger, reviewed_claims(store))


_SOURCE_KEYS = ("id", "name", "text", "span", "kind", "country", "affiliation", "resolved_from")


def _with_reviews(ledger: Json, reviewed: dict[str, ReviewedClaim]) -> Json:
    """Carry analysts' reviewed values, marked: a ``review`` key holds the verdict and
    the extracted values it replaced. Records nobody reviewed have no ``review`` key."""
    quantities = {q["id"]: q for q in ledger["quantities"]}
    places = {p["id"]: p for p in ledger["places"]}
    for claim in ledger["claims"]:
        state = reviewed.get(claim["id"])
        if state is None:
            continue
        original: Json = {}
        for key, value in state.values.items():
            if key == "status":
                original["status"], claim["status"] = claim["status"], value
            elif key == "source":
                source = claim["source"] or dict.fromkeys(_SOURCE_KEYS)
                original["source"] = source["name"]
                claim["source"] = source | {"name": value, "id": None}
            else:  # place: the claim's first resolved place, as extracted
                names = [places[p]["name"] for p in claim["place_ids"] if p in places]
                original[key], claim[key] = (names[0] if names else None), value
        for quantity_id, values in state.figures.items():
            if quantity_id in quantities:
                figure = quantities[quantity_id]
                before = {k: figure[k] for k in values}
                figure.update(values)
                figure["review"] = {"verdict": state.verdict, "original": before}
        claim["review"] = {
            "verdict": state.verdict,
            "who": state.who,
            "at": state.at.isoformat(),
            "note": state.note,
            "original": original,
        }
    return ledger


_RECORD_KEYS = (
    "documents",
    "sources",
    "claims",
    "quantities",
    "places",
    "times",
    "events",
    "conflicts",
    "corroborations",
    "estimates",
)

#: Columns of the CSV export: one row per claim.
CSV_COLUMNS = (
    "claim_id",
    "document_id",
    "outlet",
    "published",
    "source",
    "source_text",
    "cue",
    "status",
    "direct",
    "via",
    "content",
    "content_start",
    "content_end",
    "quantities",
    "places",
    "event_time",
)


def _csv(ledger: Json) -> str:
    documents = {d["id"]: d for d in ledger["documents"]}
    quantities = {q["id"]: q for q in ledger["quantities"]}
    places = {p["id"]: p for p in ledger["places"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in ledger["claims"]:
        document = documents[claim["document_id"]]
        source = claim["source"] or {}
        writer.writerow(
            [
                claim["id"],
                claim["document_id"],
                document["outlet"],
                document["published"],
                source.get("name"),
                source.get("text"),
                (claim["cue"] or {}).get("text"),
                claim["status"],
                claim["direct"],
                "; ".join(claim["via"]),
                claim["content"]["text"],
                *claim["content"]["span"],
                "; ".join(_figure(quantities[q]) for q in claim["quantity_ids"]),
                "; ".join(places[p]["name"] for p in claim["place_ids"]),
                claim["event_time"],
            ]
        )
    return buffer.getvalue()


def _figure(quantity: Json) -> str:
    value = f"{quantity['value']:g}"
    bound = "" if quantity["bound"] == "exact" else f"{quantity['bound']} "
    return f"{bound}{value} {quantity['category']}"


def export_ledger(store: Store, *, format: str = "json") -> str:
    """Return the ledger exported as ``json``, ``jsonl`` (one record a line) or ``csv``."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    ledger = ledger_json(store)
    if format == "json":
        return json.dumps(ledger, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if format == "csv":
        return _csv(ledger)
    lines = []
    for key in _RECORD_KEYS:
        for record in ledger[key]:
            lines.append(json.dumps({"record": key, **record}, ensure_ascii=False, sort_keys=True))
    return "".join(line + "\n" for line in lines)
