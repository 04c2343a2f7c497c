"""Related articles: the others that share the most distinctive actors with an article.

Each actor an article names weighs its inverse document frequency,
log((N + 1) / (df + 0.5)) for an actor named in df of the N articles, so
sharing a rare actor counts for more than sharing the country every story
names. An article is related when it shares at least `MIN_SHARED` actors;
the best scores come first, then the nearest in the site's order (in time).

Bounded work, whatever the size of the site: an article's
`MAX_ACTORS` most distinctive actors are looked at, and for each of them
only its `MAX_POSTINGS` articles nearest in the site's order.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict

from site_builder.model import Site

RELATED_ARTICLES = 4  # shown on an article page
MIN_SHARED = 2
MAX_ACTORS = 12
MAX_POSTINGS = 200


def related_positions(site: Site, limit: int = RELATED_ARTICLES,
                      named: tuple[frozenset[str], ...] | None = None) -> list[tuple[int, ...]]:
    """For each article (by position in `site.articles`), its related ones' positions.

    `named` is `named_actors(site)`, when the caller has it already.
    """
    named = named_actors(site) if named is None else named
    postings: dict[str, list[int]] = defaultdict(list)
    for position, actors in enumerate(named):
        for actor in actors:
            postings[actor].append(position)  # ascending: the site's order
    total = len(site.articles)
    weight = {actor: math.log((total + 1) / (len(found) + 0.5))
              for actor, found in postings.items()}
    related: list[tuple[int, ...]] = []
    for position, actors in enumerate(named):
        ranked = sorted(actors, key=lambda a: (-weight[a], a))[:MAX_ACTORS]
        score: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for actor in ranked:
            for other in _nearest(postings[actor], position, MAX_POSTINGS):
                if other != position:
                    score[other] += weight[actor]
                    shared[other] += 1
        # Scores are sums of the same few weights: rounding keeps equal sums equal.
        best = heapq.nsmallest(
            limit, (other for other in score if shared[other] >= MIN_SHARED),
            key=lambda other: (-round(score[other], 9), abs(other - position), other))
        related.append(tuple(best))
    return related


def named_actors(site: Site) -> tuple[frozenset[str], ...]:
    """What `related_positions` reads of the site: each article's actors, in site order."""
    return tuple(frozenset(e.actor for e in item.annotations.entities
                           if e.actor is not None and e.actor in site.actors)
                 for item in site.articles)


def _nearest(positions: list[int], position: int, count: int) -> list[int]:
    """Up to `count` of the sorted `positions`, those nearest to `position`."""
    if len(positions) <= count:
        return positions
    at = bisect.bisect_left(positions, position)
    start = max(0, min(at - count // 2, len(positions) - count))
    return positions[start:start + count]
