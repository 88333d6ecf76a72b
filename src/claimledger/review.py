"""Analyst review: confirm, correct or reject claims, rate sources, add notes.

Every change is appended to the ``reviews`` table with who, when, the values
before and after, and a note. The extraction rows are never edited, so the
machine's original reading stays in the ledger; :func:`reviewed_claims` folds
the reviews into the values an export should carry, marked as reviewed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from claimledger.errors import ReviewError
from claimledger.model import CERTAINTY_STATUSES, QUANTITY_CATEGORIES, Claim, SourceRef, TextSpan
from claimledger.store import Store, schema
from claimledger.store.search import claim_by_id

__all__ = [
    "CLAIM_ACTIONS",
    "CLAIM_FIELDS",
    "RELIABILITY_GRADES",
    "Review",
    "ReviewedClaim",
    "apply_review",
    "review_claim",
    "review_source",
    "reviewed_claims",
    "reviews",
]

#: What an analyst can do to a claim.
CLAIM_ACTIONS = ("confirm", "correct", "reject", "note")
#: What a correction may change: ``figure`` picks the figure ``value`` and
#: ``category`` apply to (default: the claim's only figure).
CLAIM_FIELDS = ("source", "status", "place", "figure", "value", "category")
#: Admiralty source reliability, A (reliable) to F (cannot be judged).
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")

JsonValue = str | float | int | None


@dataclass(frozen=True, slots=True)
class Review:
    """One recorded change (or note) by an analyst."""

    id: int
    target_kind: str
    target_id: str
    action: str
    who: str
    at: datetime
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewedClaim:
    """The reviewed state of one claim: the verdict and the corrected values.

    ``values`` holds only corrected fields (``source``, ``status``, ``place``)
    and ``figures`` maps figure ids to corrected ``value``/``category``.
    """

    claim_id: str
    verdict: str
    who: str
    at: datetime
    values: Mapping[str, JsonValue] = field(default_factory=dict)
    figures: Mapping[str, Mapping[str, JsonValue]] = field(default_factory=dict)
    note: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _record(store: Store, review: dict[str, Any]) -> Review:
    with store.engine.begin() as connection:
        result = connection.execute(schema.reviews.insert(), [review])
        key = result.inserted_primary_key
    return Review(id=int(key[0]) if key else 0, **review)


def review_claim(
    store: Store,
    claim_id: str,
    *,
    action: str,
    changes: Mapping[str, JsonValue] | None = None,
    who: str,
    note: str | None = None,
) -> Review:
    """Record an analyst's verdict on a claim; a correction lists what changes.

    Raises:
        ReviewError: unknown claim, action, field or value.

    Example:
        >>> review_claim(store, "d1:c2", action="correct", changes={"status": "denied"},
        ...              who="ana", note="the ministry denied it")
    """
    claim = claim_by_id(store, claim_id)
    if claim is None:
        raise ReviewError(f"no claim {claim_id!r}")
    if action not in CLAIM_ACTIONS:
        raise ReviewError(f"unknown action {action!r}; expected one of {', '.join(CLAIM_ACTIONS)}")
    after = _checked_changes(store, claim, dict(changes or {})) if action == "correct" else {}
    if action == "correct" and not after:
        raise ReviewError("a correction must change at least one field")
    before = _current_values(store, claim, after)
    row = {
        "target_kind": "claim",
        "target_id": claim_id,
        "action": action,
        "who": who,
        "at": _now(),
        "before": before,
        "after": after,
        "note": note or None,
    }
    return _record(store, row)


def _checked_changes(
    store: Store, claim: Claim, changes: dict[str, JsonValue]
) -> dict[str, JsonValue]:
    unknown = sorted(set(changes) - set(CLAIM_FIELDS))
    if unknown:
        raise ReviewError(f"cannot correct {', '.join(unknown)}")
    changes = {k: v for k, v in changes.items() if v not in (None, "")}
    if "status" in changes and changes["status"] not in CERTAINTY_STATUSES:
        raise ReviewError(f"unknown status {changes['status']!r}")
    if "category" in changes and changes["category"] not in QUANTITY_CATEGORIES:
        raise ReviewError(f"unknown figure category {changes['category']!r}")
    if "value" in changes:
        changes["value"] = _number(changes["value"])
    if "value" in changes or "category" in changes:
        changes["figure"] = _figure_id(store, claim, changes.get("figure"))
    elif "figure" in changes:
        del changes["figure"]
    return changes


def _number(value: JsonValue) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"figure value {value!r} is not a number") from exc
    if number != number or number in (float("inf"), float("-inf")):
        raise ReviewError("figure value must be finite")
    return number


def _figure_id(store: Store, claim: Claim, wanted: JsonValue) -> str:
    figures = [
        q.id for q in store.extraction(claim.document_id).quantities if q.claim_id == claim.id
    ]
    if wanted:
        if wanted not in figures:
            raise ReviewError(f"claim {claim.id!r} has no figure {wanted!r}")
        return str(wanted)
    if len(figures) != 1:
        raise ReviewError(f"claim {claim.id!r} has {len(figures)} figures; say which one")
    return figures[0]


def _current_values(
    store: Store, claim: Claim, after: Mapping[str, JsonValue]
) -> dict[str, JsonValue]:
    """Return the values ``after`` replaces, as reviewed so far or as extracted."""
    state = reviewed_claims(store, claim_ids=[claim.id]).get(claim.id)
    extracted = _extracted_values(store, claim, after.get("figure"))
    before: dict[str, JsonValue] = {}
    for key in after:
        if key == "figure":
            before[key] = after[key]
        elif key in ("value", "category") and state and str(after["figure"]) in state.figures:
            before[key] = state.figures[str(after["figure"])].get(key, extracted.get(key))
        elif state and key in state.values:
            before[key] = state.values[key]
        else:
            before[key] = extracted.get(key)
    return before


def _extracted_values(store: Store, claim: Claim, figure: JsonValue) -> dict[str, JsonValue]:
    extraction = store.extraction(claim.document_id)
    values: dict[str, JsonValue] = {
        "source": claim.source.name if claim.source else None,
        "status": claim.status,
        "place": next((p.name for p in extraction.places if p.claim_id == claim.id), None),
    }
    for quantity in extraction.quantities:
        if quantity.id == figure:
            values |= {"value": quantity.value, "category": quantity.category}
    return values


def review_source(
    store: Store,
    source_id: str,
    *,
    reliability: str | None,
    who: str,
    note: str | None = None,
) -> Review:
    """Set a source's reliability (A-F, or None to clear) and record the change."""
    current = next((s for s in store.sources() if s.id == source_id), None)
    if current is None:
        raise ReviewError(f"no source {source_id!r}")
    reliability = reliability or None
    if reliability is not None and reliability not in RELIABILITY_GRADES:
        raise ReviewError(f"reliability must be one of {', '.join(RELIABILITY_GRADES)}")
    store.set_source_reliability(source_id, reliability, suggested=False)
    row = {
        "target_kind": "source",
        "target_id": source_id,
        "action": "reliability",
        "who": who,
        "at": _now(),
        "before": {
            "reliability": current.reliability,
            "suggested": current.reliability_suggested,
        },
        "after": {"reliability": reliability, "suggested": False},
        "note": note or None,
    }
    return _record(store, row)


