"""claimledger: a sourced ledger of claims from conflict news, cross-checked."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
