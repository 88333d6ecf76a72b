"""Turn the paths given to ``claimledger ingest`` into documents or input errors.

Which reader reads a file is decided by its extension (case-insensitive):

============================  ==========================================
``.txt`` (and any other       one plain-text document
extension, when the file is
named explicitly)
``.html``, ``.htm``           one web page (:mod:`.pages`)
``.jsonl``                    one document per line (:mod:`.jsonl`)
``.xml``, ``.rss``, ``.atom`` one document per feed entry (:mod:`.feeds`)
``-``                         standard input, one plain-text document
a directory                   every file below it, recursively
============================  ==========================================

In a directory, files and folders whose name starts with ``.`` are skipped,
and so are files with other extensions (logged at DEBUG level on the
``claimledger.ingest.inputs`` logger); files are visited in sorted order, a
folder's own files before its subfolders. A file named explicitly is never
skipped.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import BinaryIO

from claimledger.errors import InputError
from claimledger.ingest.feeds import read_feed
from claimledger.ingest.jsonl import read_jsonl
from claimledger.ingest.metadata import InputDefaults, fill_metadata
from claimledger.ingest.pages import read_html
from claimledger.ingest.plaintext import read_stdin, read_text
from claimledger.model import Document

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "READERS",
    "InputDefaults",
    "input_files",
    "read_inputs",
]

#: Default of the ``max_document_bytes`` setting: the largest document read.
DEFAULT_MAX_DOCUMENT_BYTES = 5_000_000

_Reader = Callable[..., Iterator[Document | InputError]]
_logger = logging.getLogger(__name__)


def _one(read: Callable[..., Document]) -> _Reader:
    def reader(path: str, *, max_bytes: int) -> Iterator[Document | InputError]:
        yield read(path, max_bytes=max_bytes)

    return reader


#: Reader by lower-case file extension.
READERS: Mapping[str, _Reader] = {
    ".txt": _one(read_text),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".jsonl": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def read_inputs(
    paths: Sequence[str],
    *,
    defaults: InputDefaults,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InputError]:
    """Yield each document of the inputs, or the error that kept one from being read.

    A bad input never stops the others: its :class:`~claimledger.errors.InputError`
    is yielded in its place. Documents come with their metadata filled (see
    :mod:`claimledger.ingest.metadata`).

    Args:
        paths: files, directories, or ``-`` for standard input.
        defaults: metadata for documents that carry none (the CLI's options).
        max_bytes: the ``max_document_bytes`` setting.
        stdin: where ``-`` reads from; ``sys.stdin.buffer`` by default.

    Example:
        >>> for item in read_inputs(["reports/"], defaults=InputDefaults()):  # doctest: +SKIP
        ...     print(item if isinstance(item, InputError) else item.id)
    """
    for path in paths:
        for item in _read_path(path, max_bytes=max_bytes, stdin=stdin):
            yield item if isinstance(item, InputError) else fill_metadata(item, defaults=defaults)


def _read_path(
    path: str, *, max_bytes: int, stdin: BinaryIO | None
) -> Iterator[Document | InputError]:
    files = input_files(path) if path != "-" and os.path.isdir(path) else [path]
    for file in files:
        try:
            yield from _reader(file, stdin=stdin)(file, max_bytes=max_bytes)
        except InputError as error:
            # A reader raises when the whole input is unusable; the run goes on.
            yield error


def _reader(path: str, *, stdin: BinaryIO | None) -> _Reader:
    if path == "-":
        return _one(
            lambda _, *, max_bytes: read_stdin(stdin or sys.stdin.buffer, max_bytes=max_bytes)
        )
    return READERS.get(os.path.splitext(path)[1].lower(), READERS[".txt"])


def input_files(directory: str) -> Iterator[str]:
    """Yield the readable files below ``directory`` (see the module doc), as paths.

    Each path is ``directory`` joined with the file's relative path, so it
    names the file the way the user named the directory.
    """
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if not _wanted(path):
                _logger.debug("skipped %s (hidden, not a regular file, or unknown type)", path)
                continue
            yield path


def _wanted(path: str) -> bool:
    # A FIFO or socket in a folder would block the run; only regular files count.
    name = os.path.basename(path)
    known = os.path.splitext(name)[1].lower() in READERS
    return known and not name.startswith(".") and os.path.isfile(path)
