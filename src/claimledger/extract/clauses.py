"""Content spans the parse gets wrong: run-on reports, raising verbs, names in objects.

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

__all__ = [
    "clause_content",
    "coordinated_report",
    "end_before_aside",
    "naming_rest",
    "outer_cue",
    "raising_content",
]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Subordinators of a clause set against the report rather than part of it.
_CONTRAST_MARKS = frozenset({"while", "whereas"})


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
    """The trimmed span of ``clause``'s subtree, cut before a second report or a trailing aside.

    A leading conjunction ("but", "and") is left out as PolNeAR does.
    """
    doc = clause.doc
    first = clause.left_edge.i
    while first < clause.i and doc[first].dep_ in {"cc", "punct"}:
        first += 1
    return trimmed(doc, first, _last(clause, cues=cues))


def _last(clause: Token, *, cues: CueLexicon) -> int:
    last = clause.right_edge.i
    for token in clause.subtree:
        if token.i <= clause.i:
            continue
        if coordinated_report(token, cues=cues):
            joints = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            return (max(joints) if joints else token.left_edge.i) - 1
        if _aside(token, last):
            return token.left_edge.i - 1
    return last


def end_before_aside(head: Token, last: int) -> int:
    """The last token of a content span ending at ``last``, cut before a trailing aside."""
    for token in head.subtree:
        if token.i > head.i and _aside(token, last):
            return token.left_edge.i - 1
    return last


def _aside(token: Token, last: int) -> bool:
    """A comma-led description or side remark: the writer's, not what was said.

    ", which ..." and ", who ..." anywhere; at the end of the span also an
    apposition (", the party's nominee"), a participle (", noting that ...") and
    a contrast (", while others ..."). PolNeAR leaves out what is not clearly
    attributed.
    """
    doc, start = token.doc, token.left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return False
    if token.dep_ == "relcl":
        return doc[start].lower_ in {"who", "which"}
    if token.right_edge.i != last:
        return False
    if token.dep_ == "appos":
        return True
    if token.dep_ != "advcl":
        return False
    if token.tag_ == "VBG" and start == token.i:
        return True
    return any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token.children)


def raising_content(verb: Token) -> tuple[int, int] | None:
    """ "Voters seemed unmoved": the hedged clause is the subject and what it seems to be.

    Such a cue names no source: the writer hedges the clause (PolNeAR marks it
    all but the cue); the span runs over the cue so it stays one piece.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    rest = [c for c in verb.children if c.dep_ in {"xcomp", "acomp", "attr", "oprd"}]
    if subject is None or not rest or subject.i > verb.i or rest[-1].i < verb.i:
        return None
    return trimmed(verb.doc, subject.left_edge.i, rest[-1].right_edge.i)


def naming_rest(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """ "called Ann's plan unusual", the predicate parsed into the object: all after the verb."""
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    head = objects[0]
    tail = verb.doc[head.i + 1 : verb.right_edge.i + 1]
    if not any(t.dep_ in {"appos", "amod", "oprd", "acomp"} or t.is_quote for t in tail):
        return None  # "called her mother": a phone call, not a name
    return trimmed(verb.doc, head.left_edge.i, verb.right_edge.i)
