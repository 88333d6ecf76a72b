from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.quantities import quantities
from claimledger.extract.spans import number_spans
from claimledger.model import QUANTITY_BOUNDS, QUANTITY_CATEGORIES, Quantity

# One token per row: word, lemma, pos, tag, head (absolute index), dep.
Row = tuple[str, str, str, str, int, str]


def _doc(make_doc: Callable[..., Doc], rows: list[Row]) -> Doc:
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=True))
    return make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)


def _figures(doc: Doc) -> list[Quantity]:
    found = list(quantities(doc))
    for q in found:
        assert q.category in QUANTITY_CATEGORIES and q.bound in QUANTITY_BOUNDS
        assert doc.text[q.span.start : q.span.end] == q.span.text
    return found


GUNMEN_KILLED: list[Row] = [
    ("Gunmen", "gunman", "NOUN", "NNS", 1, "nsubj"),
    ("killed", "kill", "VERB", "VBD", 1, "ROOT"),
    ("12", "12", "NUM", "CD", 3, "nummod"),
    ("people", "people", "NOUN", "NNS", 1, "dobj"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]
KILLED_AND_WOUNDED: list[Row] = [
    ("12", "12", "NUM", "CD", 1, "nummod"),
    ("people", "people", "NOUN", "NNS", 3, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 3, "auxpass"),
    ("killed", "kill", "VERB", "VBN", 3, "ROOT"),
    ("and", "and", "CCONJ", "CC", 3, "cc"),
    ("30", "30", "NUM", "CD", 6, "nsubj"),
    ("wounded", "wound", "VERB", "VBN", 3, "conj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
DEATH_TOLL: list[Row] = [
    ("The", "the", "DET", "DT", 2, "det"),
    ("death", "death", "NOUN", "NN", 2, "compound"),
    ("toll", "toll", "NOUN", "NN", 3, "nsubj"),
    ("rose", "rise", "VERB", "VBD", 3, "ROOT"),
    ("to", "to", "ADP", "IN", 3, "prep"),
    ("40", "40", "NUM", "CD", 4, "pobj"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
KILLED_OR_WOUNDED: list[Row] = [
    ("They", "they", "PRON", "PRP", 1, "nsubj"),
    ("put", "put", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("number", "number", "NOUN", "NN", 1, "dobj"),
    ("killed", "kill", "VERB", "VBN", 3, "acl"),
    ("or", "or", "CCONJ", "CC", 4, "cc"),
    ("wounded", "wound", "VERB", "VBN", 4, "conj"),
    ("at", "at", "ADP", "IN", 1, "prep"),
    ("more", "more", "ADJ", "JJR", 10, "amod"),
    ("than", "than", "ADP", "IN", 10, "quantmod"),
    ("3,000", "3,000", "NUM", "CD", 7, "pobj"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]
LEFT_DEAD: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("blast", "blast", "NOUN", "NN", 2, "nsubj"),
    ("left", "leave", "VERB", "VBD", 2, "ROOT"),
    ("3", "3", "NUM", "CD", 4, "nummod"),
    ("people", "people", "NOUN", "NNS", 2, "dobj"),
    ("dead", "dead", "ADJ", "JJ", 2, "oprd"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]
TROOPS_SENT: list[Row] = [
    ("About", "about", "ADV", "RB", 1, "advmod"),
    ("500", "500", "NUM", "CD", 2, "nummod"),
    ("troops", "troop", "NOUN", "NNS", 5, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 5, "auxpass"),
    ("quickly", "quickly", "ADV", "RB", 5, "advmod"),
    ("sent", "send", "VERB", "VBN", 5, "ROOT"),
    (".", ".", "PUNCT", ".", 5, "punct"),
]


@pytest.mark.parametrize(
    "rows,expected",
    [
        (GUNMEN_KILLED, [(12.0, "killed", "exact", "people")]),
        (
            KILLED_AND_WOUNDED,
            [(12.0, "killed", "exact", "people"), (30.0, "wounded", "exact", "people")],
        ),
        (DEATH_TOLL, [(40.0, "killed", "exact", None)]),
        (KILLED_OR_WOUNDED, [(3000.0, "killed_or_wounded", "more_than", None)]),
        (LEFT_DEAD, [(3.0, "killed", "exact", "people")]),
        (TROOPS_SENT, [(500.0, "deployed", "about", "troops")]),
    ],
)
def test_quantities_category_from_syntax(
    make_doc: Callable[..., Doc],
    rows: list[Row],
    expected: list[tuple[float, str, str, str | None]],
) -> None:
    found = _figures(_doc(make_doc, rows))
    assert [(q.value, q.category, q.bound, q.subject) for q in found] == expected


@pytest.mark.parametrize("rows", [KILLED_OR_WOUNDED])
def test_quantities_more_than_sets_low_only(make_doc: Callable[..., Doc], rows: list[Row]) -> None:
    (q,) = _figures(_doc(make_doc, rows))
    assert (q.low, q.high, q.span.text) == (3000.0, None, "more than 3,000")


OF_WHICH: list[Row] = [
    ("Officials", "official", "NOUN", "NNS", 1, "nsubj"),
    ("counted", "count", "VERB", "VBD", 1, "ROOT"),
    ("1,100", "1,100", "NUM", "CD", 3, "nummod"),
    ("casualties", "casualty", "NOUN", "NNS", 1, "dobj"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("of", "of", "ADP", "IN", 10, "prep"),
    ("which", "which", "PRON", "WDT", 5, "pobj"),
    ("only", "only", "ADV", "RB", 8, "advmod"),
    ("100", "100", "NUM", "CD", 10, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 10, "auxpass"),
    ("confirmed", "confirm", "VERB", "VBN", 3, "relcl"),
    ("kills", "kill", "NOUN", "NNS", 10, "oprd"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]
INCLUDING: list[Row] = [
    ("At", "at", "ADP", "IN", 1, "advmod"),
    ("least", "least", "ADJ", "JJS", 2, "advmod"),
    ("5", "5", "NUM", "CD", 3, "nummod"),
    ("people", "people", "NOUN", "NNS", 10, "nsubjpass"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("including", "include", "VERB", "VBG", 3, "prep"),
    ("two", "two", "NUM", "CD", 7, "nummod"),
    ("children", "child", "NOUN", "NNS", 5, "pobj"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("were", "be", "AUX", "VBD", 10, "auxpass"),
    ("killed", "kill", "VERB", "VBN", 10, "ROOT"),
    (".", ".", "PUNCT", ".", 10, "punct"),
]


@pytest.mark.parametrize("rows", [OF_WHICH])
def test_quantities_of_which_is_a_confirmed_subset(
    make_doc: Callable[..., Doc], rows: list[Row]
) -> None:
    whole, part = _figures(_doc(make_doc, rows))
    assert (whole.id, whole.value, whole.category, whole.subset_of) == (
        "q1",
        1100.0,
        "killed_or_wounded",
        None,
    )
    assert (part.value, part.bound, part.category, part.qualifier, part.subset_of) == (
        100.0,
        "exact",
        "killed",
        "confirmed",
        "q1",
    )


@pytest.mark.parametrize("rows", [INCLUDING])
def test_quantities_including_is_a_subset_with_the_whole_category(
    make_doc: Callable[..., Doc], rows: list[Row]
) -> None:
    whole, part = _figures(_doc(make_doc, rows))
    assert (whole.value, whole.bound, whole.low, whole.category) == (5.0, "at_least", 5.0, "killed")
    assert (part.value, part.category, part.subset_of, part.subject) == (
        2.0,
        "killed",
        "q1",
        "children",
    )


VAGUE: list[Row] = [
    ("Dozens", "dozen", "NOUN", "NNS", 3, "nsubj"),
    ("of", "of", "ADP", "IN", 0, "prep"),
    ("civilians", "civilian", "NOUN", "NNS", 1, "pobj"),
    ("died", "die", "VERB", "VBD", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
MAYOR_SHOT_DEAD: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det"),
    ("mayor", "mayor", "NOUN", "NN", 3, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 3, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 3, "ROOT"),
    ("dead", "dead", "ADJ", "JJ", 3, "oprd"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]
NO_ONE_HURT: list[Row] = [
    ("No", "no", "DET", "DT", 1, "det"),
    ("one", "one", "NUM", "CD", 3, "nsubjpass"),
    ("was", "be", "AUX", "VBD", 3, "auxpass"),
    ("injured", "injure", "VERB", "VBN", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


@pytest.mark.parametrize("rows", [VAGUE])
def test_quantities_vague_number_keeps_its_range(
    make_doc: Callable[..., Doc], rows: list[Row]
) -> None:
    (q,) = _figures(_doc(make_doc, rows))
    assert (q.value, q.low, q.high, q.bound, q.category, q.subject) == (
        12.0,
        12.0,
        99.0,
        "vague",
        "killed",
        "civilians",
    )


@pytest.mark.parametrize(
    "rows,expected",
    [
        (MAYOR_SHOT_DEAD, (1.0, "killed", "A mayor", "mayor")),
        (NO_ONE_HURT, (0.0, "wounded", "No one", None)),
    ],
)
def test_quantities_implicit_counts(
    make_doc: Callable[..., Doc], rows: list[Row], expected: tuple[float, str, str, str | None]
) -> None:
    (q,) = _figures(_doc(make_doc, rows))
    assert (q.value, q.category, q.span.text, q.subject) == expected
    assert q.qualifier == "implicit"


@pytest.mark.parametrize(
    "words",
    [
        ["In", "2014", "it", "happened"],  # year
        ["He", "was", "aged", "25"],  # age
        ["Smith", ",", "25", ",", "died"],  # age in apposition
        ["They", "paid", "$", "500"],  # money
        ["Turnout", "was", "20", "%"],  # percentage
        ["Unemployment", "is", "20", "percent"],  # percentage
        ["the", "first", "day"],  # ordinal
        ["the", "3rd", "brigade"],  # ordinal
        ["Dec.", "27"],  # date
        ["Route", "9"],  # unit number
        ["No.", "10"],  # unit number
        ["call", "252", "-", "972", "-", "1411"],  # phone number
    ],
)
def test_quantities_not_counts_are_never_numbers(
    make_doc: Callable[..., Doc], words: list[str]
) -> None:
    pos = ["PROPN" if w[0].isupper() and w.isalpha() else "X" for w in words]
    assert list(number_spans(make_doc(words, pos=pos))) == []


@pytest.mark.parametrize("words", [["500", "people"], ["twenty", "-", "one", "soldiers"]])
def test_quantities_counts_are_numbers(make_doc: Callable[..., Doc], words: list[str]) -> None:
    assert len(list(number_spans(make_doc(words, spaces=[True] * len(words))))) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Rebels killed 14 villagers and wounded 9 others on Tuesday, police said.",
            [(14.0, "killed"), (9.0, "wounded")],
        ),
        (
            "More than 2,000 soldiers have been deployed to the border region.",
            [(2000.0, "deployed")],
        ),
        ("The governor was shot dead outside his office.", [(1.0, "killed")]),
        ("Gunners said two helicopters were shot down over the lake.", [(2.0, "other")]),
    ],
)
def test_quantities_on_parsed_sentences(
    nlp: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert [(q.value, q.category) for q in found] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In 2019 a 25-year-old man paid $5,000, 20% of his salary, on his first day at No. 10.",
        "The 47th Brigade moved 30 km on Route 9 at 6 p.m. on Dec. 3.",
    ],
)
def test_quantities_no_figure_for_years_ages_money_ordinals(nlp: Language, text: str) -> None:
    assert list(nlp(text)._.cl_quantities) == []


OWNER_EARLIER: list[Row] = [
    ("North", "north", "ADJ", "JJ", 1, "amod"),
    ("Korean", "korean", "ADJ", "JJ", 2, "amod"),
    ("troops", "troop", "NOUN", "NNS", 3, "nsubj"),
    ("arrived", "arrive", "VERB", "VBD", 3, "ROOT"),
    (".", ".", "PUNCT", ".", 3, "punct"),
    ("Then", "then", "ADV", "RB", 9, "advmod"),
    ("500", "500", "NUM", "CD", 7, "nummod"),
    ("troops", "troop", "NOUN", "NNS", 9, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 9, "auxpass"),
    ("sent", "send", "VERB", "VBN", 9, "ROOT"),
    (".", ".", "PUNCT", ".", 9, "punct"),
]


@pytest.mark.parametrize("rows", [OWNER_EARLIER])
def test_quantities_bare_subject_takes_its_owner_from_earlier_text(
    make_doc: Callable[..., Doc], rows: list[Row]
) -> None:
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=True))
    ents = ["B-NORP", "I-NORP"] + ["O"] * (len(words) - 2)
    doc = make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents)
    (q,) = _figures(doc)
    assert (q.value, q.category, q.subject) == (500.0, "deployed", "North Korean troops")


def _largest(found: list[Quantity], category: str) -> float:
    return max((q.value for q in found if q.category == category), default=0.0)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        # "shot" counts the dead too: wounded = shot - killed
        ("Five people were shot on Elm Street. One man died at the scene.", 1.0, 4.0),
        ("Two men were shot, one of them fatally.", 1.0, 1.0),
        ("Gunmen shot six farmers, killing two.", 2.0, 4.0),
        # without deaths in the text, "shot" is wounded
        ("Three teenagers were shot outside the arena.", 0.0, 3.0),
        # the noun "gun" is no death ("gunned down" is)
        ("Four men were shot after a driver came back with a gun.", 0.0, 4.0),
        ("Two people were killed, two others injured, in a crash of gunfire.", 2.0, 2.0),
        ("A man was shot and killed and his cousin was wounded.", 1.0, 1.0),
        ("Officers found a clerk suffering from a gunshot wound.", 0.0, 1.0),
        ("Three victims were treated for minor injuries.", 0.0, 3.0),
        ("A 19-year-old was grazed by a bullet.", 0.0, 1.0),
    ],
)
def test_quantities_wounded_readings(
    nlp: Language, text: str, killed: float, wounded: float
) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert (_largest(found, "killed"), _largest(found, "wounded")) == (killed, wounded)
    for q in found:
        assert text[q.span.start : q.span.end] == q.span.text


@pytest.mark.model
def test_quantities_derived_wounded_points_to_the_shot_phrase(nlp: Language) -> None:
    found = list(nlp("Four people were shot. A woman later died.")._.cl_quantities)
    (derived,) = [q for q in found if q.qualifier == "derived"]
    shot = next(q for q in found if q.id == derived.subset_of)
    assert (derived.category, derived.value, derived.span.text) == (
        "wounded",
        3.0,
        "Four people were shot",
    )
    assert (shot.category, shot.value) == ("killed_or_wounded", 4.0)


def _owned_shooting(owner: str, tag: str) -> list[Row]:
    return [
        (owner, owner.lower(), "PROPN", tag, 2, "poss"),
        ("'s", "'s", "PART", "POS", 0, "case"),
        ("shooting", "shooting", "NOUN", "NN", 3, "nsubj"),
        ("ended", "end", "VERB", "VBD", 3, "ROOT"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]


@pytest.mark.parametrize("owner,expected", [("Smith", [1.0]), ("Monday", []), ("Tuesday", [])])
def test_quantities_a_day_owning_a_shooting_is_not_its_victim(
    make_doc: Callable[..., Doc], owner: str, expected: list[float]
) -> None:
    found = _figures(_doc(make_doc, _owned_shooting(owner, "NNP")))
    assert [q.value for q in found] == expected


ONE_OF_THEM_FATALLY: list[Row] = [
    ("Two", "two", "NUM", "CD", 1, "nummod"),
    ("men", "man", "NOUN", "NNS", 3, "nsubjpass"),
    ("were", "be", "AUX", "VBD", 3, "auxpass"),
    ("shot", "shoot", "VERB", "VBN", 3, "ROOT"),
    (",", ",", "PUNCT", ",", 3, "punct"),
    ("one", "one", "NUM", "CD", 1, "appos"),
    ("of", "of", "ADP", "IN", 5, "prep"),
    ("them", "they", "PRON", "PRP", 6, "pobj"),
    ("fatally", "fatally", "ADV", "RB", 5, "advmod"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def test_quantities_shot_count_less_the_dead_is_wounded(make_doc: Callable[..., Doc]) -> None:
    found = _figures(_doc(make_doc, ONE_OF_THEM_FATALLY))
    readings = {(q.category, q.value, q.qualifier) for q in found}
    assert readings == {
        ("killed_or_wounded", 2.0, None),
        ("killed", 1.0, None),
        ("wounded", 1.0, "derived"),
    }
    derived = next(q for q in found if q.qualifier == "derived")
    assert derived.span.text == "Two men were shot"
    assert derived.subset_of == next(q.id for q in found if q.category == "killed_or_wounded")


# The parser made the dateline the subject and the counted phrase its apposition.
DATELINE_SUBJECT: list[Row] = [
    ("MARLOW", "MARLOW", "PROPN", "NNP", 8, "nsubjpass"),
    (",", ",", "PUNCT", ",", 0, "punct"),
    ("Okla.", "Okla.", "PROPN", "NNP", 6, "compound"),
    ("-", "-", "PUNCT", "HYPH", 6, "punct"),
    ("\n\n", "\n\n", "SPACE", "_SP", 3, "dep"),
    ("Three", "three", "NUM", "CD", 6, "nummod"),
    ("people", "people", "NOUN", "NNS", 0, "appos"),
    ("were", "be", "AUX", "VBD", 8, "auxpass"),
    ("wounded", "wound", "VERB", "VBN", 8, "ROOT"),
    ("in", "in", "ADP", "IN", 8, "prep"),
    ("a", "a", "DET", "DT", 11, "det"),
    ("dispute", "dispute", "NOUN", "NN", 9, "pobj"),
    (".", ".", "PUNCT", ".", 8, "punct"),
]


def test_quantities_count_in_apposition_to_a_dateline_takes_its_role(
    make_doc: Callable[..., Doc],
) -> None:
    found = _figures(_doc(make_doc, DATELINE_SUBJECT))
    # Three people were wounded; the dateline city is no implicit victim.
    assert [(q.value, q.category, q.span.text) for q in found] == [(3.0, "wounded", "Three")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        # the shot count's own sentence says how many of them died
        (
            "Four people were shot, one fatally, near the park. "
            "Police said two brothers were killed there last year.",
            2.0,
            3.0,
        ),
        # a named medical centre is a hospital
        ("All three victims were rushed to Riverside Medical Center by friends.", 0.0, 3.0),
    ],
)
def test_quantities_wounded_from_context(
    nlp: Language, text: str, killed: float, wounded: float
) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert (_largest(found, "killed"), _largest(found, "wounded")) == (killed, wounded)
