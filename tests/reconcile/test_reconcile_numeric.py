from __future__ import annotations

import pytest
from reconcile_builders import fact, place, qty

from claimledger.reconcile import cross_check


def _pair(qa, qb, *, day_a=0, day_b=0, source_a="President", source_b="Army", doc_b="d1"):
    a = fact("a", "figure one", source=source_a, day=day_a, quantities=[qa])
    b = fact("b", "figure two", source=source_b, day=day_b, doc=doc_b, quantities=[qb])
    return cross_check([a, b])


def _kinds(result):
    return sorted(c.kind for c in result.conflicts)


@pytest.mark.parametrize(
    "qa,qb,kinds",
    [
        # "more than 3,000" vs "1,100" (same category, subject): contradiction
        (
            qty("qa", 3000, bound="more_than", category="killed_or_wounded", subject="rebels"),
            qty("qb", 1100, category="killed_or_wounded", subject="rebels"),
            ["numeric"],
        ),
        # "more than 11,000" vs "12,000" agree
        (
            qty("qa", 11000, bound="more_than", category="deployed", subject="troops"),
            qty("qb", 12000, category="deployed", subject="soldiers"),
            [],
        ),
        # "about 1,000" vs "1,050" agree; "about 100" vs "300" do not
        (qty("qa", 1000, bound="about"), qty("qb", 1050), []),
        (qty("qa", 100, bound="about"), qty("qb", 300), ["numeric"]),
        # killed 5,000 vs killed_or_wounded 1,100: killed cannot exceed the total
        (
            qty("qa", 5000, category="killed"),
            qty("qb", 1100, category="killed_or_wounded"),
            ["numeric"],
        ),
        # killed 500 vs killed_or_wounded 1,100 fit together
        (qty("qa", 500, category="killed"), qty("qb", 1100, category="killed_or_wounded"), []),
        # wounded likewise
        (
            qty("qa", 2000, category="wounded"),
            qty("qb", 1100, category="killed_or_wounded"),
            ["numeric"],
        ),
        # killed vs wounded never compare
        (qty("qa", 5000, category="killed"), qty("qb", 10, category="wounded"), []),
        # different subjects never compare
        (qty("qa", 50, subject="Sylvanian troops"), qty("qb", 9, subject="Freedonian troops"), []),
        (qty("qa", 50, subject="civilians"), qty("qb", 9, subject="soldiers"), []),
        # an unknown subject may be the same one
        (qty("qa", 50, subject="civilians"), qty("qb", 9, subject=None), ["numeric"]),
    ],
)
def test_numeric_interval_logic(qa, qb, kinds):
    assert _kinds(_pair(qa, qb)) == kinds


def test_numeric_subset_is_not_a_conflict():
    whole = qty("q3", 1100, category="killed_or_wounded", subject="rebels")
    part = qty("q4", 100, category="killed", subject="rebels", subset_of="q3")
    other = qty("q9", 700, category="killed", subject="rebels")
    result = cross_check(
        [
            fact("a", "1,100, of which only 100 were confirmed kills", quantities=[whole, part]),
            fact("b", "700 were killed", source="Army", quantities=[other]),
        ]
    )
    assert all("q4" not in c.quantity_ids or "q3" not in c.quantity_ids for c in result.conflicts)
    assert [c.quantity_ids for c in result.conflicts] == [("q4", "q9")]


@pytest.mark.parametrize(
    "first,second,same_source,kind",
    [
        (10, 25, False, "revision"),  # rising toll between reports
        (25, 10, False, "numeric"),  # a later, lower figure from another source disputes it
        (25, 10, True, "revision"),  # the same source correcting itself
    ],
)
def test_numeric_revision_versus_contradiction(first, second, same_source, kind):
    result = _pair(
        qty("qa", first),
        qty("qb", second),
        day_a=0,
        day_b=2,
        source_b="President" if same_source else "Army",
        doc_b="d2",
    )
    assert _kinds(result) == [kind]
    assert ("moved from" in result.conflicts[0].summary) is (kind == "revision")


def test_numeric_same_day_same_source_is_not_reported():
    assert _pair(qty("qa", 10), qty("qb", 25), source_b="President").conflicts == ()


def test_numeric_non_cumulative_rise_between_reports_is_a_contradiction():
    result = _pair(qty("qa", 10, category="other"), qty("qb", 25, category="other"), day_b=3)
    assert _kinds(result) == ["numeric"]


def test_numeric_reason_names_sources_and_values():
    result = _pair(
        qty("qa", 3000, bound="more_than", text="more than 3,000"), qty("qb", 1100, text="1,100")
    )
    summary = result.conflicts[0].summary
    assert all(s in summary for s in ("President", "Army", "more than 3,000", "1,100"))


def test_numeric_predictions_never_contradict():
    a = fact(
        "a", "will reach 500", source="Analyst", status="predicted", quantities=[qty("qa", 500)]
    )
    b = fact("b", "40 killed", source="Army", quantities=[qty("qb", 40)])
    assert cross_check([a, b]).conflicts == ()


def test_numeric_far_apart_in_time_are_not_compared():
    result = _pair(qty("qa", 10), qty("qb", 900), day_b=400, doc_b="d2")
    assert result.conflicts == ()


@pytest.mark.parametrize(
    "subject,places,kinds",
    [
        (None, False, []),  # "12 killed" vs "40 killed" in other reports: may be other events
        (None, True, ["numeric"]),  # both name a (compatible) place
        ("villagers", False, ["numeric"]),  # both name whose toll it is
    ],
)
def test_numeric_across_documents_needs_shared_evidence(subject, places, kinds):
    where = [place("Lowtown")] if places else []
    a = fact("a", "x", doc="d1", places=where, quantities=[qty("qa", 12, subject=subject)])
    b = fact(
        "b", "y", doc="d2", source="Army", places=where, quantities=[qty("qb", 40, subject=subject)]
    )
    assert _kinds(cross_check([a, b])) == kinds


def test_reconcile_numeric_an_implicit_single_victim_is_not_a_rival_toll() -> None:
    from dataclasses import replace

    toll = qty("qa", 100, category="killed", subject="troops")
    one = replace(qty("qb", 1, category="killed", subject="troops"), qualifier="implicit")
    assert _kinds(_pair(toll, one)) == []
    assert _kinds(_pair(toll, replace(one, qualifier=None))) == ["numeric"]
