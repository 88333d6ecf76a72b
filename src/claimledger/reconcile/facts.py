"""The engine's input: one frozen record per claim with everything it needs.

The store builds these from the database (one :class:`ClaimFacts` per stored
claim); tests build them by hand. Nothing here reads a database, so the engine
stays a pure function of its input.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from claimledger.model import Claim, Document, Event, Extraction, Place, Quantity, TimeRef

__all__ = ["ClaimFacts", "anchor_day", "facts_of", "headline_end", "report_day", "source_label"]


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
        headline: The claim lies in its document's headline (first line) and the
            document has a body: the headline sums up the body, so next to the
            body's claims it is no origin of its own.
        ingested: When the ledger stored the claim's document, in microseconds
            since 1970 UTC (0 when unknown). It orders reports of one day, so a
            report ingested later is read later (see ``report_order``).
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
    headline: bool = False
    ingested: int = 0

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


_R = TypeVar("_R", Quantity, Place, TimeRef, Event)


def headline_end(text: str) -> int:
    """Return where a text's headline (its first line) ends; 0 when it has no body after it."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1 or not text[end:].strip():
        return 0
    return end


def _by_claim(records: Iterable[_R]) -> defaultdict[str, list[_R]]:
    grouped: defaultdict[str, list[_R]] = defaultdict(list)
    for record in records:
        if record.claim_id is not None:
            grouped[record.claim_id].append(record)
    return grouped


def facts_of(
    document: Document,
    extraction: Extraction,
    *,
    source_ids: Mapping[str, str] | None = None,
    cited_source_ids: Mapping[str, tuple[str, ...]] | None = None,
    ingested: int = 0,
) -> list[ClaimFacts]:
    """Return one :class:`ClaimFacts` per claim of a document's (assembled) extraction.

    Args:
        source_ids: Claim id -> canonical source id, where the claim's source resolved.
        cited_source_ids: Claim id -> ids of sources it cites (see :class:`ClaimFacts`).
        ingested: When the document was stored (see :class:`ClaimFacts`).

    Example::

        facts = facts_of(document, extraction, source_ids={"d1:c1": "s-ministry"})
    """
    quantities, places = _by_claim(extraction.quantities), _by_claim(extraction.places)
    times, events = _by_claim(extraction.times), _by_claim(extraction.events)
    headline = headline_end(document.text)
    return [
        ClaimFacts(
            claim=claim,
            published=document.published,
            outlet=document.outlet,
            duplicate_of=document.duplicate_of,
            source_id=(source_ids or {}).get(claim.id),
            cited_source_ids=(cited_source_ids or {}).get(claim.id, ()),
            quantities=tuple(quantities[claim.id]),
            places=tuple(places[claim.id]),
            times=tuple(times[claim.id]),
            events=tuple(events[claim.id]),
            headline=claim.content.start < headline,
            ingested=ingested,
        )
        for claim in extraction.claims
    ]
