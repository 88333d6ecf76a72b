"""Plain-text files and standard input: the stored text is the decoded file."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import BinaryInputError, EmptyInputError, OversizedInputError
from claimledger.ingest.dedupe import document_id
from claimledger.ingest.plaintext import read_stdin, read_text


def test_plaintext_document_fields(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("Shelling resumed near the river.\n", encoding="utf-8")
    document = read_text(str(path), max_bytes=1000)
    assert document.text == "Shelling resumed near the river.\n"
    assert document.external_id == str(path)
    assert document.id == document_id("Shelling resumed near the river.")


def test_plaintext_sha256_matches_file_bytes(tmp_path: Path):
    data = "Line one.\r\n  indented “quote” — dash\r\n\r\n".encode()
    path = tmp_path / "crlf.txt"
    path.write_bytes(data)
    document = read_text(str(path), max_bytes=1000)
    assert document.text_sha256 == hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("roundtrip") / "any.txt"


_NO_BOM = st.text().filter(lambda text: not text.startswith("\ufeff"))


@settings(max_examples=100, deadline=None)
@given(text=_NO_BOM)
def test_plaintext_roundtrip_is_exact_or_refused(scratch, text):
    path = scratch
    path.write_bytes(text.encode("utf-8"))
    try:
        document = read_text(str(path), max_bytes=1 << 20)
    except EmptyInputError:
        assert not text.strip()
    except BinaryInputError:
        assert any(ord(char) < 0x20 for char in text)
    else:
        assert document.text == text
        assert document.text_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


_PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"),
    min_size=1,
).filter(lambda text: text.strip() and not text.startswith("\ufeff"))


@settings(max_examples=100, deadline=None)
@given(text=_PRINTABLE)
def test_plaintext_roundtrip_of_text_without_controls(scratch, text):
    path = scratch
    path.write_bytes(text.encode("utf-8"))
    assert read_text(str(path), max_bytes=1 << 20).text == text


def test_plaintext_stdin_is_named():
    document = read_stdin(io.BytesIO(b"Ceasefire announced.\n"), max_bytes=100)
    assert (document.text, document.external_id) == ("Ceasefire announced.\n", "<stdin>")


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyInputError), (b"\x00\x01bin", BinaryInputError), (b"x" * 101, OversizedInputError)],
)
def test_plaintext_stdin_errors_name_stdin(data, error):
    with pytest.raises(error, match=r"^<stdin>: "):
        read_stdin(io.BytesIO(data), max_bytes=100)
