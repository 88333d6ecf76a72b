from __future__ import annotations

import claimledger.reconcile as reconcile


def test_reconcile_public_api_is_sorted_and_complete():
    assert reconcile.__all__ == sorted(reconcile.__all__, key=str.casefold)
    assert all(hasattr(reconcile, name) for name in reconcile.__all__)


def test_reconcile_empty_ledger():
    result = reconcile.cross_check([])
    assert result == reconcile.CrossCheckResult()


def test_reconcile_facts_of_groups_records_by_claim():
    from datetime import date

    from claimledger.model import Claim, Document, Extraction, Quantity, TextSpan

    text = "Officials said 40 died. Medics said 7 were hurt."
    span = TextSpan(text, 0, len(text))
    document = Document(
        id="d1", text=text, external_id="x", outlet="Wire", published=date(2025, 1, 2)
    )
    extraction = Extraction(
        claims=(Claim(id="d1:c1", content=span, document_id="d1"), Claim(id="d1:c2", content=span)),
        quantities=(Quantity(id="d1:q1", span=span, value=40, claim_id="d1:c1"),),
    )
    one, two = reconcile.facts_of(document, extraction, source_ids={"d1:c1": "s1"})
    assert (one.source_id, [q.id for q in one.quantities], one.outlet) == ("s1", ["d1:q1"], "Wire")
    assert (two.source_id, two.quantities, two.published) == (None, (), date(2025, 1, 2))
