from __future__ import annotations

import pytest
from reconcile_builders import fact

from claimledger.reconcile import cross_check


@pytest.mark.parametrize(
    "status_a,status_b,kinds",
    [
        ("confirmed", "denied", ["status"]),
        ("reported", "denied", ["status"]),
        ("denied", "denied", []),
        ("hedged", "denied", []),
        ("opinion", "denied", []),
        ("confirmed", "reported", []),
    ],
)
def test_status_denial_contradicts_affirmation(status_a, status_b, kinds):
    a = fact("a", "the convoy was attacked near the bridge", source="Army", status=status_a)
    b = fact("b", "the convoy was attacked near the bridge", source="Rebels", status=status_b)
    assert sorted(c.kind for c in cross_check([a, b]).conflicts) == kinds


def test_status_died_versus_alive():
    a = fact("a", "the governor died in hospital", source="Agency", doc="d1")
    b = fact("b", "the governor is alive and well", source="Spokesman", doc="d2", day=1)
    result = cross_check([a, b])
    assert [c.kind for c in result.conflicts] == ["status"]
    assert "death" in result.conflicts[0].summary and "alive" in result.conflicts[0].summary


def test_status_denial_of_unrelated_statement_is_not_a_conflict():
    a = fact("a", "the convoy was attacked near the bridge", source="Army")
    b = fact("b", "the minister resigned over the budget", source="Rebels", status="denied")
    assert cross_check([a, b]).conflicts == ()


def test_status_content_groups_claims_without_events_by_word_overlap():
    a = fact("a", "the ceasefire talks resumed in the capital today", source="Envoy")
    b = fact("b", "ceasefire talks resumed in the capital", source="Rebels", status="denied")
    result = cross_check([a, b])
    assert [c.kind for c in result.conflicts] == ["status"]
    assert any(p.kind == "content" and p.claim_ids == ("a", "b") for p in result.propositions)
