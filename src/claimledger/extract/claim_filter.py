"""A learned keep/drop decision over the attribution rules' claim candidates.

The rules in :mod:`.frames` and :mod:`.attribution` find a reporting cue and cut
its content by grammar; some of what they find is no attribution in the sense
of the PolNeAR guidelines ("he said hello", a cue inside a title), and some
contents are cut so badly that no reader would recognise them. A small
logistic regression over cheap features of each candidate (the cue's lemma and
parse, the content's length and first word, the source's form, where the claim
sits) scores it; candidates under the threshold are dropped.

The weights ship as versioned JSON (``data/claim_filter.v1.json``, docs/claim_filter.md)
read on first use; ``tools/train_claim_filter.py`` regenerates them from PolNeAR train.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimledger.errors import ExtractionError
from claimledger.extract.alternatives import ORIGINAL, content_alternatives
from claimledger.extract.phrases import span_of
from claimledger.model import Claim, TextSpan

__all__ = [
    "CLAIM_FILTER_V1",
    "ClaimFilter",
    "Logistic",
    "Neighbours",
    "claim_features",
    "claim_filter",
    "kept_claims",
    "load_claim_filter",
    "switch_features",
]

#: File name of version 1 of the weights, inside ``claimledger.extract.data``.
CLAIM_FILTER_V1 = "claim_filter.v1.json"

#: Words whose role at the start of a content says what kind of content it is.
_OPENERS = frozenset(
    {"that", "if", "whether", "to", "what", "who", "why", "how", "when", "where", "which"}
    | {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this", "his"}
)
_SOURCE_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
_QUOTES = frozenset('"“”')
#: Entity labels of numbers that count nothing.
_NOT_FIGURES = frozenset({"DATE", "TIME", "ORDINAL"})
#: Token counts that bound the length buckets of contents and sources.
_BUCKETS = (1, 2, 3, 5, 8, 13, 21, 34, 55)

#: Features whose weight may differ with the way the content was cut.
_OPTION_CROSSES = (
    "direct", "cue_before", "cue_after", "cue=none", "source=none", "past_sentence",
    "log_length", "content_share", "swallows_cue", "quoted_edges", "has_newline",
)  # fmt: skip

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression over named features."""

    weights: Mapping[str, float]
    bias: float

    def probability(self, features: Mapping[str, float]) -> float:
        """Return the modelled probability of the positive class."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """The keep model and its threshold; per kind of cut, a model of switching to it.

    ``switches[kind]`` reads the original claim's features (prefixed ``o:``) and
    the alternative's (``a:``) and gives the probability that the alternative
    matches where the original does not; the most probable switch above
    ``switch_threshold`` is taken. ``keep`` then scores the chosen claim.
    """

    version: int
    keep: Logistic
    threshold: float
    switches: Mapping[str, Logistic] = field(default_factory=dict)
    switch_threshold: float = 1.0

    def keeps(self, features: Mapping[str, float]) -> bool:
        return self.keep.probability(features) >= self.threshold


def _bucket(n: int) -> str:
    return str(next((b for b in _BUCKETS if n <= b), "more"))


def _tokens(doc: Doc, span: TextSpan) -> Span | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _cue_features(doc: Doc, claim: Claim) -> Features:
    view = _tokens(doc, claim.cue) if claim.cue is not None else None
    if view is None or not len(view):
        return {"cue=none": 1.0}
    token = view[0]
    out = {
        f"lemma={token.lemma_.lower()}": 1.0,
        f"cue_tag={token.tag_}": 1.0,
        f"cue_dep={token.dep_}": 1.0,
        f"cue_head_pos={token.head.pos_}": 1.0,
        f"cue_words={min(len(view), 3)}": 1.0,
    }
    out.update(_place_features(doc, claim, token))
    return out


def _place_features(doc: Doc, claim: Claim, cue: Token) -> Features:
    """Where the cue sits against its content and sentence."""
    assert claim.cue is not None
    if claim.content.contains(claim.cue):
        where = "inside"
    else:
        where = "before" if claim.cue.end <= claim.content.start else "after"
    sent = cue.sent
    share = (claim.content.end - claim.content.start) / max(1, sent.end_char - sent.start_char)
    return {
        f"cue_{where}": 1.0,
        "content_share": min(share, 3.0),
        "past_sentence": float(claim.content.end > sent.end_char + 1),
        "first_sentence": float(sent.start == 0),
    }


def _content_features(doc: Doc, claim: Claim) -> Features:
    view = _tokens(doc, claim.content)
    if view is None or not len(view):
        return {"content=none": 1.0}
    first, last = view[0], view[-1]
    opener = first.lower_ if first.lower_ in _OPENERS else first.pos_
    verbs = sum(1 for t in view if t.pos_ in {"VERB", "AUX"})
    return {
        f"opener={opener}": 1.0,
        f"last={last.pos_}": 1.0,
        f"length={_bucket(len(view))}": 1.0,
        "log_length": math.log1p(len(view)),
        f"verbs={min(verbs, 3)}": 1.0,
        "subject_first": float(any(t.dep_.startswith("nsubj") for t in view[:4])),
        "quoted_edges": float(first.text in _QUOTES or last.text in _QUOTES),
        "has_newline": float("\n" in claim.content.text),
    }


def _source_features(doc: Doc, claim: Claim) -> Features:
    if claim.source is None:
        return {"source=none": 1.0}
    view = _tokens(doc, claim.source.span)
    words = claim.source.span.text.lower().split()
    if len(words) == 1 and words[0] in _SOURCE_PRONOUNS:
        form = f"pronoun_{words[0]}"
    else:
        form = next((t.ent_type_ for t in view or () if t.ent_type_), "noent")
    out = {f"source={form}": 1.0, f"source_length={_bucket(len(words))}": 1.0}
    if claim.cue is not None:
        out["source_after_cue"] = float(claim.source.span.start > claim.cue.start)
    return out


@dataclass(frozen=True, slots=True)
class Neighbours:
    """All candidates of a document, indexed once: per claim, the features that
    compare it with the others then cost a lookup, not a pass over every claim
    (a 200 kB document has thousands)."""

    cue_counts: Mapping[TextSpan, int] = field(default_factory=dict)
    parents: frozenset[str] = frozenset()
    cue_starts: tuple[int, ...] = ()
    cues: tuple[TextSpan, ...] = ()

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> Neighbours:
        """Index the candidates ``claims`` of one document."""
        claims = list(claims)
        cues = sorted({c.cue for c in claims if c.cue is not None}, key=lambda s: (s.start, s.end))
        return cls(
            cue_counts=Counter(c.cue for c in claims if c.cue is not None),
            parents=frozenset(c.parent_id for c in claims if c.parent_id is not None),
            cue_starts=tuple(s.start for s in cues),
            cues=tuple(cues),
        )

    def swallows_cue(self, claim: Claim) -> bool:
        """True if another cue lies inside ``claim``'s content."""
        low = bisect_left(self.cue_starts, claim.content.start)
        high = bisect_right(self.cue_starts, claim.content.end)
        return any(cue != claim.cue and claim.content.contains(cue) for cue in self.cues[low:high])


