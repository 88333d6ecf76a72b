"""Deterministic ids for engine outputs: a prefix and a hash of the members."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

__all__ = ["derived_id"]


def derived_id(prefix: str, *parts: Iterable[str]) -> str:
    """Return ``prefix`` + 16 hex digits of SHA-256 over the sorted parts.

    >>> derived_id("x", ["b", "a"]) == derived_id("x", ["a", "b"])
    True
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update("\x1f".join(sorted(part)).encode("utf-8"))
        digest.update(b"\x1e")
    return f"{prefix}{digest.hexdigest()[:16]}"
