"""Datelines: the ``PLACE, Month Day (OUTLET) -`` opening of wire copy.

A dateline is recognised at the start of one of the first lines of a text
(headlines and photo captions often come first) and only when it names an
outlet in parentheses, or both a place in capitals and a date; a bare
``WASHINGTON -`` is too close to an upper-case subheading to be trusted, and a
title-case place counts only before an outlet. Forms read::

    Dec. 27 (UPI) -
    KYIV, Ukraine, March 3 (Reuters) -
    WASHINGTON (AP) -
    HEMPSTEAD, N.Y., Sept. 26 (UPI) -
    LONDON, 3 March 2024 (Reuters) -
    ODESA, Ukraine, Jan. 5 -
    Mexico City (AFP) -

The dash may be a hyphen, en or em dash, or ``--``. A dateline rarely gives
the year; it comes from ``year_hint`` (see :func:`parse_dateline`), and
without one the date stays unknown: the year is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimledger.model import STORY_LABELS, TextSpan

__all__ = ["Dateline", "parse_dateline"]

#: Characters from the start of a text in which a dateline may begin.
_WINDOW = 1500
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"""
    ^[ \t]*
    (?:(?P<place>
        (?:[A-Z][A-Z'.\-]*(?:[ ][A-Z][A-Z'.\-]*)*            # KYIV, LOS ANGELES, ST. LOUIS
          |[A-Z][a-z'.\-]+(?:[ ][A-Z][a-z'.\-]+){{0,3}})      # Mexico City (outlet required)
        (?:,[ ](?!{_MONTH}[ ]\d)[A-Z][A-Za-z'.\-]*(?:[ ][A-Z][A-Za-z'.\-]*)*)*  # , Ukraine
    ),?[ ]+)?
    (?:(?P<md>(?P<month>{_MONTH})[ ](?P<day>\d{{1,2}}))         # Dec. 27
      |(?P<dm>(?P<day2>\d{{1,2}})[ ](?P<month2>{_MONTH}))       # 27 December
    )?
    (?(md),?[ ](?P<year>\d{{4}})|(?(dm)[ ,]+(?P<year2>\d{{4}})))?
    [ ]*(?:\((?P<outlet>[A-Za-z][\w&.' \-]{{0,39}})\)[ ]*)?
    (?:--|[-\u2013\u2014\u2015])(?:[ \t]|$)
    """,
    re.MULTILINE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline; ``date`` is None when the year is not known."""

    span: TextSpan
    place: str | None = None
    outlet: str | None = None
    month: int | None = None
    day: int | None = None
    date: date | None = None


def parse_dateline(text: str, *, year_hint: date | int | None) -> Dateline | None:
    """Return the dateline near the start of ``text``, or None.

    Args:
        year_hint: where the year of a dateline without one comes from. A
            date (a publication date) gives the year that puts the dateline
            nearest to it, so ``Dec. 31`` with a hint of 2 January 2025 is
            31 December 2024 and ``March 8`` with a hint of 5 March 2025 is
            8 March 2025; an int is the year itself; None leaves the date
            unknown.

    Example:
        >>> parse_dateline("Dec. 27 (UPI) -- Talks resumed.", year_hint=2024).date
        datetime.date(2024, 12, 27)
    """
    for match in _DATELINE.finditer(text, 0, _WINDOW):
        dateline = _dateline(match, year_hint=year_hint)
        if dateline is not None:
            return dateline
    return None


def _dateline(match: re.Match[str], *, year_hint: date | int | None) -> Dateline | None:
    month_name = match["month"] or match["month2"]
    place, outlet = match["place"], match["outlet"]
    if outlet is not None and outlet.strip().lower() in STORY_LABELS:
        return None  # "Envoy Defends Talks (Analysis) -" is a headline
    if outlet is None and (place is None or month_name is None or not _is_caps(place)):
        return None
    written = match[0].strip()
    start = match.start() + match[0].index(written)
    span = TextSpan(text=written, start=start, end=start + len(written))
    if month_name is None:
        return Dateline(span=span, place=place, outlet=outlet)
    month = _MONTHS[month_name[:3].lower()]
    day = int(match["day"] or match["day2"])
    year = match["year"] or match["year2"]
    when = _resolve(month, day, int(year) if year else year_hint)
    return Dateline(span=span, place=place, outlet=outlet, month=month, day=day, date=when)


def _is_caps(place: str) -> bool:
    # Wire style writes the city in capitals; a title-case "Place, Month Day -"
    # without an outlet reads like the start of an ordinary sentence.
    return place.split(",")[0].isupper()


def _resolve(month: int, day: int, hint: date | int | None) -> date | None:
    if hint is None:
        return None
    if isinstance(hint, int):
        return _valid(hint, month, day)
    # The nearest reading, not "on or before the hint": the hint may be a
    # run-wide --published that falls before some of the run's datelines.
    # Ties (half a year away) go to the past, where reports come from.
    candidates = (_valid(year, month, day) for year in (hint.year - 1, hint.year, hint.year + 1))
    valid = [when for when in candidates if when is not None]
    return min(valid, key=lambda when: abs((when - hint).days), default=None)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
