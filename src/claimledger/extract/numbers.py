"""Numbers as written: digits, number words, scale words and vague quantities.

Pure string functions, no spaCy. :func:`read_number` turns the words of one
number expression ("11,000", "twenty-one", "3.5 million", "1.1k", "a dozen",
"tens of thousands") into a :class:`Reading`; :func:`bound_of` reads the words
before it ("more than", "at least", ...).

Vague words follow a :class:`VaguePolicy`. The default, :data:`ACLED`, is the
conservative coding ACLED uses for fatalities: "tens" = 10, "dozens" = 12,
"hundreds" = 100, "thousands" = 1000, "several" / "a few" / "a handful" = 3,
"scores" = 20. The vagueness is kept in ``low``/``high``: ``low`` is the coded
value (the conservative floor) and ``high`` the largest number the word can
mean (one below the next order: "dozens" -> 99, "hundreds" -> 999,
"several" -> 9), so ``low <= value <= high`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "ACLED",
    "BOUND_CUES",
    "Reading",
    "VaguePolicy",
    "bound_of",
    "limits_of",
    "is_number_word",
    "read_number",
]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "both": 2,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SHORT = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mln|bn)$")
#: Words that only join the parts of a number ("two hundred and five", "twenty-one").
_JOINERS = {"and", "-", "of"}
_ARTICLES = {"a", "an"}


@dataclass(frozen=True, slots=True)
class VaguePolicy:
    """How vague number words are coded: word -> (value, high).

    ``value`` is the coded figure (also the reading's ``low``); ``high`` is the
    largest figure the word can mean. ``range_value`` says which end of an
    explicit range ("200-300") becomes the value: "low" (conservative, ACLED)
    or "mid".
    """

    name: str
    words: dict[str, tuple[float, float]] = field(default_factory=dict)
    range_value: str = "low"


#: ACLED's conservative coding of vague fatality numbers.
ACLED = VaguePolicy(
    name="acled",
    words={
        "tens": (10, 99),
        "dozens": (12, 99),
        "scores": (20, 99),
        "hundreds": (100, 999),
        "thousands": (1_000, 9_999),
        "millions": (1_000_000, 9_999_999),
        "several": (3, 9),
        "few": (3, 9),
        "handful": (3, 9),
    },
)


@dataclass(frozen=True, slots=True)
class Reading:
    """The value of a number expression; ``vague`` when a vague word coded it."""

    value: float
    low: float
    high: float
    vague: bool = False


#: Words before a number -> bound. Longest cue wins (see :func:`bound_of`).
BOUND_CUES: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("upwards", "of"): "more_than",
    ("in", "excess", "of"): "more_than",
    ("above",): "more_than",
    # A verb of surpassing bounds the number it governs: "losses exceed 400".
    ("exceed",): "more_than",
    ("exceeds",): "more_than",
    ("exceeded",): "more_than",
    ("surpassed",): "more_than",
    ("topped",): "more_than",
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("not", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("nearly",): "less_than",
    ("almost",): "less_than",
    ("just", "under"): "less_than",
    ("fewer", "than"): "less_than",
    ("less", "than"): "less_than",
    ("under",): "less_than",
    ("up", "to"): "at_most",
    ("as", "many", "as"): "at_most",
    ("at", "most"): "at_most",
    ("no", "more", "than"): "at_most",
    ("about",): "about",
    ("around",): "about",
    ("some",): "about",
    ("roughly",): "about",
    ("approximately",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("close", "to"): "about",
    ("nearly", "about"): "about",
    ("only",): "exact",
    ("just",): "exact",
    ("exactly",): "exact",
}
_MAX_CUE = max(len(cue) for cue in BOUND_CUES)


def is_number_word(word: str, *, policy: VaguePolicy = ACLED) -> bool:
    """Return True if ``word`` can be (part of) a number expression by itself."""
    w = word.lower()
    return w in policy.words or _fixed_number_word(w)


@lru_cache(maxsize=65_536)  # asked of every token of every document
def _fixed_number_word(w: str) -> bool:
    """Whether lower-cased ``w`` is a number word or numeral whatever the vague policy."""
    return (
        w in _UNITS
        or w in _SCALES
        or w in {"dozen", "score"}
        or bool(_DIGITS.match(w))
        or bool(_SHORT.match(w))
    )


def _atom(word: str, policy: VaguePolicy) -> tuple[float, float, bool, bool] | None:
    """Return (value, high, vague, is_multiplier) for one word, or None."""
    w = word.lower()
    if w in policy.words:
        value, high = policy.words[w]
        return float(value), float(high), True, w not in {"several", "few", "handful"}
    if w in _UNITS:
        return float(_UNITS[w]), float(_UNITS[w]), False, False
    if w in _SCALES:
        return float(_SCALES[w]), float(_SCALES[w]), False, True
    if w in {"dozen", "score"}:
        n = 12.0 if w == "dozen" else 20.0
        return n, n, False, True
    if _DIGITS.match(w):
        n = float(w.replace(",", ""))
        return n, n, False, False
    short = _SHORT.match(w)
    if short:
        n = float(short.group(1)) * _SHORT_SCALES[short.group(2)]
        return n, n, False, False
    return None


def _split(words: Sequence[str]) -> list[str]:
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in re.split(r"(?<=[a-z])-(?=[a-z])", word.lower()) if p)
    return [p for p in parts if p not in _JOINERS]


def read_number(words: Sequence[str], *, policy: VaguePolicy = ACLED) -> Reading | None:
    """Read the words of one number expression; None if they are not a number.

    Example:
        >>> read_number(["3.5", "million"]).value
        3500000.0
    """
    parts = _split(words)
    if len(parts) > 1 and parts[0] == "half":  # "a half-dozen", "half a dozen"
        whole = read_number(parts[1:], policy=policy)
        return whole and Reading(whole.value / 2, whole.low / 2, whole.high / 2, whole.vague)
    if len(parts) > 1 and parts[0] in _ARTICLES and parts[1] in {"few", "handful"}:
        parts = parts[1:]
    elif parts and parts[0] in _ARTICLES:
        parts = ["one", *parts[1:]] if len(parts) > 1 else []
    if not parts:
        return None
    total = [0.0, 0.0]  # value, high of the finished thousands groups
    current = [0.0, 0.0]
    vague = False
    for part in parts:
        atom = _atom(part, policy)
        if atom is None:
            return None
        value, high, is_vague, multiplies = atom
        vague = vague or is_vague
        if multiplies and current != [0.0, 0.0]:
            # "tens of thousands": the second vague word only scales the first.
            current = [current[0] * value, current[1] * (value if is_vague else high)]
        elif multiplies:
            current = [value, high]
        else:
            current = [current[0] + value, current[1] + high]
        if value >= 1000 and not is_vague:
            total = [total[0] + current[0], total[1] + current[1]]
            current = [0.0, 0.0]
    value, high = total[0] + current[0], total[1] + current[1]
    return Reading(value=value, low=value, high=high, vague=vague)


def bound_of(before: Sequence[str]) -> tuple[str, int] | None:
    """Return (bound, number of words) of the longest cue ending ``before``.

    Example:
        >>> bound_of(["killed", "more", "than"])
        ('more_than', 2)
    """
    words = [w.lower() for w in before[-_MAX_CUE:]]
    for size in range(min(_MAX_CUE, len(words)), 0, -1):
        bound = BOUND_CUES.get(tuple(words[-size:]))
        if bound is not None:
            return bound, size
    return None


def limits_of(value: float, bound: str) -> tuple[float | None, float | None]:
    """The low and high a figure's ``bound`` gives its ``value`` ("more than 3": 3, None)."""
    if bound == "exact":
        return value, value
    if bound in {"more_than", "at_least"}:
        return value, None
    if bound in {"less_than", "at_most"}:
        return None, value
    return None, None
