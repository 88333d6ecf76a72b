from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.casualty_words import lexicons
from claimledger.extract.enumerations import is_alternative, is_list_member, list_head
from claimledger.extract.quantities import quantities
from claimledger.model import Quantity

# One token per row: word, lemma, pos, tag, head (absolute index), dep, entity (IOB).
Row = tuple[str, str, str, str, int, str, str]


def _doc(make_doc: Callable[..., Doc], rows: list[Row]) -> Doc:
    words, lemmas, pos, tags, heads, deps, ents = (list(c) for c in zip(*rows, strict=True))
    return make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents)


def _wounded(doc: Doc) -> list[Quantity]:
    return [q for q in quantities(doc) if q.category == "wounded"]


# "Ann Bell, 24, Bob Dunn, 25 and Carl Eng were injured." as the parser reads
# it: a chain of appositions, the ages apposed to the names.
NAMES_WITH_AGES: list[Row] = [
    ("Ann", "Ann", "PROPN", "NNP", 1, "compound", "B-PERSON"),
    ("Bell", "Bell", "PROPN", "NNP", 14, "nsubjpass", "I-PERSON"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("24", "24", "NUM", "CD", 1, "appos", "B-DATE"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("Bob", "Bob", "PROPN", "NNP", 6, "compound", "B-PERSON"),
    ("Dunn", "Dunn", "PROPN", "NNP", 1, "appos", "I-PERSON"),
    (",", ",", "PUNCT", ",", 6, "punct", "O"),
    ("25", "25", "NUM", "CD", 6, "appos", "B-DATE"),
    ("and", "and", "CCONJ", "CC", 6, "cc", "O"),
    ("Carl", "Carl", "PROPN", "NNP", 11, "compound", "B-PERSON"),
    ("Eng", "Eng", "PROPN", "NNP", 6, "conj", "I-PERSON"),
    (",", ",", "PUNCT", ",", 6, "punct", "O"),
    ("were", "be", "AUX", "VBD", 14, "auxpass", "O"),
    ("injured", "injure", "VERB", "VBN", 14, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 14, "punct", "O"),
]

# "Juan Perez, a vendor, was injured.": the apposition describes the one victim.
NAME_DESCRIBED: list[Row] = [
    ("Juan", "Juan", "PROPN", "NNP", 1, "compound", "B-PERSON"),
    ("Perez", "Perez", "PROPN", "NNP", 7, "nsubjpass", "I-PERSON"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("a", "a", "DET", "DT", 4, "det", "O"),
    ("vendor", "vendor", "NOUN", "NN", 1, "appos", "O"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("was", "be", "AUX", "VBD", 7, "auxpass", "O"),
    ("injured", "injure", "VERB", "VBN", 7, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 7, "punct", "O"),
]

# "A man, a woman and a boy were injured." with the comma list as apposition.
COMMON_NOUNS: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det", "O"),
    ("man", "man", "NOUN", "NN", 10, "nsubjpass", "O"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("a", "a", "DET", "DT", 4, "det", "O"),
    ("woman", "woman", "NOUN", "NN", 1, "appos", "O"),
    ("and", "and", "CCONJ", "CC", 4, "cc", "O"),
    ("a", "a", "DET", "DT", 7, "det", "O"),
    ("boy", "boy", "NOUN", "NN", 4, "conj", "O"),
    ("were", "be", "AUX", "VBD", 10, "auxpass", "O"),
    ("all", "all", "DET", "DT", 10, "dep", "O"),
    ("injured", "injure", "VERB", "VBN", 10, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 10, "punct", "O"),
]

# "A girl, two women and a man were hurt." parsed as two subjects of "hurt".
TWO_SUBJECTS: list[Row] = [
    ("A", "a", "DET", "DT", 1, "det", "O"),
    ("girl", "girl", "NOUN", "NN", 9, "nsubjpass", "O"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("two", "two", "NUM", "CD", 4, "nummod", "B-CARDINAL"),
    ("women", "woman", "NOUN", "NNS", 9, "nsubjpass", "O"),
    ("and", "and", "CCONJ", "CC", 4, "cc", "O"),
    ("a", "a", "DET", "DT", 7, "det", "O"),
    ("man", "man", "NOUN", "NN", 4, "conj", "O"),
    ("were", "be", "AUX", "VBD", 9, "auxpass", "O"),
    ("hurt", "hurt", "VERB", "VBN", 9, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 9, "punct", "O"),
]

# "Either the boy or his father was injured.": one of two, not two.
EITHER_OR: list[Row] = [
    ("Either", "either", "CCONJ", "CC", 2, "preconj", "O"),
    ("the", "the", "DET", "DT", 2, "det", "O"),
    ("boy", "boy", "NOUN", "NN", 8, "nsubjpass", "O"),
    ("or", "or", "CCONJ", "CC", 2, "cc", "O"),
    ("his", "his", "PRON", "PRP$", 5, "poss", "O"),
    ("father", "father", "NOUN", "NN", 2, "conj", "O"),
    ("was", "be", "AUX", "VBD", 8, "auxpass", "O"),
    ("seriously", "seriously", "ADV", "RB", 8, "advmod", "O"),
    ("injured", "injure", "VERB", "VBN", 8, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 8, "punct", "O"),
]


# "Ann Mayo, 24, Bob Dunn, 25 and Carl Eng, 32 were hurt.": the first name taken
# for a company, the last age hung on the next name as its count.
AGE_ON_NEXT_NAME: list[Row] = [
    ("Ann", "Ann", "PROPN", "NNP", 1, "compound", "B-ORG"),
    ("Mayo", "Mayo", "PROPN", "NNP", 16, "nsubjpass", "I-ORG"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("24", "24", "NUM", "CD", 1, "appos", "B-DATE"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("Bob", "Bob", "PROPN", "NNP", 6, "compound", "B-PERSON"),
    ("Dunn", "Dunn", "PROPN", "NNP", 1, "appos", "I-PERSON"),
    (",", ",", "PUNCT", ",", 6, "punct", "O"),
    ("25", "25", "NUM", "CD", 11, "nummod", "B-CARDINAL"),
    ("and", "and", "CCONJ", "CC", 8, "cc", "O"),
    ("Carl", "Carl", "PROPN", "NNP", 11, "compound", "B-PERSON"),
    ("Eng", "Eng", "PROPN", "NNP", 6, "appos", "I-PERSON"),
    (",", ",", "PUNCT", ",", 1, "punct", "O"),
    ("32", "32", "NUM", "CD", 16, "nsubjpass", "B-CARDINAL"),
    ("were", "be", "AUX", "VBD", 16, "auxpass", "O"),
    ("all", "all", "DET", "DT", 16, "dep", "O"),
    ("hurt", "hurt", "VERB", "VBN", 16, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 16, "punct", "O"),
]


# "A 16-year-old and two children were shot." with the age read as the children's.
AGE_AND_COUNT: list[Row] = [
    ("A", "a", "DET", "DT", 9, "det", "O"),
    ("16", "16", "NUM", "CD", 3, "nummod", "B-DATE"),
    ("-", "-", "PUNCT", "HYPH", 3, "punct", "I-DATE"),
    ("year", "year", "NOUN", "NN", 5, "npadvmod", "I-DATE"),
    ("-", "-", "PUNCT", "HYPH", 5, "punct", "I-DATE"),
    ("old", "old", "ADJ", "JJ", 9, "amod", "I-DATE"),
    ("and", "and", "CCONJ", "CC", 5, "cc", "O"),
    ("two", "two", "NUM", "CD", 9, "nummod", "B-CARDINAL"),
    ("young", "young", "ADJ", "JJ", 9, "amod", "O"),
    ("children", "child", "NOUN", "NNS", 11, "nsubjpass", "O"),
    ("were", "be", "AUX", "VBD", 11, "auxpass", "O"),
    ("shot", "shoot", "VERB", "VBN", 11, "ROOT", "O"),
    (".", ".", "PUNCT", ".", 11, "punct", "O"),
]


@pytest.mark.parametrize(
    "rows,total",
    [
        (NAMES_WITH_AGES, 3.0),
        (COMMON_NOUNS, 3.0),
        (TWO_SUBJECTS, 4.0),
        (AGE_ON_NEXT_NAME, 3.0),
        (AGE_AND_COUNT, 3.0),
    ],
)
def test_enumerated_victims_are_added_up(
    make_doc: Callable[..., Doc], rows: list[Row], total: float
) -> None:
    found = _wounded(_doc(make_doc, rows))
    (summed,) = [q for q in found if q.qualifier == "total"]
    assert summed.value == total
    parts = [q for q in found if q.subset_of == summed.id]
    assert sum(q.value for q in parts) == total


def test_ages_between_names_are_no_members(make_doc: Callable[..., Doc]) -> None:
    doc = _doc(make_doc, NAMES_WITH_AGES)
    lex = lexicons()
    assert [t.text for t in doc if is_list_member(t, lex)] == ["Dunn"]
    assert {list_head(doc[i], lex).text for i in (1, 6, 11)} == {"Bell"}


def test_an_age_is_no_figure(make_doc: Callable[..., Doc]) -> None:
    found = list(quantities(_doc(make_doc, AGE_ON_NEXT_NAME)))
    assert 25.0 not in {q.value for q in found}
    assert "Carl Eng" in {q.span.text for q in found}


def test_a_described_name_is_one_victim(make_doc: Callable[..., Doc]) -> None:
    doc = _doc(make_doc, NAME_DESCRIBED)
    assert not is_list_member(doc[4], lexicons())
    assert [(q.value, q.qualifier) for q in _wounded(doc)] == [(1.0, "implicit")]


def test_alternatives_are_not_added_up(make_doc: Callable[..., Doc]) -> None:
    doc = _doc(make_doc, EITHER_OR)
    assert is_alternative(doc[5])
    assert max(q.value for q in _wounded(doc)) == 1.0


def _two_clauses(separator: str) -> list[Row]:
    """ "A man was shot in the leg <separator> a woman was shot in the arm." """
    return [
        ("A", "a", "DET", "DT", 1, "det", "O"),
        ("man", "man", "NOUN", "NN", 3, "nsubjpass", "O"),
        ("was", "be", "AUX", "VBD", 3, "auxpass", "O"),
        ("shot", "shoot", "VERB", "VBN", 3, "ROOT", "O"),
        ("in", "in", "ADP", "IN", 3, "prep", "O"),
        ("the", "the", "DET", "DT", 6, "det", "O"),
        ("leg", "leg", "NOUN", "NN", 4, "pobj", "O"),
        (separator, separator, "CCONJ", "CC", 3, "cc", "O"),
        ("a", "a", "DET", "DT", 9, "det", "O"),
        ("woman", "woman", "NOUN", "NN", 11, "nsubjpass", "O"),
        ("was", "be", "AUX", "VBD", 11, "auxpass", "O"),
        ("shot", "shoot", "VERB", "VBN", 3, "conj", "O"),
        ("in", "in", "ADP", "IN", 11, "prep", "O"),
        ("the", "the", "DET", "DT", 14, "det", "O"),
        ("arm", "arm", "NOUN", "NN", 12, "pobj", "O"),
        (".", ".", "PUNCT", ".", 3, "punct", "O"),
    ]


@pytest.mark.parametrize("separator,largest", [("and", 2.0), ("—", 1.0)])
def test_victims_of_coordinated_clauses_are_added_up(
    make_doc: Callable[..., Doc], separator: str, largest: float
) -> None:
    # after a headline's dash the same victim is told again
    found = _wounded(_doc(make_doc, _two_clauses(separator)))
    assert max(q.value for q in found) == largest


def _ages_of(noun: str, tag: str) -> list[Row]:
    """ "The <noun>, ages 13, 17 and 19, were hurt." """
    return [
        ("The", "the", "DET", "DT", 1, "det", "O"),
        (noun, noun.rstrip("s"), "NOUN", tag, 11, "nsubjpass", "O"),
        (",", ",", "PUNCT", ",", 1, "punct", "O"),
        ("ages", "age", "NOUN", "NNS", 1, "appos", "B-DATE"),
        ("13", "13", "NUM", "CD", 3, "nummod", "I-DATE"),
        (",", ",", "PUNCT", ",", 3, "punct", "O"),
        ("17", "17", "NUM", "CD", 3, "nummod", "B-DATE"),
        ("and", "and", "CCONJ", "CC", 6, "cc", "O"),
        ("19", "19", "NUM", "CD", 6, "conj", "B-DATE"),
        (",", ",", "PUNCT", ",", 1, "punct", "O"),
        ("were", "be", "AUX", "VBD", 11, "auxpass", "O"),
        ("hurt", "hurt", "VERB", "VBN", 11, "ROOT", "O"),
        (".", ".", "PUNCT", ".", 11, "punct", "O"),
    ]


@pytest.mark.parametrize("noun,tag,expected", [("victims", "NNS", [3.0]), ("victim", "NN", [])])
def test_a_list_of_ages_counts_the_plural_it_is_apposed_to(
    make_doc: Callable[..., Doc], noun: str, tag: str, expected: list[float]
) -> None:
    found = _wounded(_doc(make_doc, _ages_of(noun, tag)))
    assert [q.value for q in found if q.qualifier != "implicit"] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text,wounded",
    [
        (
            "Rita Gomez, 31, Omar Diaz, 27, Lee Park, 40 and Sam Holt, 19 were hurt.",
            4,
        ),
        ("A 61-year-old man, 35-year-old woman and 18-year-old man were wounded in the attack.", 3),
        # the one who died is not among the wounded
        ("A man, a woman and a teenager were shot Sunday. The teenager later died.", 2),
        (
            "A 30-year-old was shot in the hip, a 22-year-old was shot in the arm"
            " and a 19-year-old was shot in the foot.",
            3,
        ),
        # a sentence that tells of deaths may list the dead as shot
        ("Two were found dead; a man was shot in the head and a woman was shot in the back.", 1),
    ],
)
def test_enumerated_victims_with_the_model(nlp: Language, text: str, wounded: int) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert max(q.value for q in found if q.category == "wounded") == wounded


@pytest.mark.model
@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        # victims named after "identified as" in a text that tells of wounds only
        (
            "Gunmen wounded a bouncer outside a bar early Sunday. The victims were"
            " identified as Ed Vance, 52, Mia Cole, 40, and Rob Tait, 19.",
            0,
            3,
        ),
        (
            "A man was wounded at a bus stop. The victims are 52-year-old Ed Vance"
            " and 40-year-old Mia Cole.",
            0,
            2,
        ),
        # someone died: the named victims may be the dead, so no wounded count
        (
            "A bouncer was killed and a guard was wounded outside a bar. The victims"
            " were identified as Ed Vance, 52, and Mia Cole, 40.",
            1,
            1,
        ),
        # a breakdown apposed to a count splits it, it adds nothing
        ("Six people, three men and three women, were wounded at a party.", 0, 6),
        ("Three men, two women and a child were wounded at a party.", 0, 6),
    ],
)
def test_named_victims_and_breakdowns(nlp: Language, text: str, killed: int, wounded: int) -> None:
    found = list(nlp(text)._.cl_quantities)
    largest = {
        c: max((q.value for q in found if q.category == c), default=0)
        for c in ("killed", "wounded")
    }
    assert (largest["killed"], largest["wounded"]) == (killed, wounded)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,wounded",
    [
        # the parser heads the phrase with the bare "15-": each age is a person
        ("The 15- and 16-year-old boys were taken to a hospital with gunshot wounds.", 2),
        ("Stray bullets struck 9- and 11-year-old girls on a porch.", 2),
        # "or": one person whose age is unsure
        ("A 17- or 18-year-old man was wounded in the leg.", 1),
    ],
)
def test_paired_ages_count_one_person_each(nlp: Language, text: str, wounded: int) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert max(q.value for q in found if q.category == "wounded") == wounded