def claim_features(
    doc: Doc, claim: Claim, *, neighbours: Neighbours | None = None, option: str = ORIGINAL
) -> Features:
    """Return the named features of one candidate ``claim`` of ``doc``.

    ``neighbours`` index all candidates of the document (:meth:`Neighbours.of`):
    a claim sharing its cue with another, nested in one or swallowing another's
    cue is told apart by them. ``option`` names how the content was cut
    (:func:`.content_alternatives`).

    Example:
        >>> sorted(claim_features(doc, claim))[:2]  # doctest: +SKIP
        ['content_share', 'cue_after']
    """
    out: Features = {"direct": float(claim.direct), f"status={claim.status}": 1.0}
    out.update(_cue_features(doc, claim))
    out.update(_content_features(doc, claim))
    out.update(_source_features(doc, claim))
    near = neighbours or Neighbours()
    same_cue = near.cue_counts.get(claim.cue, 0) if claim.cue is not None else 0
    out["shares_cue"] = float(same_cue > 1)
    out["nested"] = float(claim.parent_id is not None)
    out["holds_other"] = float(claim.id in near.parents)
    out["swallows_cue"] = float(near.swallows_cue(claim))
    out.update(_option_features(out, option))
    return out


def _option_features(base: Features, option: str) -> Features:
    """The way the content was cut, alone and with the few features it most depends on."""
    out = {f"option={option}": 1.0}
    if option != ORIGINAL:
        for name in _OPTION_CROSSES:
            if base.get(name):
                out[f"option={option}&{name}"] = base[name]
    return out


