"""Attribution extraction over hand-built parses (no model), plus a few model checks."""

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


def _doc(make_doc: MakeDoc, rows: list[Row], ents: list[str] | None = None) -> Doc:
    words, lemmas, pos, tags, heads, deps, spaces = (list(col) for col in zip(*rows, strict=True))
    return make_doc(
        words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents
    )


def _claims(doc: Doc) -> list[Claim]:
    return list(attributed_claims(doc, cues=load_cues()))


FRONTED: list[Row] = [
    ("Troops", "troop", "NOUN", "NNS", 1, "nsubj", True),
    ("advanced", "advance", "VERB", "VBD", 5, "ccomp", False),
    (",", ",", "PUNCT", ",", 5, "punct", True),
    ("the", "the", "DET", "DT", 4, "det", True),
    ("army", "army", "NOUN", "NN", 5, "nsubj", True),
    ("said", "say", "VERB", "VBD", 5, "ROOT", False),
    (".", ".", "PUNCT", ".", 5, "punct", False),
]


def _that_clause(subject: str, verb: str, lemma: str, *, negated: bool = False) -> list[Row]:
    """'<subject> [did not] <verb> that troops crossed .' with the cue as root."""
    rows: list[Row] = [(subject, subject.lower(), "PROPN", "NNP", 0, "nsubj", True)]
    if negated:
        rows += [("did", "do", "AUX", "VBD", 3, "aux", True)]
        rows += [("not", "not", "PART", "RB", 3, "neg", True)]
    cue = len(rows)
    rows = [
        (w, lem, p, t, cue if i == 0 else h, d, s) for i, (w, lem, p, t, h, d, s) in enumerate(rows)
    ]
    rows += [
        (verb, lemma, "VERB", "VBD", cue, "ROOT", True),
        ("that", "that", "SCONJ", "IN", cue + 3, "mark", True),
        ("troops", "troop", "NOUN", "NNS", cue + 3, "nsubj", True),
        ("crossed", "cross", "VERB", "VBD", cue, "ccomp", False),
        (".", ".", "PUNCT", ".", cue, "punct", False),
    ]
    return rows


@pytest.mark.parametrize(
    "rows,content,source,name,cue",
    [
        (FRONTED, "Troops advanced", "the army", "army", "said"),
        (
            _that_clause("Kyiv", "reported", "report"),
            "that troops crossed",
            "Kyiv",
            "Kyiv",
            "reported",
        ),
    ],
)
def test_attribution_finds_content_source_and_cue(
    make_doc: MakeDoc, rows: list[Row], content: str, source: str, name: str, cue: str
) -> None:
    (claim,) = _claims(_doc(make_doc, rows))
    assert claim.content.text == content
    assert claim.source is not None and claim.source.span.text == source
    assert claim.source.name == name
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.id == "c1" and not claim.direct


@pytest.mark.parametrize(
    "verb,lemma,negated,status,status_cues",
    [
        ("said", "say", False, "asserted", ()),
        ("denied", "deny", False, "denied", ("denied",)),
        ("confirmed", "confirm", False, "confirmed", ("confirmed",)),
        ("confirm", "confirm", True, "hedged", ("not", "confirm")),
        ("alleged", "allege", False, "alleged", ("alleged",)),
    ],
)
def test_attribution_status_from_cue_and_negation(
    make_doc: MakeDoc,
    verb: str,
    lemma: str,
    negated: bool,
    status: str,
    status_cues: tuple[str, ...],
) -> None:
    (claim,) = _claims(_doc(make_doc, _that_clause("Seoul", verb, lemma, negated=negated)))
    assert (claim.status, claim.status_cues) == (status, status_cues)


