"""The attribution cue lexicon: reporting words as data, not code branches.

The lexicon ships as versioned JSON files (``data/cues.v2.json``, the default, and
``data/cues.v1.json`` kept for reproducing older results; docs/cues.md) read on
first use, never at import. spaCy configs reach them through the registered
functions ``claimledger.cues.v2`` and ``claimledger.cues.v1`` (see ``registrations.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from claimledger.errors import ExtractionError

__all__ = ["CUES_V1", "CUES_V2", "CueLexicon", "cue_lexicon", "load_cues"]

#: File name of version 1 of the lexicon, inside ``claimledger.extract.data``.
CUES_V1 = "cues.v1.json"
#: File name of version 2, the default: adds stance and raising verbs and ``lemma_fixes``.
CUES_V2 = "cues.v2.json"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Reporting cues and certainty markers, keyed by lower-case lemma.

    ``verbs``/``nouns``/``phrases`` map a cue to its default certainty status.
    The frozensets name lemmas that play a role in a frame (``recipient_verbs``:
    the direct object is the addressee, "told the BBC"; ``figure_verbs``: "put
    the number at"), or mark certainty inside the content (``hedges``,
    ``predictive``, ``conditionals``, ``negators``, ``opinion_markers``).
    ``lemma_fixes`` maps a word form the tagger mislemmatises to its cue lemma
    ("hopes" -> "hope"); it is optional in the file (version 1 has none).
    """

    version: int
    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    figure_verbs: frozenset[str]
    figure_prep: str
    recipient_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    preposition_content: dict[str, frozenset[str]]
    vague_source_nouns: frozenset[str]
    source_preps: frozenset[str]
    hedges: frozenset[str]
    predictive: frozenset[str]
    conditionals: frozenset[str]
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    opinion_markers: frozenset[str]
    media_nouns: frozenset[str]
    medium_nouns: frozenset[str]
    channel_preps: frozenset[str]
    relay_statuses: frozenset[str]
    xcomp_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]
    naming_verbs: frozenset[str]
    attribution_dashes: frozenset[str]
    lemma_fixes: dict[str, str]


def cue_lexicon(data: dict[str, Any]) -> CueLexicon:
    """Build a :class:`CueLexicon` from the parsed JSON ``data``.

    Raises:
        ExtractionError: if a key is missing or a status is not in the vocabulary.
    """
    from claimledger.model import CERTAINTY_STATUSES

    try:
        lexicon = CueLexicon(
            version=int(data["version"]),
            verbs=dict(data["verbs"]),
            nouns=dict(data["nouns"]),
            phrases=dict(data["phrases"]),
            figure_prep=str(data["figure_prep"]),
            preposition_content={k: frozenset(v) for k, v in data["preposition_content"].items()},
            lemma_fixes=dict(data.get("lemma_fixes", {})),
            **{name: frozenset(data[name]) for name in _SET_FIELDS},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ExtractionError(f"malformed cue lexicon: {exc}") from exc
    statuses = {*lexicon.verbs.values(), *lexicon.nouns.values(), *lexicon.phrases.values()}
    unknown = statuses - set(CERTAINTY_STATUSES)
    if unknown:
        raise ExtractionError(f"cue lexicon uses unknown statuses: {sorted(unknown)}")
    return lexicon


_SET_FIELDS = (
    "figure_verbs",
    "recipient_verbs",
    "object_content_verbs",
    "vague_source_nouns",
    "source_preps",
    "hedges",
    "predictive",
    "conditionals",
    "negators",
    "negating_verbs",
    "opinion_markers",
    "media_nouns",
    "medium_nouns",
    "channel_preps",
    "relay_statuses",
    "xcomp_verbs",
    "clause_only_verbs",
    "speaker_pronouns",
    "naming_verbs",
    "attribution_dashes",
)


@cache
def load_cues(name: str = CUES_V2) -> CueLexicon:
    """Read a packaged cue lexicon once and return it.

    Example:
        >>> load_cues().verbs["say"]
        'asserted'
    """
    text = resources.files("claimledger.extract").joinpath("data", name).read_text("utf-8")
    return cue_lexicon(json.loads(text))
