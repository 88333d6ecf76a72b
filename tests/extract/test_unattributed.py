from __future__ import annotations

import pytest

from claimledger.extract.unattributed import unattributed_claims
from claimledger.model import Claim, Quantity, TextSpan

WORDS = ["Twelve", "died", ".", "Officials", "said", "3", "fled", "."]
SENT_STARTS = [True, False, False, True, False, False, False, False]


def _span(doc, start: int, end: int) -> TextSpan:
    tokens = doc[start:end]
    return TextSpan(tokens.text, tokens.start_char, tokens.end_char)


@pytest.mark.parametrize("attributed", [True, False])
def test_unattributed_claims_cover_figures_outside_attribution(make_doc, attributed: bool) -> None:
    doc = make_doc(WORDS, sent_starts=SENT_STARTS)
    twelve = Quantity(id="q1", span=_span(doc, 0, 1), value=12)
    three = Quantity(id="q2", span=_span(doc, 5, 6), value=3)
    claims = [Claim(id="c1", content=_span(doc, 5, 7))] if attributed else []

    found = list(unattributed_claims(doc, claims=claims, quantities=[twelve, three]))

    expected = ["Twelve died ."] if attributed else ["Twelve died .", "Officials said 3 fled ."]
    assert [c.content.text for c in found] == expected
    assert all(c.source is None and c.status == "asserted" for c in found)
    assert [c.id for c in found] == [f"u{i}" for i in range(1, len(expected) + 1)]
    for claim in found:
        assert doc.text[claim.content.start : claim.content.end] == claim.content.text
