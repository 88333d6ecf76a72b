"""Bytes to text: size limit, binary sniffing, encodings."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    OversizedInputError,
)
from claimledger.ingest.decoding import (
    decode_text,
    is_binary,
    read_file_bytes,
    read_stream_bytes,
)


def test_decoding_keeps_text_exactly():
    text = "  Line one\r\nLine two\twith tab  \n\n"
    assert decode_text(text.encode("utf-8"), where="a.txt") == text


def test_decoding_removes_utf8_bom_only():
    assert decode_text(b"\xef\xbb\xbfShelling resumed.\n", where="a.txt") == "Shelling resumed.\n"


def test_decoding_reads_utf16_with_bom():
    data = "Talks stalled on Monday.".encode("utf-16")
    assert decode_text(data, where="a.txt") == "Talks stalled on Monday."


def test_decoding_prefers_cp1252_for_western_legacy_text():
    text = "The café’s owner said “we stay” – a naïve hope, officials warned."
    assert decode_text(text.encode("cp1252"), where="a.txt") == text


def test_decoding_detects_cyrillic_legacy_encoding():
    text = "Министр обороны заявил, что войска отошли от города. " * 3
    assert decode_text(text.encode("cp1251"), where="a.txt") == text


@pytest.mark.parametrize(
    "data",
    [
        b"Report \xff\xfe from the river \xc3\x28 crossing",  # stray bytes in ASCII
        random.Random(7).randbytes(300).translate(bytes(range(128, 256)) * 2),  # high bytes
    ],
    ids=["stray-bytes", "random-high-bytes"],
)
def test_decoding_refuses_bytes_no_encoding_fits(data):
    with pytest.raises(DecodingError, match=r"^in\.txt: not UTF-8 \(invalid byte at offset \d+\)"):
        decode_text(data, where="in.txt")


def test_decoding_calls_random_bytes_binary():
    data = random.Random(3).randbytes(4096)
    with pytest.raises(BinaryInputError, match=r"^r\.txt: binary data"):
        decode_text(data, where="r.txt")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04rest", b"text\x00more", b"\x01\x02\x03\x04 abc"],
    ids=["pdf", "zip", "nul", "controls"],
)
def test_decoding_is_binary(data):
    assert is_binary(data)


def test_decoding_text_with_form_feed_and_escape_is_not_binary():
    assert not is_binary(b"Page one\x0cPage two \x1b[1m bold\n")


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", "\u2003\u00a0\n".encode()])
def test_decoding_refuses_empty_and_whitespace(data):
    with pytest.raises(EmptyInputError, match=r"^e\.txt: "):
        decode_text(data, where="e.txt")


def test_decoding_checks_size_before_reading(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("builtins.open", no_open)
    with pytest.raises(OversizedInputError, match=r"big\.txt: larger than the limit of 100 bytes"):
        read_file_bytes(str(path), max_bytes=100)


def test_decoding_reads_file_at_the_limit(tmp_path: Path):
    path = tmp_path / "edge.txt"
    path.write_bytes(b"y" * 100)
    assert read_file_bytes(str(path), max_bytes=100) == b"y" * 100


def test_decoding_bounds_stream_reads():
    with pytest.raises(OversizedInputError, match=r"^<stdin>: larger than"):
        read_stream_bytes(io.BytesIO(b"z" * 11), max_bytes=10, where="<stdin>")


def test_decoding_missing_file_is_an_input_error(tmp_path: Path):
    where = str(tmp_path / "gone.txt")
    with pytest.raises(InputError, match=r"gone\.txt: No such file"):
        read_file_bytes(where, max_bytes=10)


def test_decoding_uses_declared_encoding_then_detection():
    text = "Министр обороны заявил, что войска отошли от города. " * 3
    assert decode_text(text.encode("koi8_r"), where="a.html", declared="koi8_r") == text
    assert decode_text(text.encode("cp1251"), where="a.html", declared="no-such-codec") == text
