from __future__ import annotations

import pytest

from claimledger.extract.assemble import assemble
from claimledger.model import Claim, Quantity, TextSpan, TimeRef

TEXT = "Officials said 40 people died on Friday. Later, 3 more were found."


def _span(text: str) -> TextSpan:
    start = TEXT.index(text)
    return TextSpan(text, start, start + len(text))


@pytest.mark.parametrize("document_id", ["d1", "abc123"])
def test_assemble_prefixes_ids_and_links_records_to_claims(document_id: str) -> None:
    from datetime import date

    claim = Claim(id="c1", content=_span("40 people died on Friday"))
    inside = Quantity(id="q1", span=_span("40"), value=40.0)
    outside = Quantity(id="q2", span=_span("3"), value=3.0, subset_of="q1")
    friday = TimeRef(
        id="t1", span=_span("Friday"), start=date(2024, 12, 27), end=date(2024, 12, 27)
    )

    result = assemble(
        document_id=document_id, claims=[claim], quantities=[inside, outside], times=[friday]
    )

    assert [c.id for c in result.claims] == [f"{document_id}:c1"]
    assert result.claims[0].document_id == document_id
    assert result.claims[0].event_time == "2024-12-27"
    q1, q2 = result.quantities
    assert q1.claim_id == f"{document_id}:c1"
    assert q2.claim_id is None
    assert q2.subset_of == f"{document_id}:q1"


def test_assemble_prefers_the_innermost_claim() -> None:
    outer = Claim(id="c1", content=_span("40 people died on Friday. Later, 3 more"))
    inner = Claim(id="c2", content=_span("40 people died"), parent_id="c1")
    quantity = Quantity(id="q1", span=_span("40"), value=40.0)

    result = assemble(document_id="d", claims=[outer, inner], quantities=[quantity])

    assert result.quantities[0].claim_id == "d:c2"
    assert result.claims[1].parent_id == "d:c1"
