"""Which mentions end up as one auto actor.

After resolution every mention that is neither a registry actor nor a
country points at a matching key. A key becomes one node per kind group
(kinds.py: a person "Washington" and a place "Washington" are two nodes),
and person nodes whose names differ only by particles are then joined
("Bachar al-Assad" = "Bachar el-Assad"). The result is a partition of nodes;
each part is one actor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from site_builder.link.kinds import Group, assign_groups
from site_builder.link.names import merge_key
from site_builder.model import EntityKind

Node = tuple[Group, str]  # (group, matching key)


class UnionFind:
    """Disjoint sets whose representative is always the smallest member.

    Keeping the smallest member as the root makes the partition's labels a
    function of its content, not of the order unions happened in.
    """

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}

    def add(self, node: Node) -> None:
        self._parent.setdefault(node, node)

    def find(self, node: Node) -> Node:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:  # path compression
            self._parent[node], node = root, self._parent[node]
        return root

    def nodes(self) -> list[Node]:
        return list(self._parent)

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self._parent[high] = low


def group_table(refs: Iterable[tuple[str, EntityKind]]) -> dict[str, dict[EntityKind, Group]]:
    """For each key, the group each kind of mention of it joins."""
    counts: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    for key, kind in refs:
        counts[key][kind] += 1
    return {key: assign_groups(found) for key, found in counts.items()}


def cluster(nodes: Iterable[Node]) -> dict[Node, Node]:
    """Node → the representative node of its actor."""
    sets = UnionFind()
    by_merge_key: dict[str, Node] = {}
    for node in sorted(set(nodes)):
        sets.add(node)
        group, key = node
        if group == "person":
            first = by_merge_key.setdefault(merge_key(key), node)
            sets.union(first, node)
    return {node: sets.find(node) for node in sets.nodes()}
