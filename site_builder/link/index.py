"""Who is mentioned where, and with whom: what the render stage needs per actor.

Built once after linking so that templates never scan every article for
every actor page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from site_builder.link.gcpause import without_cyclic_gc
from site_builder.model import Actor, AnnotatedArticle, Entity


class ActorMention(NamedTuple):
    article: str  # slug
    entity: Entity


class Related(NamedTuple):
    """Another actor seen in the same articles."""

    actor: str
    articles: int  # articles both appear in
    mentions: int  # over those articles, the smaller of the two mention counts, summed


class ArticleActor(NamedTuple):
    actor: str
    mentions: int


@dataclass(slots=True)
class ActorIndex:
    """Mentions, counts and co-occurrences, keyed by actor id and article slug.

    Every actor passed in has an entry, empty if it is never mentioned (a
    registry actor no article names yet). Lists follow the articles' order,
    then document order.
    """

    mentions: dict[str, list[ActorMention]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # actor -> slug -> n
    related: dict[str, list[Related]] = field(default_factory=dict)
    by_article: dict[str, list[ArticleActor]] = field(default_factory=dict)


def _count_pairs(
    here: Counter[str],
    shared_articles: dict[str, Counter[str]],
    shared_mentions: dict[str, Counter[str]],
) -> None:
    """Add one article's co-occurrences (each actor also counts itself).

    Pairs cost (actors in the article)², so the inner loop must stay in C:
    `Counter.update` with a list is. The sum of min(a, b) over articles is
    computed by levels, since min(a, b) is the number of t ≥ 1 with both
    a ≥ t and b ≥ t: at level t, every actor mentioned at least t times
    counts every other such actor once.
    """
    level = list(here)
    for actor_id in level:
        shared_articles[actor_id].update(level)
    threshold = 1
    while level:
        for actor_id in level:
            shared_mentions[actor_id].update(level)
        threshold += 1
        level = [a for a in level if here[a] >= threshold]


def actor_index(
    articles: Sequence[AnnotatedArticle], actors: Mapping[str, Actor]
) -> ActorIndex:
    """Index the linked entities of `articles` by the ids of `actors`.

    Co-occurring actors are ranked by shared articles, then shared mentions
    (per shared article, the smaller of the two counts: a passing mention
    next to a main subject is a weak tie), then id. An article's actors are
    ranked by mentions, then id.
    """
    with without_cyclic_gc():
        return _index(articles, actors)


def _index(
    articles: Sequence[AnnotatedArticle], actors: Mapping[str, Actor]
) -> ActorIndex:
    index = ActorIndex(
        mentions={actor_id: [] for actor_id in actors},
        counts={actor_id: {} for actor_id in actors},
    )
    shared_articles: dict[str, Counter[str]] = {actor_id: Counter() for actor_id in actors}
    shared_mentions: dict[str, Counter[str]] = {actor_id: Counter() for actor_id in actors}
    for item in articles:
        slug = item.article.slug
        here: Counter[str] = Counter()
        for entity in item.annotations.entities:
            if entity.actor in index.mentions:
                index.mentions[entity.actor].append(ActorMention(slug, entity))
                here[entity.actor] += 1
        ranked = sorted(here.items(), key=lambda pair: (-pair[1], pair[0]))
        index.by_article[slug] = [ArticleActor(a, n) for a, n in ranked]
        for actor_id, count in here.items():
            index.counts[actor_id][slug] = count
        _count_pairs(here, shared_articles, shared_mentions)
    for actor_id in actors:
        with_articles, with_mentions = shared_articles[actor_id], shared_mentions[actor_id]
        with_articles.pop(actor_id, None)
        index.related[actor_id] = sorted(
            (Related(other, n, with_mentions[other]) for other, n in with_articles.items()),
            key=lambda r: (-r.articles, -r.mentions, r.actor),
        )
    return index
