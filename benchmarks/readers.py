"""Time the input readers on the PolNeAR dev texts and check every stored text.

Run from the repository root::

    PYTHONPATH=src python benchmarks/readers.py [--split dev|train] [--limit N]

Reads ``../shared/eval/dev/polnear/<split>/text`` (or ``$CLAIMLEDGER_SHARED/...``)
with :func:`claimledger.ingest.inputs.read_inputs` and checks that each
document's ``text_sha256`` equals the SHA-256 of the file decoded on its own
(UTF-8, BOM removed). Then times near-duplicate indexing over the same texts.
Prints a plain message and exits 0 when the data is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

from claimledger.errors import InputError
from claimledger.ingest.dedupe import NearDuplicateIndex, signature
from claimledger.ingest.inputs import InputDefaults, read_inputs
from claimledger.model import Document


def _shared() -> Path:
    default = Path(__file__).resolve().parents[1].parent / "shared"
    return Path(os.environ.get("CLAIMLEDGER_SHARED", default))


def _check(documents: list[Document]) -> int:
    """Return how many documents' text differs from their file's decoded text."""
    mismatches = 0
    for document in documents:
        decoded = Path(document.external_id).read_bytes().decode("utf-8-sig")
        if document.text_sha256 != hashlib.sha256(decoded.encode("utf-8")).hexdigest():
            mismatches += 1
            print(f"MISMATCH {document.external_id}")
    return mismatches


def _dedupe(documents: list[Document]) -> tuple[float, int, int]:
    start = time.perf_counter()
    index = NearDuplicateIndex()
    seen: set[str] = set()
    exact = near = 0
    for document in documents:
        if document.id in seen:
            exact += 1
            continue
        seen.add(document.id)
        # As the ingest runner does: one signature per document, kept by the store.
        data = signature(document.text)
        near += index.find_signature(data) is not None
        index.add_signature(document.id, data)
    return time.perf_counter() - start, exact, near


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    folder = _shared() / "eval" / "dev" / "polnear" / args.split / "text"
    if not folder.is_dir():
        print(f"{folder} not found; nothing to measure.")
        return 0
    paths = sorted(str(path) for path in folder.glob("*.txt"))[: args.limit]
    start = time.perf_counter()
    items = list(read_inputs(paths, defaults=InputDefaults()))
    elapsed = time.perf_counter() - start
    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    for error in errors:
        print(f"ERROR {error}")
    size = sum(os.path.getsize(path) for path in paths)
    print(f"files {len(paths)}  documents {len(documents)}  errors {len(errors)}")
    print(
        f"read {elapsed:.3f} s  {len(documents) / elapsed:.0f} docs/s  "
        f"{size / elapsed / 1e6:.2f} MB/s  ({size / 1e6:.2f} MB)"
    )
    mismatches = _check(documents)
    print(f"sha256 equal to decoded file text: {len(documents) - mismatches}/{len(documents)}")
    dedupe_time, exact, near = _dedupe(documents)
    print(
        f"dedupe {dedupe_time:.3f} s ({len(documents) / dedupe_time:.0f} docs/s): "
        f"exact duplicates {exact}, near duplicates {near}"
    )
    return 1 if errors or mismatches or len(documents) != len(paths) else 0


if __name__ == "__main__":
    sys.exit(main())
