"""Where an article's image points, and how the page should point to it.

An image `src` in Markdown is relative to the article file, as an editor's
preview expects (content/2026/a.md uses ../images/x.png). The renderer turns
it into a content-relative path, refuses anything that leaves content/, and
rewrites it relative to the page; the publish stage copies content/<path> to
output/<path>. External http(s) images are kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from site_builder.content.images import Size, image_size
from site_builder.render import links

_EXTERNAL_SCHEMES = {"http", "https"}


class UnsafeImage(ValueError):
    """The image cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class ImageSource:
    src: str  # what the page's <img src> says
    local: str | None = None  # content-relative path of a local image
    size: Size | None = None
    found: bool = True


def content_path(src: str, article_path: PurePosixPath) -> str:
    """The content-relative path an image `src` of `article_path` names.

    A leading "/" means the root of content/. Raises UnsafeImage for other
    URL schemes and for paths that leave content/ (links.content_path).
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        raise UnsafeImage(f"image URL scheme {parts.scheme or '//'!r} is not allowed")
    try:
        return links.content_path(unquote(parts.path), article_path)
    except links.OutsideContent as exc:
        raise UnsafeImage(f"image {exc}") from None


class ImageResolver:
    """Resolves image sources for the pages of one content/ directory.

    Sizes are cached per file: a site reuses the same pictures across
    articles, and the dev server renders the same article many times.
    """

    def __init__(self, content_dir: Path) -> None:
        self._content_dir = content_dir
        self._sizes: dict[str, tuple[Size | None, bool]] = {}
        self._used: set[str] = set()

    @property
    def used(self) -> list[str]:
        """Content-relative paths of the local images resolved so far, sorted."""
        return sorted(self._used)

    def resolve(self, src: str, article_path: PurePosixPath, root: str) -> ImageSource:
        """Raises UnsafeImage when the image must be left out."""
        if urlsplit(src).scheme.lower() in _EXTERNAL_SCHEMES:
            return ImageSource(src=src)
        local = content_path(src, article_path)
        size, found = self._probe(local)
        if found:
            self._used.add(local)
        return ImageSource(src=links.content_href(root, local), local=local, size=size,
                           found=found)

    def _probe(self, local: str) -> tuple[Size | None, bool]:
        if local not in self._sizes:
            base = self._content_dir.resolve()
            path = (base / local).resolve()
            # A symbolic link inside content/ may still lead out of it.
            if not path.is_relative_to(base):
                raise UnsafeImage(f"image {local!r} is a link to a file outside content/")
            found = path.is_file()
            self._sizes[local] = (image_size(path) if found else None, found)
        return self._sizes[local]
