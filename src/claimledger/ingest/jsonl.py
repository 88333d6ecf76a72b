"""JSON Lines inputs: one document per line.

Each non-blank line is a JSON object with ``text`` (stored exactly) or
``html`` (main text extracted as for a web page), and optionally ``id``,
``title``, ``outlet``, ``url`` and ``published`` (ISO 8601 date or date-time).
The external id is ``id``, or ``path:line`` when the line has none. Errors in
one line name ``path:line`` and do not stop the others; the file is read line
by line, so ``max_bytes`` limits each line, not the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from claimledger.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    OversizedInputError,
)
from claimledger.ingest.decoding import is_binary
from claimledger.ingest.dedupe import document_id
from claimledger.ingest.metadata import parse_published
from claimledger.ingest.pages import html_document
from claimledger.model import Document

__all__ = ["read_jsonl"]

_SNIFF_BYTES = 8192
_SKIP_CHUNK = 1 << 16
_TEXT_FIELDS = ("title", "outlet", "url")


def read_jsonl(path: str, *, max_bytes: int) -> Iterator[Document | InputError]:
    """Yield a document, or the error naming ``path:line``, for each non-blank line.

    Raises:
        InputError: a subclass naming ``path`` when the whole file is unusable
            (unreadable, empty, binary, or without a single JSON line).
    """
    try:
        with open(path, "rb") as stream:
            yield from _read(stream, path=path, max_bytes=max_bytes)
    except OSError as error:
        raise InputError(path, error.strerror or "cannot be read") from error


def _read(stream: BinaryIO, *, path: str, max_bytes: int) -> Iterator[Document | InputError]:
    head = stream.read(_SNIFF_BYTES)
    if not head.strip():
        raise EmptyInputError(path, "empty input" if not head else "holds only whitespace")
    if is_binary(head):
        raise BinaryInputError(path, "binary data, not JSON lines")
    stream.seek(0)
    seen = False
    for number, line in _lines(stream, max_bytes=max_bytes):
        where = f"{path}:{number}"
        seen = seen or line is None or bool(line.strip())
        if line is None:
            yield OversizedInputError(
                where, f"line longer than {max_bytes:,} bytes (setting max_document_bytes)"
            )
        elif line.strip():
            yield _line_document(line, where=where, first=number == 1)
    if not seen:
        raise EmptyInputError(path, "no JSON lines")


def _lines(stream: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, bytes)``; None for a line over the limit, never held whole."""
    number = 0
    # Room for the limit plus "\r\n", so a line at the limit is read whole.
    while line := stream.readline(max_bytes + 2):
        number += 1
        if len(line.rstrip(b"\r\n")) <= max_bytes:
            yield number, line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
        yield number, None


def _line_document(line: bytes, *, where: str, first: bool) -> Document | InputError:
    try:
        return _document(_object(line, where=where, first=first), where=where)
    except InputError as error:
        return error


def _object(line: bytes, *, where: str, first: bool) -> dict[str, object]:
    try:
        # JSON text is UTF-8 (RFC 8259); a BOM may open the file.
        decoded = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as error:
        raise DecodingError(where, f"invalid UTF-8 at byte {error.start}") from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise MalformedInputError(
            where, f"invalid JSON: {error.msg} (column {error.colno})"
        ) from None
    if not isinstance(record, dict):
        raise MalformedInputError(where, f"expected a JSON object, got {type(record).__name__}")
    return record


def _document(record: dict[str, object], *, where: str) -> Document:
    external_id = _external_id(record.get("id"), where=where)
    fields = {key: _string(record, key, where=where) for key in _TEXT_FIELDS}
    published_text = _string(record, "published", where=where)
    published = parse_published(published_text) if published_text else None
    if published_text and published is None:
        raise MalformedInputError(where, f"'published' is not an ISO date: {published_text!r}")
    text, html = record.get("text"), record.get("html")
    if text is not None:
        document = _text_document(text, where=where, external_id=external_id)
    elif html is not None:
        document = _html_document(html, where=where, external_id=external_id)
    else:
        raise MalformedInputError(where, "no 'text' or 'html' field")
    return replace(
        document,
        title=fields["title"] or document.title,
        outlet=fields["outlet"] or document.outlet,
        url=fields["url"] or document.url,
        published=published or document.published,
    )


def _text_document(text: object, *, where: str, external_id: str) -> Document:
    if not isinstance(text, str):
        raise MalformedInputError(where, "'text' must be a string")
    if not text.strip():
        raise EmptyInputError(where, "'text' is empty")
    return Document(id=document_id(text), text=text, external_id=external_id)


def _html_document(html: object, *, where: str, external_id: str) -> Document:
    if not isinstance(html, str):
        raise MalformedInputError(where, "'html' must be a string")
    if not html.strip():
        raise EmptyInputError(where, "'html' is empty")
    return html_document(html, where=where, external_id=external_id)


def _external_id(value: object, *, where: str) -> str:
    if value is None:
        return where
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MalformedInputError(where, "'id' must be a string or an integer")
    return str(value)


def _string(record: dict[str, object], key: str, *, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInputError(where, f"{key!r} must be a string")
    return value.strip() or None
