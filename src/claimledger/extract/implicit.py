"""Implicit counts: "a mayor was shot dead" is one killed, "no one was hurt" is zero.

Most casualty facts in wire reports are not written as numbers. A singular
person noun (or a person's name, or "he"/"she") that is the victim of a
casualty predicate ("was killed", "died", "was found dead", "was wounded",
"was captured") is a count of one; "no one", "nobody" and "none" as victims,
and "no deaths/injuries/casualties", are counts of zero. These figures carry
``qualifier="implicit"`` so that reconciliation can tell them from written
numbers. Plural nouns without a number ("soldiers were killed") are not
counted, and negated predicates ("was not injured") give nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import LEMMA, POS
from spacy.tokens import Doc, Token

from claimledger.extract.categories import Lexicons, lemma, merge, predicate_evidence
from claimledger.extract.enumerations import has_age, is_list_member, list_head
from claimledger.extract.phrases import entity_of
from claimledger.extract.predicates import verb_extras
from claimledger.model import Quantity, TextSpan

__all__ = ["implicit_counts", "noun_phrase", "owner_from_earlier"]

_SUBJECT_DEPS = {"amod", "compound", "nmod", "poss", "case"}
_OWNER_ENTS = {"NORP", "GPE", "ORG"}

_ROLES = {"nsubj", "nsubjpass", "dobj", "conj", "pobj", "poss"}
_CASUALTY = {"killed", "wounded", "killed_or_wounded", "captured", "missing"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
_NOBODY = {"nobody", "none", "noone"}
_NOT_VICTIMS = {"DATE", "TIME", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT"}
_SELVES = {"himself", "herself", "themselves"}
_RELATIVES = {"who", "that", "whom"}
_DAYS = set("monday tuesday wednesday thursday friday saturday sunday week night".split())


def _is_person(token: Token, lex: Lexicons) -> bool:
    if token.lower_ in {"old", "olds"}:  # "a one-year-old was shot" (often tagged DATE)
        return any(t.lower_ in _AGE_UNITS for t in token.doc[max(0, token.i - 3) : token.i])
    if token.ent_type_ in _NOT_VICTIMS:
        return token.tag_ == "NNP" and has_age(token)  # "Mayo, 24," taken for a company
    if token.lower_ in _PRONOUNS or (token.lower_ == "another" and token.pos_ == "PRON"):
        return True  # "one man dead and another wounded"
    if token.ent_type_ == "PERSON":
        return True
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if lemma(token) in lex.persons or token.tag_ == "NNP":
        return True
    # "inspector juan perez", "juan perez, a street vendor," (names in lower case)
    titled = (c for c in token.children if c.dep_ in {"compound", "appos"})
    return any(lemma(c) in lex.persons for c in titled)


def _singular(token: Token) -> bool:
    if token.tag_ in {"NNS", "NNPS"}:
        return False
    return token.morph.to_dict().get("Number", "Sing") == "Sing"


def _zero(token: Token, lex: Lexicons) -> bool:
    det_no = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if token.lower_ in _NOBODY or (token.lower_ == "one" and det_no):
        return True
    return det_no and lemma(token) in lex.nouns


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _neither(token: Token) -> bool:
    """ "neither X nor Y was hurt": no one was."""
    head = token
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return any(c.lower_ in {"neither", "nor"} for c in head.children)


def _event_of(token: Token) -> Token:
    return token.head.head if token.dep_ == "pobj" else token.head


def _event_victim(token: Token, lex: Lexicons) -> bool:
    """ "the murder of the judge", "the judge's murder": a named or nominal victim."""
    if token.pos_ not in {"NOUN", "PROPN"} and token.lower_ not in _PRONOUNS:
        return False
    if token.ent_type_ in _NOT_VICTIMS or token.lower_ in _DAYS:
        return False  # "Monday's shooting", "last week's shooting": when, not whom
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return lemma(token.head.head) in lex.event_nouns
    return token.dep_ == "poss" and lemma(token.head) in lex.event_nouns


def _victim_category(token: Token, lex: Lexicons) -> str | None:
    node = list_head(token, lex)  # "A, 24, B, 25 and C were shot": the list's role
    if _event_victim(node, lex):
        event = _event_of(node)  # "the fatal shooting of a girl"
        evidence = {lex.event_nouns[lemma(event)]}
        evidence |= {lex.adjectives[c.lower_] for c in event.lefts if c.lower_ in lex.adjectives}
        category = merge(evidence, lex)
        return category if category in _CASUALTY else None
    if node.dep_ not in _ROLES - {"conj"} or _negated(node.head):
        return None
    if node.dep_ == "nsubj" and _speaks(node.head, lex):
        return None  # "the mayor said three were killed": the speaker, not a victim
    category = merge(predicate_evidence(node, lex), lex) or merge(_own_clause(node, lex), lex)
    if category is None and _zero(token, lex) and node.dep_ in {"nsubj", "nsubjpass"}:
        category = lex.nouns.get(lemma(token))  # "no casualties were reported"
    return category if category in _CASUALTY else None


def _own_clause(token: Token, lex: Lexicons) -> set[str]:
    """ "a woman who was shot", "a man shot in the leg", "he shot himself": the
    victim's own clause, when the predicate it fills says nothing."""
    found: set[str] = set()
    verb = token.head
    if token.dep_ == "nsubj" and any(c.lower_ in _SELVES for c in verb.children):
        found.update(_verb_category(verb, lex, victim=True))  # "he shot himself"
    for clause in token.children:
        subjects = {c.dep_ for c in clause.children if c.lower_ in _RELATIVES}
        if (clause.dep_ == "acl" and clause.tag_ == "VBN") or "nsubjpass" in subjects:
            found.update(_verb_category(clause, lex, victim=True))
        elif clause.dep_ == "relcl" and "nsubj" in subjects:
            found.update(_verb_category(clause, lex, victim=False))  # "a man who died"
    return found


