"""Bytes to text: size limit, binary sniffing, encoding detection.

The decoded text of a file is what gets stored and what every span points
into, so decoding never alters it beyond removing a byte-order mark: no
stripping, no newline or Unicode normalisation.

Order of checks (each raises an :class:`~claimledger.errors.InputError`
subclass whose message is one line naming the input):

1. size over ``max_bytes`` -> :class:`OversizedInputError` (files are checked
   with ``stat`` before anything is read, streams by reading one byte more
   than the limit);
2. no bytes -> :class:`EmptyInputError`;
3. a known binary signature, a NUL byte or many control bytes ->
   :class:`BinaryInputError`;
4. UTF-8 (with or without BOM), UTF-16/32 with a BOM, else the encoding the
   input declares (HTML), else the encoding charset-normalizer finds *with a
   recognised language*; nothing -> :class:`DecodingError`;
5. only whitespace -> :class:`EmptyInputError`.
"""

from __future__ import annotations

import codecs
import os
from typing import BinaryIO

from claimledger.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    OversizedInputError,
)

__all__ = ["decode_text", "is_binary", "read_file_bytes", "read_stream_bytes"]

#: Bytes looked at to decide whether an input is binary.
_SNIFF_BYTES = 8192
#: Share of control bytes above which an input is called binary.
_MAX_CONTROL_RATIO = 0.1
#: C0 control bytes, less those plain text legitimately holds: \t \n \v \f \r and ESC.
_CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\x0b\x0c\r\x1b")
#: Signatures of binary formats that often hide behind a text-like name.
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")
#: Byte-order marks other than UTF-8's, longest first (UTF-32 LE starts like UTF-16 LE).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Most common legacy encoding of Western news; preferred when it decodes the same.
_PREFERRED_LEGACY = "cp1252"


def read_file_bytes(path: str, *, max_bytes: int, where: str | None = None) -> bytes:
    """Return the bytes of the file at ``path``, refusing files over ``max_bytes``.

    The size is checked with ``stat`` before reading, and the read itself is
    bounded too, since files such as pipes report no size.

    Raises:
        OversizedInputError: the file is larger than ``max_bytes``.
        InputError: the file cannot be opened or read.
    """
    name = where or path
    try:
        if os.stat(path).st_size > max_bytes:
            raise _oversized(name, max_bytes)
        with open(path, "rb") as stream:
            return read_stream_bytes(stream, max_bytes=max_bytes, where=name)
    except OSError as error:
        raise InputError(name, error.strerror or "cannot be read") from error


def read_stream_bytes(stream: BinaryIO, *, max_bytes: int, where: str) -> bytes:
    """Return at most ``max_bytes`` bytes from ``stream``, or raise if it holds more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _oversized(where, max_bytes)
    return data


def _oversized(where: str, max_bytes: int) -> OversizedInputError:
    return OversizedInputError(
        where, f"larger than the limit of {max_bytes:,} bytes (setting max_document_bytes)"
    )


def is_binary(data: bytes) -> bool:
    """Return True if ``data`` looks like a binary file rather than text.

    A wide-BOM text (UTF-16/32) holds NUL bytes by design and is not binary.
    """
    if data.startswith(_BINARY_MAGIC):
        return True
    if any(data.startswith(bom) for bom, _ in _WIDE_BOMS):
        return False
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # a C loop, not Python
    return controls > _MAX_CONTROL_RATIO * len(head)


def decode_text(data: bytes, *, where: str, declared: str | None = None) -> str:
    """Decode the bytes of one text input, exactly.

    Args:
        declared: an encoding the input names for itself (an HTML ``<meta
            charset>``), tried when the bytes are not UTF-8 and before
            detection; ignored when unknown or when it fails.

    Example:
        >>> decode_text(b"\\xef\\xbb\\xbfKyiv\\r\\n", where="a.txt")
        'Kyiv\\r\\n'

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        BinaryInputError: the bytes are not text.
        DecodingError: no encoding decodes the bytes with confidence.
    """
    if not data:
        raise EmptyInputError(where, "empty input")
    if is_binary(data):
        raise BinaryInputError(where, "binary data, not text")
    text = _decode(data, where=where, declared=declared)
    if not text.strip():
        raise EmptyInputError(where, "holds only whitespace")
    return text


def _decode(data: bytes, *, where: str, declared: str | None) -> str:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodingError(where, f"invalid {encoding.upper()} ({error.reason})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        position = error.start
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detection may still succeed
    detected = _detected_encoding(data)
    if detected is None:
        raise DecodingError(
            where, f"not UTF-8 (invalid byte at offset {position}) and no other encoding fits"
        )
    return data.decode(detected)


def _detected_encoding(data: bytes) -> str | None:
    """Return charset-normalizer's encoding if it recognised a language, else None.

    Without a recognised language (coherence 0) its guess on short or mostly
    ASCII inputs is arbitrary (it reads four Latin-1 bytes as UTF-16), and a
    wrong guess would be stored for good; refusing is the honest answer.
    """
    import charset_normalizer  # imported here: slow to import, rarely needed

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or best.coherence <= 0.0:
        return None
    ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(_PREFERRED_LEGACY in match.could_be_from_charset for match in ties):
        # Equally good readings: name the common encoding for a stable choice
        # (charset-normalizer picks cp1250 first and reads "ï" as "ď").
        return _PREFERRED_LEGACY
    return str(best.encoding)
