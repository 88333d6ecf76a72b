"""Figures that are not more wounded than the text says (#4): dead taken to hospital,
counts of wounds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.quantities import quantities
from claimledger.extract.spans import number_spans
from claimledger.model import Quantity

# One token per row: word, lemma, pos, tag, head (absolute index), dep.
Row = tuple[str, str, str, str, int, str]


def _figures(make_doc: Callable[..., Doc], rows: list[Row]) -> list[Quantity]:
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=True))
    doc = make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)
    return list(quantities(doc))


def _taken_to_hospital(subject: list[Row]) -> list[Row]:
    """ "Three guards were taken to the hospital where <subject> died." """
    at = 9 + len(subject)  # index of "died"
    return [
        ("Three", "three", "NUM", "CD", 1, "nummod"),
        ("guards", "guard", "NOUN", "NNS", 3, "nsubjpass"),
        ("were", "be", "AUX", "VBD", 3, "auxpass"),
        ("taken", "take", "VERB", "VBN", 3, "ROOT"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("hospital", "hospital", "NOUN", "NN", 4, "pobj"),
        ("where", "where", "SCONJ", "WRB", at, "advmod"),
        *subject,
        ("later", "later", "ADV", "RB", at, "advmod"),
        ("died", "die", "VERB", "VBD", 6, "relcl"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]


@pytest.mark.parametrize(
    "subject,category",
    [
        ([], "wounded"),  # no death clause: taken to hospital, hurt
        ([("they", "they", "PRON", "PRP", 10, "nsubj")], "killed"),
        ([("Smith", "smith", "PROPN", "NNP", 10, "nsubj")], "killed_or_wounded"),
    ],
)
def test_those_taken_where_someone_died_are_not_all_wounded(
    make_doc: Callable[..., Doc], subject: list[Row], category: str
) -> None:
    rows = _taken_to_hospital(subject)
    if not subject:  # "Three guards were taken to the hospital."
        rows = [*rows[:7], (".", ".", "PUNCT", ".", 3, "punct")]
    found = _figures(make_doc, rows)
    counts = [q for q in found if q.span.text == "Three" and q.qualifier != "derived"]
    assert [q.category for q in counts] == [category]


TWO_WOUNDS: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("victim", "victim", "NOUN", "NN", 2, "nsubj"),
    ("had", "have", "VERB", "VBD", 2, "ROOT"),
    ("two", "two", "NUM", "CD", 5, "nummod"),
    ("gunshot", "gunshot", "NOUN", "NN", 5, "compound"),
    ("wounds", "wound", "NOUN", "NNS", 2, "dobj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_a_count_of_wounds_is_no_count_of_wounded(make_doc: Callable[..., Doc]) -> None:
    found = _figures(make_doc, TWO_WOUNDS)
    assert [q.category for q in found if q.value == 2.0] == ["other"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        ("Both workers were rushed to a hospital, where they were pronounced dead.", 2.0, 0.0),
        ("The cashier was taken to the hospital where he later died.", 1.0, 0.0),
        ("An older man was found with 14 stab wounds on his arms.", 0.0, 1.0),
        # counted apart from the dead: "others" were shot, none of them died
        ("Two guards were killed and three others were shot at the depot.", 2.0, 3.0),
        ("One clerk died on Monday. Four other workers were shot.", 1.0, 4.0),
        # a count taken to hospital may include who died there later ...
        ("One clerk died on Monday. Four workers were taken to the hospital.", 1.0, 3.0),
        ("Both guards were taken to the hospital, where one of them died.", 1.0, 1.0),
        # the harm named on the counted noun
        ("Deputies found two men, a driver and a cook, with gunshot wounds.", 0.0, 2.0),
        ("A clerk died while three other shooting victims are in stable condition.", 1.0, 3.0),
        # ... unless they were taken there for treatment
        (
            "One clerk died on Monday. Four workers were taken to a hospital for treatment.",
            1.0,
            4.0,
        ),
    ],
)
def test_overcount_readings(nlp: Language, text: str, killed: float, wounded: float) -> None:
    found = list(nlp(text)._.cl_quantities)
    largest = {
        category: max((q.value for q in found if q.category == category), default=0.0)
        for category in ("killed", "wounded")
    }
    assert (largest["killed"], largest["wounded"]) == (killed, wounded)


NO_INJURIES: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("guard", "guard", "NOUN", "NN", 2, "nsubj"),
    ("suffered", "suffer", "VERB", "VBD", 2, "ROOT"),
    ("no", "no", "DET", "DT", 4, "det"),
    ("injuries", "injury", "NOUN", "NNS", 2, "dobj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


@pytest.mark.parametrize("det,expected", [("no", []), ("minor", ["wounded"])])
def test_suffering_no_injuries_is_no_wounded(
    make_doc: Callable[..., Doc], det: str, expected: list[str]
) -> None:
    dep = "det" if det == "no" else "amod"
    rows = [*NO_INJURIES[:3], (det, det, "DET" if det == "no" else "ADJ", "DT", 4, dep)]
    found = _figures(make_doc, [*rows, *NO_INJURIES[4:]])
    assert [q.category for q in found] == expected


@pytest.mark.parametrize(
    "words,counts",
    [
        (["a", "wound", "at", "63", "Elm", "Trace", "."], []),  # a house number
        (["a", "4", "yo", "boy", "was", "shot", "."], []),  # an age
        (["4", "boys", "were", "shot", "."], ["4"]),
    ],
)
def test_house_numbers_and_ages_are_no_counts(
    make_doc: Callable[..., Doc], words: list[str], counts: list[str]
) -> None:
    found = number_spans(make_doc(words))
    assert [span.number.text for span in found] == counts
