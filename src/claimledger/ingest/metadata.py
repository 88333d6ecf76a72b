"""Document metadata: publication dates, and filling what a document lacks.

Each field of a document is taken from the first of these that gives it:

1. the document's own metadata (JSONL fields, feed entry, HTML ``<meta>``);
2. its dateline (outlet and date; see :mod:`claimledger.ingest.dateline`);
3. the run's defaults (``--outlet``, ``--published``, ``--url``).

The dateline ranks above the run's defaults because it is specific to the
document, while defaults cover every input of a run; ``--published`` still
gives the dateline its year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from claimledger.ingest.dateline import parse_dateline
from claimledger.model import Document

__all__ = ["InputDefaults", "fill_metadata", "parse_published"]


@dataclass(frozen=True, slots=True)
class InputDefaults:
    """Metadata for documents that do not carry their own (the CLI's options)."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def parse_published(value: str) -> date | None:
    """Return the date of an ISO 8601 date or date-time string, or None.

    Example:
        >>> parse_published("2024-12-27T08:15:00Z")
        datetime.date(2024, 12, 27)
    """
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def fill_metadata(document: Document, *, defaults: InputDefaults) -> Document:
    """Return ``document`` with missing outlet, date and URL filled (see module doc).

    Example:
        >>> doc = Document(id="d1", text="Dec. 27 (UPI) -- Talks resumed.", external_id="a.txt")
        >>> filled = fill_metadata(doc, defaults=InputDefaults(published=date(2024, 12, 28)))
        >>> filled.outlet, filled.published
        ('UPI', datetime.date(2024, 12, 27))
    """
    outlet, published = document.outlet, document.published
    if outlet is None or published is None:
        dateline = parse_dateline(document.text, year_hint=published or defaults.published)
        if dateline is not None:
            outlet = outlet or dateline.outlet
            published = published or dateline.date
    return replace(
        document,
        outlet=outlet or defaults.outlet,
        published=published or defaults.published,
        url=document.url or defaults.url,
    )
