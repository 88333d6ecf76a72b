"""RSS and Atom feed files (``.xml``, ``.rss``, ``.atom``): one document per entry.

An entry's text is its title, a blank line, then its longest ``content`` (or
else its ``summary``) with HTML turned into plain paragraphs. Its date is the
entry's ``published`` (else ``updated``) date in UTC; its outlet the entry's
``source`` title, else the feed's title; its external id the entry's id, else
its link. Errors in one entry name ``path#N`` (N counts entries from 1).

The file is parsed whole by feedparser, from bytes so that nothing is ever
fetched. ``max_bytes`` limits each entry's text (an oversized entry is an
error naming ``path#N``; the other entries are read), and
:data:`FEED_FILE_FACTOR` times it limits the file, which must fit in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from claimledger.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    OversizedInputError,
)
from claimledger.ingest.decoding import is_binary, read_file_bytes
from claimledger.ingest.dedupe import document_id
from claimledger.ingest.pages import html_to_text
from claimledger.model import Document

__all__ = ["FEED_FILE_FACTOR", "read_feed"]

#: A feed file may hold this many times ``max_bytes``: a feed carries many
#: entries, each limited to ``max_bytes`` on its own.
FEED_FILE_FACTOR = 10

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_feed(path: str, *, max_bytes: int) -> Iterator[Document | InputError]:
    """Yield a document, or the error naming ``path#N``, for each feed entry.

    Raises:
        InputError: a subclass naming ``path`` when the file is unusable: empty,
            binary, oversized, not a feed, or a feed without entries.
    """
    data = read_file_bytes(path, max_bytes=max_bytes * FEED_FILE_FACTOR)
    feed = _parse(data, where=path)
    outlet = _plain(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            document = _entry_document(entry, where=f"{path}#{number}", feed_outlet=outlet)
            yield _within_limit(document, where=f"{path}#{number}", max_bytes=max_bytes)
        except InputError as error:
            yield error


def _within_limit(document: Document, *, where: str, max_bytes: int) -> Document:
    if len(document.text.encode("utf-8")) > max_bytes:
        raise OversizedInputError(
            where, f"entry text larger than {max_bytes:,} bytes (setting max_document_bytes)"
        )
    return document


def _parse(data: bytes, *, where: str) -> Any:
    import feedparser  # imported here: slow to import, needed only for feeds

    if not data.strip():
        raise EmptyInputError(where, "empty input" if not data else "holds only whitespace")
    if is_binary(data):
        raise BinaryInputError(where, "binary data, not a feed")
    feed = feedparser.parse(data)
    if feed.entries:
        # feedparser is lenient: a feed with a flaw (bozo) but readable
        # entries is kept, as a feed reader would.
        return feed
    if feed.bozo:
        reason = " ".join(str(feed.get("bozo_exception", "")).split())
        raise MalformedInputError(where, f"not a well-formed feed ({reason})")
    if not feed.version:
        raise MalformedInputError(where, "not an RSS or Atom feed")
    raise EmptyInputError(where, "feed has no entries")


def _entry_document(entry: Any, *, where: str, feed_outlet: str | None) -> Document:
    title = _plain(entry.get("title"))
    body = _body(entry)
    text = "\n\n".join(part for part in (title, body) if part)
    if not text:
        raise EmptyInputError(where, "entry has no title or text")
    source = entry.get("source") or {}
    return Document(
        id=document_id(text),
        text=text,
        external_id=entry.get("id") or entry.get("link") or where,
        title=title,
        outlet=_plain(source.get("title")) or feed_outlet,
        url=entry.get("link") or None,
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _body(entry: Any) -> str:
    details: list[Mapping[str, Any]] = list(entry.get("content") or [])
    if not details and entry.get("summary_detail"):
        details = [entry["summary_detail"]]
    if not details:
        return ""
    detail = max(details, key=lambda d: len(d.get("value") or ""))
    value = detail.get("value") or ""
    if detail.get("type") in _HTML_TYPES:
        return html_to_text(value)
    return "\n\n".join(p.strip() for p in value.split("\n\n") if p.strip())


def _plain(value: str | None) -> str | None:
    # feedparser has already unescaped titles; collapse their whitespace.
    return " ".join(value.split()) or None if value else None


def _date(parsed: Any) -> date | None:
    """Return the date of feedparser's UTC ``time.struct_time``, or None."""
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
