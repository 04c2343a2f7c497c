"""What the Markdown core rules of the render stage need to know about one page.

markdown-it passes a free-form `env` mapping to every rule; the render stage
puts one `BodyContext` in it under `ENV_KEY`, so each rule reads typed data
and a body rendered without it is plain Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from site_builder.errors import Problem
from site_builder.model import Actor, Annotations, Article
from site_builder.render.i18n import Catalogs, Words, theme_catalogs
from site_builder.render.images import ImageResolver

ENV_KEY = "site_builder"


@dataclass(slots=True)
class BodyContext:
    article: Article
    root: str  # prefix from the page back to the output root
    annotations: Annotations | None = None
    actors: Mapping[str, Actor] = field(default_factory=dict)
    images: ImageResolver | None = None  # None: images keep their src as written
    catalogs: Catalogs = field(default_factory=theme_catalogs)  # the words of the markup
    # Content-relative path of each article -> its slug, and whether a path
    # of content/ is a copied file; None: links keep their href as written.
    articles: Mapping[str, str] | None = None
    is_asset: Callable[[str], bool] | None = None
    dev: bool = False  # the preview server: unsourced figures are marked in the text
    warnings: list[Problem] = field(default_factory=list)
    # Ids the annotation rule gave elements of the body: what other pages may link to.
    anchors: set[str] = field(default_factory=set)

    def words(self, lang: str | None = None) -> Words:
        """The words of markup written into a block in `lang` (the article's by default)."""
        return self.catalogs.words(lang or self.article.lang)

    def warn(self, line: int, message: str, hint: str = "") -> None:
        """Record a problem at `line` of the article body (0-based, as token maps are)."""
        self.warnings.append(Problem.at(
            f"content/{self.article.path}", self.article.body_line + line, message, hint
        ))


def body_context(env: MutableMapping[str, Any]) -> BodyContext | None:
    ctx = env.get(ENV_KEY)
    return ctx if isinstance(ctx, BodyContext) else None
