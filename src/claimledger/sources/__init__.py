"""Sources across the ledger: naming rules, the canonical registry and its file.

``names`` holds the pure string rules (titles, demonyms, name keys) that both
within-document resolution (:mod:`claimledger.extract.sources`) and the
cross-document :class:`SourceRegistry` use. This package imports neither spaCy
nor the store, so both the pipeline and a ledger store can depend on it.
"""

from __future__ import annotations

from claimledger.sources.config import load_registry, read_registry_file, registry_path
from claimledger.sources.registry import SourceRegistry, source_id

__all__ = ["SourceRegistry", "load_registry", "read_registry_file", "registry_path", "source_id"]
