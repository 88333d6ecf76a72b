"""Quotation spans from raw text: marks, paragraphs, and broken input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.extract.quotes import quote_spans


@pytest.mark.parametrize(
    "text,quotes",
    [
        ('He said: "We won." Then he left.', ['"We won."']),
        ("“One.” and “Two.”", ["“One.”", "“Two.”"]),
        (
            "“First paragraph.\n\n“Second paragraph.”\nAfter.",
            ["“First paragraph.\n\n“Second paragraph.”"],
        ),
        ("“Never closed\n\nNext paragraph.", ["“Never closed"]),
        ("''Wire style,'' she said.", ["''Wire style,''"]),
        ('He is 6" tall.', []),
        ("“Opened “again and closed.”", ["“again and closed.”"]),
        ("", []),
    ],
)
def test_quotes_spans(text: str, quotes: list[str]) -> None:
    assert [text[a:b] for a, b in quote_spans(text)] == quotes


@given(st.text(alphabet=st.sampled_from(list("ab \n\"“”'«»,.")), max_size=80))
def test_quotes_never_fail_and_stay_in_text(text: str) -> None:
    spans = quote_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(prev[1] <= nxt[0] for prev, nxt in zip(spans, spans[1:], strict=False))
