"""Attribution frames read off the dependency parse: cue, source, content, channel.

A frame is one reporting act in one sentence: a reporting verb ("said", "has
confirmed", "it was reported"), a cue noun ("the estimate from X is ...",
"X's estimate of ..."), "according to X", or a participial cue ("Confirming
reports ..., the agency said"). Frames are found per cue token by the lexicon;
their content spans come from :mod:`.contents`, their sources from
:mod:`.speakers`; quotes and nesting are joined later in
:mod:`claimledger.extract.attribution`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimledger.extract.channels import channels, clause_channels
from claimledger.extract.clauses import raising_content
from claimledger.extract.contents import (
    complement,
    impersonal,
    noun_content,
    verb_content,
    with_antecedent,
)
from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import outside_run
from claimledger.extract.speakers import attach_source, noun_source, set_source

__all__ = ["Frame", "frames"]


@dataclass(slots=True)
class Frame:
    """One reporting act; offsets are characters into the document text.

    ``source_token`` is the head of the source phrase (None when the text
    names no one); ``antecedent`` is the noun a relative-pronoun source stands for.
    """

    cue: tuple[int, int] | None
    cue_token: Token | None
    lemma: str
    status: str
    content: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_token: Token | None = None
    antecedent: tuple[int, int] | None = None
    via: list[str] = field(default_factory=list)
    direct: bool = False
    vague: bool = False


def frames(doc: Doc, *, cues: CueLexicon) -> Iterator[Frame]:
    """Yield every attribution frame the cue lexicon finds in ``doc``, in token order."""
    for token in doc:
        lemma = cues.lemma_fixes.get(token.lower_) or token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in cues.verbs and token.dep_ != "amod":
            frame = _verb_frame(token, lemma, cues)
        elif token.pos_ == "NOUN" and lemma in cues.nouns:
            frame = _noun_frame(token, lemma, cues)
        elif token.lower_ == "according":
            frame = _according_frame(token, cues)
        else:
            continue
        if frame is not None:
            yield frame


def _token_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _cue_span(token: Token) -> tuple[int, int]:
    """The cue verb with a particle or negation kept next to it ("pointed out")."""
    end = token
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end.i + 1:
            end = child
    return token.idx, end.idx + len(end.text)


# --- verbs ---------------------------------------------------------------


def _verb_frame(verb: Token, lemma: str, cues: CueLexicon) -> Frame | None:
    content = verb_content(verb, lemma, cues)
    if content is None and lemma in cues.figure_verbs and lemma not in {"estimate"}:
        return None
    frame = Frame(
        cue=_cue_span(verb), cue_token=verb, lemma=lemma, status=cues.verbs[lemma], content=content
    )
    attach_source(frame, verb, cues)
    if lemma in cues.hedges:
        frame.source = frame.source_token = None
        frame.content = raising_content(verb) or frame.content
        if frame.content is None:
            return None
    elif frame.source is None and not impersonal(verb):
        return None
    frame.content = with_antecedent(verb, frame.content)
    frame.via.extend(channels(verb, cues=cues))
    clause = complement(verb)
    if clause is not None:
        frame.via.extend(clause_channels(clause, cues=cues))
    return frame


# --- nouns and "according to" ----------------------------------------------


def _noun_frame(noun: Token, lemma: str, cues: CueLexicon) -> Frame | None:
    if noun.dep_ in {"nsubj", "dobj"} and noun.head.lemma_.lower() in cues.verbs:
        return None
    content = noun_content(noun, lemma, cues)
    if content is None:
        return None
    frame = Frame(
        cue=_token_span(noun), cue_token=noun, lemma=lemma, status=cues.nouns[lemma],
        content=content,
    )  # fmt: skip
    noun_source(frame, noun, cues)
    frame.via.extend(channels(noun, cues=cues))
    return frame


def _according_frame(token: Token, cues: CueLexicon) -> Frame | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        to = token.nbor()
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    clause = token.head
    if clause == token:
        return None
    while clause.pos_ not in {"VERB", "AUX"} and clause.dep_ != "ROOT" and clause.head != clause:
        clause = clause.head
    frame = Frame(
        cue=(token.idx, to.idx + len(to.text)), cue_token=token, lemma="according to",
        status=cues.phrases["according to"], content=outside_run(clause, token),
    )  # fmt: skip
    set_source(frame, pobj, cues)
    return frame
