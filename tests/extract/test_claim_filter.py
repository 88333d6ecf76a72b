"""The learned claim filter: features on hand-built parses, the packaged weights, decisions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimledger.errors import ExtractionError
from claimledger.extract.alternatives import ORIGINAL, content_alternatives
from claimledger.extract.claim_filter import (
    CLAIM_FILTER_V1,
    ClaimFilter,
    Logistic,
    claim_features,
    claim_filter,
    kept_claims,
    load_claim_filter,
)
from claimledger.model import Claim, SourceRef, TextSpan

MakeDoc = Callable[..., Doc]

# "Officials said the old bridge , which was weak , collapsed ." with "said" as root.
WORDS = ["Officials", "said", "the", "old", "bridge", ",", "which", "was", "weak", ","]
WORDS += ["collapsed", "."]
LEMMAS = ["official", "say", "the", "old", "bridge", ",", "which", "be", "weak", ","]
LEMMAS += ["collapse", "."]
POS = ["NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "VERB"]
POS += ["PUNCT"]
TAGS = ["NNS", "VBD", "DT", "JJ", "NN", ",", "WDT", "VBD", "JJ", ",", "VBD", "."]
HEADS = [1, 1, 4, 4, 10, 4, 7, 4, 7, 4, 1, 1]
DEPS = ["nsubj", "ROOT", "det", "amod", "nsubj", "punct", "nsubj", "relcl", "acomp", "punct"]
DEPS += ["ccomp", "punct"]


def _doc(make_doc: MakeDoc) -> Doc:
    spaces = [True] * len(WORDS)
    spaces[4] = spaces[8] = spaces[10] = spaces[11] = False
    return make_doc(WORDS, spaces=spaces, lemmas=LEMMAS, pos=POS, tags=TAGS, heads=HEADS, deps=DEPS)


def _span(doc: Doc, first: int, last: int) -> TextSpan:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return TextSpan(doc.text[start:end], start, end)


def _claim(doc: Doc, **changes: object) -> Claim:
    fields: dict[str, object] = {
        "id": "c1",
        "content": _span(doc, 2, 10),
        "source": SourceRef(span=_span(doc, 0, 0), name="Officials"),
        "cue": _span(doc, 1, 1),
    }
    return Claim(**{**fields, **changes})  # type: ignore[arg-type]


def test_claim_filter_features_read_cue_content_and_source(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    features = claim_features(doc, _claim(doc))
    assert features["lemma=say"] == 1.0
    assert features["cue_tag=VBD"] == 1.0 and features["cue_before"] == 1.0
    assert features["opener=the"] == 1.0
    assert features["source=noent"] == 1.0 and features["direct"] == 0.0
    assert features[f"option={ORIGINAL}"] == 1.0
    assert "cue=none" not in features


def test_claim_filter_features_mark_a_cueless_quote(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    features = claim_features(doc, _claim(doc, cue=None, direct=True), option="line_end")
    assert features["cue=none"] == 1.0 and features["direct"] == 1.0
    assert features["option=line_end&cue=none"] == 1.0


def test_claim_filter_alternatives_cut_before_the_aside(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    options = content_alternatives(doc, _claim(doc))
    assert options[ORIGINAL] == (doc[2].idx, doc[10].idx + len(doc[10]))
    assert doc.text[slice(*options["first_comma"])] == "the old bridge"
    assert doc.text[slice(*options["last_comma"])] == "the old bridge, which was weak"


def test_claim_filter_packaged_weights_load() -> None:
    model = load_claim_filter()
    assert model.version == 1
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.switch_threshold <= 1.0
    assert any(name.startswith("lemma=") for name in model.keep.weights)
    assert "line_end" in model.switches


def test_claim_filter_registered_for_spacy_configs() -> None:
    from spacy.util import registry

    from claimledger.extract import registrations  # noqa: F401

    assert registry.misc.get("claimledger.claim_filter.v1")() == load_claim_filter(CLAIM_FILTER_V1)
    assert registry.misc.get("claimledger.no_claim_filter.v1")() is None


@pytest.mark.parametrize(
    "broken",
    [{"keep": {"weights": None, "bias": 0.0}}, {"keep": {"bias": "high"}}, {"threshold": None}],
)
def test_claim_filter_rejects_malformed_weights(broken: dict[str, object]) -> None:
    data = {"version": 1, "threshold": 0.5, "keep": {"bias": 0.0, "weights": {"direct": 1.0}}}
    with pytest.raises(ExtractionError):
        claim_filter({**data, **broken})


def test_claim_filter_drops_below_threshold_and_rehangs_children(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    outer = _claim(doc, id="c1", status="reported")
    inner = _claim(doc, id="c2", parent_id="c1")
    unattributed = Claim(id="c3", content=_span(doc, 10, 10))
    # No switch models: the choice among cuts cannot change the span.
    keep = Logistic(weights={"status=reported": -10.0}, bias=5.0)
    model = ClaimFilter(version=1, keep=keep, threshold=0.5)
    kept = list(kept_claims(doc, [outer, inner, unattributed], claim_filter=model))
    assert [c.id for c in kept] == ["c2", "c3"]
    assert kept[0].parent_id is None and kept[0].content == inner.content
    assert len(list(kept_claims(doc, [outer, inner], claim_filter=None))) == 2


def test_claim_filter_takes_the_most_probable_cut(make_doc: MakeDoc) -> None:
    doc = _doc(make_doc)
    switch = Logistic(weights={"a:verbs=0": 3.0}, bias=0.0)  # the cut with no verb
    model = ClaimFilter(
        version=1,
        keep=Logistic(weights={}, bias=1.0),
        threshold=0.5,
        switches={"first_comma": switch, "last_comma": switch},
        switch_threshold=0.6,
    )
    (kept,) = kept_claims(doc, [_claim(doc)], claim_filter=model)
    assert kept.content.text == "the old bridge"
    unswitched = ClaimFilter(version=1, keep=model.keep, threshold=0.5)
    (same,) = kept_claims(doc, [_claim(doc)], claim_filter=unswitched)
    assert same.content.text == "the old bridge, which was weak, collapsed"


def test_claim_filter_never_drops_a_claim_with_a_figure(make_doc: MakeDoc) -> None:
    words = ["Officials", "put", "the", "toll", "at", "300", "."]
    heads, deps = [1, 1, 3, 1, 1, 4, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    doc = make_doc(words, spaces=[True] * 5 + [False, False], heads=heads, deps=deps)
    content = _span(doc, 2, 5)
    claim = Claim(id="c1", content=content, cue=_span(doc, 1, 1))
    drop_all = ClaimFilter(version=1, keep=Logistic(weights={}, bias=-10.0), threshold=0.5)
    assert [c.content for c in kept_claims(doc, [claim], claim_filter=drop_all)] == [content]
    words_only = Claim(id="c2", content=_span(doc, 2, 3), cue=_span(doc, 1, 1))
    assert list(kept_claims(doc, [words_only], claim_filter=drop_all)) == []
