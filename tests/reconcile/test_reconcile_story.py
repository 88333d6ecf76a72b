"""One made-up wire report with the shapes the acceptance example has."""

from __future__ import annotations

from reconcile_builders import fact, place, qty, span

from claimledger.model import Place
from claimledger.reconcile import cross_check

STORY = [
    fact("c1", "the first Sylvanian pilot taken prisoner has died of his wounds", source="Agency"),
    fact(
        "c2",
        "a wounded Sylvanian pilot had been captured",
        source="Agency",
        status="confirmed",
        via=("confirming reports in the local press",),
    ),
    fact(
        "c3",
        "the pilot was taken prisoner in Freedonia and not in North March",
        source="Agency",
        places=[place("Freedonia"), place("North March", role="negated")],
    ),
    fact(
        "c5",
        "the pilot was captured by rangers fighting in Lowtown",
        source="Gazette",
        status="reported",
        places=[place("Lowtown")],
    ),
    fact(
        "c6", "it would be the first capture, if confirmed", source="Gazette", status="conditional"
    ),
    fact(
        "c16",
        "put the number killed or wounded at more than 3,000",
        source="President",
        status="estimated",
        places=[place("North March")],
        quantities=[
            qty(
                "q2",
                3000,
                bound="more_than",
                category="killed_or_wounded",
                subject="Sylvanian troops",
            )
        ],
    ),
    fact(
        "c17",
        "1,100, of which only 100 were confirmed kills",
        source="General Staff",
        status="estimated",
        quantities=[
            qty("q3", 1100, category="killed_or_wounded", subject="Sylvanian troops"),
            qty("q4", 100, category="killed", subject="Sylvanian troops", subset_of="q3"),
        ],
    ),
]


def test_story_conflicts_subset_and_corroboration():
    result = cross_check(STORY)
    conflicts = {(c.kind, c.claim_ids, c.quantity_ids) for c in result.conflicts}
    assert ("numeric", ("c16", "c17"), ("q2", "q3")) in conflicts
    assert ("place", ("c3", "c5"), ()) in conflicts
    assert not any({"q3", "q4"} <= set(c.quantity_ids) for c in result.conflicts)
    assert len(conflicts) == 2
    assert any({"c2", "c5"} <= set(c.claim_ids) for c in result.corroborations)
    assert not any({"c3", "c5"} <= set(c.claim_ids) for c in result.corroborations)


def test_story_allegation_denied_across_documents():
    alleged = fact(
        "a",
        "Freedonian gunners had fired phosphorus shells into the school",
        source="Mayor",
        doc="d1",
        status="alleged",
    )
    denial = fact(
        "b",
        "Freedonian gunners used phosphorus shells in Lowtown",
        source="Freedonian Ministry",
        doc="d2",
        day=1,
        status="denied",
        places=[place("Lowtown")],
    )
    assert [c.kind for c in cross_check([alleged, denial]).conflicts] == ["status"]


def test_story_denial_of_a_figure_claim_is_found_by_words():
    figure = fact(
        "a",
        "rebel gunners shelled the ferry terminal, killing 9 passengers",
        source="Coastguard",
        doc="d1",
        quantities=[qty("qa", 9, subject="passengers")],
    )
    denial = fact(
        "b", "rebel gunners shelled the ferry terminal", source="Rebels", doc="d2", status="denied"
    )
    assert [c.kind for c in cross_check([figure, denial]).conflicts] == ["status"]


def test_story_negated_place_across_documents_even_when_places_are_apart():
    strike = fact(
        "a",
        "drones struck a fuel convoy near Lowtown on Tuesday",
        source="Sylvanian Ministry",
        doc="d1",
        places=[place("Lowtown")],
    )
    denial = fact(
        "b",
        "the convoy was struck in Eastfield, not in Lowtown",
        source="Freedonian Ministry",
        doc="d2",
        places=[place("Eastfield"), place("Lowtown", role="negated")],
    )
    copy = fact(
        "c",
        "drones struck a fuel convoy near Lowtown on Tuesday",
        source="Sylvanian Ministry",
        doc="d3",
        outlet="Courier",
        duplicate_of="d1",
        places=[place("Lowtown")],
    )
    result = cross_check([strike, denial, copy])
    assert [c.claim_ids for c in result.conflicts] == [("a", "b")]  # the copy's repeat is not
    assert result.corroborations == ()
    assert {g.claim_id: g.credibility for g in result.grades}["c"] == 4


def test_story_same_source_raises_an_open_count():
    first = fact(
        "a",
        "at least 12 killed",
        source="Rescuers",
        doc="d1",
        quantities=[qty("qa", 12, bound="at_least")],
    )
    later = fact(
        "b", "the toll rose to 31", source="Rescuers", doc="d2", day=2, quantities=[qty("qb", 31)]
    )
    result = cross_check([first, later])
    assert [c.kind for c in result.conflicts] == ["revision"]


def test_story_vague_count_agrees_with_a_later_exact_one():
    first = fact(
        "a",
        "dozens more were wounded",
        source="Rescuers",
        doc="d1",
        quantities=[qty("qa", 12, bound="vague", low=24, high=99, category="wounded")],
    )
    later = fact(
        "b",
        "another 58 were wounded",
        source="Hospital",
        doc="d2",
        day=2,
        quantities=[qty("qb", 58, category="wounded")],
    )
    assert cross_check([first, later]).conflicts == ()


def test_story_same_source_update_without_subject_or_resolved_place():
    brook = Place(id="pb", span=span("Brookmoor"), name="Brookmoor", role="event")
    first = fact(
        "a",
        "at least 12 killed in Brookmoor",
        source="Rescuers",
        doc="d1",
        places=[brook],
        quantities=[qty("qa", 12, bound="at_least", subject=None)],
    )
    later = fact(
        "b",
        "the toll rose to 31",
        source="Rescuers",
        doc="d2",
        day=2,
        quantities=[qty("qb", 31, subject=None)],
    )
    other = fact(
        "c",
        "9 killed in Brookmoor",
        source="Medics",
        doc="d3",
        day=1,
        places=[brook],
        quantities=[qty("qc", 9, subject=None)],
    )
    kinds = {(c.kind, c.claim_ids) for c in cross_check([first, later, other]).conflicts}
    assert kinds == {("revision", ("a", "b")), ("numeric", ("a", "c"))}
