"""What an actor page shows: `actors/<id>/index.html`.

Built from the linked site, its `ActorIndex` and a `SiteLookup`. Mention
links point at the mention's id in the article (`#m-<block>-<start>`), or at
the article itself when its body has no such id (see `anchors`). Everything
is in site order (newest article first), then text order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass

from site_builder.config import Config
from site_builder.link import ActorIndex
from site_builder.model import ENTITY_KINDS, Actor, AnnotatedArticle
from site_builder.render.entity_marks import mention_anchor
from site_builder.render.external_links import ExternalLink, external_links
from site_builder.render.figure_rows import FigureRow, figure_row
from site_builder.render.lookup import SiteLookup
from site_builder.render.pages import ArticleLink, article_link
from site_builder.render.quote_marks import quote_anchor
from site_builder.render.snippets import BlockText, Snippet, block_texts, shorten, window
from site_builder.render.urls import page_href, path_segment

RELATED_LIMIT = 15

AnchorsOf = Callable[[AnnotatedArticle], Set[str]]


@dataclass(frozen=True, slots=True)
class MentionLink:
    href: str  # the mention in the article, or the article when the mention has no id
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class ActorArticle:
    link: ArticleLink
    mentions: int
    snippets: tuple[MentionLink, ...]


@dataclass(frozen=True, slots=True)
class RelatedActor:
    id: str
    name: str
    kind: str
    href: str
    articles: int  # articles both appear in
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    text: str  # on one line, shortened
    lang: str
    href: str  # the quote in the article, or the article
    article: ArticleLink


@dataclass(frozen=True, slots=True)
class ActorPage:
    id: str
    name: str
    kind: str  # person, organization, place, other
    aliases: tuple[str, ...]
    description: str | None
    links: tuple[ExternalLink, ...]
    mentions: int  # on the whole site
    articles: tuple[ActorArticle, ...]
    related: tuple[RelatedActor, ...]
    figures: tuple[FigureRow, ...]
    quotes: tuple[QuoteRow, ...]


def actor_href(root: str, actor_id: str) -> str:
    return page_href(root, f"actors/{path_segment(actor_id)}/")


def actor_page(
    actor: Actor, index: ActorIndex, lookup: SiteLookup, actors: Mapping[str, Actor], *,
    root: str, config: Config, t: Mapping[str, str], anchors_of: AnchorsOf,
) -> ActorPage:
    links: dict[str, ArticleLink] = {}

    def link_of(item: AnnotatedArticle) -> ArticleLink:
        slug = item.article.slug
        if slug not in links:
            links[slug] = article_link(item, root, config)
        return links[slug]

    def texts_of(item: AnnotatedArticle) -> dict[str, BlockText]:
        # Gathered once per build: a long article has thousands of actors.
        texts = lookup.texts.get(item.article.slug)
        return texts if texts is not None else block_texts(item)

    def text_of(item: AnnotatedArticle, block: str) -> BlockText | None:
        return texts_of(item).get(block)

    counts = index.counts.get(actor.id, {})
    by_article: dict[str, list[MentionLink]] = {}
    for slug, entity in index.mentions.get(actor.id, []):
        item = lookup.articles.get(slug)
        if item is None:
            continue
        page = link_of(item).href
        anchor = mention_anchor(entity.block, entity.start)
        href = f"{page}#{anchor}" if anchor in anchors_of(item) else page
        block = text_of(item, entity.block)
        if block is None or not 0 <= entity.start < entity.end <= len(block.text):
            continue
        by_article.setdefault(slug, []).append(
            MentionLink(href, window(block, entity.start, entity.end)))
    articles = tuple(
        ActorArticle(link_of(lookup.articles[slug]), counts.get(slug, len(snippets)),
                     tuple(snippets))
        for slug, snippets in by_article.items()
    )
    related = tuple(
        RelatedActor(other.id, other.name, _kind(other), actor_href(root, other.id),
                     r.articles, r.mentions)
        for r in index.related.top(actor.id, RELATED_LIMIT)
        if (other := actors.get(r.actor)) is not None
    )
    lang = config.language
    figures = tuple(
        figure_row(f.item, f.number, f.figure, actors=actors, root=root, lang=lang, t=t,
                   texts=texts_of(f.item), article=link_of(f.item))
        for f in lookup.figures.get(actor.id, [])
    )
    quotes = []
    for said in lookup.quotes.get(actor.id, []):
        page = link_of(said.item).href
        anchor = quote_anchor(said.quote)
        block = text_of(said.item, said.quote.block)
        quotes.append(QuoteRow(
            text=shorten(said.quote.text),
            lang=block.lang if block else said.item.article.lang,
            href=f"{page}#{anchor}" if anchor in anchors_of(said.item) else page,
            article=link_of(said.item),
        ))
    return ActorPage(
        id=actor.id, name=actor.name, kind=_kind(actor), aliases=tuple(actor.aliases),
        description=actor.description, links=external_links(actor, t),
        mentions=sum(counts.values()), articles=articles, related=related,
        figures=figures, quotes=tuple(quotes),
    )


def _kind(actor: Actor) -> str:
    return actor.kind if actor.kind in ENTITY_KINDS else "other"
