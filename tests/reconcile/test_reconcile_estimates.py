from __future__ import annotations

import pytest
from reconcile_builders import fact, qty

from claimledger.errors import ConfigError
from claimledger.reconcile import CrossCheckIndex, cross_check

REPORTS = [
    # (claim, value, day, status, bound, low, high)
    ("a", 10, 0, "reported", "exact", None, None),
    ("b", 14, 1, "reported", "exact", None, None),
    ("c", 14, 2, "asserted", "exact", None, None),
    ("d", 8, 2, "hedged", "range", 8, 20),
]


def _facts():
    return [
        fact(
            cid,
            "killed in the raid",
            source=f"Outlet{cid}",
            doc=f"d{cid}",
            day=day,
            status=status,
            quantities=[
                qty(f"q{cid}", value, bound=bound, low=low, high=high, subject="villagers")
            ],
        )
        for cid, value, day, status, bound, low, high in REPORTS
    ]


@pytest.mark.parametrize(
    "policy,low,best,high,froms",
    [
        ("ucdp", 8, 14, 20, ("qd", "qb", "qd")),  # 14 reported twice
        ("conservative", 8, 10, 20, ("qd", "qa", "qd")),  # lowest asserted figure
        ("latest", 8, 14, 20, ("qd", "qc", "qd")),  # day-2 reports only
    ],
)
def test_estimates_policies(policy, low, best, high, froms):
    (estimate,) = cross_check(_facts(), policy=policy).estimates
    assert (estimate.low, estimate.best, estimate.high) == (low, best, high)
    assert (estimate.low_from, estimate.best_from, estimate.high_from) == froms
    assert estimate.policy == policy
    assert estimate.quantity_ids == ("qa", "qb", "qc", "qd")


def test_estimates_ucdp_median_without_a_majority():
    facts = [
        fact(c, "killed", source=c, doc=c, day=i, quantities=[qty(f"q{c}", v, subject="villagers")])
        for i, (c, v) in enumerate([("a", 5), ("b", 9), ("c", 7)])
    ]
    (estimate,) = cross_check(facts).estimates
    assert (estimate.low, estimate.best, estimate.high) == (5, 7, 9)


def test_estimates_open_bound_contributes_its_number():
    facts = [fact("a", "more than 300 killed", quantities=[qty("qa", 300, bound="more_than")])]
    (estimate,) = cross_check(facts).estimates
    assert (estimate.low, estimate.best, estimate.high) == (300, 300, 300)


def test_estimates_unknown_policy_is_a_config_error():
    with pytest.raises(ConfigError, match="policy"):
        CrossCheckIndex(policy="loudest")


def test_estimates_one_per_category():
    facts = [
        fact(
            "a", "x", quantities=[qty("qa", 5, category="killed"), qty("qb", 9, category="wounded")]
        )
    ]
    assert sorted(e.category for e in cross_check(facts).estimates) == ["killed", "wounded"]
