"""Sources of attribution frames: the subject of the cue, or the name the parser lost.

The subject of a cue verb (climbing conjunctions and complements when the cue
has none of its own), the agent of a passive, the possessor or "by"/"from"
phrase of a cue noun, and repairs for speakers the parser hung elsewhere
('"...," police chief Ann Lee said', "In a meeting Trump said ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimledger.extract.clauses import outer_cue
from claimledger.extract.contents import impersonal
from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import noun_phrase, trimmed

if TYPE_CHECKING:  # frames imports this module: the type only, to avoid a cycle
    from claimledger.extract.frames import Frame

__all__ = ["attach_source", "noun_source", "set_source"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "dobj", "relcl", "pcomp", "pobj", "prep"})


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _ends_run(token: Token) -> bool:
    """A token that cannot be inside a speaker's name (a capitalised word always can)."""
    if token.is_punct or token.is_space:
        return True
    return token.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ", "ADP"} and not token.is_title


def _run_span(verb: Token) -> tuple[int, int] | None:
    first = verb.i
    while first > 0 and first > verb.i - 8:
        if _ends_run(verb.doc[first - 1]):
            break
        first -= 1
    return trimmed(verb.doc, first, verb.i - 1)


def _left_speaker(verb: Token) -> Token | None:
    """'"...," police chief Ann Lee said': the name just before a verb the parser orphaned."""
    run = []
    for token in reversed(verb.doc[max(0, verb.i - 8) : verb.i]):
        if _ends_run(token):
            break
        run.append(token)
    if not run or not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in run):
        return None
    return run[0]


def attach_source(frame: Frame, verb: Token, cues: CueLexicon) -> None:
    subject = _subject(verb)
    outer = outer_cue(verb, cues=cues) if subject is None else None
    if outer is not None:
        subject = _subject(outer)
    if subject is None and verb.dep_ in {"conj", "dep", "parataxis", "ccomp"}:
        speaker = _left_speaker(verb)
        if speaker is not None:
            frame.source_token = speaker
            frame.source = _run_span(verb)
            return
    current = verb
    steps = 0
    while subject is None and current.dep_ in _CLIMB_DEPS and steps < 4:
        current = current.head
        steps += 1
        subject = _subject(current) if current.pos_ in {"VERB", "AUX"} else None
        if current.dep_ == "relcl" and subject is None:
            break
    if subject is None:
        _orphan_speaker(frame, verb)
        return
    if subject.dep_ == "nsubjpass" and subject.lower_ == "it":
        return
    if subject.dep_ == "csubj":
        return
    set_source(frame, subject, cues)


def _orphan_speaker(frame: Frame, verb: Token) -> None:
    """ "In a meeting with the board Trump said ...": the parser took the name for an object.

    An active cue with no subject anywhere up the tree, right after a name or a
    pronoun, is that name's.
    """
    if verb.i == 0 or impersonal(verb) or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return
    before = verb.doc[verb.i - 1]
    if before.pos_ not in {"PROPN", "PRON", "NOUN", "NUM"} or before.dep_ in _SUBJECT_DEPS:
        return
    first = before.i
    while first > 0 and before.ent_iob_ == "I" and verb.doc[first].ent_iob_ == "I":
        first -= 1  # the whole entity the name ends, not the phrase it was parsed into
    frame.source_token = before
    frame.source = trimmed(verb.doc, first, before.i)


def _one_line(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A name never runs over a line break (a title parsed into the first sentence)."""
    view = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    if view is None:
        return span
    breaks = [t for t in view if "\n" in t.text_with_ws]
    if not breaks or breaks[-1].i + 1 >= view.end:
        return span
    return trimmed(doc, breaks[-1].i + 1, view.end - 1)


def set_source(frame: Frame, token: Token, cues: CueLexicon) -> None:
    frame.source_token = token
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        frame.source = (token.idx, token.idx + len(token.text))
        frame.antecedent = noun_phrase(token.head.head)
        return
    frame.source = _one_line(token.doc, noun_phrase(token))
    frame.vague = token.lemma_.lower() in cues.vague_source_nouns


def noun_source(frame: Frame, noun: Token, cues: CueLexicon) -> None:
    for child in noun.children:
        if child.dep_ == "poss":
            set_source(frame, child, cues)
            return
    for child in noun.rights:
        if child.lower_ in cues.source_preps and child.lower_ != "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                set_source(frame, pobj, cues)
                return
    if frame.lemma in cues.vague_source_nouns:
        frame.source_token = noun
        frame.source = noun_phrase(noun)
        frame.vague = True
