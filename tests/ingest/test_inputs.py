"""read_inputs: dispatch, directories, standard input, going on after errors."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    OversizedInputError,
)
from claimledger.ingest.inputs import InputDefaults, input_files, read_inputs
from claimledger.model import Document


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b_sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("First report.\n")
    (root / "C.HTM").write_text("<html><body><p>Page report.</p></body></html>")
    (root / "b_sub" / "z.jsonl").write_text(json.dumps({"text": "Line report."}) + "\n")
    (root / "b_sub" / "deeper" / "f.atom").write_bytes(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
        b"<entry><id>urn:1</id><title>Entry report</title></entry></feed>"
    )
    (root / ".hidden.txt").write_text("hidden")
    (root / ".git" / "notes.txt").write_text("hidden folder")
    (root / "image.png").write_bytes(b"\x89PNG")
    (root / "notes.md").write_text("unknown extension")
    return root


def test_inputs_directory_walk_is_sorted_and_skips(tmp_path: Path):
    root = _tree(tmp_path)
    assert list(input_files(str(root))) == [
        os.path.join(str(root), "C.HTM"),
        os.path.join(str(root), "a.txt"),
        os.path.join(str(root), "b_sub", "z.jsonl"),
        os.path.join(str(root), "b_sub", "deeper", "f.atom"),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_inputs_directory_walk_skips_fifos(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "real.txt").write_text("x")
    assert list(input_files(str(tmp_path))) == [os.path.join(str(tmp_path), "real.txt")]


def test_inputs_reads_every_format_in_a_directory(tmp_path: Path):
    root = _tree(tmp_path)
    items = list(read_inputs([str(root)], defaults=InputDefaults()))
    assert all(isinstance(item, Document) for item in items)
    texts = [item.text for item in items if isinstance(item, Document)]
    assert texts == ["Page report.", "First report.\n", "Line report.", "Entry report"]


def test_inputs_go_on_after_bad_inputs(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "big.txt").write_bytes(b"w " * 100)
    (tmp_path / "good.txt").write_text("Good report.")
    paths = [str(tmp_path / name) for name in ("empty.txt", "binary.txt", "big.txt", "good.txt")]
    paths.insert(1, str(tmp_path / "missing.txt"))
    items = list(read_inputs(paths, defaults=InputDefaults(), max_bytes=100))
    assert [type(item) for item in items] == [
        EmptyInputError,
        InputError,
        BinaryInputError,
        OversizedInputError,
        Document,
    ]
    assert [item.where for item in items if isinstance(item, InputError)] == paths[:4]


def test_inputs_stdin_is_one_text_document():
    stdin = io.BytesIO("Dec. 3 (Northwire) — Talks resumed.\n".encode())
    (document,) = read_inputs(
        ["-"], defaults=InputDefaults(published=date(2025, 12, 4)), stdin=stdin
    )
    assert isinstance(document, Document)
    assert document.external_id == "<stdin>"
    assert (document.outlet, document.published) == ("Northwire", date(2025, 12, 3))


def test_inputs_empty_stdin_is_an_error():
    (error,) = read_inputs(["-"], defaults=InputDefaults(), stdin=io.BytesIO(b""))
    assert isinstance(error, EmptyInputError) and str(error) == "<stdin>: empty input"


def test_inputs_named_file_with_unknown_extension_is_text(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\nShelling reported.\n")
    (document,) = read_inputs([str(path)], defaults=InputDefaults())
    assert isinstance(document, Document) and document.text == "# Notes\nShelling reported.\n"


def test_inputs_defaults_fill_missing_metadata(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("A report without a dateline.")
    defaults = InputDefaults(outlet="Varno Daily", published=date(2025, 6, 4), url="https://e.org")
    (document,) = read_inputs([str(path)], defaults=defaults)
    assert isinstance(document, Document)
    assert (document.outlet, document.published, document.url) == (
        "Varno Daily",
        date(2025, 6, 4),
        "https://e.org",
    )


def test_inputs_errors_are_one_line(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": \n{"text": "ok"}\n')
    items = list(read_inputs([str(path)], defaults=InputDefaults()))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(errors) == 1 and "\n" not in str(errors[0])
    assert str(errors[0]).startswith(f"{path}:1: invalid JSON")
