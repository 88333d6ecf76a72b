"""Attribution frames read off the dependency parse: cue, source, content, channel.

A frame is one reporting act in one sentence: a reporting verb ("said", "has
confirmed", "it was reported"), a cue noun ("the estimate from X is ...",
"X's estimate of ..."), "according to X", or a participial cue ("Confirming
reports ..., the agency said"). Frames are found per cue token by the lexicon;
quotes and nesting are joined later in :mod:`claimledger.extract.attribution`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimledger.extract.channels import channels, clause_channels
from claimledger.extract.clauses import clause_content, naming_rest, outer_cue, raising_content
from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import noun_phrase, outside_run, subtree_span, trimmed

__all__ = ["Frame", "frames"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "dobj", "relcl", "pcomp", "pobj", "prep"})
_CLAUSE_DEPS = ("ccomp",)
#: Verbs that, as a fronted complement with a subject, are a report of their own.
_REPORTING_HINT = frozenset({"say", "tell", "add", "report", "announce", "write", "confirm"})
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


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
    content = _verb_content(verb, lemma, cues)
    if content is None and lemma in cues.figure_verbs and lemma not in {"estimate"}:
        return None
    frame = Frame(
        cue=_cue_span(verb), cue_token=verb, lemma=lemma, status=cues.verbs[lemma], content=content
    )
    _attach_source(frame, verb, cues)
    if lemma in cues.hedges:
        frame.source = frame.source_token = None
        frame.content = raising_content(verb) or frame.content
        if frame.content is None:
            return None
    elif frame.source is None and not _impersonal(verb):
        return None
    frame.content = _with_antecedent(verb, frame.content)
    frame.via.extend(channels(verb, cues=cues))
    clause = _complement(verb)
    if clause is not None:
        frame.via.extend(clause_channels(clause, cues=cues))
    return frame


def _verb_content(verb: Token, lemma: str, cues: CueLexicon) -> tuple[int, int] | None:
    children = list(verb.children)
    if lemma in cues.figure_verbs:
        return _figure_content(verb, children, cues)
    clause = _complement(verb)
    if clause is not None:
        return clause_content(clause, cues=cues)
    if lemma in cues.naming_verbs:
        named = _naming_content(verb, children)
        if named is not None:
            return named
    if lemma in cues.clause_only_verbs:
        return None
    return (
        (_xcomp_content(verb, children) if lemma in cues.xcomp_verbs else None)
        or _prep_content(verb, lemma, children, cues)
        or _object_content(lemma, children, cues)
        or (naming_rest(verb, children) if lemma in cues.naming_verbs else None)
        or _fronted_content(verb)
    )


def _complement(verb: Token) -> Token | None:
    """The reported clause: a complement after the verb wins over one before it.

    A clause before the verb that is itself a cue with a subject is a separate
    report the parser hung here ("..., X said. Later, Y said Z").
    """
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return after[0]
    before = [c for c in clauses if not _separate_report(c)]
    return before[-1] if before else None


def _separate_report(clause: Token) -> bool:
    """A fronted clause that reports on its own: a reporting verb with a subject and a clause."""
    if clause.lemma_.lower() not in _REPORTING_HINT:
        return False
    children = list(clause.children)
    return any(g.dep_ in _SUBJECT_DEPS for g in children) and any(
        g.dep_ in {"ccomp", "parataxis", "dobj"} or g.is_quote for g in children
    )


def _naming_content(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """ "called the charges fabricated", "sees her as a uniter": the object and its name."""
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    predicates = [
        c
        for c in children
        if c.i > verb.i and (c.dep_ in {"oprd", "xcomp", "ccomp"} or c.lower_ == "as")
    ]
    if not objects or not predicates:
        return None
    return trimmed(verb.doc, objects[0].left_edge.i, predicates[-1].right_edge.i)


def _figure_content(verb: Token, children: list[Token], cues: CueLexicon) -> tuple[int, int] | None:
    """ "put the number killed at 3,000": from the object to the end of the "at" phrase."""
    objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
    preps = [c for c in children if c.lower_ == cues.figure_prep]
    preps += [p for o in objects for p in o.subtree if p.lower_ == cues.figure_prep]
    if not objects or not preps:
        clause = _complement(verb)
        return subtree_span(clause) if clause is not None else None
    first = min(objects[0].left_edge.i, preps[0].i)
    last = max(objects[0].right_edge.i, preps[-1].right_edge.i)
    return trimmed(verb.doc, first, last)


def _xcomp_content(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
    if not xcomps:
        return None
    objects = [c for c in children if c.dep_ == "dobj" and c.i < xcomps[0].i]
    first = objects[0].left_edge.i if objects else xcomps[0].left_edge.i
    return trimmed(verb.doc, first, xcomps[0].right_edge.i)


def _prep_content(
    verb: Token, lemma: str, children: list[Token], cues: CueLexicon
) -> tuple[int, int] | None:
    for child in children:
        verbs = cues.preposition_content.get(child.lower_, frozenset())
        if child.dep_ in {"prep", "prt"} and lemma in verbs and child.i > verb.i:
            objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
            first = objects[0].left_edge.i if objects else child.i + 1
            last = child.right_edge.i
            if child.dep_ == "prt":
                last = max((c.right_edge.i for c in children if c.i > child.i), default=last)
            return trimmed(verb.doc, first, last)
    return None


def _object_content(lemma: str, children: list[Token], cues: CueLexicon) -> tuple[int, int] | None:
    if lemma not in cues.object_content_verbs:
        return None
    for child in children:
        if child.dep_ == "dobj":
            clause = _noun_clause(child)
            return subtree_span(clause if clause is not None else child)
    return None


def _noun_clause(noun: Token) -> Token | None:
    """The "that" clause of a noun ("reports that ..."), if it has one."""
    for child in noun.rights:
        if child.dep_ in _NOUN_CLAUSE_DEPS and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return child
    return None


def _fronted_content(verb: Token) -> tuple[int, int] | None:
    """The verb hangs off the clause it reports: "Troops advanced, the ministry said".

    A parenthetical cue ("But, he said, troops advanced") gives the whole clause,
    cue included, as PolNeAR's content spans around it.
    """
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i == verb.i:
        return None
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    if head.i > verb.i:
        if verb.dep_ != "parataxis":
            return None
        return trimmed(verb.doc, head.left_edge.i, head.right_edge.i)
    return trimmed(verb.doc, head.left_edge.i, verb.left_edge.i - 1)


def _impersonal(verb: Token) -> bool:
    """ "It was reported that ...", "was announced": a passive cue with no agent."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _with_antecedent(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "the 500 troops officials say it sent": the content takes the noun it is about.

    In a relative clause with no relative pronoun the reported clause has a gap
    the antecedent fills; without it the content would not say what was sent.
    The parser often misses such a clause, so a noun right before the subject
    phrase counts as the antecedent too.
    """
    if content is None or content[0] < verb.idx:
        return content
    noun = _zero_relative_antecedent(verb)
    if noun is None:
        return content
    extended = trimmed(verb.doc, noun.left_edge.i, noun.i)
    return (extended[0], content[1]) if extended is not None else content


def _zero_relative_antecedent(verb: Token) -> Token | None:
    if any(t.tag_ in {"WDT", "WP", "WP$"} for t in verb.subtree):
        return None
    if verb.dep_ == "relcl" and verb.head.i < verb.i:
        return verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    before = verb.doc[subject.left_edge.i - 1]
    nominal = before.pos_ in {"NOUN", "PROPN"} and before.ent_type_ not in {"DATE", "TIME"}
    return before if nominal and before.dep_ in {"pobj", "dobj", "attr"} else None


# --- sources -------------------------------------------------------------


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


def _attach_source(frame: Frame, verb: Token, cues: CueLexicon) -> None:
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
    _set_source(frame, subject, cues)


def _orphan_speaker(frame: Frame, verb: Token) -> None:
    """ "In a meeting with the board Trump said ...": the parser took the name for an object.

    An active cue with no subject anywhere up the tree, right after a name or a
    pronoun, is that name's.
    """
    if verb.i == 0 or _impersonal(verb) or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
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


def _set_source(frame: Frame, token: Token, cues: CueLexicon) -> None:
    frame.source_token = token
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        frame.source = (token.idx, token.idx + len(token.text))
        frame.antecedent = noun_phrase(token.head.head)
        return
    frame.source = _one_line(token.doc, noun_phrase(token))
    frame.vague = token.lemma_.lower() in cues.vague_source_nouns


# --- nouns and "according to" ----------------------------------------------


def _noun_frame(noun: Token, lemma: str, cues: CueLexicon) -> Frame | None:
    if noun.dep_ in {"nsubj", "dobj"} and noun.head.lemma_.lower() in cues.verbs:
        return None
    content = _noun_content(noun, lemma, cues)
    if content is None:
        return None
    frame = Frame(
        cue=_token_span(noun), cue_token=noun, lemma=lemma, status=cues.nouns[lemma],
        content=content,
    )  # fmt: skip
    _noun_source(frame, noun, cues)
    frame.via.extend(channels(noun, cues=cues))
    return frame


def _noun_content(noun: Token, lemma: str, cues: CueLexicon) -> tuple[int, int] | None:
    clause = _noun_clause(noun)
    if clause is not None:
        return subtree_span(clause)
    if cues.nouns[lemma] not in {"estimated", "predicted"}:
        return None
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        return trimmed(noun.doc, head.i + 1, head.right_edge.i)
    for child in noun.rights:
        if child.lower_ == "of" and any(t.like_num for t in child.subtree):
            return trimmed(noun.doc, child.i + 1, child.right_edge.i)
    return None


def _noun_source(frame: Frame, noun: Token, cues: CueLexicon) -> None:
    for child in noun.children:
        if child.dep_ == "poss":
            _set_source(frame, child, cues)
            return
    for child in noun.rights:
        if child.lower_ in cues.source_preps and child.lower_ != "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                _set_source(frame, pobj, cues)
                return
    if frame.lemma in cues.vague_source_nouns:
        frame.source_token = noun
        frame.source = noun_phrase(noun)
        frame.vague = True


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
    _set_source(frame, pobj, cues)
    return frame