def _modal(word: str, tag: str) -> list[Row]:
    """'He said troops <word> cross .'"""
    return [
        ("He", "he", "PRON", "PRP", 1, "nsubj", True),
        ("said", "say", "VERB", "VBD", 1, "ROOT", True),
        ("troops", "troop", "NOUN", "NNS", 4, "nsubj", True),
        (word, word, "AUX", tag, 4, "aux", True),
        ("cross", "cross", "VERB", "VB", 1, "ccomp", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]


@pytest.mark.parametrize(
    "word,tag,status",
    [("could", "MD", "hedged"), ("will", "MD", "predicted"), ("did", "VBD", "asserted")],
)
def test_attribution_status_from_content_wording(
    make_doc: MakeDoc, word: str, tag: str, status: str
) -> None:
    (claim,) = _claims(_doc(make_doc, _modal(word, tag)))
    assert claim.status == status
    assert claim.source is not None and claim.source.span.text == "He"


@pytest.mark.parametrize("condition", ["if"])
def test_attribution_condition_outranks_prediction(make_doc: MakeDoc, condition: str) -> None:
    rows = _modal("would", "MD")[:-1] + [
        (condition, condition, "SCONJ", "IN", 6, "mark", True),
        ("confirmed", "confirm", "VERB", "VBN", 4, "advcl", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]
    rows[4] = ("cross", "cross", "VERB", "VB", 1, "ccomp", True)
    (claim,) = _claims(_doc(make_doc, rows))
    assert claim.status == "conditional"
    assert claim.status_cues == ("if confirmed",)


TOLD_BBC: list[Row] = [
    ("Officials", "official", "NOUN", "NNS", 1, "nsubj", True),
    ("told", "tell", "VERB", "VBD", 1, "ROOT", True),
    ("the", "the", "DET", "DT", 3, "det", True),
    ("BBC", "BBC", "PROPN", "NNP", 1, "dobj", True),
    ("that", "that", "SCONJ", "IN", 6, "mark", True),
    ("troops", "troop", "NOUN", "NNS", 6, "nsubj", True),
    ("crossed", "cross", "VERB", "VBD", 1, "ccomp", False),
    (".", ".", "PUNCT", ".", 1, "punct", False),
]


@pytest.mark.parametrize("rows,via", [(TOLD_BBC, ("BBC",))])
def test_attribution_records_medium(
    make_doc: MakeDoc, rows: list[Row], via: tuple[str, ...]
) -> None:
    (claim,) = _claims(_doc(make_doc, rows, ents=["O", "O", "O", "B-ORG", "O", "O", "O", "O"]))
    assert claim.via == via
    assert claim.content.text == "that troops crossed"


ACCORDING: list[Row] = [
    ("Troops", "troop", "NOUN", "NNS", 1, "nsubj", True),
    ("crossed", "cross", "VERB", "VBD", 1, "ROOT", False),
    (",", ",", "PUNCT", ",", 1, "punct", True),
    ("according", "accord", "VERB", "VBG", 1, "prep", True),
    ("to", "to", "ADP", "IN", 3, "prep", True),
    ("the", "the", "DET", "DT", 6, "det", True),
    ("ministry", "ministry", "NOUN", "NN", 4, "pobj", False),
    (".", ".", "PUNCT", ".", 1, "punct", False),
]

PUT_AT: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det", True),
    ("minister", "minister", "NOUN", "NN", 2, "nsubj", True),
    ("put", "put", "VERB", "VBD", 2, "ROOT", True),
    ("the", "the", "DET", "DT", 4, "det", True),
    ("toll", "toll", "NOUN", "NN", 2, "dobj", True),
    ("at", "at", "ADP", "IN", 2, "prep", True),
    ("300", "300", "NUM", "CD", 5, "pobj", False),
    (".", ".", "PUNCT", ".", 2, "punct", False),
]

ESTIMATE_FROM: list[Row] = [
    ("The", "the", "DET", "DT", 1, "det", True),
    ("estimate", "estimate", "NOUN", "NN", 5, "nsubj", True),
    ("from", "from", "ADP", "IN", 1, "prep", True),
    ("the", "the", "DET", "DT", 4, "det", True),
    ("army", "army", "NOUN", "NN", 2, "pobj", True),
    ("is", "be", "AUX", "VBZ", 5, "ROOT", True),
    ("300", "300", "NUM", "CD", 5, "attr", False),
    (".", ".", "PUNCT", ".", 5, "punct", False),
]


@pytest.mark.parametrize(
    "rows,content,source,cue,status",
    [
        (ACCORDING, "Troops crossed", "the ministry", "according to", "reported"),
        (PUT_AT, "the toll at 300", "The minister", "put", "estimated"),
        (ESTIMATE_FROM, "300", "the army", "estimate", "estimated"),
    ],
)
def test_attribution_non_verbal_and_figure_cues(
    make_doc: MakeDoc, rows: list[Row], content: str, source: str, cue: str, status: str
) -> None:
    (claim,) = _claims(_doc(make_doc, rows))
    assert claim.content.text == content
    assert claim.source is not None and claim.source.span.text == source
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.status == status


NESTED: list[Row] = [
    ("Yonhap", "Yonhap", "PROPN", "NNP", 1, "nsubj", True),
    ("reported", "report", "VERB", "VBD", 1, "ROOT", True),
    ("that", "that", "SCONJ", "IN", 5, "mark", True),
    ("the", "the", "DET", "DT", 4, "det", True),
    ("agency", "agency", "NOUN", "NN", 5, "nsubj", True),
    ("said", "say", "VERB", "VBD", 1, "ccomp", True),
    ("troops", "troop", "NOUN", "NNS", 7, "nsubj", True),
    ("crossed", "cross", "VERB", "VBD", 5, "ccomp", False),
    (".", ".", "PUNCT", ".", 1, "punct", False),
]


@pytest.mark.parametrize("rows", [NESTED])
def test_attribution_nests_relayed_claims(make_doc: MakeDoc, rows: list[Row]) -> None:
    outer, inner = _claims(_doc(make_doc, rows))
    assert outer.content.text == "that the agency said troops crossed"
    assert inner.content.text == "troops crossed"
    assert inner.parent_id == outer.id == "c1"
    assert inner.via == ("Yonhap",)
    assert (outer.status, inner.status) == ("reported", "asserted")


QUOTED: list[Row] = [
    ('"', '"', "PUNCT", "``", 3, "punct", False),
    ("We", "we", "PRON", "PRP", 3, "nsubj", True),
    ("will", "will", "AUX", "MD", 3, "aux", True),
    ("win", "win", "VERB", "VB", 7, "ccomp", False),
    (",", ",", "PUNCT", ",", 7, "punct", False),
    ('"', '"', "PUNCT", "''", 7, "punct", True),
    ("he", "he", "PRON", "PRP", 7, "nsubj", True),
    ("said", "say", "VERB", "VBD", 7, "ROOT", False),
    (".", ".", "PUNCT", ".", 7, "punct", False),
]


@pytest.mark.parametrize("rows,content", [(QUOTED, '"We will win,"')])
def test_attribution_direct_quote_takes_the_marks(
    make_doc: MakeDoc, rows: list[Row], content: str
) -> None:
    (claim,) = _claims(_doc(make_doc, rows))
    assert claim.direct
    assert claim.content.text == content
    assert claim.status == "predicted"


@pytest.mark.parametrize(
    "words",
    [
        [],
        [" "],
        ["“", "unbalanced", "quote", "without", "end"],
        ['"', '"', '"'],
        ["”", "closing", "first", "“"],
    ],
)
def test_attribution_unparsed_or_broken_input_gives_no_claims(
    make_doc: MakeDoc, words: list[str]
) -> None:
    assert _claims(make_doc(words)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expect",
    [
        (
            "Confirming reports in local media that a pilot had been rescued, the defence "
            "ministry said it had received the news through a partner agency.",
            {"cue": "Confirming", "status": "confirmed", "content": "a pilot had been rescued"},
        ),
        (
            "“We saw the convoy. It was moving north,” the governor wrote in a post on Telegram.",
            {"cue": "wrote", "direct": True, "via": ("Telegram",), "content": "We saw the convoy"},
        ),
        (
            "Casualties were mounting in the east, according to regional officials.",
            {"cue": "according to", "status": "reported", "content": "Casualties were mounting"},
        ),
        (
            "The governor put the number of wounded at about 200.",
            {"cue": "put", "status": "estimated", "content": "about 200"},
        ),
    ],
)
def test_attribution_model_patterns(nlp: object, text: str, expect: dict[str, object]) -> None:
    claims = nlp(text)._.cl_claims  # type: ignore[operator]
    hits = [c for c in claims if c.cue is not None and c.cue.text == expect["cue"]]
    assert hits, [c.cue for c in claims]
    claim = hits[0]
    assert str(expect["content"]) in claim.content.text
    for key in ("status", "direct", "via"):
        if key in expect:
            assert getattr(claim, key) == expect[key]
    assert claim.source is not None


@pytest.mark.model
def test_attribution_model_uncued_quote_paragraph_goes_to_previous_speaker(nlp: object) -> None:
    text = (
        "Maria Lopez, an analyst at a research centre, told Reuters that the offensive "
        "would stall.\n\n“The logistics are simply not there for a long push, and "
        "everyone on the ground knows it.”"
    )
    claims = nlp(text)._.cl_claims  # type: ignore[operator]
    quoted = [c for c in claims if c.direct]
    assert len(quoted) == 1
    assert quoted[0].cue is None
    assert quoted[0].source is not None and quoted[0].source.span.text == "Maria Lopez"
    told = [c for c in claims if c.cue is not None and c.cue.text == "told"]
    assert told and told[0].via == ("Reuters",) and told[0].status == "predicted"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“Never closed, he said. And “again ” and ” and \" and '' too",
        "Der Minister sagte, die Truppen seien vorgerückt. «Wir siegen», sagte er.",
        "部长说部队已经前进。“我们会赢，”他说。",
    ],
)
def test_attribution_model_never_crashes(nlp: object, text: str) -> None:
    claims = nlp(text)._.cl_claims  # type: ignore[operator]
    assert all(text[c.content.start : c.content.end] == c.content.text for c in claims)


@pytest.mark.model
@pytest.mark.slow
def test_attribution_model_handles_200_kb(nlp: object) -> None:
    paragraph = "“Supplies are short,” the mayor said. Officials said 12 people were hurt.\n\n"
    text = paragraph * (200_000 // len(paragraph))
    nlp.max_length = max(nlp.max_length, len(text) + 1)  # type: ignore[attr-defined]
    claims = nlp(text)._.cl_claims  # type: ignore[operator]
    assert len(claims) >= text.count("mayor said")
