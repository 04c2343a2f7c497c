"""Links in an article body to other articles and to files of content/.

An editor links what the editor's preview can open: another article's
source file (`[voir](../syrie/alep.md#bilan)`) or a file beside it
(`[rapport](../docs/rapport.pdf)`), relative to the article file. The page
lives elsewhere (articles/<slug>/index.html), so a core rule (render/link_rule.py) rewrites such
links relative to the page: an article's file becomes its page's URL, with
the `?query` and `#fragment` kept; a file of content/ becomes the copy the
publish stage makes at the same relative path in output/.

Everything else is left as written: external URLs, `mailto:`, `#fragment`
links, and relative URLs that name no file of content/ (a link to a
generated page, `../alep/index.html`, works from the page as it is; `site-builder
check` says which of them lead nowhere). A link whose path leaves content/
from the article file and leaves output/ from the page is left as written
and reported: no path of content/ may reach outside either tree.

`content_path` is the one resolution of a path relative to an article file,
shared with images (render/images.py).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from markdown_it.token import Token

from site_builder.content.markdown import parse
from site_builder.model import Site
from site_builder.render.urls import page_href


class OutsideContent(ValueError):
    """The path cannot name a file of content/; the message says why."""


def content_path(path: str, article_path: PurePosixPath) -> str:
    """The content-relative path that `path` (decoded, no scheme) names from `article_path`.

    A leading "/" means the root of content/. Raises OutsideContent for
    paths that leave content/ or that are no usable file path.
    """
    # Backslashes are separators on Windows, where publish may run: refuse
    # them rather than guess.
    if not path or "\\" in path or "\x00" in path:
        raise OutsideContent(f"{path!r} is not a usable file path")
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(
        article_path.parent.as_posix(), path)
    normal = posixpath.normpath(joined)
    if normal in (".", "..") or normal.startswith(("../", "/")):
        raise OutsideContent(f"{path!r} points outside content/")
    return normal


def content_href(root: str, local: str) -> str:
    """Link from a page (with prefix `root`) to the copy of content/`local` in output/."""
    return root + quote(local, safe="/")


def article_directory(slug: str) -> str:
    """The site-relative directory of an article's page."""
    return f"articles/{slug}/"


def page_path(path: str, slug: str) -> str | None:
    """The output-relative path `path` (decoded) names from the page of `slug`; None outside."""
    if path.startswith("/") or "\\" in path or "\x00" in path:
        return None
    normal = posixpath.normpath(posixpath.join(article_directory(slug), path))
    if normal in (".", "..") or normal.startswith("../"):
        return None
    return "" if normal == "." else normal


@dataclass(frozen=True, slots=True)
class LocalLink:
    """What a relative link of an article names."""

    path: str  # the link's path, percent-decoded
    local: str | None  # content-relative path from the article file; None: outside content/
    query: str
    fragment: str


def local_link(href: str, article_path: PurePosixPath) -> LocalLink | None:
    """The relative link `href` of the article at `article_path`; None if it is no file link.

    External URLs (any scheme, or `//host`) and links within the page
    (`#fragment`, `?query`) are None.
    """
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    try:
        local: str | None = content_path(path, article_path)
    except OutsideContent:
        local = None
    return LocalLink(path, local, parts.query, parts.fragment)


# The content-relative path of every article (a .md file) -> its slug.
ArticlePaths = Mapping[str, str]


def article_paths(site: Site) -> dict[str, str]:
    """What links to articles resolve against: each article's content path -> its slug."""
    return {item.article.path.as_posix(): item.article.slug for item in site.articles}

# Whether content/<path> is a file the publish stage copies (an asset).
IsAsset = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Rewritten:
    href: str  # what the page's <a href> says
    outside: bool = False  # left as written because it leaves content/ and output/


def rewrite(href: str, article_path: PurePosixPath, slug: str, root: str,
            articles: ArticlePaths, is_asset: IsAsset) -> Rewritten:
    """The href a link of the article at `article_path` gets on its page (see the module doc)."""
    link = local_link(href, article_path)
    if link is None:
        return Rewritten(href)
    if link.local is not None:
        target = articles.get(link.local)
        if target is not None:
            return Rewritten(_with(page_href(root, article_directory(target)), link))
        if is_asset(link.local):
            return Rewritten(_with(content_href(root, link.local), link))
        return Rewritten(href)
    return Rewritten(href, outside=page_path(link.path, slug) is None)


def _with(url: str, link: LocalLink) -> str:
    return urlunsplit(("", "", url, link.query, link.fragment))


def link_targets(body: str, article_path: PurePosixPath) -> tuple[str, ...]:
    """The content-relative paths the Markdown links of a body name, sorted.

    What the rewrite of a page reads of the rest of the site: which of
    these paths are articles, and their slugs. A parse, no rendering.
    """
    # Markdown links need "](" (inline) or "]:" (a reference definition).
    if "](" not in body and "]:" not in body:
        return ()
    found = {link.local for token in _links(parse(body))
             if (link := local_link(str(token.attrs.get("href", "")), article_path))
             is not None and link.local is not None}
    return tuple(sorted(found))


def _links(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "link_open":
                    yield child