def switch_features(original: Features, alternative: Features) -> Features:
    """The features a switch model reads: both claims', prefixed, without the cut's own."""
    out = {f"o:{k}": v for k, v in original.items()}
    out.update((f"a:{k}", v) for k, v in alternative.items() if not k.startswith("option="))
    return out


def _best_content(
    doc: Doc, text: str, claim: Claim, neighbours: Neighbours, claim_filter: ClaimFilter
) -> tuple[Claim, Features]:
    """The candidate's best content cut and its features."""
    features = claim_features(doc, claim, neighbours=neighbours)
    best, best_features, best_p = claim, features, claim_filter.switch_threshold
    for option, (start, end) in content_alternatives(doc, claim, text=text).items():
        model = claim_filter.switches.get(option)
        if model is None:
            continue
        variant = replace(claim, content=span_of(text, start, end))
        alternative = claim_features(doc, variant, neighbours=neighbours, option=option)
        p = model.probability(switch_features(features, alternative))
        if p > best_p:
            best, best_features, best_p = variant, alternative, p
    return best, best_features


def _holds_figure(doc: Doc, claim: Claim) -> bool:
    """A figure in the content: dropping the claim would leave the number without its source.

    PolNeAR's annotators rarely mark "X put the toll at 300" as an attribution; the
    ledger needs exactly those, so the filter never drops them.
    """
    view = _tokens(doc, claim.content)
    return view is not None and any(t.like_num and t.ent_type_ not in _NOT_FIGURES for t in view)


def kept_claims(
    doc: Doc, claims: Iterable[Claim], *, claim_filter: ClaimFilter | None
) -> Iterator[Claim]:
    """Yield the attributed ``claims`` the filter keeps, each with its best content cut.

    Claims with neither source nor cue pass unchanged, and a claim with a figure in
    its content is never dropped (its cut may still change). A kept claim whose parent
    was dropped is re-hung on the nearest kept ancestor. With ``claim_filter=None``
    every claim is kept as it is.
    """
    claims = list(claims)
    if claim_filter is None:
        yield from claims
        return
    text = doc.text  # Doc.text joins every token on each access: read it once
    chosen: dict[str, Claim] = {}
    dropped: dict[str, str | None] = {}
    neighbours = Neighbours.of(claims)
    for claim in claims:
        if claim.source is None and claim.cue is None:
            continue
        best, features = _best_content(doc, text, claim, neighbours, claim_filter)
        if claim_filter.keeps(features) or _holds_figure(doc, claim):
            chosen[claim.id] = best
        else:
            dropped[claim.id] = claim.parent_id
    for claim in claims:
        if claim.id in dropped:
            continue
        claim = chosen.get(claim.id, claim)
        parent = claim.parent_id
        while parent is not None and parent in dropped:
            parent = dropped[parent]
        yield claim if parent == claim.parent_id else replace(claim, parent_id=parent)


def _logistic(data: Mapping[str, object]) -> Logistic:
    weights = data["weights"]
    if not isinstance(weights, Mapping):
        raise TypeError("weights must be a mapping")
    return Logistic(
        weights={str(k): float(v) for k, v in weights.items()}, bias=float(str(data["bias"]))
    )


def claim_filter(data: Mapping[str, Any]) -> ClaimFilter:
    """Build a :class:`ClaimFilter` from parsed JSON ``data``.

    Raises:
        ExtractionError: if a key is missing or a value is not a number.
    """
    try:
        return ClaimFilter(
            version=int(data["version"]),
            keep=_logistic(data["keep"]),
            threshold=float(data["threshold"]),
            switches={str(k): _logistic(v) for k, v in data.get("switches", {}).items()},
            switch_threshold=float(data.get("switch_threshold", 1.0)),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ExtractionError(f"malformed claim filter: {exc}") from exc


@cache
def load_claim_filter(name: str = CLAIM_FILTER_V1) -> ClaimFilter:
    """Read packaged filter weights once and return them.

    Example:
        >>> 0.0 < load_claim_filter().threshold < 1.0
        True
    """
    text = resources.files("claimledger.extract").joinpath("data", name).read_text("utf-8")
    return claim_filter(json.loads(text))
