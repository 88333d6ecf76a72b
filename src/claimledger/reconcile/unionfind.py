"""Disjoint sets over item numbers, with their members, for growing groups."""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Union-find with path halving and union by size; keeps each set's members."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}

    def add(self, x: int) -> None:
        """Make ``x`` a set of its own (no-op if known)."""
        if x not in self._parent:
            self._parent[x] = x
            self.members[x] = [x]

    def find(self, x: int) -> int:
        """Return the root of ``x``'s set."""
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> tuple[int, int]:
        """Join the sets of ``a`` and ``b``; return (kept root, absorbed root)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra, rb
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra, rb
