"""The engine's input: one frozen record per claim with everything it needs.

The store builds these from the database (one :class:`ClaimFacts` per stored
claim); tests build them by hand. Nothing here reads a database, so the engine
stays a pure function of its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimledger.model import Claim, Event, Place, Quantity, TimeRef

__all__ = ["ClaimFacts", "anchor_day", "report_day", "source_label"]


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """A claim with its document's metadata and the records linked to it.

    Attributes:
        claim: The claim itself (``claim.document_id`` names its document).
        published: Report date of the claim's document.
        outlet: Outlet that published the document ("Reuters").
        duplicate_of: Id of the document this one is a near-duplicate copy of
            (``Document.duplicate_of``); copies count once for independence.
        source_id: Canonical :class:`~claimledger.model.Source` id of the
            claim's source, or None when unresolved or unattributed.
        cited_source_ids: Canonical ids of sources the claim says it relies on
            besides its own source ("confirming reports in Ukrainian media" ->
            that outlet's id). Leave out the document's own outlet.
        quantities: Figures whose ``claim_id`` is this claim.
        places: Resolved places whose ``claim_id`` is this claim.
        times: Time expressions whose ``claim_id`` is this claim.
        events: Events whose ``claim_id`` is this claim.
    """

    claim: Claim
    published: date | None = None
    outlet: str | None = None
    duplicate_of: str | None = None
    source_id: str | None = None
    cited_source_ids: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def id(self) -> str:
        """The claim's ledger id."""
        return self.claim.id

    @property
    def document_id(self) -> str:
        """The id of the claim's document."""
        return self.claim.document_id


def report_day(facts: ClaimFacts) -> int:
    """Return the report date as a proleptic ordinal (0 when unknown)."""
    return facts.published.toordinal() if facts.published else 0


def anchor_day(facts: ClaimFacts) -> int:
    """Return the day a claim is about: its first event time, else its report date."""
    if facts.times:
        return min(t.start for t in facts.times).toordinal()
    return report_day(facts)


def source_label(facts: ClaimFacts) -> str:
    """Return a short human name for who makes the claim."""
    if facts.claim.source is not None:
        return facts.claim.source.name
    if facts.outlet:
        return facts.outlet
    return "an unattributed report"
