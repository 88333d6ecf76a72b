"""Exact and near duplicates: content ids and a MinHash index.

Exact duplicates share a :func:`document_id`, the hash of the normalised text,
so the store can refuse a second copy by its primary key. Near duplicates
(wire copies republished with a new headline or a trimmed ending) are found by
:class:`NearDuplicateIndex`: MinHash signatures over word 5-shingles, indexed
with LSH and confirmed by the estimated Jaccard similarity.

Signatures are plain bytes (:func:`signature`), so the store can persist them
and rebuild the index with :meth:`NearDuplicateIndex.from_signatures`.
"""

from __future__ import annotations

import functools
import hashlib
import re
import string
import struct
import unicodedata
import zlib
from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD",
    "NearDuplicateIndex",
    "document_id",
    "normalise_text",
    "shingles",
    "signature",
]

#: Estimated Jaccard similarity of word 5-shingles from which a text is a copy.
NEAR_DUPLICATE_THRESHOLD = 0.7
_SHINGLE_WORDS = 5
_NUM_PERM = 128
_SEED = 1
#: datasketch's 32-bit permutation scheme (2.x default), named so stored
#: signatures never depend on a library default; version 1 of our format.
_SCHEME = "affine32"
_LSH_MARGIN = 0.2
#: Odd 64-bit constant (the golden ratio's) that combines word hashes into shingle hashes.
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
#: Header of a serialised signature: magic, format version, permutations, shingle size.
_HEADER = struct.Struct("<4sBHB")
_MAGIC = b"CLMH"
_VERSION = 1
#: What datasketch leaves in every slot of a MinHash that saw no shingle.
_EMPTY_SLOT = (1 << 32) - 1

_PLAIN = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
# A regex touches only the few fancy characters; str.translate walks every one.
_FANCY = re.compile("[" + "".join(_PLAIN) + "]")
#: ASCII punctuation, dropped from words: "river," and "river" are one word.
_PUNCTUATION = string.punctuation.encode("ascii")


def normalise_text(text: str) -> str:
    """Return the form of ``text`` that exact-duplicate detection compares.

    NFKC, curly quotes and dashes made plain, whitespace runs collapsed to one
    space, ends stripped, casefolded.

    Example:
        >>> normalise_text("  The \u201cReport\u201d \u2014 Kyiv\\n")
        'the "report" - kyiv'
    """
    if text.isascii():
        text = text.replace("`", "'")
    else:
        text = _FANCY.sub(lambda fancy: _PLAIN[fancy[0]], unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).casefold()


def document_id(text: str) -> str:
    """Return the content id of a document: ``"d"`` + 16 hex chars of SHA-256.

    Texts equal after :func:`normalise_text` get the same id.

    Example:
        >>> document_id("Kyiv") == document_id(" KYIV\\n")
        True
    """
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return f"d{digest[:16]}"


def _words(text: str) -> list[bytes]:
    # Bytes all the way: translate and split on bytes are C loops, and CRC-32
    # takes bytes; multi-byte UTF-8 letters are never ASCII punctuation.
    return normalise_text(text).encode("utf-8").translate(None, _PUNCTUATION).split()


def shingles(text: str, *, size: int = _SHINGLE_WORDS) -> set[str]:
    """Return the word ``size``-shingles of the normalised text (all words if fewer).

    Words are the whitespace-separated tokens with ASCII punctuation removed.
    """
    words = [word.decode("utf-8") for word in _words(text)]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _shingle_hashes(text: str) -> np.ndarray:
    """Return 32-bit hashes of the word shingles of :func:`shingles`, computed in bulk.

    Each word is hashed once (CRC-32) and each window of words combined by a
    polynomial over 64 bits; hashing every shingle string with SHA-1 instead
    was the costliest step of ingesting a document. The hashes must stay
    stable across processes because signatures are stored.
    """
    words = _words(text)
    if not words:
        return np.empty(0, dtype=np.uint64)
    codes = np.fromiter(map(zlib.crc32, words), np.uint64, len(words))
    size = min(_SHINGLE_WORDS, len(words))
    count = len(words) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _MULTIPLIER + codes[offset : offset + count]  # wraps mod 2**64
    return np.unique(combined >> np.uint64(32))


def _identity(value: int) -> int:
    return value


