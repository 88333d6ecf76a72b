"""Where a content span starts and stops (issue #3, PolNeAR boundaries).

Docs are built by hand with the parse a model would give; one test runs the
real model on split quotes, where the parse of the aside is what matters.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimledger.extract.attribution import attributed_claims
from claimledger.extract.cues import load_cues
from claimledger.model import Claim

MakeDoc = Callable[..., Doc]

# One row per token: word, lemma, POS, tag, head (absolute index), dep, space after.
Row = tuple[str, str, str, str, int, str, bool]


def _claims(make_doc: MakeDoc, rows: list[Row]) -> list[Claim]:
    words, lemmas, pos, tags, heads, deps, spaces = (list(col) for col in zip(*rows, strict=True))
    doc = make_doc(words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)
    return list(attributed_claims(doc, cues=load_cues()))


def _by_cue(claims: list[Claim], cue: str) -> Claim:
    return next(c for c in claims if c.cue is not None and c.cue.text == cue)


def _object_rows(verb: str, lemma: str, prep: str, noun: str) -> list[Row]:
    """'Mia <verb> the plan <prep> a <noun> .'"""
    return [
        ("Mia", "Mia", "PROPN", "NNP", 1, "nsubj", True),
        (verb, lemma, "VERB", "VBD", 1, "ROOT", True),
        ("the", "the", "DET", "DT", 3, "det", True),
        ("plan", "plan", "NOUN", "NN", 1, "dobj", True),
        (prep, prep, "ADP", "IN", 1, "prep", True),
        ("a", "a", "DET", "DT", 6, "det", True),
        (noun, noun, "NOUN", "NN", 4, "pobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]


@pytest.mark.parametrize(
    "verb,lemma,prep,noun,content",
    [
        ("defended", "defend", "as", "duty", "the plan as a duty"),  # the role is what was said
        ("praised", "praise", "in", "tweet", "the plan"),  # where it was said is not
    ],
)
def test_object_content_keeps_a_role_and_drops_a_circumstance(
    make_doc: MakeDoc, verb: str, lemma: str, prep: str, noun: str, content: str
) -> None:
    claim = _by_cue(_claims(make_doc, _object_rows(verb, lemma, prep, noun)), verb)
    assert claim.content.text == content


def _said_rows(tail: list[Row]) -> list[Row]:
    """'Mia said costs rose <tail> .' with the tail hung inside the reported clause."""
    return [
        ("Mia", "Mia", "PROPN", "NNP", 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", True),
        ("costs", "cost", "NOUN", "NNS", 3, "nsubj", True),
        ("rose", "rise", "VERB", "VBD", 1, "ccomp", tail[0][0] != ","),
        *tail,
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]


APPOSITION: list[Row] = [
    ("to", "to", "ADP", "IN", 3, "prep", True),
    ("Ulm", "Ulm", "PROPN", "NNP", 4, "pobj", False),
    (",", ",", "PUNCT", ",", 5, "punct", True),
    ("the", "the", "DET", "DT", 8, "det", True),
    ("capital", "capital", "NOUN", "NN", 5, "appos", False),
]
CONTRAST: list[Row] = [
    (",", ",", "PUNCT", ",", 3, "punct", True),
    ("while", "while", "SCONJ", "IN", 7, "mark", True),
    ("wages", "wage", "NOUN", "NNS", 7, "nsubj", True),
    ("fell", "fall", "VERB", "VBD", 3, "advcl", False),
]
PARTICIPLE: list[Row] = [
    (",", ",", "PUNCT", ",", 3, "punct", True),
    ("blaming", "blame", "VERB", "VBG", 3, "advcl", True),
    ("fuel", "fuel", "NOUN", "NN", 5, "dobj", False),
]


@pytest.mark.parametrize(
    "tail,content",
    [
        (APPOSITION, "costs rose to Ulm"),
        (CONTRAST, "costs rose"),
        (PARTICIPLE, "costs rose"),
        (APPOSITION[:2], "costs rose to Ulm"),  # no aside: the clause is whole
    ],
)
def test_clause_content_stops_before_a_trailing_aside(
    make_doc: MakeDoc, tail: list[Row], content: str
) -> None:
    claim = _by_cue(_claims(make_doc, _said_rows(tail)), "said")
    assert claim.content.text == content


# “We won,” Mia said, adding details. “They lost the vote by a mile.”
SPLIT_WITH_ASIDE: list[Row] = [
    ("“", '"', "PUNCT", "``", 2, "punct", False),
    ("We", "we", "PRON", "PRP", 2, "nsubj", True),
    ("won", "win", "VERB", "VBD", 6, "ccomp", False),
    (",", ",", "PUNCT", ",", 2, "punct", False),
    ("”", '"', "PUNCT", "''", 2, "punct", True),
    ("Mia", "Mia", "PROPN", "NNP", 6, "nsubj", True),
    ("said", "say", "VERB", "VBD", 6, "ROOT", False),
    (",", ",", "PUNCT", ",", 6, "punct", True),
    ("adding", "add", "VERB", "VBG", 6, "advcl", True),
    ("details", "detail", "NOUN", "NNS", 8, "dobj", False),
    (".", ".", "PUNCT", ".", 6, "punct", True),
    ("“", '"', "PUNCT", "``", 13, "punct", False),
    ("They", "they", "PRON", "PRP", 13, "nsubj", True),
    ("lost", "lose", "VERB", "VBD", 13, "ROOT", True),
    ("the", "the", "DET", "DT", 15, "det", True),
    ("vote", "vote", "NOUN", "NN", 13, "dobj", True),
    ("by", "by", "ADP", "IN", 13, "prep", True),
    ("a", "a", "DET", "DT", 18, "det", True),
    ("mile", "mile", "NOUN", "NN", 16, "pobj", False),
    (".", ".", "PUNCT", ".", 13, "punct", False),
    ("”", '"', "PUNCT", "''", 13, "punct", False),
]

# Mia is “tired of it,” said Bo. “We are all very tired of it.”
PARTLY_QUOTED: list[Row] = [
    ("Mia", "Mia", "PROPN", "NNP", 1, "nsubj", True),
    ("is", "be", "AUX", "VBZ", 8, "ccomp", True),
    ("“", '"', "PUNCT", "``", 1, "punct", False),
    ("tired", "tired", "ADJ", "JJ", 1, "acomp", True),
    ("of", "of", "ADP", "IN", 3, "prep", True),
    ("it", "it", "PRON", "PRP", 4, "pobj", False),
    (",", ",", "PUNCT", ",", 8, "punct", False),
    ("”", '"', "PUNCT", "''", 8, "punct", True),
    ("said", "say", "VERB", "VBD", 8, "ROOT", True),
    ("Bo", "Bo", "PROPN", "NNP", 8, "nsubj", False),
    (".", ".", "PUNCT", ".", 8, "punct", True),
    ("“", '"', "PUNCT", "``", 13, "punct", False),
    ("We", "we", "PRON", "PRP", 13, "nsubj", True),
    ("are", "be", "AUX", "VBP", 13, "ROOT", True),
    ("all", "all", "ADV", "RB", 13, "advmod", True),
    ("very", "very", "ADV", "RB", 16, "advmod", True),
    ("tired", "tired", "ADJ", "JJ", 13, "acomp", True),
    ("of", "of", "ADP", "IN", 16, "prep", True),
    ("it", "it", "PRON", "PRP", 17, "pobj", False),
    (".", ".", "PUNCT", ".", 13, "punct", False),
    ("”", '"', "PUNCT", "''", 13, "punct", False),
]


@pytest.mark.parametrize(
    "rows,content",
    [
        (SPLIT_WITH_ASIDE, "“We won,” Mia said, adding details. “They lost the vote by a mile.”"),
        (PARTLY_QUOTED, "Mia is “tired of it,” said Bo. “We are all very tired of it.”"),
    ],
)
def test_split_quote_joins_across_the_speakers_aside(
    make_doc: MakeDoc, rows: list[Row], content: str
) -> None:
    claim = _by_cue(_claims(make_doc, rows), "said")
    assert claim.content.text == content


@pytest.mark.model
@pytest.mark.parametrize(
    "text,start,end",
    [
        (
            "“We are not done yet,” Ms. Ortiz said on the radio show “Morning Hour” on Friday. "
            "“There is much more work ahead of us in the valley.”",
            "“We are",
            "valley.”",
        ),
        (
            "“The bridge will open in May,” said a senior engineer who spoke to the council, "
            "declining to give a name. “The cost has doubled since the spring.”",
            "“The bridge",
            "spring.”",
        ),
    ],
)
def test_model_split_quote_runs_past_titles_and_speaker_descriptions(
    nlp: object, text: str, start: str, end: str
) -> None:
    claims = nlp(text)._.cl_claims  # type: ignore[operator]
    said = _by_cue(claims, "said")
    assert said.content.text.startswith(start) and said.content.text.endswith(end)


# Mia said costs were “far too high”. (the closing mark hung on "said")
OPEN_QUOTE: list[Row] = [
    ("Mia", "Mia", "PROPN", "NNP", 1, "nsubj", True),
    ("said", "say", "VERB", "VBD", 1, "ROOT", True),
    ("costs", "cost", "NOUN", "NNS", 3, "nsubj", True),
    ("were", "be", "AUX", "VBD", 1, "ccomp", True),
    ("“", '"', "PUNCT", "``", 3, "punct", False),
    ("far", "far", "ADV", "RB", 6, "advmod", True),
    ("too", "too", "ADV", "RB", 7, "advmod", True),
    ("high", "high", "ADJ", "JJ", 3, "acomp", False),
    ("”", '"', "PUNCT", "''", 1, "punct", False),
    (".", ".", "PUNCT", ".", 1, "punct", False),
]

# Fuel costs in Ulm, according to Bo, rose sharply.
ACCORDING_INSIDE: list[Row] = [
    ("Fuel", "fuel", "NOUN", "NN", 1, "compound", True),
    ("costs", "cost", "NOUN", "NNS", 9, "nsubj", True),
    ("in", "in", "ADP", "IN", 1, "prep", True),
    ("Ulm", "Ulm", "PROPN", "NNP", 2, "pobj", False),
    (",", ",", "PUNCT", ",", 9, "punct", True),
    ("according", "accord", "VERB", "VBG", 9, "prep", True),
    ("to", "to", "ADP", "IN", 5, "prep", True),
    ("Bo", "Bo", "PROPN", "NNP", 6, "pobj", False),
    (",", ",", "PUNCT", ",", 9, "punct", True),
    ("rose", "rise", "VERB", "VBD", 9, "ROOT", True),
    ("sharply", "sharply", "ADV", "RB", 9, "advmod", False),
    (".", ".", "PUNCT", ".", 9, "punct", False),
]


@pytest.mark.parametrize(
    "rows,cue,content",
    [
        (OPEN_QUOTE, "said", "costs were “far too high”"),  # a quote is never cut open
        (ACCORDING_INSIDE, "according to", "Fuel costs in Ulm, according to Bo, rose sharply"),
    ],
)
def test_content_keeps_quotes_whole_and_runs_around_an_inner_aside(
    make_doc: MakeDoc, rows: list[Row], cue: str, content: str
) -> None:
    claim = _by_cue(_claims(make_doc, rows), cue)
    assert claim.content.text == content


def test_clause_content_takes_a_condition_the_parser_hung_on_the_cue(make_doc: MakeDoc) -> None:
    """'Mia said costs rose if fuel did .' with "if" attached to "said", not to "rose"."""
    rows: list[Row] = [
        ("Mia", "Mia", "PROPN", "NNP", 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", True),
        ("costs", "cost", "NOUN", "NNS", 3, "nsubj", True),
        ("rose", "rise", "VERB", "VBD", 1, "ccomp", True),
        ("if", "if", "SCONJ", "IN", 6, "mark", True),
        ("fuel", "fuel", "NOUN", "NN", 6, "nsubj", True),
        ("did", "do", "VERB", "VBD", 1, "advcl", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    claim = _by_cue(_claims(make_doc, rows), "said")
    assert claim.content.text == "costs rose if fuel did"
