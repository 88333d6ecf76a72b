"""Cross-checking: propositions, contradictions, corroborations, estimates, grades.

The engine is a pure library over :class:`ClaimFacts` records (one per claim,
built by the store). Two entry points:

- :func:`cross_check` runs over a whole ledger;
- :func:`cross_check_new` compares a new document's claims with a
  :class:`CrossCheckIndex` kept for the ledger, without recomputing the rest.

Example::

    index = CrossCheckIndex(policy="ucdp")
    result = cross_check_new(facts_of_new_document, index=index)
    for conflict in result.conflicts:
        print(conflict.kind, conflict.summary)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimledger.model import Source
from claimledger.reconcile.estimates import DEFAULT_POLICY, POLICIES
from claimledger.reconcile.facts import ClaimFacts, facts_of
from claimledger.reconcile.grades import SourceGrade
from claimledger.reconcile.index import DEFAULT_WINDOW_DAYS, CrossCheckIndex, report_order
from claimledger.reconcile.intervals import Interval, interval_of
from claimledger.reconcile.results import CrossCheckResult, Proposition
from claimledger.reconcile.timeline import TimelineEntry, timeline

__all__ = [
    "ClaimFacts",
    "cross_check",
    "cross_check_new",
    "CrossCheckIndex",
    "CrossCheckResult",
    "DEFAULT_POLICY",
    "DEFAULT_WINDOW_DAYS",
    "facts_of",
    "Interval",
    "interval_of",
    "POLICIES",
    "Proposition",
    "SourceGrade",
    "timeline",
    "TimelineEntry",
]


def cross_check(
    facts: Iterable[ClaimFacts],
    *,
    policy: str = DEFAULT_POLICY,
    window_days: int = DEFAULT_WINDOW_DAYS,
    sources: Iterable[Source] = (),
) -> CrossCheckResult:
    """Cross-check a whole ledger and return everything found.

    Claims are taken in report order, so revisions read from earlier to later.

    Raises:
        ConfigError: ``policy`` is not one of :data:`POLICIES`.
    """
    index = CrossCheckIndex(policy=policy, window_days=window_days, sources=sources)
    return index.add(sorted(facts, key=report_order))


def cross_check_new(new: Sequence[ClaimFacts], *, index: CrossCheckIndex) -> CrossCheckResult:
    """Compare new claims with the ledger behind ``index`` and add them to it.

    Returns only what is new or changed (see :class:`CrossCheckResult`);
    claims already in the index are skipped.
    """
    return index.add(sorted(new, key=report_order))
