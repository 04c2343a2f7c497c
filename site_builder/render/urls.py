"""Output paths and the links between them.

Pages link to each other with relative URLs that name an explicit
`index.html`, so the site works from any sub-path and from file:// (where a
directory link opens a file listing, or nothing). Each page gets a `root`
prefix that leads back to the output root. Only the feed, the sitemap and the
JSON export use absolute, clean URLs, and only when `base_url` is set.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlsplit

from site_builder.errors import ContentError, Problem
from site_builder.model import Article
from site_builder.slugs import slugify

# A path segment that is safe everywhere: no separators, no dot-only names,
# nothing a file system or a URL would read specially.
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")
_MAX_SLUG = 80


def root_of(output_path: str) -> str:
    """The prefix that leads from `output_path` back to the output root."""
    return "../" * output_path.count("/")


def page_href(root: str, directory: str) -> str:
    """Link from a page to the page of a site-relative `directory` ("" = home)."""
    return f"{root}{directory}index.html"


def public_url(base_url: str, directory: str) -> str:
    """URL of a page for the feed, sitemap and JSON export.

    Absolute and clean ("…/articles/x/") with a base URL; otherwise relative to
    the output root with an explicit index.html, like every other link.
    """
    if base_url:
        return base_url + directory
    return f"{directory}index.html"


def base_path(base_url: str) -> str:
    """The path part of `base_url` ("/" without one): the root for pages served at any depth."""
    path = urlsplit(base_url).path if base_url else ""
    return path if path.endswith("/") else (path + "/" if path else "/")


def is_safe_segment(segment: str) -> bool:
    return bool(_SAFE_SEGMENT.match(segment)) and ".." not in segment


def article_slug(article: Article) -> str:
    """The slug of `article`, checked before it becomes a directory of output/."""
    if not is_safe_segment(article.slug):
        raise ContentError(Problem.at(
            f"content/{article.path}", 1,
            f"slug {article.slug!r} is not a safe file name",
            "use only letters, digits, '-', '_' and '.' in `slug`",
        ))
    return article.slug


def tag_slug(tag: str) -> str:
    """An ASCII path segment for a tag: "Élections 2026" -> "elections-2026".

    Tags with no ASCII letters or digits at all (e.g. in another script) get a
    short stable hash instead, so they still have a page.
    """
    slug = slugify(tag, max_length=_MAX_SLUG)
    if slug:
        return slug
    return "tag-" + hashlib.sha256(tag.encode("utf-8")).hexdigest()[:10]


def path_segment(value: str) -> str:
    """Percent-encode `value` as one URL path segment (for ids made by other stages)."""
    return quote(value, safe="")


def dom_id(prefix: str, value: str) -> str:
    """An HTML id made from arbitrary text, stable and free of spaces."""
    clean = re.sub(r"[^A-Za-z0-9_\-]", "_", value)
    if clean != value:
        # Two different values must not collapse to the same id.
        clean += "-" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}{clean}"
