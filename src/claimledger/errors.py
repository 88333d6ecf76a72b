"""Errors raised by claimledger.

Every error the library raises derives from :class:`ClaimLedgerError`; the CLI
and the web app turn them into one-line messages at the edge::

    ClaimLedgerError
     ├─ InputError ──────── a document could not be read (names the input)
     │   ├─ EmptyInputError
     │   ├─ BinaryInputError
     │   ├─ DecodingError
     │   ├─ MalformedInputError   (JSON line, HTML, feed)
     │   └─ OversizedInputError
     ├─ StoreError ──────── the ledger database
     │   └─ MigrationError
     ├─ ExtractionError ─── the NLP pipeline
     ├─ ConfigError ─────── settings, registry and lexicon files
     ├─ ExportError
     ├─ ReviewError ─────── an analyst's review names an unknown record or value
     └─ AccessError ─────── workbench users, roles and tokens
"""

from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base class of every error claimledger raises."""


class InputError(ClaimLedgerError):
    """An input could not be turned into a document.

    ``where`` names the input (a path, ``path:line`` for JSONL, or ``<stdin>``).
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary, not text."""


class DecodingError(InputError):
    """The input's bytes cannot be decoded as text."""


class MalformedInputError(InputError):
    """The input is not valid JSON, HTML or feed markup."""


class OversizedInputError(InputError):
    """The input is larger than the ``max_document_bytes`` setting."""


class StoreError(ClaimLedgerError):
    """The ledger database failed or holds something unexpected."""


class MigrationError(StoreError):
    """The database schema could not be brought up to date."""


class ExtractionError(ClaimLedgerError):
    """The NLP pipeline could not be built or failed on a document."""


class ConfigError(ClaimLedgerError):
    """A settings, registry or lexicon file is invalid."""


class ExportError(ClaimLedgerError):
    """The ledger could not be exported in the requested format."""


class ReviewError(ClaimLedgerError):
    """A review names an unknown claim, source, action, field or value."""


class AccessError(ClaimLedgerError):
    """A workbench user, role, password or token is invalid."""
