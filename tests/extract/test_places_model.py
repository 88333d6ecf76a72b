"""The places, times and events components on the real model (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from claimledger.extract.events import events
from claimledger.model import Claim, TextSpan

TEXT = (
    "SEOUL, Jan. 10 (Reuters) -- Officials said Friday that a drone was shot down "
    "near Belgorod in October, not in Ukraine's Sumy region. "
    "Kim Min-su, an analyst at a think tank in Seoul, said troops were deployed to Moscow."
)


@pytest.mark.model
def test_places_times_on_model(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.published = date(2025, 1, 10)
    doc = nlp(doc)
    places = {(p.span.text, p.role) for p in doc._.cl_places}
    by_text = {p.span.text: p for p in doc._.cl_places}
    assert by_text["Belgorod"].feature == "admin1" and by_text["Belgorod"].country == "RU"
    assert by_text["Moscow"].geonames_id == 524901
    assert ("Sumy region", "negated") in places
    assert ("SEOUL", "speaker") in places
    times = {t.span.text: t.iso for t in doc._.cl_times}
    assert times["Friday"] == "2025-01-10" and times["October"] == "2024-10"


@pytest.mark.model
def test_events_on_model_parse_with_handmade_claims(nlp: Language) -> None:
    text = "Rescuers said two people were killed in Kharkiv on Tuesday."
    doc = nlp.make_doc(text)
    doc._.published = date(2025, 1, 10)
    doc = nlp(doc)
    content = "two people were killed in Kharkiv on Tuesday"
    start = text.index(content)
    claim = Claim(id="c1", content=TextSpan(content, start, start + len(content)))
    found = list(events(doc, claims=[claim], places=doc._.cl_places, times=doc._.cl_times))
    assert [(e.type, e.time) for e in found] == [("death", "2025-01-07")]
    place = next(p for p in doc._.cl_places if p.span.text == "Kharkiv")
    assert found[0].place_id == place.id and place.role == "event"
    assert found[0].participants == ("two people",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The convoy was struck in Marrowdale, not in Quillonbury.",
            [("Marrowdale", "event"), ("Quillonbury", "negated")],
        ),
        ("The weekly Dravenholm Courier reported the strike.", []),
    ],
)
def test_places_keep_unresolved_names_the_text_calls_places(
    nlp, text: str, expected: list[tuple[str, str]]
) -> None:
    from claimledger.extract import process
    from claimledger.model import Document

    ((_, extraction),) = list(process(nlp, [Document(id="d", text=text, external_id="x")]))
    unresolved = [(p.name, p.role) for p in extraction.places if p.feature == "unresolved"]
    assert unresolved == expected
    assert all(p.geonames_id is None for p in extraction.places if p.feature == "unresolved")