def _verb_category(verb: Token, lex: Lexicons, *, victim: bool) -> set[str]:
    table = lex.victim_verbs if victim else lex.subject_verbs
    word = lemma(verb)
    return {table[word], *verb_extras(verb, lex)} if word in table else set()


def _speaks(verb: Token, lex: Lexicons) -> bool:
    """True for a verb that is no casualty predicate but reports a clause ("said that ...")."""
    word = lemma(verb)
    if word in lex.victim_verbs or word in lex.subject_verbs or word in lex.suffer_verbs:
        return False
    return any(c.dep_ == "ccomp" for c in verb.children)


def _phrase(token: Token) -> TextSpan:
    doc = token.doc
    lefts = [c for c in token.lefts if c.dep_ != "punct" and not _age_before_name(c)]
    start = min([token.i] + [c.left_edge.i for c in lefts])
    if token.ent_type_ == "PERSON":
        ent = entity_of(token)
        if ent is not None:
            start = min(start, ent.start)
    span = doc[start : token.i + 1]
    return TextSpan(span.text, span.start_char, span.end_char)


def _age_before_name(child: Token) -> bool:
    """ "C, 25 and D, 32" parsed with 25 on D: the age is C's, not part of D's name."""
    return child.dep_ == "nummod" and child.head.tag_ == "NNP"


def noun_phrase(noun: Token) -> list[Token]:
    """The noun with its left modifiers, without determiners and numbers."""
    left = [
        c for c in noun.lefts if c.dep_ in _SUBJECT_DEPS and not any(t.like_num for t in c.subtree)
    ]
    start = min((c.left_edge.i for c in left), default=noun.i)
    return [t for t in noun.doc[start : noun.i + 1] if not t.like_num and t.dep_ != "det"]


def owner_from_earlier(noun: Token) -> list[Token]:
    """Whose a bare "troops" is, from the last earlier "North Korean troops" in the text."""
    doc = noun.doc
    # One vectorised pass finds the same words: a token-by-token walk back made
    # long documents quadratic.
    table = doc.to_array([LEMMA, POS])[: noun.i]
    same = numpy.flatnonzero((table[:, 0] == noun.lemma) & (table[:, 1] == noun.pos))
    for at in reversed(same.tolist()):
        earlier = doc[at]
        owners = [t for t in noun_phrase(earlier)[:-1] if t.ent_type_ in _OWNER_ENTS]
        if owners:
            return owners
    return []


def _subject_text(token: Token, *, zero: bool) -> str | None:
    """The victim as a noun phrase without determiner or numbers: "mayor", "Juan Perez"."""
    if zero or token.lower_ in _PRONOUNS:
        return None
    span = _phrase(token)
    phrase = token.doc.char_span(span.start, span.end) or token.doc[token.i : token.i + 1]
    words = [
        t.text
        for t in phrase
        if t == token
        or (t.dep_ not in {"det", "poss", "punct", "case"} and not _has_number(t, token))
    ]
    if len(words) == 1:
        words = [t.text for t in owner_from_earlier(token)] + words
    return " ".join(words)


def _has_number(token: Token, head: Token) -> bool:
    """True if ``token`` is (in) a modifier with a number: "25-year-old", "first"."""
    node = token
    while node.head != head and node.head != node:
        node = node.head
    return any(t.like_num for t in node.subtree)


def implicit_counts(
    doc: Doc, *, lex: Lexicons, taken: frozenset[int] | set[int] = frozenset()
) -> Iterator[tuple[Quantity, Token]]:
    """Yield (figure, victim token) for victims counted by the predicate alone."""
    for token in doc:
        if token.i in taken:
            continue
        if token.dep_ not in _ROLES and not is_list_member(token, lex):
            continue
        if token.tag_ != "NNP" and any(c.dep_ == "nummod" for c in token.children):
            continue
        zero = _zero(token, lex)
        if _neither(token):
            continue
        if not zero and not (_is_person(token, lex) or _event_victim(token, lex)):
            continue
        if not _singular(token):
            continue
        category = _victim_category(token, lex)
        if category is None:
            continue
        value = 0.0 if zero else 1.0
        yield (
            Quantity(
                id="",
                span=_phrase(token),
                value=value,
                low=value,
                high=value,
                category=category,
                subject=_subject_text(token, zero=zero),
                qualifier="implicit",
            ),
            token,
        )
