"""Low / best / high per figure proposition, under a named policy.

Each bound names the quantity it comes from. A figure's own low is the lesser
of its ``low`` and value, its own high the greater of its ``high`` and value: "more
than 3,000" contributes 3,000 to both, never infinity.

Policies (:data:`POLICIES`):

- ``ucdp``: low = lowest figure, high = highest, best = the value most sources
  report (when two or more agree), else the median report (lower middle);
- ``conservative`` (ACLED-like): low and high as ``ucdp``, best = the lowest
  figure from a claim whose wording asserts it (not hedged, alleged,
  conditional, predicted or opinion), else the lowest figure;
- ``latest``: the figures of the latest report date only; best = the highest of
  them, low/high their extremes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from claimledger.errors import ConfigError
from claimledger.model import Estimate, Quantity
from claimledger.reconcile.corroboration import SUPPORTING_STATUSES
from claimledger.reconcile.facts import report_day
from claimledger.reconcile.grouping import Item
from claimledger.reconcile.ids import derived_id

__all__ = ["DEFAULT_POLICY", "POLICIES", "estimate"]

DEFAULT_POLICY = "ucdp"


def _low(q: Quantity) -> float:
    return min(q.low, q.value) if q.low is not None else q.value


def _high(q: Quantity) -> float:
    return max(q.high, q.value) if q.high is not None else q.value


def _quantity(item: Item) -> Quantity:
    assert item.quantity is not None
    return item.quantity


def _extremes(items: Sequence[Item]) -> tuple[Item, Item]:
    low = min(items, key=lambda i: (_low(_quantity(i)), i.number))
    high = max(items, key=lambda i: (_high(_quantity(i)), -i.number))
    return low, high


def _ucdp(items: Sequence[Item]) -> tuple[Item, Item, Item]:
    low, high = _extremes(items)
    counts = Counter(_quantity(i).value for i in items)
    value, times = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if times < 2:
        ranked = sorted(items, key=lambda i: (_quantity(i).value, i.number))
        return low, ranked[(len(ranked) - 1) // 2], high
    return low, min((i for i in items if _quantity(i).value == value), key=lambda i: i.number), high


def _conservative(items: Sequence[Item]) -> tuple[Item, Item, Item]:
    low, high = _extremes(items)
    credible = [i for i in items if i.facts.claim.status in SUPPORTING_STATUSES] or list(items)
    return low, min(credible, key=lambda i: (_quantity(i).value, i.number)), high


def _latest(items: Sequence[Item]) -> tuple[Item, Item, Item]:
    last = max(report_day(i.facts) for i in items)
    latest = [i for i in items if report_day(i.facts) == last]
    low, high = _extremes(latest)
    return low, max(latest, key=lambda i: (_quantity(i).value, -i.number)), high


#: Policy name -> chooser of the (low, best, high) items.
POLICIES: dict[str, Callable[[Sequence[Item]], tuple[Item, Item, Item]]] = {
    "conservative": _conservative,
    "latest": _latest,
    "ucdp": _ucdp,
}


def estimate(items: Sequence[Item], *, policy: str = DEFAULT_POLICY) -> Estimate:
    """Return the estimate of one figure proposition (its figure items) under ``policy``.

    Raises:
        ConfigError: ``policy`` is not one of :data:`POLICIES`.
    """
    if policy not in POLICIES:
        raise ConfigError(f"unknown estimate policy {policy!r}; choose from {sorted(POLICIES)}")
    # Implicit counts ("the judge was killed") are part of the proposition but say
    # nothing about the toll when a written figure gives one.
    written = [i for i in items if not i.implicit] or list(items)
    low, best, high = POLICIES[policy](written)
    quantities = [_quantity(i) for i in items]
    quantity_ids = tuple(sorted(q.id for q in quantities))
    subjects = Counter(q.subject for q in quantities if q.subject)
    return Estimate(
        id=derived_id("e", quantity_ids, [policy]),
        category=quantities[0].category,
        policy=policy,
        low=_low(_quantity(low)),
        best=_quantity(best).value,
        high=_high(_quantity(high)),
        quantity_ids=quantity_ids,
        low_from=_quantity(low).id,
        best_from=_quantity(best).id,
        high_from=_quantity(high).id,
        subject=subjects.most_common(1)[0][0] if subjects else None,
    )
