"""What an actor page shows: `actors/<id>/index.html`, and its later pages.

An actor named in thousands of articles must not make a page of megabytes:
the first page shows the newest `ARTICLES_PER_PAGE` articles (each with at
most `SNIPPETS_PER_ARTICLE` mentions in context), the newest
`FIRST_PAGE_ROWS` figures and quotes, and links to the rest: older
articles on `actors/<id>/page/N/`, every figure on the source's figures
pages (`figures/sources/<id>/`), every quote on `actors/<id>/quotes/`.

Built from the linked site, its `ActorIndex` and a `SiteLookup`. Mention
links point at the mention's id in the article (`#m-<block>-<start>`), or at
the article itself when its body has no such id (see `anchors`). Everything
is in site order (newest article first), then text order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass

from site_builder.config import Config
from site_builder.link import ActorIndex
from site_builder.model import ENTITY_KINDS, Actor, AnnotatedArticle, Entity
from site_builder.render.entity_marks import mention_anchor
from site_builder.render.external_links import ExternalLink, external_links
from site_builder.render.figure_rows import FigureRow, figure_row
from site_builder.render.lookup import SaidQuote, SiteLookup
from site_builder.render.pages import ArticleLink, article_link
from site_builder.render.quote_marks import quote_anchor
from site_builder.render.snippets import BlockText, Snippet, block_texts, shorten, window
from site_builder.render.urls import page_href, path_segment

RELATED_LIMIT = 15
ARTICLES_PER_PAGE = 25
SNIPPETS_PER_ARTICLE = 3
FIRST_PAGE_ROWS = 20  # figures and quotes on the first page
QUOTES_PER_PAGE = 100

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
    articles: tuple[ActorArticle, ...]  # this page's
    related: tuple[RelatedActor, ...]
    figures: tuple[FigureRow, ...]  # the newest, on the first page only
    quotes: tuple[QuoteRow, ...]  # the newest, on the first page only
    article_count: int = 0  # every article that names the actor
    figure_count: int = 0  # every figure it reported
    quote_count: int = 0  # every quote it said
    figures_href: str | None = None  # its pages on the figures explorer
    quotes_href: str | None = None  # every quote, when the first page does not show all


def actor_href(root: str, actor_id: str) -> str:
    return page_href(root, f"actors/{path_segment(actor_id)}/")


def article_pages(index: ActorIndex, actor_id: str) -> int:
    """How many pages the actor's articles take (at least one)."""
    return max(1, -(-len(index.counts.get(actor_id, {})) // ARTICLES_PER_PAGE))


def quote_pages(lookup: SiteLookup, actor_id: str) -> int:
    """How many `actors/<id>/quotes/` pages the actor has: 0 when its first page shows all."""
    said = len(lookup.quotes.get(actor_id, []))
    return 0 if said <= FIRST_PAGE_ROWS else -(-said // QUOTES_PER_PAGE)


def mentions_by_article(index: ActorIndex, actor_id: str) -> list[tuple[str, list[Entity]]]:
    """The actor's mentions, grouped by article in site order (then text order)."""
    grouped: dict[str, list[Entity]] = {}
    for slug, entity in index.mentions.get(actor_id, []):
        grouped.setdefault(slug, []).append(entity)
    return list(grouped.items())


def actor_page(
    actor: Actor, index: ActorIndex, lookup: SiteLookup, actors: Mapping[str, Actor], *,
    root: str, config: Config, t: Mapping[str, str], anchors_of: AnchorsOf, page: int = 1,
    mentions: Sequence[tuple[str, Sequence[Entity]]] | None = None,
) -> ActorPage:
    """Page `page` (1-based) of the actor, links relative to `root`.

    `mentions` is `mentions_by_article(index, actor.id)`: a caller rendering
    every page gathers it once, not once a page.
    """
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
    first = page == 1
    grouped = mentions if mentions is not None else mentions_by_article(index, actor.id)
    start = (page - 1) * ARTICLES_PER_PAGE
    by_article: dict[str, list[MentionLink]] = {}
    for slug, entities in grouped[start:start + ARTICLES_PER_PAGE]:  # newest first
        item = lookup.articles.get(slug)
        if item is None:
            continue
        for entity in entities:
            if len(by_article.get(slug, ())) >= SNIPPETS_PER_ARTICLE:
                break
            article_href = link_of(item).href
            anchor = mention_anchor(entity.block, entity.start)
            href = f"{article_href}#{anchor}" if anchor in anchors_of(item) else article_href
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
        for r in (index.related.top(actor.id, RELATED_LIMIT) if first else ())
        if (other := actors.get(r.actor)) is not None
    )
    lang = config.language
    reported = lookup.figures.get(actor.id, [])
    said_all = lookup.quotes.get(actor.id, [])
    figures = tuple(
        figure_row(f.item, f.number, f.figure, actors=actors, root=root, lang=lang, t=t,
                   texts=texts_of(f.item), article=link_of(f.item))
        for f in (reported[:FIRST_PAGE_ROWS] if first else ())
    )
    quotes = quote_rows(said_all[:FIRST_PAGE_ROWS] if first else (), link_of, text_of,
                        anchors_of)
    return ActorPage(
        id=actor.id, name=actor.name, kind=_kind(actor), aliases=tuple(actor.aliases),
        description=actor.description, links=external_links(actor, t),
        mentions=sum(counts.values()), articles=articles, related=related,
        figures=figures, quotes=tuple(quotes), article_count=len(counts),
        figure_count=len(reported), quote_count=len(said_all),
        figures_href=page_href(root, f"figures/sources/{path_segment(actor.id)}/")
        if reported else None,
        quotes_href=page_href(root, f"actors/{path_segment(actor.id)}/quotes/")
        if quote_pages(lookup, actor.id) else None,
    )


def quote_rows(said_quotes: Sequence[SaidQuote], link_of: Callable[[AnnotatedArticle],
               ArticleLink], text_of: Callable[[AnnotatedArticle, str], BlockText | None],
               anchors_of: AnchorsOf) -> list[QuoteRow]:
    """Quotes as listed on an actor's pages, each linked to its place in the article."""
    quotes = []
    for said in said_quotes:
        page = link_of(said.item).href
        anchor = quote_anchor(said.quote)
        block = text_of(said.item, said.quote.block)
        quotes.append(QuoteRow(
            text=shorten(said.quote.text),
            lang=block.lang if block else said.item.article.lang,
            href=f"{page}#{anchor}" if anchor in anchors_of(said.item) else page,
            article=link_of(said.item),
        ))
    return quotes


def actor_quotes(
    actor: Actor, lookup: SiteLookup, *, root: str, config: Config, page: int,
    anchors_of: AnchorsOf,
) -> list[QuoteRow]:
    """Page `page` of every quote the actor said (`actors/<id>/quotes/`)."""
    said = lookup.quotes.get(actor.id, [])
    chunk = said[(page - 1) * QUOTES_PER_PAGE:page * QUOTES_PER_PAGE]

    def text_of(item: AnnotatedArticle, block: str) -> BlockText | None:
        texts = lookup.texts.get(item.article.slug)
        return (texts if texts is not None else block_texts(item)).get(block)

    return quote_rows(chunk, lambda item: article_link(item, root, config), text_of, anchors_of)


def _kind(actor: Actor) -> str:
    return actor.kind if actor.kind in ENTITY_KINDS else "other"
