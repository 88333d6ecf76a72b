"""Time expressions resolved against the report date.

The model's DATE and TIME entities are read with a small set of rules; nothing
is guessed beyond them. Rules, with the report date ``R``:

- weekday names ("Friday", "on Tuesday") are the most recent such day on or
  before ``R``; "last Friday" the one strictly before; "next Friday" after;
- "today", "yesterday", "tomorrow", "N days/weeks ago" count from ``R``;
- "last week" is the previous Monday-Sunday week; "this week" Monday to ``R``;
  "last/this month/year" likewise at month/year granularity;
- a month without a year ("in October") is the most recent such month on or
  before ``R``'s month; a day without a year ("Dec. 3") the most recent such day
  on or before ``R``;
- an expression with a year ("December 3, 2024", "October 2023", "2024") is
  absolute, and is the only kind resolved when the report date is unknown.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from spacy.tokens import Doc

from claimledger.model import TextSpan, TimeRef

__all__ = ["Resolution", "dateline_date", "resolve_time", "times"]

#: (start, end inclusive, granularity)
Resolution = tuple[date, date, str]

_WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_NUMBERS = {
    word: i
    for i, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1, "a couple of": 2, "several": 3, "a few": 3}
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_LEADING = re.compile(r"^(?:on|in|at|during|since|by|until|from|the|early|late|mid-?)\s*")
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
#: Words resolved even when the model tags no entity on them.
_UNTAGGED = frozenset(_WEEKDAYS) | {"today", "yesterday", "tonight"}
#: "KYIV, Ukraine, Jan. 3, 2025 (AP) --": a line's opening words, a comma, then a date
#: before an outlet in brackets or a dash.
_DATELINE = re.compile(r"^[^\n,]{2,40},\s*([^\n(]{3,45}?)\s*(?:\(|--|—|–)", re.M)


def dateline_date(text: str) -> date | None:
    """Return the full date of a dateline near the start of ``text``, if it gives one.

    Example:
        >>> dateline_date("SAN JOSE, 3 JAN 90 -- Police said ...")
        datetime.date(1990, 1, 3)
    """
    found = _dateline(text)
    return found[0] if found is not None else None


def _dateline(text: str) -> tuple[date, int, int] | None:
    for match in _DATELINE.finditer(text[:500]):
        words = match[1]
        # "Ukraine, Jan. 3, 2025": the date may follow a country or state.
        for offset in [0] + [i + 1 for i, c in enumerate(words) if c == ","]:
            found = _absolute(_normalise(words[offset:]))
            if found is not None and found[2] == "day":
                lead = len(words[offset:]) - len(words[offset:].lstrip())
                return found[0], match.start(1) + offset + lead, match.end(1)
    return None


def times(doc: Doc) -> Iterator[TimeRef]:
    """Yield the time expressions of ``doc`` resolved against its report date.

    Expressions are the model's DATE/TIME entities, a dated dateline, and
    weekday names and "today"/"yesterday"/"tonight" the model left untagged
    (it misses many in upper-case wire text). The report date is
    ``doc._.published`` or, when that is unset, the dateline's date.

    Example:
        >>> doc._.published = date(2024, 12, 27)  # doctest: +SKIP
        >>> [t.iso for t in times(nlp("They met Friday."))]  # doctest: +SKIP
        ['2024-12-27']
    """
    published = doc._.published if isinstance(doc._.published, date) else None
    published = published or dateline_date(doc.text)
    for number, (span, (start, end, granularity)) in enumerate(_expressions(doc, published), 1):
        yield TimeRef(id=f"t{number}", span=span, start=start, end=end, granularity=granularity)


def _expressions(doc: Doc, published: date | None) -> list[tuple[TextSpan, Resolution]]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        resolution = resolve_time(ent.text, published=published)
        if resolution is not None:
            found.append((TextSpan(ent.text, ent.start_char, ent.end_char), resolution))
    taken = [span for span, _ in found]
    dateline = _dateline(doc.text)
    if dateline is not None and not any(s.start <= dateline[1] < s.end for s in taken):
        day, start, end = dateline
        found.append((TextSpan(doc.text[start:end], start, end), _day(day)))
    for token in doc:
        if token.lower_ in _UNTAGGED and not token.ent_type_ and published is not None:
            resolution = resolve_time(token.text, published=published)
            if resolution is not None:
                span = TextSpan(token.text, token.idx, token.idx + len(token))
                found.append((span, resolution))
    return sorted(found, key=lambda item: item[0].start)


def resolve_time(text: str, *, published: date | None) -> Resolution | None:
    """Resolve one time expression; None when it is a duration or needs an unknown report date.

    Example:
        >>> resolve_time("in October", published=date(2024, 12, 27))
        (datetime.date(2024, 10, 1), datetime.date(2024, 10, 31), 'month')
    """
    phrase = _normalise(text)
    absolute = _absolute(phrase)
    if absolute is not None or published is None:
        return absolute
    for rule in _RELATIVE_RULES:
        found = rule(phrase, published)
        if found is not None:
            return found
    return None


def _normalise(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text.casefold().replace(".", " ")).strip()
    previous = None
    while previous != phrase:
        previous, phrase = phrase, _LEADING.sub("", phrase).strip()
    return re.sub(r"\s*,\s*", " ", phrase)


def _day(day: date) -> Resolution:
    return day, day, "day"


def _month(year: int, month: int) -> Resolution:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), "month"


def _absolute(phrase: str) -> Resolution | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", phrase):
        return _safe_day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})", phrase):
        return _month_day(m[1], int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+) (\d{4}|\d{2})", phrase):
        return _month_day(m[2], int(m[1]), _full_year(m[3]))
    if (m := re.fullmatch(r"([a-z]+) (?:of )?(\d{4}|3[2-9]|[4-9]\d)", phrase)) and m[1] in _MONTHS:
        return _month(_full_year(m[2]), _MONTHS[m[1]])  # "MAY 90": no day is above 31
    if m := re.fullmatch(r"(?:the year )?((?:19|20)\d{2})", phrase):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def _full_year(text: str) -> int:
    """Four digits as they are; two ("3 JAN 90", wire style) in 1950-2049."""
    year = int(text)
    if len(text) == 2:
        return 1900 + year if year >= 50 else 2000 + year
    return year


def _month_day(month_name: str, day: int, year: int) -> Resolution | None:
    month = _MONTHS.get(month_name)
    return _safe_day(year, month, day) if month else None


def _safe_day(year: int, month: int, day: int) -> Resolution | None:
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _deictic(phrase: str, published: date) -> Resolution | None:
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    offsets |= {"day before yesterday": -2, "this morning": 0, "this afternoon": 0}
    offsets |= {"this evening": 0, "last night": -1, "overnight": 0}
    base = re.sub(_PART_OF_DAY + "$", "", phrase) if phrase not in offsets else phrase
    if base in offsets:
        return _day(published + timedelta(days=offsets[base]))
    return None


def _weekday(phrase: str, published: date) -> Resolution | None:
    m = re.fullmatch(r"(last|this|next|past)? ?([a-z]+)" + _PART_OF_DAY, phrase)
    if not m or m[2] not in _WEEKDAYS:
        return None
    back = (published.weekday() - _WEEKDAYS[m[2]]) % 7
    if m[1] == "next":
        return _day(published + timedelta(days=(7 - back) % 7 or 7))
    if m[1] in ("last", "past") and back == 0:
        back = 7
    return _day(published - timedelta(days=back))


def _ago(phrase: str, published: date) -> Resolution | None:
    m = re.fullmatch(
        r"(\d+|[a-z]+(?: (?:couple|few) of| few)?) (day|week|month|year)s? ago", phrase
    )
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1])
    if count is None:
        return None
    day = published - timedelta(days=count * _UNITS[m[2]])
    if m[2] == "day":
        return _day(day)
    if m[2] == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), "week"
    if m[2] == "month":
        return _month(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31), "year"


def _calendar_unit(phrase: str, published: date) -> Resolution | None:
    monday = published - timedelta(days=published.weekday())
    if phrase in ("last week", "previous week"):
        return monday - timedelta(days=7), monday - timedelta(days=1), "week"
    if phrase in ("this week", "earlier this week"):
        return monday, published, "week"
    if phrase in ("past week", "last seven days", "past seven days", "last 7 days"):
        return published - timedelta(days=7), published, "week"
    if phrase in ("this month", "earlier this month"):
        return _month(published.year, published.month)
    if phrase in ("last month", "previous month"):
        last = published.replace(day=1) - timedelta(days=1)
        return _month(last.year, last.month)
    year = {"this year": 0, "earlier this year": 0, "last year": -1, "next year": 1}.get(phrase)
    if year is not None:
        return date(published.year + year, 1, 1), date(published.year + year, 12, 31), "year"
    return None


def _month_name(phrase: str, published: date) -> Resolution | None:
    m = re.fullmatch(r"(last |this |early |late )?([a-z]+)", phrase)
    if not m or m[2] not in _MONTHS:
        return None
    month = _MONTHS[m[2]]
    strictly_before = m[1] == "last "
    same_year = month < published.month or (month == published.month and not strictly_before)
    return _month(published.year if same_year else published.year - 1, month)


def _month_and_day(phrase: str, published: date) -> Resolution | None:
    m = re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?", phrase) or re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)", phrase
    )
    if not m:
        return None
    name, day = (m[1], m[2]) if m[1].isalpha() else (m[2], m[1])
    if name not in _MONTHS:
        return None
    for year in (published.year, published.year - 1):
        found = _safe_day(year, _MONTHS[name], int(day))
        if found is not None and found[0] <= published:
            return found
    return None


_RELATIVE_RULES: tuple[Callable[[str, date], Resolution | None], ...] = (
    _deictic,
    _weekday,
    _ago,
    _calendar_unit,
    _month_and_day,
    _month_name,
)
