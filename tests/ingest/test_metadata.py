"""Filling metadata: own fields, then the dateline, then the run's defaults."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.ingest.metadata import InputDefaults, fill_metadata, parse_published
from claimledger.model import Document

_WIRE = "Depot burns\n\nVARNO, June 4 (Northwire) - A fire broke out.\n"


def _doc(text: str = _WIRE, **fields) -> Document:
    return Document(id="d0", text=text, external_id="x.txt", **fields)


def test_metadata_dateline_fills_outlet_and_date_with_year_from_defaults():
    filled = fill_metadata(_doc(), defaults=InputDefaults(published=date(2025, 6, 5)))
    assert (filled.outlet, filled.published) == ("Northwire", date(2025, 6, 4))


def test_metadata_without_any_year_leaves_date_unknown():
    filled = fill_metadata(_doc(), defaults=InputDefaults())
    assert (filled.outlet, filled.published) == ("Northwire", None)


def test_metadata_own_fields_win_and_give_the_year():
    own = _doc(outlet="Varno Daily", published=date(2025, 6, 6))
    filled = fill_metadata(own, defaults=InputDefaults(outlet="Cli", published=date(2020, 1, 1)))
    assert (filled.outlet, filled.published) == ("Varno Daily", date(2025, 6, 6))


def test_metadata_own_date_is_year_hint_for_missing_outlet_only():
    filled = fill_metadata(_doc(published=date(2025, 6, 6)), defaults=InputDefaults())
    assert (filled.outlet, filled.published) == ("Northwire", date(2025, 6, 6))


def test_metadata_dateline_outranks_defaults():
    defaults = InputDefaults(outlet="Cli Outlet", published=date(2025, 6, 9), url="https://e.org/")
    filled = fill_metadata(_doc(), defaults=defaults)
    assert (filled.outlet, filled.published, filled.url) == (
        "Northwire",
        date(2025, 6, 4),
        "https://e.org/",
    )


def test_metadata_defaults_fill_when_no_dateline():
    defaults = InputDefaults(outlet="Cli Outlet", published=date(2025, 6, 9))
    filled = fill_metadata(_doc("Plain report without dateline."), defaults=defaults)
    assert (filled.outlet, filled.published) == ("Cli Outlet", date(2025, 6, 9))


def test_metadata_never_changes_text_or_id():
    filled = fill_metadata(_doc(), defaults=InputDefaults(outlet="X"))
    assert (filled.id, filled.text) == ("d0", _WIRE)


@pytest.mark.parametrize(
    ("value", "when"),
    [
        ("2024-12-27", date(2024, 12, 27)),
        ("2024-12-27T23:10:00Z", date(2024, 12, 27)),
        ("2024-12-27T23:10:00+02:00", date(2024, 12, 27)),
        (" 2024-12-27 ", date(2024, 12, 27)),
        ("27/12/2024", None),
        ("yesterday", None),
    ],
)
def test_metadata_parse_published(value, when):
    assert parse_published(value) == when
