"""Constructions added for attribution recall (#3), over hand-built parses."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from claimledger.extract.attribution import attributed_claims
from claimledger.extract.cues import load_cues
from claimledger.model import Claim

MakeDoc = Callable[..., Doc]
# word, lemma, POS, tag, head (absolute index), dep, space after
Row = tuple[str, str, str, str, int, str, bool]


def _claims(make_doc: MakeDoc, rows: list[Row], ents: list[str] | None = None) -> list[Claim]:
    words, lemmas, pos, tags, heads, deps, spaces = (list(col) for col in zip(*rows, strict=True))
    doc = make_doc(
        words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents
    )
    return list(attributed_claims(doc, cues=load_cues()))


def _found(claims: list[Claim]) -> list[tuple[str | None, str, str | None]]:
    return [
        (c.cue.text if c.cue else None, c.content.text, c.source.span.text if c.source else None)
        for c in claims
    ]


def test_orphaned_speaker_parsed_as_an_object_still_speaks(make_doc: MakeDoc) -> None:
    rows: list[Row] = [
        ("At", "at", "ADP", "IN", 5, "prep", True),
        ("a", "a", "DET", "DT", 2, "det", True),
        ("meeting", "meeting", "NOUN", "NN", 0, "pobj", True),
        ("with", "with", "ADP", "IN", 2, "prep", True),
        ("Ana", "Ana", "PROPN", "NNP", 3, "pobj", True),
        ("said", "say", "VERB", "VBD", 5, "ROOT", True),
        ("taxes", "tax", "NOUN", "NNS", 7, "nsubj", True),
        ("rose", "rise", "VERB", "VBD", 5, "ccomp", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [("said", "taxes rose", "Ana")]


def test_second_report_coordinated_into_the_clause_is_cut_and_shares_the_speaker(
    make_doc: MakeDoc,
) -> None:
    rows: list[Row] = [
        ("Lee", "Lee", "PROPN", "NNP", 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", True),
        ("rates", "rate", "NOUN", "NNS", 3, "nsubj", True),
        ("fell", "fall", "VERB", "VBD", 1, "ccomp", True),
        ("and", "and", "CCONJ", "CC", 3, "cc", True),
        ("insisted", "insist", "VERB", "VBD", 3, "conj", True),
        ("banks", "bank", "NOUN", "NNS", 7, "nsubj", True),
        ("lend", "lend", "VERB", "VBP", 5, "ccomp", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [
        ("said", "rates fell", "Lee"),
        ("insisted", "banks lend", "Lee"),
    ]


def test_trailing_relative_aside_is_not_content(make_doc: MakeDoc) -> None:
    rows: list[Row] = [
        ("Kim", "Kim", "PROPN", "NNP", 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", True),
        ("the", "the", "DET", "DT", 3, "det", True),
        ("mayor", "mayor", "NOUN", "NN", 4, "nsubj", True),
        ("resigned", "resign", "VERB", "VBD", 1, "ccomp", False),
        (",", ",", "PUNCT", ",", 4, "punct", True),
        ("which", "which", "PRON", "WDT", 7, "nsubj", True),
        ("surprised", "surprise", "VERB", "VBD", 4, "relcl", True),
        ("many", "many", "PRON", "NN", 7, "dobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [("said", "the mayor resigned", "Kim")]


def test_naming_verb_with_as_takes_object_and_predicate(make_doc: MakeDoc) -> None:
    rows: list[Row] = [
        ("Voters", "voter", "NOUN", "NNS", 1, "nsubj", True),
        ("see", "see", "VERB", "VBP", 1, "ROOT", True),
        ("Ruiz", "Ruiz", "PROPN", "NNP", 1, "dobj", True),
        ("as", "as", "ADP", "IN", 1, "prep", True),
        ("a", "a", "DET", "DT", 5, "det", True),
        ("uniter", "uniter", "NOUN", "NN", 3, "pobj", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [("see", "Ruiz as a uniter", "Voters")]


def test_raising_verb_hedges_its_clause_without_a_source(make_doc: MakeDoc) -> None:
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 1, "det", True),
        ("talks", "talk", "NOUN", "NNS", 2, "nsubj", True),
        ("seemed", "seem", "VERB", "VBD", 2, "ROOT", True),
        ("to", "to", "PART", "TO", 4, "aux", True),
        ("stall", "stall", "VERB", "VB", 2, "xcomp", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    (claim,) = _claims(make_doc, rows)
    assert _found([claim]) == [("seemed", "The talks seemed to stall", None)]
    assert claim.status == "hedged"


def test_mislemmatised_cue_form_is_read_through_lemma_fixes(make_doc: MakeDoc) -> None:
    rows: list[Row] = [
        ("She", "she", "PRON", "PRP", 1, "nsubj", True),
        ("hopes", "hop", "VERB", "VBZ", 1, "ROOT", True),
        ("talks", "talk", "NOUN", "NNS", 3, "nsubj", True),
        ("resume", "resume", "VERB", "VBP", 1, "ccomp", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [("hopes", "talks resume", "She")]


def test_headline_verb_takes_the_rest_of_the_title(make_doc: MakeDoc) -> None:
    # A title-case headline the parser got wrong: "Says" has no clause at all.
    rows: list[Row] = [
        ("Ann", "Ann", "PROPN", "NNP", 1, "compound", True),
        ("Lee", "Lee", "PROPN", "NNP", 2, "nsubj", True),
        ("Says", "say", "VERB", "VBZ", 2, "ROOT", True),
        ("Rates", "rate", "NOUN", "NNS", 2, "dep", True),
        ("Must", "must", "AUX", "MD", 5, "aux", True),
        ("Go", "go", "PROPN", "NNP", 2, "dep", False),
        ("\n\n", "\n\n", "SPACE", "_SP", 5, "dep", False),
        ("Text", "text", "NOUN", "NN", 7, "ROOT", False),
        (".", ".", "PUNCT", ".", 7, "punct", False),
    ]
    assert _found(_claims(make_doc, rows)) == [("Says", "Rates Must Go", "Ann Lee")]


def test_headline_label_is_a_speaker_but_a_story_label_is_not(make_doc: MakeDoc) -> None:
    def line(label: str) -> list[Row]:
        return [
            (label, label.lower(), "PROPN", "NNP", 0, "ROOT", False),
            (":", ":", "PUNCT", ":", 0, "punct", True),
            ("Rates", "rate", "NOUN", "NNS", 3, "nsubj", True),
            ("will", "will", "AUX", "MD", 4, "aux", True),
            ("rise", "rise", "VERB", "VB", 0, "dep", False),
        ]

    assert _found(_claims(make_doc, line("Lee"))) == [(":", "Rates will rise", "Lee")]
    assert _claims(make_doc, line("Update")) == []
