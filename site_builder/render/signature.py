"""Signatures of actor pages, so that a rebuild can skip the pages that did not change.

`actor_signature` is a hashable tuple of everything `Renderer.actor_outputs`
reads for one actor: the actor, its mention counts and co-occurring actors,
and, for every article the page draws from (mentions, figures, quotes), the
article's title, date, language, body, annotations and the ids its body gets.
Equal signatures under the same `Renderer` (same config and templates) give
the same page. It is cheaper than the page: no Markdown, no template.
"""

from __future__ import annotations

from collections.abc import Mapping

from site_builder.link import ActorIndex
from site_builder.model import Actor, AnnotatedArticle, Site
from site_builder.render.actor_pages import RELATED_LIMIT
from site_builder.render.anchors import anchor_fingerprint
from site_builder.render.lookup import SiteLookup, site_lookup

Signature = tuple[object, ...]


def actor_signature(site: Site, index: ActorIndex, actor_id: str,
                    lookup: SiteLookup | None = None) -> Signature:
    """The signature of one actor page. Pass `lookup` when computing many."""
    return _signature(site, index, actor_id, lookup or site_lookup(site), {})


def actor_signatures(site: Site, index: ActorIndex) -> dict[str, Signature]:
    """The signatures of every actor page, sharing the work between them."""
    lookup = site_lookup(site)
    articles: dict[str, Signature] = {}
    return {actor_id: _signature(site, index, actor_id, lookup, articles)
            for actor_id in site.actors}


def _signature(site: Site, index: ActorIndex, actor_id: str, lookup: SiteLookup,
               memo: dict[str, Signature]) -> Signature:
    actor = site.actors.get(actor_id)
    if actor is None:
        return (actor_id, None)
    counts = tuple(index.counts.get(actor_id, {}).items())
    related = tuple(
        (r.actor, r.articles, r.mentions, _actor(site.actors[r.actor]))
        for r in index.related.get(actor_id, [])[:RELATED_LIMIT] if r.actor in site.actors
    )
    figures = tuple((f.item.article.slug, f.number) for f in lookup.figures.get(actor_id, []))
    quotes = tuple((q.item.article.slug, q.quote.block, q.quote.start)
                   for q in lookup.quotes.get(actor_id, []))
    slugs = dict.fromkeys([m.article for m in index.mentions.get(actor_id, [])]
                          + [slug for slug, _ in figures] + [slug for slug, *_ in quotes])
    articles = []
    for slug in slugs:
        if slug not in memo:
            item = lookup.articles.get(slug)
            memo[slug] = _article(item, site.actors) if item else (slug, None)
        articles.append(memo[slug])
    return (_actor(actor), counts, related, figures, quotes, tuple(articles))


def _actor(actor: Actor) -> Signature:
    return (actor.id, actor.name, actor.kind, tuple(actor.aliases), actor.description,
            tuple(sorted(actor.links.items())))


def _article(item: AnnotatedArticle, actors: Mapping[str, Actor]) -> Signature:
    article, ann = item.article, item.annotations
    return (
        article.slug, article.title, article.date.isoformat(), article.lang,
        # What a theme's actor page may show of an article link, beyond the title.
        article.tags, article.summary, article.authors, article.source,
        anchor_fingerprint(item, actors),
        tuple((b.id, b.lang, b.text) for b in ann.blocks),
        tuple((b.id, b.text) for b in article.blocks),
        tuple((s.block, s.start, s.end) for s in ann.sentences),
        tuple(e.actor for e in ann.entities),
        tuple((f.text, f.value, f.qualifier, f.unit, f.source, f.source_text)
              for f in ann.figures),
        tuple((q.text, q.speaker) for q in ann.quotes),
        # A figure row names its source: the name may be another actor's.
        tuple(_actor(actors[f.source]) for f in ann.figures
              if f.source is not None and f.source in actors),
    )
