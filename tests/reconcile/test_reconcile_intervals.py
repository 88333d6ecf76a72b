from __future__ import annotations

import math

import pytest
from reconcile_builders import qty

from claimledger.reconcile import Interval, interval_of


@pytest.mark.parametrize(
    "bound,value,low,high,expected",
    [
        ("exact", 1100, None, None, Interval(1100, 1100)),
        ("more_than", 3000, None, None, Interval(3000, math.inf, True, True)),
        ("at_least", 40, None, None, Interval(40, math.inf, False, True)),
        ("less_than", 10, None, None, Interval(0, 10, False, True)),
        ("at_most", 10, None, None, Interval(0, 10)),
        ("about", 200, None, None, Interval(180, 220)),
        ("range", 250, 200, 300, Interval(200, 300)),
        ("vague", 12, 12, 99, Interval(12, 99)),
        ("about", 100, 95, 105, Interval(95, 105)),
    ],
)
def test_intervals_reading_of_bounds(bound, value, low, high, expected):
    got = interval_of(qty("q", value, bound=bound, low=low, high=high))
    assert got.low == pytest.approx(expected.low)
    assert got.high == pytest.approx(expected.high)
    assert (got.low_open, got.high_open) == (expected.low_open, expected.high_open)


@pytest.mark.parametrize(
    "a,b,disjoint",
    [
        (Interval(3000, math.inf, True, True), Interval(1100, 1100), True),
        (Interval(11000, math.inf, True, True), Interval(12000, 12000), False),
        (Interval(3000, math.inf, True, True), Interval(3000, 3000), True),
        (Interval(3000, math.inf, False, True), Interval(3000, 3000), False),
        (Interval(0, 10, False, True), Interval(10, 10), True),
        (Interval(180, 220), Interval(200, 300), False),
    ],
)
def test_intervals_disjoint_is_symmetric(a, b, disjoint):
    assert a.disjoint(b) is disjoint
    assert b.disjoint(a) is disjoint


@pytest.mark.parametrize(
    "interval,text",
    [(Interval(3000, math.inf, True, True), "(3000, inf)"), (Interval(5, 5), "[5, 5]")],
)
def test_intervals_describe(interval, text):
    assert interval.describe() == text
