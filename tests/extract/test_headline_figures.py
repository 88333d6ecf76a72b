"""Figures in headline constructions, on hand-built parses (the small model's own shapes)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimledger.extract.quantities import quantities
from claimledger.extract.spans import number_spans

# One token per row: word, lemma, pos, tag, head (absolute index), dep.
Row = tuple[str, str, str, str, int, str]

ABBREVIATED: list[Row] = [  # "One KIA, two WIA"
    ("One", "one", "NUM", "CD", 1, "nummod"),
    ("KIA", "kia", "PROPN", "NNP", 1, "ROOT"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("two", "two", "NUM", "CD", 4, "nummod"),
    ("WIA", "wia", "PROPN", "NNP", 1, "appos"),
]
SOURCE_DASH: list[Row] = [  # "Shelling kills three - city mayor"
    ("Shelling", "shelling", "NOUN", "NN", 1, "nsubj"),
    ("kills", "kill", "VERB", "VBZ", 1, "ROOT"),
    ("three", "three", "NUM", "CD", 5, "nummod"),
    ("-", "-", "PUNCT", "HYPH", 5, "punct"),
    ("city", "city", "NOUN", "NN", 5, "compound"),
    ("mayor", "mayor", "NOUN", "NN", 1, "dobj"),
]
TOLL_RISES: list[Row] = [  # "Toll of the dead rises to four - ministry", "rises" parsed as a noun
    ("Toll", "toll", "NOUN", "NN", 5, "nsubj"),
    ("of", "of", "ADP", "IN", 0, "prep"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("dead", "dead", "ADJ", "JJ", 1, "pobj"),
    ("rises", "rise", "NOUN", "NNS", 5, "dobj"),
    ("shelling", "shell", "VERB", "VBG", 5, "ROOT"),
    ("to", "to", "ADP", "IN", 4, "prep"),
    ("four", "four", "NUM", "CD", 6, "pobj"),
]
SPEAKER: list[Row] = [  # "The mayor said two died"
    ("The", "the", "DET", "DT", 1, "det"),
    ("mayor", "mayor", "NOUN", "NN", 2, "nsubj"),
    ("said", "say", "VERB", "VBD", 2, "ROOT"),
    ("two", "two", "NUM", "CD", 4, "nsubj"),
    ("died", "die", "VERB", "VBD", 2, "ccomp"),
]
NAME_COMPOUND: list[Row] = [  # "Two Freedonia soldiers killed"
    ("Two", "two", "NUM", "CD", 1, "compound"),
    ("Freedonia", "freedonia", "PROPN", "NNP", 2, "compound"),
    ("soldiers", "soldier", "NOUN", "NNS", 2, "ROOT"),
    ("killed", "kill", "VERB", "VBN", 2, "acl"),
]


def _doc(make_doc: Callable[..., Doc], rows: list[Row]) -> Doc:
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=True))
    return make_doc(words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)


@pytest.mark.parametrize(
    "rows,expected",
    [
        (ABBREVIATED, [(1.0, "killed", None), (2.0, "wounded", None)]),
        (SOURCE_DASH, [(3.0, "killed", None)]),  # the mayor is the source, not a victim
        (TOLL_RISES, [(4.0, "killed", None)]),
        (NAME_COMPOUND, [(2.0, "killed", "soldiers")]),
        (SPEAKER, [(2.0, "killed", None)]),  # the speaker is no implicit victim
    ],
)
def test_headline_figures_category_and_subject(
    make_doc: Callable[..., Doc], rows: list[Row], expected: list[tuple[float, str, str | None]]
) -> None:
    found = list(quantities(_doc(make_doc, rows)))
    assert [(q.value, q.category, q.subject) for q in found] == expected


@pytest.mark.parametrize(
    "words,spaces,counts",
    [
        (["UPDATE", "2", "-", "Two", "soldiers"], [True, False, False, True, False], ["Two"]),
        (["WRAPUP", "1", "-", "Dozens", "dead"], [True, False, False, True, False], ["Dozens"]),
        (["20", "-", "30", "dead"], [False, False, True, False], ["20"]),  # still a range
    ],
)
def test_headline_figures_wire_slug_is_not_a_count(
    make_doc: Callable[..., Doc], words: list[str], spaces: list[bool], counts: list[str]
) -> None:
    found = number_spans(make_doc(words, spaces=spaces))
    assert [span.number.text for span in found] == counts
