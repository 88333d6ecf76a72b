from __future__ import annotations

from reconcile_builders import fact

from claimledger.reconcile import CrossCheckIndex, cross_check_new


def test_timeline_orders_reports_and_marks_status_changes():
    story = [
        fact("c", "the medic who was captured has died", source="Agency", doc="d3", day=4),
        fact(
            "a",
            "a medic was captured at the crossing",
            source="Gazette",
            doc="d1",
            status="reported",
        ),
        fact(
            "b",
            "the medic was captured at the crossing",
            source="Agency",
            doc="d2",
            day=1,
            status="confirmed",
        ),
    ]
    index = CrossCheckIndex()
    cross_check_new(story, index=index)
    entries = index.timeline("a")
    assert [e.claim_id for e in entries] == ["a", "b", "c"]
    assert [e.change for e in entries] == [
        None,
        "reported capture -> confirmed capture",
        "confirmed capture -> asserted capture; death",
    ]


def test_timeline_by_proposition_id():
    index = CrossCheckIndex()
    result = cross_check_new(
        [
            fact("a", "a medic was captured", doc="d1"),
            fact("b", "the medic was captured", doc="d2"),
        ],
        index=index,
    )
    (proposition,) = [p for p in result.propositions if p.topic == "capture"]
    assert [e.claim_id for e in index.timeline(proposition.id)] == ["a", "b"]
