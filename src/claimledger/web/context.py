"""What the routes share: the store, and claims shown with their ledger context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fastapi import Request

from claimledger.model import Claim, Document
from claimledger.review import ReviewedClaim, reviewed_claims
from claimledger.store import Store
from claimledger.store.search import claim_grades, claim_source_ids
from claimledger.web.schemas import ClaimOut, claim_out


def store_of(request: Request) -> Store:
    """Return the app's ledger."""
    found: Store = request.app.state.store
    return found


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """Ledger-wide facts about claims: canonical sources, grades, reviews."""

    sources: dict[str, str]
    grades: dict[str, int]
    reviewed: dict[str, ReviewedClaim]

    @classmethod
    def load(cls, store: Store, claims: Iterable[Claim] | None = None) -> ClaimContext:
        """Read the context of ``claims`` (default: of every claim) from ``store``."""
        if claims is None:
            return cls(
                sources=store.claim_sources(),
                grades={g.claim_id: g.credibility for g in store.grades()},
                reviewed=reviewed_claims(store),
            )
        ids = [c.id for c in claims]
        return cls(
            sources=claim_source_ids(store, ids),
            grades=claim_grades(store, ids),
            reviewed=reviewed_claims(store, claim_ids=ids),
        )

    def out(self, claim: Claim) -> ClaimOut:
        """Return the API form of ``claim`` in this context."""
        return claim_out(
            claim,
            source_id=self.sources.get(claim.id),
            credibility=self.grades.get(claim.id),
            review=self.reviewed.get(claim.id),
        )

    def outs(self, claims: Iterable[Claim]) -> list[ClaimOut]:
        """Return the API forms of ``claims``."""
        return [self.out(c) for c in claims]


def document_titles(store: Store) -> dict[str, Document]:
    """Return documents by id (titles and dates for claim tables)."""
    return {d.id: d for d in store.documents()}
