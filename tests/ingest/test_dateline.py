"""Datelines: outlet, place and date from the opening of wire copy."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.ingest.dateline import parse_dateline


@pytest.mark.parametrize(
    ("text", "place", "outlet", "when"),
    [
        ("Dec. 27 (UPI) — Talks resumed.", None, "UPI", date(2024, 12, 27)),
        (
            "KYIV, Ukraine, March 3 (Reuters) - Drones hit a depot.",
            "KYIV, Ukraine",
            "Reuters",
            date(2024, 3, 3),
        ),
        ("WASHINGTON (AP) — The envoy arrived.", "WASHINGTON", "AP", None),
        (
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — A rally began.",
            "HEMPSTEAD, N.Y.",
            "UPI",
            date(2024, 9, 26),
        ),
        ("LONDON, 3 March 2023 (Reuters) - Prices rose.", "LONDON", "Reuters", date(2023, 3, 3)),
        ("Dec. 27, 2022 (UPI) -- Talks resumed.", None, "UPI", date(2022, 12, 27)),
        ("ODESA, Ukraine, Jan. 5 – The port reopened.", "ODESA, Ukraine", None, date(2024, 1, 5)),
        ("ST. LOUIS (AP) — Voters queued early.", "ST. LOUIS", "AP", None),
        ("Mexico City (AFP) – Rain fell.", "Mexico City", "AFP", None),
        ("BERLIN (dpa) - The court ruled.", "BERLIN", "dpa", None),
        ("Aug 27 (Reuters) - Shares fell.", None, "Reuters", date(2024, 8, 27)),
    ],
)
def test_dateline_forms(text, place, outlet, when):
    dateline = parse_dateline(text, year_hint=date(2024, 6, 30))
    assert dateline is not None
    assert (dateline.place, dateline.outlet, dateline.date) == (place, outlet, when)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — The envoy arrived.",  # no outlet, no date: could be a subheading
        "QUESTIONABLE FIGURES — Nobody checked them.",
        "Kyiv, March 3 - a title-case place needs an outlet.",
        "March 3 — Fighting resumed.",  # a date alone is not a dateline
        "The agency (UPI) — said nothing.",  # not at the start of a line
        "No dateline in this report at all.",
        "Envoy Defends Talks (Analysis) - The envoy spoke for an hour.",
        "RIVER CROSSING (VIDEO) -- Boats crossed at night.",
    ],
)
def test_dateline_not_recognised(text):
    assert parse_dateline(text, year_hint=2024) is None


def test_dateline_after_headline_and_caption():
    text = "Depot burns after strike\nA caption under the photo, credited.\nDec. 2 (UPI) — Fire.\n"
    dateline = parse_dateline(text, year_hint=2024)
    assert dateline is not None
    assert dateline.span.text == "Dec. 2 (UPI) —"
    assert text[dateline.span.start : dateline.span.end] == dateline.span.text


def test_dateline_too_far_down_is_ignored():
    text = "Opening line of a long report.\n" * 60 + "Dec. 2 (UPI) — Fire.\n"
    assert parse_dateline(text, year_hint=2024) is None


@pytest.mark.parametrize(
    ("hint", "when"),
    [
        (date(2025, 1, 2), date(2024, 12, 31)),  # a report filed before New Year
        (date(2024, 12, 31), date(2024, 12, 31)),
        (date(2024, 12, 20), date(2024, 12, 31)),  # a run-wide date before the dateline
        (date(2024, 7, 1), date(2023, 12, 31)),  # a tie (183 days either way) goes back
        (date(2025, 6, 30), date(2024, 12, 31)),
        (date(2025, 7, 2), date(2025, 12, 31)),
        (2026, date(2026, 12, 31)),
        (None, None),  # no year from anywhere: the date stays unknown
    ],
)
def test_dateline_year_from_hint(hint, when):
    dateline = parse_dateline("Dec. 31 (UPI) — Fire.", year_hint=hint)
    assert dateline is not None
    assert (dateline.month, dateline.day, dateline.date) == (12, 31, when)


def test_dateline_impossible_day_has_no_date():
    dateline = parse_dateline("Feb. 29 (UPI) — Fire.", year_hint=2025)
    assert dateline is not None and dateline.date is None
