"""Data for feed.xml (Atom, RFC 4287) and sitemap.xml.

Both must be reproducible: the feed's <updated> is the newest article's date,
never the build time. Atom ids must be absolute IRIs; without a base URL the
ids are name-based UUIDs of the slug, stable across builds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from site_builder.config import Config
from site_builder.model import Site
from site_builder.render.network import NETWORK_DIRECTORY
from site_builder.render.pages import group_tags, page_directory, paginate
from site_builder.render.site_pages import FIGURES_DIRECTORY, SORT_DIRECTORIES
from site_builder.render.urls import article_slug, path_segment, public_url

# When a site has no article at all, its feed still needs an <updated>.
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://site-builder.invalid/articles/")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: str
    title: str
    url: str
    published: str
    updated: str
    authors: tuple[str, ...]
    summary: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Feed:
    id: str
    title: str
    subtitle: str
    lang: str
    updated: str
    self_url: str
    home_url: str
    author: str
    entries: tuple[FeedEntry, ...]


def feed(site: Site, config: Config) -> Feed:
    """The `config.per_page` newest articles as an Atom feed."""
    base = config.base_url
    entries = []
    for item in site.articles[: config.per_page]:
        article = item.article
        slug = article_slug(article)
        stamp = article.date.isoformat()
        entries.append(FeedEntry(
            id=public_url(base, f"articles/{slug}/") if base else
            f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, slug)}",
            title=article.title,
            url=public_url(base, f"articles/{slug}/"),
            published=stamp,
            updated=stamp,
            authors=article.authors,
            summary=article.summary or article.title,
            tags=tuple(dict.fromkeys(article.tags)),
        ))
    newest = max((i.article.date for i in site.articles), default=_EPOCH)
    return Feed(
        id=base or f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, config.title)}",
        title=config.title,
        subtitle=config.description,
        lang=config.language,
        updated=newest.isoformat(),
        self_url=(base + "feed.xml") if base else "feed.xml",
        home_url=public_url(base, ""),
        # Atom wants an author for every entry: the site's stands in for bylines.
        author=config.author or config.title,
        entries=tuple(entries),
    )


@dataclass(frozen=True, slots=True)
class SitemapUrl:
    loc: str
    lastmod: str | None = None


def sitemap(site: Site, config: Config) -> list[SitemapUrl]:
    """Every HTML page: listings, tags, articles, actors and the figures index."""
    base = config.base_url
    newest = site.articles[0].article.date.date().isoformat() if site.articles else None
    urls = [SitemapUrl(public_url(base, ""), newest)]
    pages = len(paginate(site.articles, config.per_page))
    urls += [SitemapUrl(public_url(base, page_directory(n))) for n in range(2, pages + 1)]
    urls += [SitemapUrl(public_url(base, "tags/"))]
    urls += [SitemapUrl(public_url(base, f"tags/{g.slug}/")) for g in group_tags(site.articles)]
    urls += [
        SitemapUrl(public_url(base, f"articles/{article_slug(i.article)}/"),
                   i.article.date.date().isoformat())
        for i in site.articles
    ]
    directories = [*SORT_DIRECTORIES.values(), FIGURES_DIRECTORY, NETWORK_DIRECTORY]
    directories += [f"actors/{path_segment(a)}/" for a in sorted(site.actors)]
    urls += [SitemapUrl(public_url(base, d)) for d in directories]
    return urls
