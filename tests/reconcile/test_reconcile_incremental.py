from __future__ import annotations

from reconcile_builders import fact, qty

from claimledger.reconcile import CrossCheckIndex, cross_check, cross_check_new


def _ledger():
    return [
        fact("a", "12 killed in the raid", source="Army", doc="d1", quantities=[qty("qa", 12)]),
        fact("b", "the bridge was attacked", source="Army", doc="d1"),
        fact(
            "c",
            "40 killed in the raid",
            source="Police",
            doc="d2",
            day=0,
            quantities=[qty("qc", 40)],
        ),
        fact("d", "the bridge was attacked", source="Police", doc="d2"),
        fact(
            "e",
            "55 killed in the raid",
            source="Medics",
            doc="d3",
            day=3,
            quantities=[qty("qe", 55)],
        ),
    ]


def _set(records):
    return {(r.kind, r.claim_ids, r.quantity_ids) for r in records}


def test_incremental_finds_what_a_full_run_finds():
    full = cross_check(_ledger())
    index = CrossCheckIndex()
    conflicts, corroborations = [], {}
    for doc in ("d1", "d2", "d3"):
        result = cross_check_new([f for f in _ledger() if f.document_id == doc], index=index)
        conflicts.extend(result.conflicts)
        for retired in result.retired_ids:
            corroborations.pop(retired, None)
        corroborations.update({c.id: c for c in result.corroborations})
    assert _set(conflicts) == _set(full.conflicts)
    assert _set(corroborations.values()) == _set(full.corroborations)
    assert len(index) == 5


def test_incremental_retires_estimates_of_grown_propositions():
    index = CrossCheckIndex()
    first = cross_check_new([f for f in _ledger() if f.document_id == "d1"], index=index)
    second = cross_check_new([f for f in _ledger() if f.document_id == "d2"], index=index)
    old = {e.id for e in first.estimates}
    assert old <= set(second.retired_ids)
    (grown,) = [e for e in second.estimates if e.category == "killed"]
    assert grown.quantity_ids == ("qa", "qc")


def test_incremental_skips_claims_already_indexed():
    index = CrossCheckIndex()
    cross_check_new(_ledger(), index=index)
    again = cross_check_new(_ledger(), index=index)
    assert again.conflicts == () and again.propositions == ()


def test_incremental_returns_only_touched_propositions():
    index = CrossCheckIndex()
    cross_check_new(_ledger(), index=index)
    lone = fact("z", "the minister resigned", source="Rebels", doc="d9")
    result = cross_check_new([lone], index=index)
    assert [p.claim_ids for p in result.propositions] == [("z",)]
    assert [g.claim_id for g in result.grades] == ["z"]


def test_incremental_updates_grades_of_earlier_claims():
    index = CrossCheckIndex()
    cross_check_new([fact("a", "the bridge was attacked", source="Army", doc="d1")], index=index)
    result = cross_check_new(
        [fact("b", "the bridge was attacked", source="Police", doc="d2")], index=index
    )
    assert {g.claim_id: g.credibility for g in result.grades} == {"a": 2, "b": 2}


def test_ids_are_deterministic_across_runs():
    one, two = cross_check(_ledger()), cross_check(list(reversed(_ledger())))
    assert sorted(c.id for c in one.conflicts) == sorted(c.id for c in two.conflicts)
    assert sorted(e.id for e in one.estimates) == sorted(e.id for e in two.estimates)
