from __future__ import annotations

import pytest
from reconcile_builders import fact, place

from claimledger.reconcile import cross_check
from claimledger.reconcile.geography import compatible, contains


@pytest.mark.parametrize(
    "outer,inner,inside",
    [
        ("Sylvania", "North March", True),
        ("Sylvania", "Lowtown", True),
        ("North March", "Lowtown", True),
        ("North March", "Harbourside", False),
        ("Lowtown", "North March", False),
        ("Freedonia", "Lowtown", False),
        ("Lowtown", "Lowtown", True),
    ],
)
def test_geography_containment(outer, inner, inside):
    assert contains(place(outer), place(inner)) is inside


@pytest.mark.parametrize(
    "a,b,ok",
    [("Lowtown", "Sylvania", True), ("Sylvania", "Lowtown", True), ("Lowtown", "Freedonia", False)],
)
def test_geography_compatible_is_symmetric(a, b, ok):
    assert compatible(place(a), place(b)) is ok
    assert compatible(place(b), place(a)) is ok


def _capture(cid, places, *, source, doc="d1"):
    return fact(cid, "the courier was captured", source=source, doc=doc, places=places)


@pytest.mark.parametrize(
    "places_a,places_b,kinds",
    [
        # "in the city" vs "in the city's country" agree
        ([place("Lowtown")], [place("Sylvania")], []),
        ([place("Lowtown")], [place("North March")], []),
        # "not in X" vs "in X" (or inside X) contradict
        ([place("Lowtown")], [place("Freedonia"), place("North March", role="negated")], ["place"]),
        ([place("Lowtown")], [place("Sylvania", role="negated")], ["place"]),
        # places apart contradict
        ([place("Lowtown")], [place("Freedonia")], ["place"]),
        # the speaker's place says nothing about the event
        ([place("Lowtown")], [place("Freedonia", role="speaker")], []),
        # "not in Harbourside" says nothing against Lowtown
        ([place("Lowtown")], [place("Harbourside", role="negated")], []),
    ],
)
def test_places_conflicts_by_containment(places_a, places_b, kinds):
    result = cross_check(
        [_capture("a", places_a, source="Gazette"), _capture("b", places_b, source="Agency")]
    )
    assert sorted(c.kind for c in result.conflicts) == kinds


def test_places_two_attacks_in_two_cities_are_two_events():
    a = fact("a", "drones attacked the depot", source="Army", doc="d1", places=[place("Lowtown")])
    b = fact(
        "b", "drones attacked the depot", source="Police", doc="d2", places=[place("Eastfield")]
    )
    assert cross_check([a, b]).conflicts == ()


def test_places_negation_within_a_document_needs_no_shared_words():
    a = fact("a", "it was captured near the river", source="Gazette", places=[place("Lowtown")])
    b = fact(
        "b",
        "taken prisoner in Freedonia, not North March",
        source="Agency",
        places=[place("Freedonia"), place("North March", role="negated")],
    )
    result = cross_check([a, b])
    assert [c.kind for c in result.conflicts] == ["place"]
    assert "Gazette" in result.conflicts[0].summary and "Agency" in result.conflicts[0].summary


def test_places_same_source_is_not_a_conflict():
    result = cross_check(
        [
            _capture("a", [place("Lowtown")], source="Agency"),
            _capture("b", [place("Freedonia")], source="Agency"),
        ]
    )
    assert result.conflicts == ()
