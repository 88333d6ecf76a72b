"""Disjoint sets over item numbers, with their members, for growing groups.

Most items never join anything, so singletons cost nothing: a number with no
entry is its own root and its own only member.
"""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Union-find with path halving and union by size; keeps each set's members."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self._members: dict[int, list[int]] = {}

    def find(self, x: int) -> int:
        """Return the root of ``x``'s set."""
        parent = self._parent
        while (up := parent.get(x, x)) != x:
            grand = parent.get(up, up)
            parent[x] = grand
            x = grand
        return x

    def members(self, root: int) -> list[int]:
        """Return the members of the set whose root is ``root``."""
        return self._members.get(root) or [root]

    def union(self, a: int, b: int) -> tuple[int, int]:
        """Join the sets of ``a`` and ``b``; return (kept root, absorbed root)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra, rb
        if len(self.members(ra)) < len(self.members(rb)):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] = self.members(ra) + self._members.pop(rb, [rb])
        return ra, rb
