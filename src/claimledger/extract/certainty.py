"""Certainty status of a claim, read from its cue and its wording (docs/vocabulary.md).

The order of the checks is the policy: a negated cue can confirm or deny
nothing ("did not confirm"); a condition outranks everything said under it
("..., if confirmed"); then the cue's own status (confirmed, denied, alleged,
estimated, reported); then hedges in the content ("appeared to", "could",
"rumors"); then future or modal wording (predicted); a direct quote that
judges is an opinion; everything else is asserted. The words that decided are
returned with the status so a reader can see why.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from claimledger.extract.cues import CueLexicon

__all__ = ["certainty"]

_NEUTRAL = frozenset({"asserted"})
_MODAL_TAGS = frozenset({"MD"})


def certainty(
    content: Sequence[Token],
    *,
    cue: Token | None,
    cue_text: str | None = None,
    cue_status: str | None,
    direct: bool,
    cues: CueLexicon,
) -> tuple[str, tuple[str, ...]]:
    """Return ``(status, deciding words)`` for a claim.

    Args:
        content: the tokens of the claim's content.
        cue: the cue's head token, None for an uncued quote.
        cue_text: the cue as written ("according to"), if more than its head.
        cue_status: the lexicon's default status for the cue.
        direct: whether the content is a direct quotation.
    """
    negation = _negation(cue, cues) if cue is not None else ()
    if negation:
        return "hedged", negation
    condition = _condition(content, cues)
    if condition:
        return "conditional", condition
    if cue is not None and cue_status is not None and cue_status not in _NEUTRAL:
        if cue_status != "opinion" or not direct:
            return cue_status, (cue_text or cue.text,)
    for status, words in (
        ("hedged", _hedges(content, cues)),
        ("predicted", _predictions(content, cues)),
    ):
        if words:
            return status, words
    if direct or cue_status == "opinion":
        words = _opinion_markers(content, cues)
        if words or cue_status == "opinion":
            return "opinion", words
    return "asserted", ()


def _negation(cue: Token, cues: CueLexicon) -> tuple[str, ...]:
    """ "did not confirm", "never denied", "refused to confirm"."""
    for child in cue.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in cues.negators):
            return child.text, cue.text
    head = cue.head
    if cue.dep_ == "xcomp" and head.lemma_.lower() in cues.negating_verbs:
        return head.text, cue.text
    return ()


def _condition(content: Sequence[Token], cues: CueLexicon) -> tuple[str, ...]:
    for token in content:
        if token.lower_ in cues.conditionals and token.dep_ == "mark":
            head = token.head
            if 0 < head.i - token.i <= 3:
                return (token.doc[token.i : head.i + 1].text,)
            return (token.text,)
    return ()


def _hedges(content: Sequence[Token], cues: CueLexicon) -> tuple[str, ...]:
    words = []
    for token in content:
        if token.lower_ == "may" and token.tag_ not in _MODAL_TAGS:
            continue
        if token.lemma_.lower() in cues.hedges or token.lower_ in cues.hedges:
            words.append(token.text)
    return tuple(words)


def _predictions(content: Sequence[Token], cues: CueLexicon) -> tuple[str, ...]:
    words = []
    for token in content:
        if token.lower_ == "going":
            after = token.doc[token.i + 1 : token.i + 3]
            if len(after) == 2 and after[0].lower_ == "to" and after[1].tag_ == "VB":
                words.append(token.text)
        elif token.lower_ in cues.predictive and token.tag_ in _MODAL_TAGS:
            words.append(token.text)
    return tuple(words)


def _opinion_markers(content: Sequence[Token], cues: CueLexicon) -> tuple[str, ...]:
    words: list[str] = []
    for token in content:
        lemma = token.lemma_.lower()
        if token.lower_ in {"more", "most"} and token.head.pos_ == "ADJ":
            words.append(f"{token.text} {token.head.text}")
        elif words and words[-1].endswith(f" {token.text}"):
            continue
        elif lemma in cues.opinion_markers or token.lower_ in cues.opinion_markers:
            words.append(token.text)
        elif token.tag_ in {"JJR", "JJS"} and token.pos_ == "ADJ":
            words.append(token.text)
    return tuple(dict.fromkeys(words))
