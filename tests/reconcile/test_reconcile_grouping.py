"""Which figures form one proposition: headline-style reports with little structure."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reconcile_builders import fact, qty

from claimledger.reconcile import cross_check


def _estimates(result):
    return sorted((len(e.quantity_ids), e.low, e.best, e.high) for e in result.estimates)


def _report(cid, text, value, *, doc, day=0, outlet="Wire", subject=None, qualifier=None):
    q = replace(qty(f"q{cid}", value, subject=subject), qualifier=qualifier)
    return fact(cid, text, doc=doc, day=day, source=None, outlet=outlet, quantities=[q])


def test_grouping_statements_worded_alike_but_for_the_figure_are_one_proposition():
    a = _report("a", "Three killed as ferry sinks off the north coast", 3, doc="d1", outlet="X")
    b = _report("b", "Four killed as ferry sinks off the north coast", 4, doc="d2", outlet="Y")
    c = _report("c", "Two killed in a market fire downtown", 2, doc="d3", outlet="Z")
    result = cross_check([a, b, c])
    assert _estimates(result) == [(1, 2, 2, 2), (2, 3, 3, 4)]


def test_grouping_one_origin_same_day_different_figures_is_no_dispute():
    a = _report("a", "Three killed as ferry sinks off the north coast", 3, doc="d1")
    b = _report("b", "Four killed as ferry sinks off the north coast", 4, doc="d2")
    result = cross_check([a, b])
    assert result.conflicts == ()
    assert _estimates(result) == [(2, 3, 3, 4)]


def test_grouping_an_implicit_victim_joins_the_toll_without_moving_its_bounds():
    toll = _report("a", "Five soldiers killed near the river", 5, doc="d1", subject="soldiers")
    one = _report(
        "b", "Soldier killed near the river", 1, doc="d1", subject="soldier", qualifier="implicit"
    )
    result = cross_check([toll, one])
    assert result.conflicts == () and result.corroborations == ()
    assert _estimates(result) == [(2, 5, 5, 5)]


def test_grouping_an_implicit_victim_alone_is_an_estimate_of_one():
    one = _report("b", "Soldier killed near the river", 1, doc="d1", qualifier="implicit")
    assert _estimates(cross_check([one])) == [(1, 1, 1, 1)]


@pytest.mark.parametrize(
    "first,second,compared",
    [
        ("rebels", "separatists", True),  # irregulars, however they are called
        ("fighters", "militants", True),
        ("soldiers", "troops", True),
        ("soldiers", "fighters", False),  # an army's troops are not the other side's fighters
    ],
)
def test_grouping_subject_heads_of_troops_and_irregulars(first, second, compared):
    a = fact("a", "x", doc="d1", source="Army", quantities=[qty("qa", 3, subject=first)])
    b = fact("b", "y", doc="d2", source="Rebels", quantities=[qty("qb", 40, subject=second)])
    assert bool(cross_check([a, b]).conflicts) == compared
