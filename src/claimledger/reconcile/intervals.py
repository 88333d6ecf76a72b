"""Interval reading of figures: what range of true values a wording allows.

A figure's bound decides its interval (``o`` = open end):

=============  ==========================  ==========================
bound          example                     interval
=============  ==========================  ==========================
exact          "1,100"                     [1100, 1100]
more_than      "more than 3,000"           (3000, inf)
at_least       "at least 40"               [40, inf)
less_than      "fewer than 10"             [0, 10)
at_most        "up to 10"                  [0, 10]
about          "about 200"                 [0.9 x 200, 1.1 x 200]
range, vague   "200-300", "dozens"         [low, high] from the figure
=============  ==========================  ==========================

"About N" allows 10 % either way (:data:`ABOUT_TOLERANCE`), wide enough for
rounding ("about 1,000" for 1,050) and narrow enough that "about 100" and
"300" still disagree. When ``low``/``high`` are set on an exact or about
figure they win, because the extractor saw the wording.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimledger.model import Quantity

__all__ = ["ABOUT_TOLERANCE", "Interval", "interval_of"]

#: Relative half-width of "about N".
ABOUT_TOLERANCE = 0.1


@dataclass(frozen=True, slots=True)
class Interval:
    """A range of values with open or closed ends."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def below(self, other: Interval) -> bool:
        """Return True if every value here is smaller than every value of ``other``."""
        if self.high < other.low:
            return True
        return self.high == other.low and (self.high_open or other.low_open)

    def disjoint(self, other: Interval) -> bool:
        """Return True if no value lies in both intervals."""
        return self.below(other) or other.below(self)

    def describe(self) -> str:
        """Return the interval in the table's notation."""
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        return f"{left}{self.low:g}, {self.high:g}{right}"


def interval_of(quantity: Quantity) -> Interval:
    """Return the values ``quantity``'s wording allows (see the module table)."""
    value = quantity.value
    bound = quantity.bound
    if bound == "more_than":
        return Interval(value, math.inf, low_open=True, high_open=True)
    if bound == "at_least":
        return Interval(value, math.inf, high_open=True)
    if bound == "less_than":
        return Interval(0.0, value, high_open=True)
    if bound == "at_most":
        return Interval(0.0, value)
    if quantity.low is not None or quantity.high is not None:
        low = quantity.low if quantity.low is not None else value
        high = quantity.high if quantity.high is not None else value
        return Interval(min(low, high), max(low, high))
    if bound == "about":
        return Interval(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE))
    return Interval(value, value)
