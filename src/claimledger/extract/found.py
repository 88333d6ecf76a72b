"""The working record of figure extraction: a figure and where it sits in the parse.

:mod:`.quantities` makes them, :mod:`.totals` and :mod:`.survivors` add figures
computed from them; only :class:`claimledger.model.Quantity` leaves the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimledger.model import Quantity

__all__ = ["CASUALTY", "Found"]

#: Categories of harm to people: the figures lists add up and scope marks.
CASUALTY = frozenset({"killed", "wounded", "killed_or_wounded", "captured", "missing"})


@dataclass(frozen=True, slots=True)
class Found:
    """A figure with its anchor (the counted word), parse root and sentence start."""

    quantity: Quantity
    anchor: Token
    root: Token
    sentence: int
    explicit: bool  # category read from this number's own context
    elided: bool = False  # no counted noun: subject comes from context
    members: frozenset[int] = frozenset()  # for a total: the anchors it adds up
    shot: bool = False  # only "shot" gave the category: the count may include the dead
    derived: bool = False  # computed from other figures ("shot" minus killed)
