"""Where a reported clause ends when the parser runs it into the next report.

"She said that he will resign and insisted that the party was intact": the
parser hangs "insisted" inside the "that" clause of "said", so the subtree of
the complement holds two reports. A coordinated cue verb with no subject of its
own is a second report by the same speaker: the first content stops before it,
and its speaker is the subject of the outer cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import trimmed

__all__ = ["clause_content", "coordinated_report", "outer_cue"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def coordinated_report(token: Token, *, cues: CueLexicon) -> bool:
    """True if ``token`` is a subjectless cue verb joined by "and"/"but" to the clause before."""
    if token.dep_ != "conj" or token.pos_ != "VERB" or token.i < token.head.i:
        return False
    if token.lemma_.lower() not in cues.verbs:
        return False
    return not any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def outer_cue(token: Token, *, cues: CueLexicon) -> Token | None:
    """The cue whose complement ``token`` was wrongly coordinated into, if any."""
    if not coordinated_report(token, cues=cues):
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.lemma_.lower() not in cues.verbs:
        return None
    return cue


def clause_content(clause: Token, *, cues: CueLexicon) -> tuple[int, int] | None:
    """The trimmed span of ``clause``'s subtree, cut before a coordinated second report."""
    doc = clause.doc
    last = clause.right_edge.i
    for token in clause.subtree:
        if token.i > clause.i and coordinated_report(token, cues=cues):
            joints = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            last = (max(joints) if joints else token.left_edge.i) - 1
            break
    return trimmed(doc, clause.left_edge.i, last)
