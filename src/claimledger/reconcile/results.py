"""Records the engine returns: propositions and the result of one run."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.model import Conflict, Corroboration, Estimate, Grade
from claimledger.reconcile.grades import SourceGrade

__all__ = ["CrossCheckResult", "Proposition"]


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claims that speak about the same thing.

    ``kind`` is "figure" (one category of figure: ``topic`` is the category),
    "event" (``topic`` is the event type) or "content" (claims grouped by word
    overlap; ``topic`` is empty).
    """

    id: str
    kind: str
    topic: str
    claim_ids: tuple[str, ...]
    quantity_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CrossCheckResult:
    """What one cross-checking run found.

    A full run (:func:`~claimledger.reconcile.cross_check`) returns everything.
    An incremental run returns what is new or changed: new conflicts, and the
    corroborations, estimates, propositions and grades of every proposition
    the new claims joined. ``retired_ids`` are ids of corroborations,
    estimates and propositions returned earlier that these replace (a
    proposition that grows gets new ids): delete them, then upsert the rest.
    """

    conflicts: tuple[Conflict, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    estimates: tuple[Estimate, ...] = ()
    grades: tuple[Grade, ...] = ()
    source_grades: tuple[SourceGrade, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    retired_ids: tuple[str, ...] = ()
