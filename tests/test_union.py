"""Union-find: the groups, and their roots, do not depend on the order the links are made in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsline.union import UnionFind

links = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=40)


def _groups(pairs: list[tuple[int, int]]) -> dict[int, int]:
    found: UnionFind[int] = UnionFind()
    for a, b in pairs:
        found.union(a, b)
    return {key: found.find(key) for key in range(31)}


@given(links, st.randoms())
def test_the_same_links_in_any_order_give_the_same_groups_with_the_smallest_key_as_root(pairs, random):
    shuffled = [(b, a) if random.random() < 0.5 else (a, b) for a, b in pairs]
    random.shuffle(shuffled)
    groups = _groups(pairs)
    assert _groups(shuffled) == groups
    for key, root in groups.items():
        assert root == min(k for k, r in groups.items() if r == root) and root <= key
