"""JSON Lines: one document per line, errors naming path:line."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    OversizedInputError,
)
from claimledger.ingest.jsonl import read_jsonl
from claimledger.model import Document


def _write(tmp_path: Path, lines: list[str | bytes]) -> str:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        b"".join((ln if isinstance(ln, bytes) else ln.encode()) + b"\n" for ln in lines)
    )
    return str(path)


def test_jsonl_documents_with_fields(tmp_path: Path):
    record = {
        "id": "wire-17",
        "text": "  Varno was shelled again.\n",
        "title": "Shelling",
        "outlet": "Northwire",
        "url": "https://example.org/17",
        "published": "2025-06-04T08:00:00Z",
    }
    path = _write(tmp_path, [json.dumps(record), "", json.dumps({"id": 3, "text": "Second."})])
    first, second = read_jsonl(path, max_bytes=10_000)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "  Varno was shelled again.\n"
    assert (first.external_id, first.title, first.outlet) == ("wire-17", "Shelling", "Northwire")
    assert (first.url, first.published) == ("https://example.org/17", date(2025, 6, 4))
    assert second.external_id == "3"


def test_jsonl_without_id_is_named_by_line(tmp_path: Path):
    path = _write(tmp_path, ["", json.dumps({"text": "No id here."})])
    (document,) = read_jsonl(path, max_bytes=10_000)
    assert isinstance(document, Document) and document.external_id == f"{path}:2"


def test_jsonl_html_field_and_json_metadata_wins(tmp_path: Path):
    html = "<html><head><title>Page</title></head><body><p>From the page.</p></body></html>"
    path = _write(tmp_path, [json.dumps({"html": html, "title": "Given"})])
    (document,) = read_jsonl(path, max_bytes=10_000)
    assert isinstance(document, Document)
    assert (document.text, document.title) == ("From the page.", "Given")


def test_jsonl_bad_lines_name_the_line_and_others_survive(tmp_path: Path):
    lines = [
        json.dumps({"text": "Good one."}),
        '{"text": "broken",',
        "[1, 2]",
        json.dumps({"title": "no body"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 5}),
        json.dumps({"text": "x", "published": "last week"}),
        json.dumps({"text": "x", "id": True}),
        b'{"text": "caf\xe9"}',
        json.dumps({"text": "Good two."}),
    ]
    path = _write(tmp_path, lines)
    items = list(read_jsonl(path, max_bytes=10_000))
    assert [type(item) for item in items] == [
        Document,
        MalformedInputError,
        MalformedInputError,
        MalformedInputError,
        EmptyInputError,
        MalformedInputError,
        MalformedInputError,
        MalformedInputError,
        DecodingError,
        Document,
    ]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [error.where for error in errors] == [f"{path}:{n}" for n in range(2, 10)]
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON: ")
    assert all("\n" not in str(error) for error in errors)


def test_jsonl_oversized_line_is_skipped_not_held(tmp_path: Path):
    long_line = json.dumps({"text": "word " * 100})
    path = _write(tmp_path, [long_line, json.dumps({"text": "Short."})])
    oversized, document = read_jsonl(path, max_bytes=200)
    assert isinstance(oversized, OversizedInputError) and oversized.where == f"{path}:1"
    assert isinstance(document, Document) and document.external_id == f"{path}:2"


def test_jsonl_line_at_the_limit_with_crlf(tmp_path: Path):
    line = json.dumps({"text": "abc"}).encode()
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(line + b"\r\n" + line + b"\r\n")
    items = list(read_jsonl(str(path), max_bytes=len(line)))
    assert [getattr(item, "external_id", None) for item in items] == [f"{path}:1", f"{path}:2"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"\n\n  \n", EmptyInputError),
        (b"\x00\x01\x02\x03binary", BinaryInputError),
    ],
)
def test_jsonl_unusable_file(tmp_path: Path, data, error):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(error, match=rf"^{re.escape(str(path))}: "):
        list(read_jsonl(str(path), max_bytes=1000))


def test_jsonl_bom_on_first_line(tmp_path: Path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "With BOM."}).encode() + b"\n")
    (document,) = read_jsonl(str(path), max_bytes=1000)
    assert isinstance(document, Document) and document.text == "With BOM."