@functools.cache
def _permutations() -> np.ndarray:
    # Drawing the permutations costs more than hashing a short text; draw once.
    permutations: np.ndarray = MinHash(num_perm=_NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return permutations


def _minhash(text: str) -> MinHash:
    minhash = MinHash(
        num_perm=_NUM_PERM,
        seed=_SEED,
        hashfunc=_identity,
        permutations=_permutations(),
        scheme=_SCHEME,
    )
    minhash.update_batch(_shingle_hashes(text).tolist())
    return minhash


def signature(text: str) -> bytes:
    """Return the MinHash signature of ``text`` as bytes the store can keep."""
    return _to_bytes(_minhash(text))


def _to_bytes(minhash: MinHash) -> bytes:
    header = _HEADER.pack(_MAGIC, _VERSION, _NUM_PERM, _SHINGLE_WORDS)
    values: bytes = minhash.hashvalues.astype("<u4").tobytes()
    return header + values


def _from_bytes(data: bytes) -> MinHash:
    """Rebuild a MinHash; refuse bytes made with other parameters than ours."""
    expected = (_MAGIC, _VERSION, _NUM_PERM, _SHINGLE_WORDS)
    if len(data) != _HEADER.size + 4 * _NUM_PERM or _HEADER.unpack_from(data) != expected:
        raise ValueError("not a claimledger MinHash signature of the current format")
    values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    return MinHash(
        num_perm=_NUM_PERM,
        seed=_SEED,
        hashfunc=_identity,
        hashvalues=values,
        permutations=_permutations(),
        scheme=_SCHEME,
    )


def _is_empty(minhash: MinHash) -> bool:
    # Two empty MinHashes estimate Jaccard 1.0; a text without words copies nothing.
    return bool(np.all(minhash.hashvalues == _EMPTY_SLOT))


@functools.cache
def _bands(threshold: float) -> tuple[int, int]:
    """Return LSH (bands, rows) for ``threshold``, found once: datasketch integrates numerically.

    LSH only proposes candidates; banding it below the threshold keeps copies
    just above the threshold from slipping through its buckets.
    """
    lsh = MinHashLSH(threshold=max(threshold - _LSH_MARGIN, 0.05), num_perm=_NUM_PERM)
    return int(lsh.b), int(lsh.r)


class NearDuplicateIndex:
    """Find the earlier document a text copies.

    Example:
        >>> index = NearDuplicateIndex()
        >>> index.add("d1", "a long wire report ...")
        >>> index.find("a long wire report ...")
        'd1'
    """

    def __init__(self, *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=_NUM_PERM, params=_bands(threshold))
        self._minhashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    @classmethod
    def from_signatures(
        cls,
        items: Iterable[tuple[str, bytes]],
        *,
        threshold: float = NEAR_DUPLICATE_THRESHOLD,
    ) -> NearDuplicateIndex:
        """Rebuild an index from ``(document id, signature bytes)`` pairs, in order."""
        index = cls(threshold=threshold)
        for doc_id, data in items:
            index._insert(doc_id, _from_bytes(data))
        return index

    def __len__(self) -> int:
        return len(self._minhashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._minhashes

    def add(self, doc_id: str, text: str) -> None:
        """Index ``text`` under ``doc_id``; a known id or a text without words is ignored."""
        self._insert(doc_id, _minhash(text))

    def signature(self, text: str) -> bytes:
        """Return :func:`signature` of ``text`` (for callers that hold only the index)."""
        return signature(text)

    def add_signature(self, doc_id: str, data: bytes) -> None:
        """Index a stored :func:`signature` under ``doc_id``."""
        self._insert(doc_id, _from_bytes(data))

    def _insert(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id in self._minhashes or _is_empty(minhash):
            return
        self._lsh.insert(doc_id, minhash)
        self._order[doc_id] = len(self._minhashes)
        self._minhashes[doc_id] = minhash

    def find(self, text: str) -> str | None:
        """Return the id of the indexed document ``text`` copies, or None.

        Of the LSH candidates whose estimated Jaccard similarity reaches the
        threshold, the most similar wins, then the earliest indexed.
        """
        return self._find(_minhash(text))

    def find_signature(self, data: bytes) -> str | None:
        """Like :meth:`find`, for a :func:`signature` already computed.

        A runner that stores signatures computes one per document and passes
        it to this method and to :meth:`add_signature`, hashing the text once.
        """
        return self._find(_from_bytes(data))

    def _find(self, minhash: MinHash) -> str | None:
        if _is_empty(minhash):
            return None
        scored = list(self._scored(minhash))
        if not scored:
            return None
        return max(scored, key=lambda item: (item[1], -item[0]))[2]

    def _scored(self, minhash: MinHash) -> Iterator[tuple[int, float, str]]:
        for doc_id in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._minhashes[doc_id]))
            if similarity >= self.threshold:
                yield self._order[doc_id], similarity, doc_id
