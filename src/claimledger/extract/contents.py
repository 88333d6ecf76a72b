"""Content spans of attribution frames, read off the dependency parse.

What a cue reports: the clause it governs ("said that ..."), the object and its
name ("called the plan reckless"), the figure of an estimate ("put the toll at
40"), the clause a fronted or parenthetical cue hangs off ("Troops advanced,
the ministry said"), or the "that" clause of a cue noun ("the claim that ...").
Fixes for spans the parser gets wrong live in :mod:`.clauses`.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract.clauses import clause_content, end_before_aside, naming_rest
from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import subtree_span, trimmed

__all__ = [
    "complement",
    "impersonal",
    "noun_clause",
    "noun_content",
    "verb_content",
    "with_antecedent",
]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLAUSE_DEPS = ("ccomp",)
#: Verbs that, as a fronted complement with a subject, are a report of their own.
_REPORTING_HINT = frozenset({"say", "tell", "add", "report", "announce", "write", "confirm"})
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
#: Prepositions that place a report in space, time or medium rather than add to it.
_CIRCUMSTANCE_PREPS = frozenset(
    {
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "since",
        "while",
        "through",
        "via",
        "by",
        "amid",
    }
)


def verb_content(verb: Token, lemma: str, cues: CueLexicon) -> tuple[int, int] | None:
    children = list(verb.children)
    if lemma in cues.figure_verbs:
        return _figure_content(verb, children, cues)
    clause = complement(verb)
    if clause is not None:
        return _with_stray_adjunct(verb, clause, clause_content(clause, cues=cues))
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


def _with_stray_adjunct(
    verb: Token, clause: Token, content: tuple[int, int] | None
) -> tuple[int, int] | None:
    """ "said prices would fall if talks succeed": the parser hangs "if" on the cue verb.

    An adverbial clause right after the reported clause, with no comma between,
    belongs to what was said.
    """
    if content is None or clause.i < verb.i:
        return content
    nxt = clause.right_edge.i + 1
    stray = next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.i == nxt), None)
    if stray is None:
        return content
    extended = trimmed(verb.doc, nxt, stray.right_edge.i)
    return (content[0], extended[1]) if extended is not None else content


def complement(verb: Token) -> Token | None:
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
        clause = complement(verb)
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
            clause = noun_clause(child)
            if clause is not None:
                return subtree_span(clause)
            last = end_before_aside(child, _object_end(child, children))
            return trimmed(child.doc, child.left_edge.i, last)
    return None


def _object_end(obj: Token, children: list[Token]) -> int:
    """ "defended her vote as a duty": a role or reason after the object is what was said.

    Phrases of place, time and means ("in a tweet", "on Sunday") tell where and
    when the report was made, so the content stops before them.
    """
    last = obj.right_edge.i
    for child in children:
        if child.i <= last:
            continue
        if child.dep_ != "prep" or child.lower_ in _CIRCUMSTANCE_PREPS or child.i != last + 1:
            break
        if any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
            break
        last = child.right_edge.i
    return last


def noun_clause(noun: Token) -> Token | None:
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


def impersonal(verb: Token) -> bool:
    """ "It was reported that ...", "was announced": a passive cue with no agent."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def with_antecedent(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
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


def noun_content(noun: Token, lemma: str, cues: CueLexicon) -> tuple[int, int] | None:
    clause = noun_clause(noun)
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
