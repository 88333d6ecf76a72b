"""Casualty words: the lexicons figures are categorised by, and token tests on them.

Lexicons are lemma lists in ``data/quantities.json`` (our own lists), loaded
once on first use. :mod:`.predicates` and :mod:`.categories` read them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

__all__ = [
    "OBJECT_DEPS",
    "SUBJECT_DEPS",
    "Lexicons",
    "has_own_number",
    "is_number",
    "lemma",
    "lexicons",
    "with_conjuncts",
    "word_category",
]

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "nsubjpass", "obj"}


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Lemma -> category tables, loaded from ``data/quantities.json``."""

    nouns: dict[str, str]
    adjectives: dict[str, str]
    victim_verbs: dict[str, str]
    subject_verbs: dict[str, str]
    adverbs: dict[str, str]
    event_nouns: dict[str, str]
    figure_nouns: frozenset[str]
    suffer_verbs: frozenset[str]
    destinations: dict[str, str]
    collectives: frozenset[str]
    qualifiers: dict[str, str]
    units: frozenset[str]
    persons: frozenset[str]
    not_persons: frozenset[str]
    shot_is: str


def _inverted(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: category for category, words in table.items() for word in words}


@cache
def lexicons() -> Lexicons:
    """Load the packaged lexicons once."""
    path = resources.files("claimledger.extract").joinpath("data/quantities.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Lexicons(
        nouns=_inverted(raw["nouns"]),
        adjectives=_inverted(raw["adjectives"]),
        victim_verbs=_inverted(raw["victim_verbs"]),
        subject_verbs=_inverted(raw["subject_verbs"]),
        adverbs=_inverted(raw["adverbs"]),
        event_nouns=_inverted(raw["event_nouns"]),
        figure_nouns=frozenset(raw["figure_nouns"]),
        suffer_verbs=frozenset(raw["suffer_verbs"]),
        destinations=dict(raw["destinations"]),
        collectives=frozenset(raw["collectives"]),
        qualifiers=dict(raw["qualifiers"]),
        units=frozenset(raw["units"]),
        persons=frozenset(raw["persons"]),
        not_persons=frozenset(raw.get("not_persons", ())),
        shot_is=raw["shot_is"],
    )


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-cased text (hand-built Docs)."""
    return (token.lemma_ or token.text).lower()


def is_number(token: Token) -> bool:
    return token.like_num or token.pos_ == "NUM" or token.tag_ == "CD"


def has_own_number(token: Token) -> bool:
    """True if ``token`` has a numeric argument of its own ("30 wounded")."""
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"nummod"} and (
            is_number(child) or any(is_number(c) for c in child.children if c.dep_ == "nummod")
        ):
            return True
    return False


def word_category(token: Token, lex: Lexicons) -> str | None:
    word, text = lemma(token), token.lower_
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return lex.victim_verbs.get(word) or lex.subject_verbs.get(word) or lex.adjectives.get(text)
    return lex.adjectives.get(text) or lex.adverbs.get(text) or lex.nouns.get(word)


def with_conjuncts(token: Token) -> Iterator[Token]:
    yield token
    for conj in token.conjuncts:
        if not has_own_number(conj):
            yield conj
