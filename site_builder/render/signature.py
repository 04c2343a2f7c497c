"""Signatures of pages, so that a rebuild can skip the pages that did not change.

`actor_signature` is a hashable tuple of everything `Renderer.actor_outputs`
reads for one actor: the actor, its mention counts and co-occurring actors,
and, for every article the page draws from (mentions, figures, quotes), the
article's metadata, the excerpts the page quotes and the ids its body gets.
`listing_signature` and `site_signature` do the same for the pages that list
every article, and every actor and figure. Equal signatures under the same
`Renderer` (same config and templates) give the same pages. They are far
cheaper than the pages: no Markdown, no template.

Excerpts, not whole texts, are compared: an edit far from any mention
leaves the actor pages alone. They depend only on an article's text and
spans, so `Excerpts` keeps them between builds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from site_builder.link import ActorIndex
from site_builder.memo import Memo
from site_builder.memo import key as memo_key
from site_builder.model import Actor, AnnotatedArticle, Article, Site
from site_builder.render.actor_pages import RELATED_LIMIT
from site_builder.render.anchors import anchor_fingerprint
from site_builder.render.lookup import SiteLookup, site_lookup
from site_builder.render.snippets import BlockText, Snippet, block_texts, in_sentence, window

Signature = tuple[object, ...]
ACTOR_PAGE_ARTICLE = "article-in-actor-page"


# The ids an article's body gets (`Renderer` knows them once it rendered the page).
AnchorsOf = Callable[[AnnotatedArticle], Collection[str]]


class Excerpts:
    """What other pages quote of an article: the text around each entity and figure.

    Kept per article while its file is the same. The spans also depend on
    the annotate settings and the registry: start a new `Excerpts` when
    those change.
    """

    def __init__(self) -> None:
        self._known: dict[str, tuple[str, Signature]] = {}

    def of(self, item: AnnotatedArticle) -> Signature:
        ann = item.annotations
        key = item.article.digest
        known = self._known.get(item.article.slug)
        if known is not None and known[0] == key:
            return known[1]
        texts = block_texts(item)
        found = (
            tuple(_window(texts, e.block, e.start, e.end) for e in ann.entities),
            tuple(in_sentence(texts, f.block, f.start, f.end) for f in ann.figures),
            tuple((q.block, texts[q.block].lang if q.block in texts else None)
                  for q in ann.quotes),
        )
        self._known[item.article.slug] = (key, found)
        return found


def _window(texts: Mapping[str, BlockText], block: str, start: int,
            end: int) -> Snippet | None:
    text = texts.get(block)
    return None if text is None else window(text, start, end)


def actor_signature(site: Site, index: ActorIndex, actor_id: str,
                    lookup: SiteLookup | None = None, *,
                    anchors_of: AnchorsOf | None = None,
                    excerpts: Excerpts | None = None) -> Signature:
    """The signature of one actor page. Pass `lookup` when computing many."""
    return _signature(site, index, actor_id, lookup or site_lookup(site), {},
                      anchors_of, excerpts or Excerpts())


def actor_signatures(site: Site, index: ActorIndex, *, anchors_of: AnchorsOf | None = None,
                     excerpts: Excerpts | None = None,
                     memo: Memo | None = None) -> dict[str, Signature]:
    """The signatures of every actor page, sharing the work between them.

    `anchors_of` gives the ids of an article's body; without it, what they
    depend on is compared instead (the whole body), which is safe but
    changes with any edit.
    """
    lookup = site_lookup(site)
    articles: dict[str, object] = {}
    excerpts = excerpts or Excerpts()
    return {actor_id: _signature(site, index, actor_id, lookup, articles, anchors_of, excerpts,
                                 memo)
            for actor_id in site.actors}


def listing_signature(site: Site) -> Signature:
    """What the home pages, tag pages, feed, sitemap and api/articles.json show.

    The sitemap also lists every actor page.
    """
    return (tuple(article_meta(item.article) for item in site.articles),
            tuple(sorted(site.actors)))


def site_signature(site: Site, index: ActorIndex, excerpts: Excerpts | None = None) -> Signature:
    """What the actors index pages, figures/ and api/actors.json show."""
    excerpts = excerpts or Excerpts()
    figures = tuple(
        (article_meta(item.article), excerpts.of(item)[1],
         tuple((f.text, f.value, f.qualifier, f.unit, f.source, f.source_text)
               for f in item.annotations.figures))
        for item in site.articles if item.annotations.figures
    )
    return (
        tuple(actor_fields(site.actors[i]) for i in sorted(site.actors)),
        tuple((i, tuple(index.counts.get(i, {}).items())) for i in sorted(site.actors)),
        figures,
    )


def article_meta(article: Article) -> Signature:
    """An article's metadata as pages show it (some comes from the file, not its text)."""
    # `extra` holds whatever YAML gave (lists, dicts): its repr is deterministic.
    return (article.slug, article.title, article.date.isoformat(), article.lang,
            article.path.as_posix(), article.source, article.authors, article.tags,
            article.summary, article.image_credit, repr(article.extra))


def _signature(site: Site, index: ActorIndex, actor_id: str, lookup: SiteLookup,
               memo: dict[str, object], anchors_of: AnchorsOf | None,
               excerpts: Excerpts, keys: Memo | None = None) -> Signature:
    actor = site.actors.get(actor_id)
    if actor is None:
        return (actor_id, None)
    counts = tuple(index.counts.get(actor_id, {}).items())
    related = tuple(
        (r.actor, r.articles, r.mentions, actor_fields(site.actors[r.actor]))
        for r in index.related.top(actor_id, RELATED_LIMIT) if r.actor in site.actors
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
            # Digested once: the same article is part of many actors' signatures.
            if item is None:
                memo[slug] = (slug, None)
            else:
                inputs = _article(item, site.actors, anchors_of, excerpts)
                memo[slug] = (keys.key_in((ACTOR_PAGE_ARTICLE, slug), ACTOR_PAGE_ARTICLE, inputs)
                              if keys is not None else memo_key(ACTOR_PAGE_ARTICLE, inputs))
        articles.append(memo[slug])
    return (actor_fields(actor), counts, related, figures, quotes, tuple(articles))


def actor_fields(actor: Actor) -> Signature:
    """What any page may show of an actor besides its mentions."""
    return (actor.id, actor.name, actor.kind, tuple(actor.aliases), actor.description,
            tuple(sorted(actor.links.items())))


def _article(item: AnnotatedArticle, actors: Mapping[str, Actor],
             anchors_of: AnchorsOf | None, excerpts: Excerpts) -> Signature:
    ann = item.annotations
    return (
        article_meta(item.article),
        # Sorted: memo keys need the same repr in every process.
        tuple(sorted(anchors_of(item))) if anchors_of is not None
        else anchor_fingerprint(item, actors),
        excerpts.of(item),
        tuple(e.actor for e in ann.entities),
        tuple((f.text, f.value, f.qualifier, f.unit, f.source, f.source_text)
              for f in ann.figures),
        tuple((q.text, q.speaker) for q in ann.quotes),
        # A figure row names its source: the name may be another actor's.
        tuple(actor_fields(actors[f.source]) for f in ann.figures
              if f.source is not None and f.source in actors),
    )
