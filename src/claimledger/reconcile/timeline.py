"""Story timelines: a proposition's claims in report order, with status changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from claimledger.reconcile.facts import ClaimFacts, source_label
from claimledger.reconcile.wording import event_types_in

__all__ = ["TimelineEntry", "timeline"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One claim in a story: when it was reported, by whom, and what changed."""

    claim_id: str
    published: date | None
    source: str
    status: str
    what: str
    change: str | None = None


def _what(facts: ClaimFacts) -> str:
    figures = [f"{q.span.text} {q.category.replace('_', ' ')}" for q in facts.quantities]
    kinds = sorted({e.type for e in facts.events} or event_types_in(facts.claim.content.text))
    return "; ".join(figures + kinds) or facts.claim.content.text


def timeline(facts: Iterable[ClaimFacts]) -> tuple[TimelineEntry, ...]:
    """Return the claims in report order; ``change`` says how each differs from the previous.

    >>> [e.change for e in timeline(story)]  # doctest: +SKIP
    [None, 'reported capture -> confirmed capture', 'confirmed capture -> asserted death']
    """
    ordered = sorted(
        facts, key=lambda f: (f.published or date.min, f.document_id, f.claim.content.start)
    )
    out: list[TimelineEntry] = []
    previous: str | None = None
    for f in ordered:
        what = _what(f)
        label = f"{f.claim.status} {what}"
        change = f"{previous} -> {label}" if previous is not None and previous != label else None
        out.append(TimelineEntry(f.id, f.published, source_label(f), f.claim.status, what, change))
        previous = label
    return tuple(out)
