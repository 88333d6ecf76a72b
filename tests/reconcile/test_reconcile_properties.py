from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reconcile_builders import fact, qty

from claimledger.model import QUANTITY_BOUNDS
from claimledger.reconcile import CrossCheckIndex, cross_check, cross_check_new, interval_of
from claimledger.reconcile.contradictions import judge
from claimledger.reconcile.grouping import items_of

values = st.integers(min_value=0, max_value=5000).map(float)
categories = st.sampled_from(["killed", "wounded", "killed_or_wounded", "captured"])
statuses = st.sampled_from(["asserted", "reported", "confirmed", "hedged", "denied", "opinion"])


@st.composite
def figures(draw, qid):
    bound = draw(st.sampled_from(QUANTITY_BOUNDS))
    value = draw(values)
    low = high = None
    if bound in ("range", "vague"):
        low, high = sorted((value, draw(values)))
    return qty(qid, value, bound=bound, low=low, high=high, category=draw(categories))


@st.composite
def claim_facts(draw, cid):
    return fact(
        cid,
        "killed in the raid",
        source=draw(st.sampled_from(["Army", "Police", "Medics"])),
        doc=f"d{cid}",
        day=draw(st.integers(0, 5)),
        status=draw(statuses),
        quantities=[draw(figures(f"q{cid}"))],
    )


ledgers = st.integers(2, 6).flatmap(
    lambda n: st.tuples(*(claim_facts(f"c{i}") for i in range(n))).map(list)
)


def _item(facts, number):
    return next(items_of(facts, start=number))


@given(claim_facts("a"), claim_facts("b"), st.booleans())
def test_properties_verdicts_are_symmetric(a, b, same_origin):
    one = judge(_item(a, 0), _item(b, 1), same_origin=same_origin)
    two = judge(_item(b, 1), _item(a, 0), same_origin=same_origin)
    assert (one and one.relation, one and one.kind) == (two and two.relation, two and two.kind)


@given(figures("qa"), figures("qb"))
def test_properties_disjointness_is_symmetric(qa, qb):
    assert interval_of(qa).disjoint(interval_of(qb)) == interval_of(qb).disjoint(interval_of(qa))


@given(ledgers, st.sampled_from(["ucdp", "conservative", "latest"]))
def test_properties_estimate_bounds_are_ordered(facts, policy):
    for estimate in cross_check(facts, policy=policy).estimates:
        assert estimate.low <= estimate.best <= estimate.high
        assert {estimate.low_from, estimate.best_from, estimate.high_from} <= set(
            estimate.quantity_ids
        )


@given(ledgers, st.randoms())
def test_properties_incremental_in_any_order_matches_full(facts, random):
    shuffled = list(facts)
    random.shuffle(shuffled)
    index = CrossCheckIndex()
    found = set()
    for f in shuffled:
        found |= {c.id for c in cross_check_new([f], index=index).conflicts}
    assert found == {c.id for c in cross_check(facts).conflicts}
