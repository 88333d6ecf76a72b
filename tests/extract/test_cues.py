"""The cue lexicon is packaged data with a checked vocabulary."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimledger.errors import ExtractionError
from claimledger.extract.cues import CUES_V1, CUES_V2, cue_lexicon, load_cues
from claimledger.model import CERTAINTY_STATUSES


def _data() -> dict[str, object]:
    text = resources.files("claimledger.extract").joinpath("data", CUES_V1).read_text("utf-8")
    return dict(json.loads(text))


@pytest.mark.parametrize(
    "lemma,status", [("say", "asserted"), ("deny", "denied"), ("put", "estimated")]
)
def test_cues_load_packaged_lexicon(lemma: str, status: str) -> None:
    lexicon = load_cues()
    assert lexicon.version == 2
    assert lexicon.verbs[lemma] == status
    assert set(lexicon.verbs.values()) <= set(CERTAINTY_STATUSES)


@pytest.mark.parametrize("broken", [{"verbs": {"say": "certain"}}, {"verbs": None}])
def test_cues_reject_bad_lexicon(broken: dict[str, object]) -> None:
    with pytest.raises(ExtractionError):
        cue_lexicon({**_data(), **broken})


@pytest.mark.parametrize(
    "name,file", [("claimledger.cues.v1", CUES_V1), ("claimledger.cues.v2", CUES_V2)]
)
def test_cues_registered_for_spacy_configs(name: str, file: str) -> None:
    from spacy.util import registry

    from claimledger.extract import registrations  # noqa: F401

    assert registry.misc.get(name)() == load_cues(file)


def test_cues_v1_still_loads_without_lemma_fixes() -> None:
    old, new = load_cues(CUES_V1), load_cues(CUES_V2)
    assert old.version == 1 and old.lemma_fixes == {}
    assert new.lemma_fixes["hopes"] == "hope"
    assert "endorse" in new.verbs and "endorse" not in old.verbs
