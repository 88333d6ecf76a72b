"""Save and restore a :class:`CrossCheckIndex`, so the next run need not rebuild it.

The saved form is a pickle read back by an unpickler that only resolves an
allow-list of classes: the engine's and the model's own classes, ``date``,
``array`` and ``defaultdict``. Nothing else can be named, so a tampered blob
cannot call ``os.system`` or any other function; at worst it builds wrong
records (the same trust the ledger's own rows get).

Why not JSON: the index holds every claim's items, blocking postings and
union-find sets. Rebuilding them from the stored facts costs almost half a
full run (items and blocks, measured at 10k claims), and a JSON encoder over
the same object graph runs in Python and must follow every engine field
change by hand. Pickle restores the graph in C and follows field changes by
itself; :data:`ENGINE_FINGERPRINT` (a hash of the engine and model sources)
makes any code change discard old states instead of misreading them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import io
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimledger.errors import StoreError
from claimledger.reconcile.index import CrossCheckIndex

__all__ = ["STATE_FORMAT", "dump_index", "engine_fingerprint", "load_index"]

#: Version of the saved form; bump when it changes in a way the fingerprint misses.
STATE_FORMAT = 1

_ALLOWED_MODULES = ("claimledger.model", "claimledger.reconcile.")
_ALLOWED_GLOBALS = frozenset(
    {
        ("datetime", "date"),
        ("array", "array"),
        ("array", "_array_reconstructor"),
        ("collections", "defaultdict"),
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "list"),
        ("builtins", "dict"),
        ("builtins", "tuple"),
    }
)


@functools.cache
def engine_fingerprint() -> str:
    """Return a hash of the engine's and model's source code, the state format and Python.

    A saved index is only valid for the code that built it: any change to the
    rules, the records or the pickled layout gives a new fingerprint.
    """
    package = Path(__file__).parent
    files = sorted(package.glob("*.py")) + [package.parent / "model.py"]
    digest = hashlib.sha256(f"{STATE_FORMAT}:{sys.version_info[:2]}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


class _EngineUnpickler(pickle.Unpickler):
    """Resolves only the engine's classes and a few plain containers."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in _ALLOWED_GLOBALS:
            found: type = super().find_class(module, name)
            return found
        if module == "claimledger.model" or module.startswith(_ALLOWED_MODULES[1]):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"saved cross-check state names {module}.{name}")


def _reduce_record(record: Any) -> tuple[type, tuple[Any, ...]]:
    # Rebuilt by calling the class with its fields: several times faster to load
    # than the default (a Python-level __setstate__ per frozen record).
    return type(record), tuple(getattr(record, f.name) for f in dataclasses.fields(record))


class _EnginePickler(pickle.Pickler):
    """Pickles frozen records as constructor calls."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        frozen = _FROZEN.get(kind)
        if frozen is None:
            params = getattr(kind, "__dataclass_params__", None)
            frozen = _FROZEN[kind] = params is not None and kind is not type and params.frozen
        return _reduce_record(obj) if frozen else NotImplemented


#: Whether a type is a frozen dataclass (asked once per type per process).
_FROZEN: dict[type, bool] = {}


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    # Building a million small objects triggers the cycle collector again and
    # again over a graph that has no garbage: it triples the time to load.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dump_index(index: CrossCheckIndex) -> bytes:
    """Return the saved form of ``index``."""
    buffer = io.BytesIO()
    with _no_gc():
        _EnginePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(index)
    return buffer.getvalue()


def load_index(blob: bytes) -> CrossCheckIndex:
    """Restore an index saved by :func:`dump_index`.

    Raises:
        StoreError: The blob is damaged or names a class outside the allow-list.
    """
    try:
        with _no_gc():
            index = _EngineUnpickler(io.BytesIO(blob)).load()
            # Move the new objects to the oldest generation (freeze then unfreeze
            # does it in one step): else the next young collection walks them all.
            gc.freeze()
            gc.unfreeze()
    except Exception as exc:  # a damaged blob can raise nearly anything
        raise StoreError(f"saved cross-check state is unreadable: {exc}") from exc
    if not isinstance(index, CrossCheckIndex):
        raise StoreError("saved cross-check state is not a cross-check index")
    return index
