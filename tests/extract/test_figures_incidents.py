"""Figures in GVA-style local news: ranges, other incidents, victims across sentences (#4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimledger.extract.categories import lexicons, read_category
from claimledger.extract.numbers import read_number
from claimledger.extract.partitions import wounded_less_dead
from claimledger.extract.quantities import quantities
from claimledger.extract.scope import scope_of
from claimledger.extract.spans import number_spans
from claimledger.model import Quantity, TextSpan


@pytest.mark.parametrize(
    "words,upper",
    [
        (["Between", "200", "-", "300", "people", "fled"], "300"),
        (["from", "100", "-", "150", "homes"], "150"),
    ],
)
def test_spans_three_digit_range_is_no_phone_number(
    make_doc: Callable[..., Doc], words: list[str], upper: str
) -> None:
    found = list(number_spans(make_doc(words)))
    assert [(n.number.text, n.upper.text if n.upper else None) for n in found] == [
        (words[1], upper)
    ]


@pytest.mark.parametrize(
    "words",
    [
        ["call", "555", "-", "0134", "now"],  # a local number
        ["call", "(", "919", ")", "555", "-", "0134"],  # after an area code
        ["a", "911", "call", "came", "in"],  # the emergency number
    ],
)
def test_spans_phone_numbers_are_no_counts(make_doc: Callable[..., Doc], words: list[str]) -> None:
    found = {n.number.text for n in number_spans(make_doc(words))}
    assert not found & {"555", "0134", "911"}


@pytest.mark.parametrize(
    "text,index,expected",
    [
        ("So far this year 212 people were shot in town", 4, "cumulative"),
        ("Since March 40 residents have died by gunfire", 2, "cumulative"),
        ("Citywide 90 people were hurt", 1, "cumulative"),
        ("In a separate shooting two teens were wounded", 5, "separate"),
        ("An unrelated attack this year left 3 hurt", 7, "separate"),  # separate wins
        ("Two teens were wounded in the park on Friday", 0, None),
        ("A daylight shooting last year left four wounded", 6, None),  # dates the story's own
        ("Police said the shooting in 2015 left two dead", 8, None),
    ],
)
def test_scope_of_reads_the_sentence(
    make_doc: Callable[..., Doc], text: str, index: int, expected: str | None
) -> None:
    doc = make_doc(text.split())
    assert scope_of(doc[index]) == expected


@pytest.mark.parametrize(
    "words,heads,deps,expected",
    [
        (
            ["9", "were", "hurt", "in", "three", "shootings"],
            [2, 2, 2, 2, 5, 3],
            ["nsubjpass", "auxpass", "ROOT", "prep", "nummod", "pobj"],
            "cumulative",
        ),
        (
            ["9", "were", "hurt", "in", "shootings", "across", "Ohio"],
            [2, 2, 2, 2, 3, 4, 5],
            ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj"],
            "cumulative",
        ),
        (
            ["9", "were", "hurt", "in", "the", "shootings"],
            [2, 2, 2, 2, 5, 3],
            ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj"],
            None,
        ),
    ],
)
def test_scope_of_several_incidents_are_a_total(
    make_doc: Callable[..., Doc],
    words: list[str],
    heads: list[int],
    deps: list[str],
    expected: str | None,
) -> None:
    doc = make_doc(words, heads=heads, deps=deps)
    assert scope_of(doc[0]) == expected


# One token per row: word, lemma, pos, tag, head (absolute index), dep.
Row = tuple[str, str, str, str, int, str]
KILLED_THIS_YEAR: list[Row] = [
    ("12", "12", "NUM", "CD", 1, "nummod"),
    ("people", "people", "NOUN", "NNS", 3, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 3, "auxpass"),
    ("killed", "kill", "VERB", "VBN", 3, "ROOT"),
    ("this", "this", "DET", "DT", 5, "det"),
    ("year", "year", "NOUN", "NN", 3, "npadvmod"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
SHOT_LATER_DIED: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("man", "man", "NOUN", "NN", 3, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 3, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 3, "ROOT"),
    ("and", "and", "CCONJ", "CC", 3, "cc"),
    ("later", "later", "ADV", "RB", 6, "advmod"),
    ("died", "die", "VERB", "VBD", 3, "conj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
SHOT_BUT_SURVIVED: list[Row] = [
    ("Two", "two", "NUM", "CD", 1, "nummod"),
    ("guards", "guard", "NOUN", "NNS", 3, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 3, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 3, "ROOT"),
    ("but", "but", "CCONJ", "CC", 3, "cc"),
    ("survived", "survive", "VERB", "VBD", 3, "conj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
RECOVERING: list[Row] = [
    ("Four", "four", "NUM", "CD", 1, "nummod"),
    ("people", "people", "NOUN", "NNS", 3, "nsubj"),
    ("are", "be", "AUX", "VBP", 3, "aux"),
    ("recovering", "recover", "VERB", "VBG", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def _doc(make_doc: Callable[..., Doc], rows: list[Row]) -> Doc:
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=True))
    return make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)


@pytest.mark.parametrize(
    "rows,expected",
    [
        (KILLED_THIS_YEAR, [("killed", 12.0, "cumulative")]),
        (SHOT_LATER_DIED, [("killed", 1.0, "implicit")]),
        (RECOVERING, [("wounded", 4.0, None)]),
    ],
)
def test_quantities_scope_and_victim_verbs(
    make_doc: Callable[..., Doc], rows: list[Row], expected: list[tuple[str, float, str | None]]
) -> None:
    found = list(quantities(_doc(make_doc, rows)))
    assert [(q.category, q.value, q.qualifier) for q in found] == expected


def test_categories_survivors_of_a_shooting_are_wounded_not_shot(
    make_doc: Callable[..., Doc],
) -> None:
    # Only "shot" would leave the count open to including the dead (shot=True).
    doc = _doc(make_doc, SHOT_BUT_SURVIVED)
    assert read_category(doc[1], lex=lexicons()) == ("wounded", False)


WHO_WAS_SHOT: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("clerk", "clerk", "NOUN", "NN", 6, "nsubj"),
    ("who", "who", "PRON", "WP", 4, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 4, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 1, "relcl"),
    ("is", "be", "AUX", "VBZ", 6, "aux"),
    ("recovering", "recover", "VERB", "VBG", 6, "ROOT"),
    (".", ".", "PUNCT", ".", 6, "punct"),
]
SHOT_HIMSELF: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("man", "man", "NOUN", "NN", 2, "nsubj"),
    ("shot", "shoot", "VERB", "VBD", 2, "ROOT"),
    ("himself", "himself", "PRON", "PRP", 2, "dobj"),
    ("in", "in", "ADP", "IN", 2, "prep"),
    ("the", "the", "DET", "DT", 6, "det"),
    ("foot", "foot", "NOUN", "NN", 4, "pobj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]
MAN_WHO_DIED: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("man", "man", "NOUN", "NN", 4, "nsubj"),
    ("who", "who", "PRON", "WP", 3, "nsubj"),
    ("died", "die", "VERB", "VBD", 1, "relcl"),
    ("was", "be", "AUX", "VBD", 4, "ROOT"),
    ("30", "30", "NUM", "CD", 4, "attr"),
    (".", ".", "PUNCT", ".", 4, "punct"),
]


@pytest.mark.parametrize(
    "rows,expected",
    [
        (WHO_WAS_SHOT, ("wounded", "A clerk")),
        (SHOT_HIMSELF, ("wounded", "A man")),
        (MAN_WHO_DIED, ("killed", "The man")),
    ],
)
def test_implicit_victim_of_its_own_clause(
    make_doc: Callable[..., Doc], rows: list[Row], expected: tuple[str, str]
) -> None:
    found = [q for q in quantities(_doc(make_doc, rows)) if q.qualifier == "implicit"]
    assert [(q.category, q.span.text) for q in found] == [expected]


SHOT_THEN_HE_DIED: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("teen", "teen", "NOUN", "NN", 3, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 3, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("He", "he", "PRON", "PRP", 6, "nsubj"),
    ("died", "die", "VERB", "VBD", 6, "ROOT"),
    (".", ".", "PUNCT", ".", 6, "punct"),
]


def test_quantities_shot_victim_is_the_pronoun_who_died(make_doc: Callable[..., Doc]) -> None:
    found = list(quantities(_doc(make_doc, SHOT_THEN_HE_DIED)))
    assert [(q.span.text, q.category) for q in found] == [
        ("A teen", "killed_or_wounded"),
        ("He", "killed"),
    ]


@pytest.mark.parametrize(
    "words,value",
    [(["half", "-", "dozen"], 6.0), (["half", "a", "dozen"], 6.0), (["a", "dozen"], 12.0)],
)
def test_numbers_half_a_dozen_is_six(words: list[str], value: float) -> None:
    reading = read_number(words)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize(
    "words,ages",
    [
        (["kids", "between", "the", "ages", "of", "11", "and", "15", "were", "hurt"], {"11", "15"}),
        (["a", "16", "and", "17", "-", "year", "-", "old", "were", "shot"], {"16"}),
    ],
)
def test_spans_ages_in_pairs_are_no_counts(
    make_doc: Callable[..., Doc], words: list[str], ages: set[str]
) -> None:
    spaces = [w not in {"-"} and words[i + 1 : i + 2] != ["-"] for i, w in enumerate(words)]
    found = {n.number.text for n in number_spans(make_doc(words, spaces=spaces))}
    assert not found & ages


def _q(id_: str, category: str, value: float, **fields: object) -> Quantity:
    return Quantity(id=id_, span=TextSpan("x", 0, 1), value=value, category=category, **fields)  # type: ignore[arg-type]


def test_partitions_wounded_with_dead_parts_gives_the_survivors() -> None:
    found = [_q("q1", "wounded", 6.0, low=6.0, high=6.0), _q("q2", "killed", 2.0, subset_of="q1")]
    out = wounded_less_dead(found)
    assert [(q.id, q.category, q.value, q.qualifier, q.subset_of) for q in out] == [
        ("q1", "killed_or_wounded", 6.0, None, None),
        ("q2", "wounded", 4.0, "derived", "q1"),
        ("q3", "killed", 2.0, None, "q1"),
    ]


def test_partitions_leave_derived_and_unlinked_figures_alone() -> None:
    found = [
        _q("q1", "wounded", 2.0, qualifier="derived"),
        _q("q2", "killed", 1.0, subset_of="q1"),
        _q("q3", "wounded", 5.0),
    ]
    assert wounded_less_dead(found) == found


NOT_WOUNDED: list[Row] = [
    ("Two", "two", "NUM", "CD", 1, "nummod"),
    ("others", "other", "NOUN", "NNS", 4, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 4, "auxpass"),
    ("not", "not", "PART", "RB", 4, "neg"),
    ("wounded", "wound", "VERB", "VBN", 4, "ROOT"),
    (".", ".", "PUNCT", ".", 4, "punct"),
]
HIT_BY_GUNFIRE: list[Row] = [
    ("Five", "five", "NUM", "CD", 1, "nummod"),
    ("people", "people", "NOUN", "NNS", 3, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 3, "auxpass"),
    ("hit", "hit", "VERB", "VBN", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


@pytest.mark.parametrize("rows,category", [(NOT_WOUNDED, "other"), (HIT_BY_GUNFIRE, "wounded")])
def test_quantities_negated_and_hit(
    make_doc: Callable[..., Doc], rows: list[Row], category: str
) -> None:
    assert [q.category for q in quantities(_doc(make_doc, rows))] == [category]


@pytest.mark.parametrize(
    "wound,expected",
    [(["gunshot", "wounds"], ("wounded", True)), (["minor", "injuries"], ("wounded", False))],
)
def test_categories_gunshot_wounds_read_like_shot(
    make_doc: Callable[..., Doc], wound: list[str], expected: tuple[str, bool]
) -> None:
    # "shot" (True): the victims may have died since; then the dead are subtracted.
    rows: list[Row] = [
        ("Four", "four", "NUM", "CD", 1, "nummod"),
        ("women", "woman", "NOUN", "NNS", 2, "nsubj"),
        ("suffered", "suffer", "VERB", "VBD", 2, "ROOT"),
        (wound[0], wound[0], "NOUN" if wound[0] == "gunshot" else "ADJ", "NN", 4, "compound"),
        (wound[1], wound[1].rstrip("s").replace("injurie", "injury"), "NOUN", "NNS", 2, "dobj"),
    ]
    doc = _doc(make_doc, rows)
    assert read_category(doc[1], lex=lexicons()) == expected


GUNMAN_SHOT_TO_DEATH: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("gunman", "gunman", "NOUN", "NN", 2, "nsubj"),
    ("shot", "shoot", "VERB", "VBD", 2, "ROOT"),
    ("three", "three", "NUM", "CD", 4, "nummod"),
    ("guards", "guard", "NOUN", "NNS", 2, "dobj"),
    ("to", "to", "ADP", "IN", 2, "prep"),
    ("death", "death", "NOUN", "NN", 5, "pobj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_quantities_to_death_is_the_objects_fate_not_the_shooters(
    make_doc: Callable[..., Doc],
) -> None:
    found = list(quantities(_doc(make_doc, GUNMAN_SHOT_TO_DEATH)))
    assert [(q.span.text, q.category) for q in found] == [("three", "killed")]


SHOOTING_VICTIMS_FOUND: list[Row] = [
    ("Three", "three", "NUM", "CD", 2, "nummod"),
    ("shooting", "shooting", "NOUN", "NN", 2, "compound"),
    ("victims", "victim", "NOUN", "NNS", 4, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 4, "auxpass"),
    ("found", "find", "VERB", "VBN", 4, "ROOT"),
    (".", ".", "PUNCT", ".", 4, "punct"),
]


def test_categories_shooting_victims_were_shot(make_doc: Callable[..., Doc]) -> None:
    # "found" says nothing; the compound says what befell them (the dead may be among them).
    doc = _doc(make_doc, SHOOTING_VICTIMS_FOUND)
    assert read_category(doc[2], lex=lexicons()) == ("wounded", True)
    doc[1].lemma_ = "ordinary"
    assert read_category(doc[2], lex=lexicons()) == (None, False)
