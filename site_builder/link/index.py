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
from site_builder.link.related import ArticleActor, RelatedActors
from site_builder.model import Actor, AnnotatedArticle, Entity


class ActorMention(NamedTuple):
    article: str  # slug
    entity: Entity


@dataclass(slots=True)
class ActorIndex:
    """Mentions, counts and co-occurrences, keyed by actor id and article slug.

    Every actor passed in has an entry, empty if it is never mentioned (a
    registry actor no article names yet). Lists follow the articles' order,
    then document order.
    """

    mentions: dict[str, list[ActorMention]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # actor -> slug -> n
    # Ranked when asked: storing every pair costs (actors in an article)² (related.py).
    related: RelatedActors = field(default_factory=lambda: RelatedActors({}, {}))
    by_article: dict[str, list[ArticleActor]] = field(default_factory=dict)


def actor_index(
    articles: Sequence[AnnotatedArticle], actors: Mapping[str, Actor]
) -> ActorIndex:
    """Index the linked entities of `articles` by the ids of `actors`.

    Co-occurring actors are ranked as `RelatedActors` says. An article's
    actors are ranked by mentions, then id.
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
    index.related = RelatedActors(index.counts, index.by_article)
    return index
