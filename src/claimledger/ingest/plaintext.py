"""Plain-text inputs: ``.txt`` files and standard input.

The stored text is exactly the decoded content (see
:mod:`claimledger.ingest.decoding`), so the SHA-256 of the stored text equals
the SHA-256 of the file's decoded text.
"""

from __future__ import annotations

from typing import BinaryIO

from claimledger.ingest.decoding import decode_text, read_file_bytes, read_stream_bytes
from claimledger.ingest.dedupe import document_id
from claimledger.model import Document

__all__ = ["STDIN_NAME", "read_stdin", "read_text"]

#: How standard input is named in errors and as the external id.
STDIN_NAME = "<stdin>"


def read_text(path: str, *, max_bytes: int) -> Document:
    """Read one plain-text file; its external id is ``path`` as given.

    Raises:
        InputError: a subclass naming ``path`` when the file is unusable.
    """
    text = decode_text(read_file_bytes(path, max_bytes=max_bytes), where=path)
    return Document(id=document_id(text), text=text, external_id=path)


def read_stdin(stream: BinaryIO, *, max_bytes: int) -> Document:
    """Read standard input (bytes) as one plain-text document named ``<stdin>``."""
    data = read_stream_bytes(stream, max_bytes=max_bytes, where=STDIN_NAME)
    text = decode_text(data, where=STDIN_NAME)
    return Document(id=document_id(text), text=text, external_id=STDIN_NAME)
