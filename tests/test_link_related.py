"""RelatedActors: the ranking read per actor equals counting every pair, as before."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.link import related as related_module
from site_builder.link.related import ArticleActor, Related, RelatedActors


def index_of(site: list[dict[str, int]]) -> RelatedActors:
    """The index of articles given as actor -> mentions (slugs are their positions)."""
    counts: dict[str, dict[str, int]] = {}
    by_article: dict[str, list[ArticleActor]] = {}
    for n, here in enumerate(site):
        slug = f"a{n}"
        by_article[slug] = [ArticleActor(a, c) for a, c in
                            sorted(here.items(), key=lambda pair: (-pair[1], pair[0]))]
        for actor, count in here.items():
            counts.setdefault(actor, {})[slug] = count
    return RelatedActors(counts, by_article)


def every_pair(site: list[dict[str, int]]) -> dict[str, list[Related]]:
    """The ranking as the index computed it before: every pair of every article counted."""
    articles: dict[str, Counter[str]] = {}
    mentions: dict[str, Counter[str]] = {}
    for here in site:
        for a, x in here.items():
            for b, y in here.items():
                if a != b:
                    articles.setdefault(a, Counter())[b] += 1
                    mentions.setdefault(a, Counter())[b] += min(x, y)
    return {a: sorted((Related(b, n, mentions[a][b]) for b, n in others.items()),
                      key=lambda r: (-r.articles, -r.mentions, r.actor))
            for a, others in articles.items()}


ACTORS = [f"p{n:02d}" for n in range(24)]
sites = st.lists(st.dictionaries(st.sampled_from(ACTORS), st.integers(1, 6), max_size=20),
                 max_size=6)


@pytest.mark.parametrize("wide", [0, 3, related_module.WIDE])
@given(site=sites, limit=st.integers(0, 8))
def test_top_is_the_start_of_the_full_ranking(wide: int, site: list[dict[str, int]],
                                              limit: int) -> None:
    # `wide` 0 reads every article as a stream, the default reads every one whole.
    old, related_module.WIDE = related_module.WIDE, wide
    try:
        index, expected = index_of(site), every_pair(site)
        for actor in {a for here in site for a in here}:
            assert index[actor] == expected.get(actor, [])
            assert index.top(actor, limit) == expected.get(actor, [])[:limit]
    finally:
        related_module.WIDE = old


def test_one_wide_article_ranks_by_shared_mentions_then_id() -> None:
    many = {f"x{n:04d}": 1 for n in range(1000)}
    site = [{**many, "main": 5, "second": 3, "third": 3}, {"main": 1, "x0999": 1}]
    index = index_of(site)
    assert index.top("main", 4) == [Related("x0999", 2, 2), Related("second", 1, 3),
                                    Related("third", 1, 3), Related("x0000", 1, 1)]
    assert index.top("x0500", 3) == [Related("main", 1, 1), Related("second", 1, 1),
                                     Related("third", 1, 1)]
    assert index.top("nobody", 3) == []


def test_the_mapping_lists_every_actor() -> None:
    index = index_of([{"a": 1, "b": 2}, {"c": 1}])
    assert sorted(index) == ["a", "b", "c"] and len(index) == 3
    assert index["c"] == []
