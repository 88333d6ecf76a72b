from __future__ import annotations

import pytest
from reconcile_builders import fact, qty

from claimledger.model import Source
from claimledger.reconcile import cross_check
from claimledger.reconcile.grades import credibility, reliability

TEXT = "the depot was attacked by drones"


@pytest.mark.parametrize(
    "status,supporters,opponents,grade",
    [
        ("asserted", [], [], 6),
        ("asserted", ["s1"], [], 2),
        ("asserted", ["s1", "s2"], [], 1),
        ("hedged", ["s1"], [], 3),
        ("alleged", [], [], 4),
        ("hedged", [], [], 4),
        ("confirmed", [], [], 3),
        ("asserted", [], ["s1"], 4),
        ("asserted", [], ["s1", "s2"], 5),
        ("asserted", ["s3"], ["s1"], 3),
    ],
)
def test_grades_credibility_rules(status, supporters, opponents, grade):
    result = credibility("c", status=status, supporters=supporters, opponents=opponents)
    assert result.credibility == grade
    assert result.reasons


@pytest.mark.parametrize(
    "corroborated,contradicted,letter",
    [(0, 0, "F"), (2, 0, "F"), (9, 1, "B"), (6, 4, "C"), (4, 6, "D"), (1, 9, "E"), (19, 1, "A")],
)
def test_grades_suggested_reliability_from_track_record(corroborated, contradicted, letter):
    grade = reliability("s", registry=None, corroborated=corroborated, contradicted=contradicted)
    assert (grade.reliability, grade.suggested) == (letter, True)


@pytest.mark.parametrize("suggested,letter,kept", [(False, "B", True), (True, "B", False)])
def test_grades_analyst_reliability_wins(suggested, letter, kept):
    registry = Source(id="s", name="S", reliability=letter, reliability_suggested=suggested)
    grade = reliability("s", registry=registry, corroborated=0, contradicted=5)
    assert (grade.reliability == letter) is kept
    assert grade.suggested is not kept


def test_grades_from_a_ledger():
    facts = [
        fact("a", TEXT, source="Army", doc="d1"),
        fact("b", TEXT, source="Police", doc="d2"),
        fact("c", TEXT, source="Medics", doc="d3"),
        fact("d", "40 killed", source="Army", doc="d1", quantities=[qty("qd", 40)]),
        fact("e", "4 killed", source="Rebels", doc="d4", quantities=[qty("qe", 4)]),
        fact("f", "the minister resigned", source="Rebels", doc="d4"),
    ]
    grades = {g.claim_id: g.credibility for g in cross_check(facts).grades}
    assert grades == {"a": 1, "b": 1, "c": 1, "d": 4, "e": 4, "f": 6}


def test_grades_sources_in_result_use_registry():
    registry = [Source(id="s-army", name="Army", reliability="A")]
    facts = [fact("a", TEXT, source="Army", doc="d1"), fact("b", TEXT, source="Police", doc="d2")]
    grades = {g.source_id: g for g in cross_check(facts, sources=registry).source_grades}
    assert (grades["s-army"].reliability, grades["s-army"].suggested) == ("A", False)
    assert (grades["s-police"].reliability, grades["s-police"].suggested) == ("F", True)
