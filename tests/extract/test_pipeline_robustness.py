"""The whole pipeline on arbitrary text: never crash, every span points into the text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.extract import process
from claimledger.model import Document, TextSpan

_PIECES = [
    "said",
    "told reporters",
    "according to",
    "the ministry",
    "Officials",
    "He",
    "killed",
    "wounded",
    "more than",
    "of which",
    "12",
    "1,100",
    "three",
    "in",
    "Varno",
    "on Friday",
    "March 3",
    "(Reuters)",
    "—",
    '"',
    "“",
    "”",
    "'",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "Der Minister sagte",
    "部长说",
    "١٢",
]


def _spans(record: object) -> Iterator[TextSpan]:
    if isinstance(record, TextSpan):
        yield record
    elif dataclasses.is_dataclass(record) and not isinstance(record, type):
        for field in dataclasses.fields(record):
            yield from _spans(getattr(record, field.name))
    elif isinstance(record, tuple | list):
        for item in record:
            yield from _spans(item)


@pytest.mark.model
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_pipeline_spans_always_point_into_the_text(nlp: object, text: str) -> None:
    document = Document(id="fuzz", text=text, external_id="fuzz", published=date(2025, 3, 7))
    for _, found in process(nlp, [document]):  # type: ignore[arg-type]
        for span in _spans(found):
            assert text[span.start : span.end] == span.text


def test_span_walker_finds_nested_spans() -> None:
    inner = TextSpan(text="b", start=1, end=2)
    found = list(_spans((Document(id="x", text="ab", external_id="x"), [inner])))
    assert found == [inner]
