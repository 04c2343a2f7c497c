"""What the templates receive: small, read-only views of the site's data.

Everything here is computed from the `Site` alone, in a stable order, so the
same site always renders the same bytes. docs/theming.md lists each field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from site_builder.config import Config
from site_builder.model import ENTITY_KINDS, Actor, AnnotatedArticle, Article
from site_builder.render.entity_marks import card_id
from site_builder.render.i18n import local_date
from site_builder.render.urls import (
    article_slug,
    dom_id,
    page_href,
    path_segment,
    tag_slug,
)

Signature = tuple[object, ...]


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SiteInfo:
    title: str
    description: str
    language: str
    base_url: str
    author: str
    extra: Mapping[str, object]
    notice: str = ""

    @classmethod
    def of(cls, config: Config) -> SiteInfo:
        return cls(config.title, config.description, config.language, config.base_url,
                   config.author, config.extra, config.notice)


@dataclass(frozen=True, slots=True)
class TagLink:
    name: str
    slug: str
    href: str  # relative to the page that shows it
    count: int = 0


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """An article as listings show it."""

    article: Article
    href: str
    date_text: str
    date_iso: str
    tags: tuple[TagLink, ...]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor mentioned in the article, for the page and its tooltips."""

    id: str
    name: str
    kind: str
    description: str | None
    href: str
    dom_id: str  # target of the mentions' aria-describedby
    card_id: str  # the card site.js opens over a first mention


@dataclass(frozen=True, slots=True)
class RankedActor:
    """An actor of the article with its number of mentions there."""

    id: str
    name: str
    kind: str
    href: str
    mentions: int


@dataclass(frozen=True, slots=True)
class Neighbour:
    """The article before or after this one in the site's order (newest first)."""

    title: str
    lang: str
    href: str  # relative to the page that shows it


@dataclass(frozen=True, slots=True)
class Pagination:
    number: int  # 1-based
    total: int
    previous_href: str | None  # newer articles
    next_href: str | None  # older articles


# ------------------------------------------------------------------------------ tags


@dataclass(frozen=True, slots=True)
class TagGroup:
    name: str  # as first written, newest article first
    slug: str
    articles: tuple[AnnotatedArticle, ...]


def group_tags(items: Sequence[AnnotatedArticle]) -> list[TagGroup]:
    """Tags by slug, so "Élections" and "elections" share a page.

    Sorted by slug, which orders "Économie" among the E's whatever the accents.
    """
    names: dict[str, str] = {}
    members: dict[str, list[AnnotatedArticle]] = {}
    for item in items:
        for slug in dict.fromkeys(tag_slug(t) for t in item.article.tags):
            members.setdefault(slug, []).append(item)
        for tag in item.article.tags:
            names.setdefault(tag_slug(tag), tag)
    groups = [TagGroup(names[s], s, tuple(members[s])) for s in members]
    return sorted(groups, key=lambda g: (g.slug, g.name))


def tag_links(tags: Iterable[str], root: str) -> tuple[TagLink, ...]:
    seen = dict.fromkeys(tags)
    return tuple(TagLink(t, tag_slug(t), page_href(root, f"tags/{tag_slug(t)}/")) for t in seen)


# -------------------------------------------------------------------------- articles


def article_link(item: AnnotatedArticle, root: str, config: Config) -> ArticleLink:
    article = item.article
    return ArticleLink(
        article=article,
        href=page_href(root, f"articles/{article_slug(article)}/"),
        date_text=local_date(article.date, article.lang, timezone=config.timezone,
                             fallback=config.language),
        date_iso=article.date.isoformat(),
        tags=tag_links(article.tags, root),
    )


# A common estimate of silent reading speed for news prose (words a minute).
WORDS_PER_MINUTE = 230


def word_count(article: Article) -> int:
    """The words of the article's text blocks (headings, paragraphs, table cells)."""
    return sum(len(block.text.split()) for block in article.blocks)


def reading_minutes(article: Article) -> int:
    """Minutes to read the article, rounded up; at least 1."""
    return max(1, -(-word_count(article) // WORDS_PER_MINUTE))


def neighbours(articles: Sequence[AnnotatedArticle], position: int,
               root: str) -> tuple[Neighbour | None, Neighbour | None]:
    """The newer and the older article next to `articles[position]` (site order: newest first).

    A `position` of -1 (an article outside the list) has no neighbours.
    """
    def at(i: int) -> Neighbour | None:
        if position < 0 or not 0 <= i < len(articles):
            return None
        article = articles[i].article
        return Neighbour(article.title, article.lang,
                         page_href(root, f"articles/{article_slug(article)}/"))
    return at(position - 1), at(position + 1)


def neighbour_signature(articles: Sequence[AnnotatedArticle], position: int) -> Signature:
    """What an article page shows of its neighbours: it changes when one is added or renamed."""
    return tuple(
        (articles[i].article.slug, articles[i].article.title, articles[i].article.lang)
        if 0 <= i < len(articles) else None
        for i in (position - 1, position + 1)
    )


def related_signature(articles: Sequence[AnnotatedArticle],
                      positions: Sequence[int]) -> Signature:
    """What an article page shows of its related articles (render/related.py)."""
    return tuple(article_meta_shown(articles[i]) for i in positions)


def article_meta_shown(item: AnnotatedArticle) -> Signature:
    """What a link to an article shows: its slug, title, language and date."""
    article = item.article
    return (article.slug, article.title, article.lang, article.date.isoformat())


def _block_order(block_id: str) -> int:
    digits = block_id[1:]
    return int(digits) if digits.isdigit() else -1


def article_actors(item: AnnotatedArticle, actors: Mapping[str, Actor]) -> list[Actor]:
    """Actors of one article, in order of first mention; sources and speakers after."""
    annotations = item.annotations
    entities = sorted(annotations.entities, key=lambda e: (_block_order(e.block), e.start))
    ids = [e.actor for e in entities]
    ids += [f.source for f in annotations.figures]
    ids += [q.speaker for q in annotations.quotes]
    return [actors[i] for i in dict.fromkeys(ids) if i is not None and i in actors]


def actor_refs(found: Sequence[Actor], root: str) -> list[ActorRef]:
    return [
        ActorRef(a.id, a.name, a.kind, a.description,
                 page_href(root, f"actors/{path_segment(a.id)}/"), dom_id("actor-", a.id),
                 card_id(a.id))
        for a in found
    ]


def entity_kinds(item: AnnotatedArticle) -> list[str]:
    """The kinds present in the article, in the legend's fixed order."""
    present = {e.kind for e in item.annotations.entities}
    # The body marks up a kind it does not know as "other": so does the legend.
    if present - set(ENTITY_KINDS):
        present.add("other")
    return [k for k in ENTITY_KINDS if k in present]


# --------------------------------------------------------------------------- listing


def page_directory(number: int) -> str:
    """Site-relative directory of listing page `number` ("" for the first)."""
    return "" if number == 1 else f"page/{number}/"


def paginate(items: Sequence[T], per_page: int) -> list[Sequence[T]]:
    """Chunks of `per_page`; one empty page for an empty list, which still has a page."""
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)]
    return chunks or [items[:0]]


def pagination(number: int, total: int, root: str, base: str = "") -> Pagination:
    """Page `number` of `total` whose first page is the directory `base` ("" is the home)."""
    return Pagination(
        number=number,
        total=total,
        previous_href=page_href(root, base + page_directory(number - 1)) if number > 1
        else None,
        next_href=page_href(root, base + page_directory(number + 1)) if number < total
        else None,
    )
