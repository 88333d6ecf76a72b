"""Sharing the ledger: JSON/JSONL/CSV exports."""

from __future__ import annotations

from claimledger.share.export import EXPORT_VERSION, FORMATS, export_ledger, ledger_json

__all__ = ["EXPORT_VERSION", "FORMATS", "export_ledger", "ledger_json"]
