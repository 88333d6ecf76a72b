from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from spacy.tokens import Doc

from claimledger.extract.times import resolve_time, times

REPORT_DATES = [date(2024, 12, 27), date(2024, 1, 1), date(2023, 3, 1), date(2024, 2, 29)] + [
    date(2025, 6, 1) + timedelta(days=n) for n in range(0, 14, 3)
]


@pytest.mark.parametrize("published", REPORT_DATES)
@pytest.mark.parametrize("weekday", list(calendar.day_name))
def test_times_weekday_is_latest_on_or_before_report(published: date, weekday: str) -> None:
    for text in (weekday, f"on {weekday}", f"{weekday} night"):
        found = resolve_time(text, published=published)
        assert found is not None
        start, end, granularity = found
        assert start == end and granularity == "day"
        assert calendar.day_name[start.weekday()] == weekday
        assert timedelta(0) <= published - start < timedelta(days=7)


@pytest.mark.parametrize("published", REPORT_DATES)
@pytest.mark.parametrize("month", range(1, 13))
def test_times_month_is_latest_on_or_before_report(published: date, month: int) -> None:
    found = resolve_time(f"in {calendar.month_name[month]}", published=published)
    assert found is not None
    start, end, granularity = found
    assert granularity == "month" and start.month == month and start.day == 1
    assert start <= published and (published.year - start.year) * 12 + published.month - month < 12
    assert end.month == month and (end + timedelta(days=1)).day == 1


@pytest.mark.parametrize("published", REPORT_DATES)
def test_times_last_week_is_previous_monday_to_sunday(published: date) -> None:
    found = resolve_time("last week", published=published)
    assert found is not None
    start, end, granularity = found
    assert granularity == "week" and start.weekday() == 0 and end - start == timedelta(days=6)
    assert 1 <= (published - end).days <= 7


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("Friday", date(2024, 12, 27), "2024-12-27"),
        ("on Tuesday", date(2024, 12, 27), "2024-12-24"),
        ("last Friday", date(2024, 12, 27), "2024-12-20"),
        ("in October", date(2024, 12, 27), "2024-10"),
        ("October", date(2025, 3, 2), "2024-10"),
        ("Dec. 3", date(2024, 12, 27), "2024-12-03"),
        ("Dec. 30", date(2025, 1, 2), "2024-12-30"),
        ("3 December", date(2024, 12, 27), "2024-12-03"),
        ("December 3, 2024", None, "2024-12-03"),
        ("October 2023", None, "2023-10"),
        ("2022", None, "2022"),
        ("yesterday", date(2024, 3, 1), "2024-02-29"),
        ("two days ago", date(2024, 12, 27), "2024-12-25"),
        ("3 days ago", date(2024, 1, 1), "2023-12-29"),
        ("this year", date(2024, 12, 27), "2024"),
        ("last year", date(2024, 12, 27), "2023"),
        ("last month", date(2024, 1, 15), "2023-12"),
        ("last week", date(2024, 12, 27), "2024-12-16/2024-12-22"),
        ("2024-11-05", None, "2024-11-05"),
    ],
)
def test_times_resolve_examples(text: str, published: date | None, expected: str) -> None:
    from claimledger.model import TextSpan, TimeRef

    found = resolve_time(text, published=published)
    assert found is not None
    start, end, granularity = found
    ref = TimeRef("t1", TextSpan(text, 0, len(text)), start, end, granularity=granularity)
    assert ref.iso == expected


@pytest.mark.parametrize(
    "text,published",
    [
        ("Friday", None),  # needs a report date
        ("in October", None),
        ("four years", date(2024, 12, 27)),  # a duration, not a time
        ("the first day", date(2024, 12, 27)),
        ("February 30, 2024", None),
    ],
)
def test_times_unresolvable_is_none(text: str, published: date | None) -> None:
    assert resolve_time(text, published=published) is None


@pytest.mark.parametrize("published", [date(2024, 12, 27), date(2025, 1, 3)])
def test_times_from_doc_entities(make_doc: Callable[..., Doc], published: date) -> None:
    words = ["Officials", "said", "Friday", "that", "it", "happened", "in", "October", "."]
    ents = ["O", "O", "B-DATE", "O", "O", "O", "O", "B-DATE", "O"]
    doc = make_doc(words, ents=ents)
    doc._.published = published
    found = list(times(doc))
    assert [t.id for t in found] == ["t1", "t2"]
    assert found[0].start == published and found[0].span.text == "Friday"
    assert found[1].iso == "2024-10"


@pytest.mark.parametrize("words", [["It", "began", "Friday"]])
def test_times_without_report_date_skips_relative(
    make_doc: Callable[..., Doc], words: list[str]
) -> None:
    doc = make_doc(words, ents=["O", "O", "B-DATE"])
    doc._.published = None
    assert list(times(doc)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("LIMA, 3 JAN 90 -- Police said", date(1990, 1, 3)),
        ("KHARKIV, Ukraine, Jan. 3, 2025 (AP) -- Drones hit", date(2025, 1, 3)),
        ("OSLO, March 9, 2023 — Talks ended", date(2023, 3, 9)),
        ("Dec. 27 (Wire) — No year here", None),
        ("Hello, world. Nothing here (really)", None),
    ],
)
def test_times_dateline_date(text: str, expected: date | None) -> None:
    from claimledger.extract.times import dateline_date

    assert dateline_date(text) == expected


@pytest.mark.parametrize("weekday,expected", [("TUESDAY", date(1990, 1, 2)), ("TODAY", None)])
def test_times_untagged_words_and_dateline_in_upper_case(
    make_doc: Callable[..., Doc], weekday: str, expected: date | None
) -> None:
    words = ["LIMA", ",", "3", "JAN", "90", "--", "IT", "HAPPENED", weekday, "."]
    spaces = [False, True, True, True, True, True, True, True, False, False]
    doc = make_doc(words, spaces=spaces)
    doc._.published = None
    found = list(times(doc))
    assert found[0].span.text == "3 JAN 90" and found[0].start == date(1990, 1, 3)
    assert found[1].start == (expected or date(1990, 1, 3))
    assert found[1].span.text == weekday
