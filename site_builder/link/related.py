"""Which actors are named with which: each actor's co-occurrences, ranked when asked.

Counting every pair of actors that share an article costs (actors in the
article)² in time and memory: one article naming 5,000 people makes 25
million pairs, and an actor page shows 15 of them. So no pair is stored.
`RelatedActors.top(actor, n)` ranks the others from the article lists alone:

* an article naming at most `WIDE` actors is read whole, as before;
* a wider article is read as a stream, best contribution first, and the
  reading stops once no actor not yet read could still rank among the first
  `n` (Fagin's threshold algorithm: every unread actor scores at most the
  sum of the streams' current values).

The result is exactly the first `n` of the full ranking (`related[actor]`).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple


class Related(NamedTuple):
    """Another actor seen in the same articles."""

    actor: str
    articles: int  # articles both appear in
    mentions: int  # over those articles, the smaller of the two mention counts, summed


class ArticleActor(NamedTuple):
    actor: str
    mentions: int


# Articles naming more actors than this are read as streams by `top`. Any
# value gives the same ranking; this one keeps ordinary articles on the
# plain path, whose cost per actor is the size of its articles.
WIDE = 256

# The ranking: more shared articles, then more shared mentions, then the id.
_Key = tuple[int, int, str]


def _key(related: Related) -> _Key:
    return (-related.articles, -related.mentions, related.actor)


class RelatedActors(Mapping[str, list[Related]]):
    """Co-occurring actors of each actor, ranked by shared articles, then shared
    mentions (per shared article, the smaller of the two counts: a passing
    mention next to a main subject is a weak tie), then id.

    `counts` is actor → article slug → mentions; `by_article` is slug → its
    actors ranked by mentions, then id (as in `ActorIndex`). `self[actor]` is
    the full ranking; `top(actor, n)` its first n, without the full cost.
    """

    def __init__(self, counts: Mapping[str, Mapping[str, int]],
                 by_article: Mapping[str, Sequence[ArticleActor]]) -> None:
        self._counts = counts
        self._by_article = by_article
        # slug -> (count, start, end) of each run of equal counts in by_article[slug]
        self._runs: dict[str, list[tuple[int, int, int]]] = {}

    def __getitem__(self, actor_id: str) -> list[Related]:
        scores = self._read_whole(actor_id, self._counts[actor_id])
        return sorted((Related(other, n, m) for other, (n, m) in scores.items()), key=_key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def top(self, actor_id: str, limit: int) -> list[Related]:
        """`self[actor_id][:limit]` (empty for an unknown actor)."""
        articles = self._counts.get(actor_id)
        if not articles or limit <= 0:
            return []
        narrow = {s: a for s, a in articles.items() if len(self._by_article[s]) <= WIDE}
        wide = [(s, a) for s, a in articles.items() if s not in narrow]
        scores = self._read_whole(actor_id, narrow)
        if not wide:
            return heapq.nsmallest(
                limit, (Related(other, n, m) for other, (n, m) in scores.items()), key=_key)

        best: list[_Key] = []  # sorted, at most `limit`

        def offer(other: str, n: int, m: int) -> None:
            for slug, a in wide:
                b = self._counts[other].get(slug)
                if b is not None:
                    n, m = n + 1, m + min(a, b)
            key = (-n, -m, other)
            if len(best) < limit or key < best[-1]:
                bisect.insort(best, key)
                del best[limit:]

        for other, (n, m) in scores.items():
            offer(other, n, m)
        done = set(scores)
        done.add(actor_id)
        streams = [self._stream(slug, a) for slug, a in wide]
        heads = [next(stream, None) for stream in streams]
        while True:
            live = [i for i, head in enumerate(heads) if head is not None]
            if not live:
                break
            # No actor unread anywhere scores better than every stream's head at once.
            values = [heads[i] for i in live]
            bound = (-len(live), -sum(v for v, _ in values), max(o for _, o in values))
            if len(best) == limit and best[-1] < bound:
                break
            for i in live:
                head = heads[i]
                assert head is not None
                if head[1] not in done:
                    done.add(head[1])
                    offer(head[1], 0, 0)
                heads[i] = next(streams[i], None)
        return [Related(other, -n, -m) for n, m, other in best]

    def _read_whole(self, actor_id: str,
                    articles: Mapping[str, int]) -> dict[str, tuple[int, int]]:
        """Shared articles and mentions with every actor of `articles` (slug → own count)."""
        scores: dict[str, tuple[int, int]] = {}
        for slug, a in articles.items():
            for other, b in self._by_article[slug]:
                if other != actor_id:
                    n, m = scores.get(other, (0, 0))
                    scores[other] = (n + 1, m + min(a, b))
        return scores

    def _stream(self, slug: str, own: int) -> Iterator[tuple[int, str]]:
        """(min(own, count), actor) for the article's actors, best first, then by id.

        Those named at least `own` times all give `own`: their runs of equal
        counts, each in id order, are merged. The rest give their own count,
        in the article's ranking already.
        """
        ranked = self._by_article[slug]
        runs = self._runs.get(slug)
        if runs is None:
            runs = self._runs[slug] = _runs(ranked)
        split = 0
        top: list[Iterator[str]] = []
        for count, start, end in runs:
            if count < own:
                break
            top.append(ranked[i].actor for i in range(start, end))
            split = end
        for actor in heapq.merge(*top):
            yield own, actor
        for i in range(split, len(ranked)):
            yield ranked[i].mentions, ranked[i].actor


def _runs(ranked: Sequence[ArticleActor]) -> list[tuple[int, int, int]]:
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(ranked) + 1):
        if i == len(ranked) or ranked[i].mentions != ranked[start].mentions:
            runs.append((ranked[start].mentions, start, i))
            start = i
    return runs