def reviews(
    store: Store,
    *,
    target_kind: str | None = None,
    target_id: str | None = None,
    target_ids: list[str] | None = None,
) -> list[Review]:
    """Return recorded reviews, oldest first, optionally of one or some targets."""
    table = schema.reviews
    query = sa.select(table).order_by(table.c.id)
    if target_kind:
        query = query.where(table.c.target_kind == target_kind)
    if target_id:
        query = query.where(table.c.target_id == target_id)
    if target_ids is not None:
        query = query.where(table.c.target_id.in_(target_ids))
    with store.engine.connect() as connection:
        found = connection.execute(query).mappings().all()
    return [Review(**dict(r)) for r in found]


def reviewed_claims(
    store: Store, *, claim_ids: list[str] | None = None
) -> dict[str, ReviewedClaim]:
    """Fold the reviews of each claim into its verdict and corrected values.

    Notes alone give no verdict; a later confirm or reject replaces an earlier
    verdict but keeps the corrections made so far.
    """
    found: dict[str, ReviewedClaim] = {}
    for review in reviews(store, target_kind="claim", target_ids=claim_ids):
        if review.action == "note":
            continue
        found[review.target_id] = _fold(found.get(review.target_id), review)
    return found


def _fold(state: ReviewedClaim | None, review: Review) -> ReviewedClaim:
    values = dict(state.values) if state else {}
    figures = {k: dict(v) for k, v in state.figures.items()} if state else {}
    after = dict(review.after)
    figure = after.pop("figure", None)
    for key in ("value", "category"):
        if key in after and figure is not None:
            figures.setdefault(str(figure), {})[key] = after.pop(key)
    values |= after
    verdict = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}[review.action]
    return ReviewedClaim(
        claim_id=review.target_id,
        verdict=verdict,
        who=review.who,
        at=review.at,
        values=values,
        figures=figures,
        note=review.note,
    )


def apply_review(claim: Claim, reviewed: ReviewedClaim | None) -> Claim:
    """Return ``claim`` with its reviewed source name and status applied.

    A corrected source keeps the span it was read from (or, for a claim the
    machine left unattributed, an empty span at the content's start).
    """
    if reviewed is None:
        return claim
    changed = claim
    status = reviewed.values.get("status")
    if isinstance(status, str):
        changed = replace(changed, status=status)
    source = reviewed.values.get("source")
    if isinstance(source, str):
        start = claim.content.start
        span = claim.source.span if claim.source else TextSpan("", start, start)
        changed = replace(changed, source=SourceRef(span=span, name=source))
    return changed
