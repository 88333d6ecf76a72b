from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from claimledger.extract.events import EVENT_TYPES, event_triggers, events
from claimledger.model import Claim, Place, Quantity, TextSpan, TimeRef


def _span(doc: Doc, text: str) -> TextSpan:
    start = doc.text.index(text)
    return TextSpan(text, start, start + len(text))


@pytest.fixture
def capture_doc(make_doc: Callable[..., Doc]) -> Doc:
    words = ["Officials", "said", "the", "soldier", "was", "captured", "in", "Ukraine", "on"]
    words += ["Monday", "and", "later", "died", "."]
    return make_doc(
        words,
        spaces=[True] * 12 + [False, False],
        lemmas=["official", "say", "the", "soldier", "be", "capture", "in", "Ukraine", "on"]
        + ["Monday", "and", "later", "die", "."],
        pos=["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN"]
        + ["CCONJ", "ADV", "VERB", "PUNCT"],
        heads=[1, 1, 3, 5, 5, 1, 5, 6, 5, 8, 5, 12, 5, 1],
        deps=["nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "prep", "pobj", "prep"]
        + ["pobj", "cc", "advmod", "conj", "punct"],
        ents=["O"] * 7 + ["B-GPE", "O", "B-DATE", "O", "O", "O", "O"],
    )


@pytest.mark.parametrize("role", ["event", None])
def test_events_capture_and_death_with_place_and_time(capture_doc: Doc, role: str | None) -> None:
    claim = Claim(
        id="c1",
        content=_span(capture_doc, "the soldier was captured in Ukraine on Monday and later died"),
    )
    place = Place(id="p1", span=_span(capture_doc, "Ukraine"), name="Ukraine", role=role)
    monday = date(2024, 12, 23)
    time = TimeRef(id="t1", span=_span(capture_doc, "Monday"), start=monday, end=monday)
    found = list(events(capture_doc, claims=[claim], places=[place], times=[time]))
    assert [(e.id, e.type) for e in found] == [("e1", "capture"), ("e2", "death")]
    assert found[0].participants == ("the soldier",)
    assert {e.place_id for e in found} == {"p1"} and {e.time for e in found} == {"2024-12-23"}
    assert {e.claim_id for e in found} == {"c1"}


@pytest.mark.parametrize("role", ["speaker", "negated"])
def test_events_ignore_speaker_and_negated_places(capture_doc: Doc, role: str) -> None:
    claim = Claim(id="c1", content=_span(capture_doc, "the soldier was captured in Ukraine"))
    place = Place(id="p1", span=_span(capture_doc, "Ukraine"), name="Ukraine", role=role)
    found = list(events(capture_doc, claims=[claim], places=[place]))
    assert [e.place_id for e in found] == [None]


@pytest.mark.parametrize(
    "words,lemmas,category,expected",
    [
        (
            ["put", "those", "killed", "or", "wounded", "at", "3,000"],
            ["put", "those", "kill", "or", "wound", "at", "3,000"],
            "killed_or_wounded",
            ["casualties"],
        ),
        (
            ["put", "the", "toll", "at", "40"],
            ["put", "the", "toll", "at", "40"],
            "killed",
            ["death"],
        ),
        (["sent", "11,000", "troops"], ["send", "11,000", "troop"], "deployed", ["deployment"]),
        (["the", "weather", "was", "mild"], ["the", "weather", "be", "mild"], "other", []),
    ],
)
def test_events_from_triggers_and_figures(
    make_doc: Callable[..., Doc],
    words: list[str],
    lemmas: list[str],
    category: str,
    expected: list[str],
) -> None:
    doc = make_doc(words, lemmas=lemmas)
    claim = Claim(id="c1", content=TextSpan(doc.text, 0, len(doc.text)))
    number = doc[-1] if category != "other" else doc[0]
    figure = Quantity(
        id="q1",
        span=TextSpan(number.text, number.idx, number.idx + len(number)),
        value=1.0,
        category=category,
    )
    assert [e.type for e in events(doc, claims=[claim], quantities=[figure])] == expected


@pytest.mark.parametrize(
    "words", [["Kim", "said", "Park", "claimed", "troops", "were", "deployed"]]
)
def test_events_belong_to_the_innermost_claim(
    make_doc: Callable[..., Doc], words: list[str]
) -> None:
    lemmas = ["Kim", "say", "Park", "claim", "troop", "be", "deploy"]
    doc = make_doc(words, lemmas=lemmas, ents=["B-PERSON", "O", "B-PERSON"] + ["O"] * 4)
    outer = Claim(id="c1", content=_span(doc, "Park claimed troops were deployed"))
    inner = Claim(id="c2", content=_span(doc, "troops were deployed"), parent_id="c1")
    found = list(events(doc, claims=[outer, inner]))
    assert [(e.type, e.claim_id) for e in found] == [("deployment", "c2")]


def test_events_trigger_data_covers_types() -> None:
    triggers = event_triggers()
    assert set(triggers) == set(EVENT_TYPES) - {"other"}
    assert ("take", "prisoner") in triggers["capture"] and ("die",) in triggers["death"]
